"""A mixed folder extracts in one run; unreadable files are listed with their reasons."""

from __future__ import annotations

import shutil

import pandas as pd

from analysis.__main__ import main
from analysis.official import doc as doc_module
from analysis.tables import extract_bytes

from tests.conftest import CORPUS


def test_mixed_folder_one_run_lists_unreadable_files_and_exits_1(official, tmp_path, capsys):
    src = tmp_path / "raw"
    src.mkdir()
    for f in [CORPUS / "baothang-2021-q2.html", CORPUS / "sapa-2020-q2.txt",
              official / "docx" / "lc-baothang-2021-q2.docx",
              official / "pdf" / "lc-sapa-2021-q2.pdf",
              official / "scan" / "lc-muongkhuong-2021-q2.pdf",
              official / "doc" / "lc-muongkhuong-2021-q2.doc",
              official / "bad" / "hong-tep.docx", official / "bad" / "co-mat-khau.pdf"]:
        shutil.copy(f, src / (f"scan-{f.name}" if f.parent.name == "scan" else f.name))
    out = tmp_path / "tables"
    assert main(["extract", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "hong-tep.docx: not a readable Word .docx file" in err
    assert "co-mat-khau.pdf: the PDF is password-protected" in err
    r = pd.read_parquet(out / "reports.parquet")
    assert sorted(r["source_kind"]) == ["doc", "docx", "page", "page", "pdf", "pdf_ocr"]
    assert len(r) == 6
    f = pd.read_parquet(out / "table_figures.parquet")
    assert set(f["report_id"]) == set(r.loc[r["source_kind"] != "page", "report_id"])


def test_doc_without_libreoffice_names_the_file_and_package(official, monkeypatch):
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    f = official / "doc" / "lc-muongkhuong-2021-q2.doc"
    res = extract_bytes(f.read_bytes(), f.name)
    assert res.rows is None
    assert res.error.startswith("lc-muongkhuong-2021-q2.doc: ")
    assert "libreoffice-writer-nogui" in res.error
