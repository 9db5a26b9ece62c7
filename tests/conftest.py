"""Shared fixtures. Tests never read ../shared: the corpus and the seed live in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.text.page import page_from_text

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
SEED_DIR = FIXTURES / "seed"
SEED = SEED_DIR / "000_589a0a13f298ede5.txt"


def make_page(body: str, title: str = "Kết quả công tác dân vận của Đảng bộ thị xã Sa Pa quý I năm 2021",
              tail: str = "Hà Dinh\nThông tin mới nhất\nĐăng nhập"):
    """A text page in the copied-from-browser layout around ``body``."""
    return page_from_text(f"{title}\nLượt xem: 10\n\n{body}\n\n{tail}\n", "test.txt")


@pytest.fixture(scope="session")
def seed_tables(tmp_path_factory) -> Path:
    """The seed page extracted into Parquet tables (once per session)."""
    from analysis.tables import extract_folder
    out = tmp_path_factory.mktemp("seed-tables")
    summary = extract_folder(SEED_DIR, out)
    assert summary.errors == []
    return out
