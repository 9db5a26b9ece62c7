"""Extraction into Parquet: the seed against its gold, batches with bad pages, incremental runs."""

import datetime as dt
import json
import shutil

import pandas as pd
import pytest

from analysis import schema
from analysis.tables import extract_folder, read_tables
from tests.conftest import SEED, SEED_DIR

GOLD = json.loads((SEED_DIR / "000_589a0a13f298ede5.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(seed_tables):
    return read_tables(seed_tables)


def test_every_table_is_written_and_valid(seed_tables, seed):
    for name in schema.TABLES:
        assert (seed_tables / f"{name}.parquet").exists()
        schema.validate(name, seed[name])


def test_seed_report_row(seed):
    r = seed["reports"].iloc[0]
    g = GOLD["report"]
    assert r["source_file"] == SEED.name
    for field in ("title", "locality", "locality_type", "province", "period_type", "year",
                  "quarter", "author", "views"):
        assert r[field] == g[field], field
    assert r["period_label"] == "2021-Q1" and r["encoding"] == "utf-8"


def test_seed_documents(seed):
    d = seed["doc_refs"]
    first = d[d["is_first_mention"]]
    assert len(first) == 11 and first["code"].notna().sum() == 9
    by_code = {c: row for c, row in zip(first["code"].fillna(first["number"]), first.to_dict("records"))}
    for g in GOLD["doc_refs"]:
        row = by_code[g["code"] or g["number"]]
        want = pd.Timestamp(g["issued_on"]) if g["issued_on"] else None
        assert (row["issued_on"] if pd.notna(row["issued_on"]) else None) == want, g
        assert row["level"] == g["level"] and row["section"] == g["section"], g
        assert row["issuer"] == g["issuer"], g
    assert set(first.loc[first["code"].isna(), "doc_type_name"]) == {"Đề án"}


def test_seed_money_counters_tasks(seed):
    a = seed["amounts"]
    assert list(a["amount_vnd"]) == [178_000_000] and a["kind"].iloc[0] == "support"
    assert "178 triệu đồng" in a["sentence"].iloc[0]
    s = seed["site_stats"].iloc[0]
    assert (s["online"], s["today"], s["week"], s["total"]) == (11, 94, 930, 331_618)
    t = seed["tasks"]
    assert len(t) == 3 and set(t["target_quarter"]) == {2} and set(t["target_year"]) == {2021}


def test_chrome_never_leaks(seed):
    text = " ".join(pd.concat([seed["doc_refs"]["sentence"], seed["amounts"]["sentence"],
                               seed["counts"]["sentence"], seed["tasks"]["text"]]))
    for chrome in ("Thông tin mới nhất", "Thống kê truy cập", "Đăng nhập", "331,618", "Hà Dinh"):
        assert chrome not in text


def test_tone_styles_are_one_body(seed):
    d = seed["doc_refs"]
    issuers = set(d.loc[d["code"].isin(["06-CT/TU", "07-CT/TU"]), "issuer"])
    assert issuers == {"Ban Thường vụ Thị ủy"}    # written "Thị ủy" and "Thị uỷ" on the page


def test_bad_pages_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "raw"
    src.mkdir()
    shutil.copy(SEED, src / "good.txt")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02garbage\xff\xfe")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "tables"
    s = extract_folder(src, out)
    assert s.parsed == 1 and len(s.errors) == 2
    assert any("binary.txt" in e for e in s.errors) and any("empty.txt" in e for e in s.errors)
    assert list(read_tables(out)["reports"]["source_file"]) == ["good.txt"]
    assert [p.name for p in out.rglob(".*")] == [".lock"]   # no temporary file left behind


def test_incremental_extraction(tmp_path):
    src = tmp_path / "raw"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED, src / "b.txt")
    out = tmp_path / "tables"
    assert extract_folder(src, out).parsed == 2
    (src / "a.txt").touch()                              # touched, same bytes: not parsed again
    s = extract_folder(src, out)
    assert (s.parsed, s.reused) == (0, 2)
    text = SEED.read_text(encoding="utf-8").replace("178 triệu đồng", "179 triệu đồng")
    (src / "b.txt").write_text(text, encoding="utf-8")   # changed: parsed again
    (src / "a.txt").unlink()                             # removed: leaves the tables
    s = extract_folder(src, out)
    assert (s.parsed, s.reused, s.removed) == (1, 0, 1)
    t = read_tables(out)
    assert list(t["reports"]["source_file"]) == ["b.txt"]
    assert list(t["amounts"]["amount_vnd"]) == [179_000_000]


def test_schema_rejects_wrong_values(seed):
    bad = seed["amounts"].copy()
    bad.loc[0, "kind"] = "bribe"
    with pytest.raises(Exception, match="isin|kind"):
        schema.validate("amounts", bad)


def test_data_dictionary_covers_every_column():
    md = schema.data_dictionary_markdown()
    html = schema.data_dictionary_html()
    for t in schema.TABLES.values():
        for c in t.columns:
            assert f"`{c.name}`" in md and f"<code>{c.name}</code>" in html


def test_extract_command_line(tmp_path):
    from analysis.__main__ import main
    assert main(["extract", str(SEED_DIR), "--out", str(tmp_path)]) == 0
    assert read_tables(tmp_path)["reports"]["published_on"].isna().all()
    assert dt.date(2021, 1, 20) in set(read_tables(tmp_path)["doc_refs"]["issued_on"].dt.date)


def test_rows_from_other_extraction_code_are_made_again(tmp_path):
    src = tmp_path / "raw"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    out = tmp_path / "tables"
    extract_folder(src, out)
    reports = pd.read_parquet(out / "reports.parquet")
    reports["extractor_digest"] = "older-extractor"
    reports.to_parquet(out / "reports.parquet", index=False)
    s = extract_folder(src, out)
    assert (s.parsed, s.reused) == (1, 0)
    assert read_tables(out)["reports"]["extractor_digest"].iloc[0] != "older-extractor"


def test_formats_follow_vietnamese_conventions():
    from analysis.formats import counter, period_vi, quarter_vi, vnd, vnd_short
    assert vnd(178_500_000) == "178.500.000 đồng"
    assert vnd_short(1_500_000_000) == "1,5 tỷ đồng" and vnd_short(178_000_000) == "178 triệu đồng"
    assert counter(331_618) == "331.618"            # Vietnamese format, not the widget's "331,618"
    assert quarter_vi(4, 2021) == "quý IV/2021" and quarter_vi(1, 2021, capital=True) == "Quý I/2021"
    assert period_vi("half_year", 2021, half=2) == "6 tháng cuối năm 2021"
