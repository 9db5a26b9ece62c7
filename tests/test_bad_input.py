"""Bad-input catalogue. Every case runs the real command line in a subprocess and asserts the
message, the exit status and that nothing else was lost.

Pages: one extraction batch holds a good page and every kind of bad or odd entry; each case
checks its own line in the output, and every case checks that the good pages are all there with
their figures (nothing dropped, nothing refused twice). Command line and faults: each case runs
its own command.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from analysis.tables import MAX_PAGE_BYTES, read_tables, write_tables
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = SEED.read_text(encoding="utf-8")


def page(million: int, text: str = SEED_TEXT) -> str:
    """The seed page with its support figure changed, so every kept page is told apart."""
    return text.replace("178 triệu đồng", f"{million} triệu đồng")


def cli(*args, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if k != "ANALYSIS_PAUSE_AT"}
    e.update(PYTHONPATH=str(ROOT / "src"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT, env=e,
                          capture_output=True, text=True, timeout=timeout)


# --- pages -------------------------------------------------------------------------------------

# name -> bytes (or a callable making the entry in the folder); kept pages carry a distinct figure
KEPT = {
    "good.txt": page(178).encode(),
    "bom-utf8.txt": codecs.BOM_UTF8 + page(101).encode(),
    "bom-utf16.txt": page(102).encode("utf-16"),
    "crlf.txt": page(103).replace("\n", "\r\n").encode(),
    "cr.txt": page(104).replace("\n", "\r").encode(),
    "nfd.txt": unicodedata.normalize("NFD", page(105)).encode(),
    "tên có dấu cách.txt": page(106).encode(),
    "Báo cáo quý I năm 2021.txt": page(107).encode(),
    "dòng\nmới.txt": page(108).encode(),
    "sub/folder/nested.txt": page(109).encode(),
    "cut-short.txt": page(110)[:3000].encode(),
    "dup-a.txt": page(150).encode(),
    "dup-b.txt": page(150).encode(),
    "rev-1.txt": page(160).encode(),
    "rev-2.txt": page(161).encode(),
    "absurd-money.txt": page(111).replace(
        "với tổng số tiền 111 triệu đồng",
        "với tổng số tiền 1.000.000.000.000.000.000.000.000.000.000 đồng").encode(),
    "bullet-minus.txt": page(112).replace("với tổng số tiền 112", "với tổng số tiền -112").encode(),
    "feb-31.txt": page(113).replace("ngày 20/01/2021", "ngày 31/02/2021").encode(),
    "year-2099.txt": page(114).replace("quý I năm 2021", "quý I năm 2099", 1).encode(),
    "year-1899.txt": page(115).replace("quý I năm 2021", "quý I năm 1899", 1).encode(),
}
REFUSED = {  # name -> (bytes or maker, expected message)
    "empty.txt": (b"", r"empty file \(0 bytes\)"),
    "blank.txt": (b"  \n\t\n   \n", r"no article text found"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), r"binary data"),
    "archive.txt": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(300), r"binary data"),
    "document.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"
                     b"x\x9c\xed\xbd\x8b\xa0\xf1\xfe\x81\nendstream\n", r"not UTF-8 .*no Vietnamese"),
    "truncated-char.txt": (page(120).encode() + "ạ".encode()[:2],
                           r"not UTF-8 \(invalid byte 0xE1 at offset \d+\)"),
    "mixed-encodings.txt": (page(121).encode()[:3000]
                            + page(121)[3000:].encode("cp1258", errors="replace"),
                            r"not UTF-8 .*no Vietnamese legacy encoding"),
    "nul-bytes.txt": (page(122).encode()[:200] + b"\x00" + page(122).encode()[200:],
                      r"NUL byte"),
    "utf32.txt": (codecs.BOM_UTF32_LE + page(123).encode("utf-32-le"), r"UTF-32 is not supported"),
    "huge.txt": ("sparse", rf"above the limit of {MAX_PAGE_BYTES // 2**20} MB"),
    "one-line.txt": ((page(124).split("\n")[0] + "\n"
                      + "Nhân dân tích cực lao động, sản xuất, góp 5 triệu đồng " * 90_000).encode(),
                     r"a paragraph of [\d,]+ characters, above the limit"),
    "recipe.txt": ("Cách làm bánh chưng ngày Tết\n\nNguyên liệu: gạo nếp 1 kg, đậu xanh 300 gam, "
                   "thịt ba chỉ 500 gam. Rửa lá dong, ngâm gạo qua đêm.\n".encode(),
                   r"not a report of the political system"),
    "english.txt": (b"Stock markets rallied as investors welcomed first-quarter results.\n\n"
                    b"Analysts said the gains were broad.\n", r"not a report of the political system"),
    "loop.txt": ("loop", r"symbolic link loop"),
    "dangling.txt": ("dangling", r"broken symbolic link"),
    "folder.txt": ("folder", r"a folder named like a page"),
    "fifo.txt": ("fifo", r"not a regular file"),
    "looped": ("dirloop", r"symbolic link loop \(folder visited twice\)"),
}


def _make(raw: Path, name: str, content) -> None:
    p = raw / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    elif content == "sparse":
        with open(p, "wb") as f:
            f.truncate(50 * 2**20)           # a 50 MB page (sparse: no disk used)
    elif content == "loop":
        os.symlink(name, p)
    elif content == "dangling":
        os.symlink("no-such-page.txt", p)
    elif content == "folder":
        p.mkdir()
    elif content == "fifo":
        os.mkfifo(p)                          # reading it would block forever: never opened
    elif content == "dirloop":
        p.mkdir()
        os.symlink("..", p / "up")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad-input")
    raw = tmp / "raw"
    raw.mkdir()
    for name, data in KEPT.items():
        _make(raw, name, data)
    for name, (data, _) in REFUSED.items():
        _make(raw, name, data)
    r = cli("extract", raw, "--out", tmp / "tables", "--jobs", "2", timeout=900)
    errors = [ln[len("  ERROR "):] for ln in r.stderr.splitlines() if ln.startswith("  ERROR ")]
    return r, read_tables(tmp / "tables"), errors


def _support(tables: dict, source_file: str) -> list:
    r = tables["reports"]
    ids = r.loc[r["source_file"] == source_file, "report_id"]
    a = tables["amounts"]
    return list(a.loc[a["report_id"].isin(ids) & (a["kind"] == "support"), "amount_vnd"])


def _nothing_else_lost(r, tables, errors) -> None:
    assert r.returncode == 1                               # some pages were refused
    names = set(tables["reports"]["source_file"])
    assert names == set(KEPT), set(KEPT) ^ names           # every readable page is there
    assert len(errors) == len(REFUSED)                     # every refusal said once
    assert _support(tables, "good.txt") == [178_000_000]
    assert f"{len(KEPT)} parsed" in r.stdout


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_with_its_reason(batch, name):
    r, tables, errors = batch
    shown = name.replace("\n", "\\n")
    mine = [e for e in errors if e.startswith(f"{shown}:") or e.startswith(f"{shown}/")]
    assert len(mine) == 1, errors
    assert re.search(REFUSED[name][1], mine[0]), mine[0]
    _nothing_else_lost(r, tables, errors)


@pytest.mark.parametrize("name", [n for n in KEPT if n.startswith(
    ("good", "bom", "cr", "nfd", "tên", "Báo", "dòng", "sub", "cut-short"))])
def test_odd_but_readable_pages_are_read(batch, name):
    r, tables, errors = batch
    text = KEPT[name].decode("utf-16" if name == "bom-utf16.txt" else "utf-8-sig")
    million = int(re.search(r"(\d+) triệu đồng", unicodedata.normalize("NFC", text)).group(1))
    assert _support(tables, name) == [million * 1_000_000]
    row = tables["reports"].set_index("source_file").loc[name]
    assert row["period_label"] == "2021-Q1" and row["locality"] == "Sa Pa"
    _nothing_else_lost(r, tables, errors)


def test_absurd_amount_is_kept_flagged_and_not_a_figure(batch):
    r, tables, errors = batch
    a = tables["amounts"]
    rid = tables["reports"].set_index("source_file").loc["absurd-money.txt", "report_id"]
    row = a[(a["report_id"] == rid) & (a["kind"] == "support")].iloc[0]
    assert pd.isna(row["amount_vnd"]) and row["flags"] == "amount_implausible"
    assert "1.000.000.000.000.000.000.000.000.000.000 đồng" in row["raw"]
    _nothing_else_lost(r, tables, errors)


def test_a_leading_dash_is_not_a_negative_amount(batch):
    r, tables, errors = batch
    assert _support(tables, "bullet-minus.txt") == [112_000_000]
    assert (tables["amounts"]["amount_vnd"].dropna() >= 0).all()
    _nothing_else_lost(r, tables, errors)


def test_negative_and_huge_values_are_flagged_when_an_extractor_gives_them():
    from analysis.tables import _flag_amount
    for value, flag in ((-5, "amount_negative"), (10**30, "amount_implausible"), (5, None)):
        row = {"amount_vnd": value}
        assert (_flag_amount(row) or [None])[0] == flag
        assert row["amount_vnd"] == (5 if flag is None else None)


def test_impossible_date_is_flagged(batch):
    r, tables, errors = batch
    d = tables["doc_refs"]
    rid = tables["reports"].set_index("source_file").loc["feb-31.txt", "report_id"]
    row = d[(d["report_id"] == rid) & (d["code"] == "06-CT/TU")].iloc[0]
    assert pd.isna(row["issued_on"]) and row["flags"] == "date_invalid"
    _nothing_else_lost(r, tables, errors)


def test_year_2099_is_flagged_not_a_period(batch):
    r, tables, errors = batch
    row = tables["reports"].set_index("source_file").loc["year-2099.txt"]
    assert pd.isna(row["year"]) and pd.isna(row["quarter"]) and row["period_type"] == "other"
    assert row["flags"] == "year_out_of_range" and "2099" in row["title"]
    _nothing_else_lost(r, tables, errors)


def test_year_1899_is_never_the_report_year(batch):
    r, tables, errors = batch
    row = tables["reports"].set_index("source_file").loc["year-1899.txt"]
    assert row["year"] != 1899 and "1899" in row["title"]
    _nothing_else_lost(r, tables, errors)


def test_same_page_twice_is_kept_once_marked(batch):
    r, tables, errors = batch
    rep = tables["reports"].set_index("source_file")
    assert pd.isna(rep.loc["dup-a.txt", "duplicate_of"])
    assert rep.loc["dup-b.txt", "duplicate_of"] == "dup-a.txt"
    assert "1 duplicates of another page" in r.stdout
    _nothing_else_lost(r, tables, errors)


def test_two_revisions_are_both_kept_and_give_one_brief(batch):
    from analysis import paths
    from analysis.briefs.plan import plan
    r, tables, errors = batch
    assert _support(tables, "rev-1.txt") == [160_000_000]
    assert _support(tables, "rev-2.txt") == [161_000_000]
    jobs = plan(tables, paths.BRIEF_NOTEBOOK)
    assert [(j.scope, j.locality, j.label) for j in jobs] == [
        ("province", None, "2021-Q1"), ("locality", "Sa Pa", "2021-Q1")]   # Lào Cai's roll-up too
    _nothing_else_lost(r, tables, errors)


# --- command line -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    raw = tmp / "raw"
    raw.mkdir()
    (raw / "sa-pa.txt").write_text(SEED_TEXT, encoding="utf-8")
    r = cli("extract", raw, "--out", tmp / "tables", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    return tmp / "tables"


def _same_tables(a: dict, b: dict) -> bool:
    return all(a[t].equals(b[t]) for t in a)


@pytest.mark.parametrize("args,message", [
    (["--only", "Hà Nội/2021-Q1"], r"--only 'Hà Nội/2021-Q1': no such brief .*2021-Q1/lao-cai/thi-xa-sa-pa"),
    (["--only", "../etc/2021-Q1"], r"\(not a path\)"),
    (["--only", "sa-pa/../../x/2021-Q1"], r"\(not a path\)"),
    (["--only", "2021-Q1/../../x"], r"\(not a path\)"),
    (["--only", "Sa Pa"], r"expected a brief's name .* or LOCALITY/PERIOD"),
    (["--jobs", "0"], r"--jobs 0: must be between 1 and 256"),
    (["--jobs", "-1"], r"--jobs -1: must be between 1 and 256"),
    (["--jobs", "1000"], r"--jobs 1000: must be between 1 and 256"),
    (["--jobs", "two"], r"--jobs takes a whole number"),
    (["--timeout", "0"], r"--timeout 0: must be between 1 and 86400"),
])
def test_briefs_options_are_checked(tables, tmp_path, args, message):
    before = read_tables(tables)
    r = cli("briefs", "--tables", tables, "--out", tmp_path / "reports", *args)
    assert r.returncode == 2 and re.search(message, r.stderr), r.stderr
    assert not (tmp_path / "reports" / "index.html").exists()
    assert _same_tables(before, read_tables(tables))


@pytest.mark.parametrize("spec", ["2021-Q1/lao-cai/thi-xa-sa-pa", "2021-Q1/lao-cai",
                                  "Sa Pa/2021-Q1", "Sa Pa/2021q1", "Lào Cai/2021-H1",
                                  "Lào Cai/2021-9M", "Lào Cai/2021"])
def test_only_takes_a_brief_name_or_a_place_and_period(spec):
    # The names the index and the README show ("2021-Q1/lao-cai/thi-xa-sa-pa") were refused.
    from analysis.__main__ import _only_spec
    assert _only_spec(spec) == spec


@pytest.mark.parametrize("args,message", [
    (["--jobs", "0"], r"--jobs 0: must be between 1 and 256"),
    (["--jobs", "-1"], r"--jobs -1: must be between 1 and 256"),
    (["--jobs", "1000"], r"--jobs 1000: must be between 1 and 256"),
])
def test_extract_options_are_checked(tables, args, message):
    before = read_tables(tables)
    r = cli("extract", SEED.parent, "--out", tables, *args)
    assert r.returncode == 2 and re.search(message, r.stderr), r.stderr
    assert _same_tables(before, read_tables(tables))


@pytest.mark.parametrize("src,message", [
    ("data/rwa", r"data/rwa: no such file or folder \(the tables were not changed\)"),
    ("empty-folder", r"no pages \(.txt, .html, .htm, .docx, .doc, .pdf files\) found; the tables were not changed"),
])
def test_a_mistyped_source_never_empties_the_tables(tables, tmp_path, src, message):
    before = read_tables(tables)
    (tmp_path / "empty-folder").mkdir()
    r = cli("extract", tmp_path / src, "--out", tables)
    assert r.returncode == 2 and re.search(message, r.stderr), r.stderr
    assert _same_tables(before, read_tables(tables)) and len(before["reports"]) == 1


def _broken_tables(tables: Path, tmp: Path, how: str) -> Path:
    out = tmp / "broken"
    t = read_tables(tables)
    if how == "empty":
        out.mkdir()
        return out
    if how == "missing":
        return tmp / "no-such-tables"
    shutil.copytree(tables / "current", out)
    a = t["amounts"]
    a = a.drop(columns="kind") if how == "column" else a.assign(amount_vnd=a["amount_vnd"].astype(str))
    a.to_parquet(out / "amounts.parquet", index=False)
    return out


@pytest.mark.parametrize("how,message", [
    ("missing", r"tables folder .*no-such-tables does not exist"),
    ("empty", r"tables folder .*broken holds no tables"),
    ("column", r"table amounts \(.*amounts.parquet\): column 'kind' is missing"),
    ("dtype", r"table amounts \(.*amounts.parquet\): column 'amount_vnd' has dtype \w+, "
              r"expected Int64"),
])
def test_bad_tables_folder_is_named(tables, tmp_path, how, message):
    bad = _broken_tables(tables, tmp_path, how)
    r = cli("briefs", "--tables", bad, "--out", tmp_path / "reports")
    assert r.returncode == 2 and re.search(message, r.stderr), r.stderr
    assert not (tmp_path / "reports" / "index.html").exists()


@pytest.mark.parametrize("command", ["briefs", "extract"])
def test_out_that_is_a_file(tables, tmp_path, command):
    target = tmp_path / "reports.txt"
    target.write_text("keep me", encoding="utf-8")
    args = (["briefs", "--tables", tables] if command == "briefs" else ["extract", SEED.parent])
    r = cli(*args, "--out", target)
    assert r.returncode == 2 and f"--out {target} is a file, not a folder" in r.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def _read_only(folder: Path, command: str) -> subprocess.CompletedProcess:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare for a read-only bind mount")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(["unshare", "-m", "sh", "-c",
                           f'mount --bind "{folder}" "{folder}" && '
                           f'mount -o remount,bind,ro "{folder}" && {command}'],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_briefs_out_read_only(tables, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    r = _read_only(out, f'{sys.executable} -m analysis briefs --tables "{tables}" --out "{out}"')
    assert r.returncode == 2, r.stderr
    assert re.search(r"error: Read-only file system: .*reports/.lock; the previous outputs are "
                     r"kept", r.stderr), r.stderr
    assert list(out.iterdir()) == []


def test_extract_out_read_only(tables, tmp_path):
    before = read_tables(tables)
    r = _read_only(tables, f'{sys.executable} -m analysis extract "{SEED.parent}" --out '
                           f'"{tables}" --full')
    assert r.returncode == 2 and "error: Read-only file system" in r.stderr, r.stderr
    assert _same_tables(before, read_tables(tables))


@pytest.mark.slow
def test_parameters_with_quotes_render(tables, tmp_path):
    t = read_tables(tables)
    name = "Ea H'Leo \"Đắk Lắk\" {x}"
    t["reports"]["locality"] = name
    quoted = tmp_path / "tables"
    write_tables(t, quoted)
    out = tmp_path / "reports"
    r = cli("briefs", "--tables", quoted, "--out", out, "--jobs", "1", "--quiet",
            "--only", f"{name}/2021-Q1")
    assert r.returncode == 0, r.stdout + r.stderr
    [brief] = (out / "briefs" / "2021-Q1").rglob("*.html")
    assert brief.relative_to(out).as_posix() == \
        "briefs/2021-Q1/lao-cai/thi-xa-ea-h-leo-dak-lak-x.html"
    text = brief.read_text(encoding="utf-8")
    assert "Ea H&#x27;Leo" in text or "Ea H'Leo" in text
    assert "178 triệu đồng" in text


# --- faults ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_notebook_cell_that_raises_fails_only_its_brief(tables, tmp_path):
    import nbformat

    from analysis import paths
    nb = nbformat.read(paths.BRIEF_NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('raise ValueError("ô lỗi cố ý")'))
    nb_path = tmp_path / "notebooks" / "quarterly_brief.ipynb"
    nb_path.parent.mkdir()
    nbformat.write(nb, nb_path)
    out = tmp_path / "reports"
    r = cli("briefs", "--tables", tables, "--out", out, "--notebook", nb_path, "--jobs", "1",
            "--quiet")
    assert r.returncode == 1
    assert "FAILED 2021-Q1/lao-cai/thi-xa-sa-pa: ValueError: ô lỗi cố ý" in r.stdout
    assert (out / "failed/2021-Q1/lao-cai/thi-xa-sa-pa.ipynb").exists() and (out / "index.html").exists()
    manifest = json.loads((out / ".briefs-manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefs/2021-Q1/lao-cai/thi-xa-sa-pa.html"]["state"] == "failed"


def _holding_lock(folder: Path, command: list, at: str = "first-page-done") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANALYSIS_PAUSE_AT": at}
    p = subprocess.Popen([sys.executable, "-m", "analysis", *map(str, command)], cwd=ROOT,
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    for line in p.stderr:
        if line.strip() == f"PAUSED {at}":
            return p
    raise AssertionError("the first writer never paused")


def test_two_writers_on_one_folder(tables, tmp_path):
    out = tmp_path / "tables"
    shutil.copytree(tables, out, symlinks=True)
    before = read_tables(out)
    first = _holding_lock(out, ["extract", SEED.parent, "--out", out, "--jobs", "1", "--full"])
    try:
        r = cli("extract", SEED.parent, "--out", out, "--jobs", "1")
        assert r.returncode == 2
        assert re.search(rf"error: .*tables is being written by another process \(pid {first.pid}, "
                         r"extract, since [\d:]+\); wait for it to finish", r.stderr), r.stderr
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    assert _same_tables(before, read_tables(out))
    # the dead writer's lock (its pid still in the file) is taken over
    assert f"pid {first.pid}" in (out / ".lock").read_text()
    r = cli("extract", SEED.parent, "--out", out, "--jobs", "1", "--full")
    assert r.returncode == 0 and "1 parsed" in r.stdout, r.stderr


@pytest.mark.slow
def test_two_brief_batches_on_one_reports_folder(tables, tmp_path):
    out = tmp_path / "reports"
    first = _holding_lock(out, ["briefs", "--tables", tables, "--out", out, "--jobs", "1",
                                "--quiet"], at="brief-written")
    try:
        r = cli("briefs", "--tables", tables, "--out", out, "--jobs", "1", "--quiet")
        assert r.returncode == 2
        assert re.search(rf"error: .*reports is being written by another process \(pid "
                         rf"{first.pid}, briefs", r.stderr), r.stderr
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    r = cli("briefs", "--tables", tables, "--out", out, "--jobs", "1", "--quiet")
    # the killed batch's brief never reached the manifest: both briefs (locality, province) again
    assert r.returncode == 0 and "2 rendered" in r.stdout, r.stdout + r.stderr
