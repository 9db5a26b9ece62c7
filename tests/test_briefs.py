"""End to end: real tables, the real notebook run by papermill in the project's kernel, real
HTML. Nothing of the pipeline is mocked; the executors are real (a process pool, a thread pool
that counts what it is given, a Dask LocalCluster)."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis import paths
from analysis.__main__ import main
from analysis.briefs import run_briefs
from analysis.tables import extract_folder
from tests.conftest import SEED

pytestmark = pytest.mark.slow
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|"""
                      r"""@import|<script""", re.I)


class CountingExecutor(ThreadPoolExecutor):
    """A thread pool that counts submitted briefs (each one starts a kernel)."""

    def __init__(self):
        super().__init__(max_workers=2)
        self.submitted = 0

    def submit(self, fn, /, *args, **kwargs):
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


def _raw(tmp: Path, pages: dict[str, str]) -> Path:
    raw = tmp / "raw"
    raw.mkdir(exist_ok=True)
    for name, text in pages.items():
        (raw / name).write_text(text, encoding="utf-8")
    return raw


SEED_TEXT = SEED.read_text(encoding="utf-8")
OTHER_TEXT = SEED_TEXT.replace("Đảng bộ thị xã Sa Pa quý I", "Đảng bộ huyện Bảo Yên quý I")


def _notebook_with(tmp: Path, code: str) -> Path:
    """A copy of the brief notebook with one extra cell after the parameters."""
    nb = nbformat.read(paths.BRIEF_NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(code))
    out = tmp / "notebooks" / "quarterly_brief.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("briefs")
    tables = tmp / "tables"
    extract_folder(_raw(tmp, {"sa-pa-2021-q1.txt": SEED_TEXT}), tables)
    out = tmp / "reports"
    summary = run_briefs(tables, out, jobs=1, progress=False)
    return tmp, tables, out, summary


def test_seed_brief_is_rendered(rendered):
    _, _, out, summary = rendered
    assert [(r.job.name, r.state) for r in summary.results] == [("2021-Q1/sa-pa", "ok")]
    assert (out / "briefs/2021-Q1/sa-pa.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "href='briefs/2021-Q1/sa-pa.html'" in index and "Đã tạo" in index
    assert (out / "data_dictionary.html").exists()


def test_brief_shows_the_figures(rendered):
    html = (rendered[2] / "briefs/2021-Q1/sa-pa.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "lxml").get_text(" ")
    for figure in ("178 triệu đồng", "178.000.000 đồng", "331.618", "06-CT/TU", "20/01/2021",
                   "Ban Thường vụ Thị ủy", "Đề án", "số 17", "Hà Dinh", "quý II/2021",
                   "Công tác nắm tình hình Nhân dân", "với tổng số tiền 178 triệu đồng"):
        assert figure in text, figure
    assert re.search(r"Văn bản được dẫn chiếu\s*\|?\s*11", text)
    assert "Lượt xem bài báo cáo 47" in " ".join(text.split())


def test_brief_is_self_contained(rendered):
    html = (rendered[2] / "briefs/2021-Q1/sa-pa.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(html)
    # one quarter of history: each chart is one line saying so (charts: tests/browser/)
    assert len(re.findall(r'<p class="chart-note">Chưa đủ số liệu', html)) == 3
    assert "<img" not in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.select(".jp-CodeCell .jp-InputArea, .jp-InputPrompt") == []
    assert "brief_context" not in html and "import" not in soup.get_text()
    assert "Traceback" not in html


def test_rerun_with_nothing_changed_starts_no_kernel(rendered):
    tmp, tables, out, _ = rendered
    html = out / "briefs/2021-Q1/sa-pa.html"
    before = html.stat().st_mtime_ns
    extract_folder(tmp / "raw", tables, incremental=False)     # tables rewritten, same rows
    with CountingExecutor() as ex:
        s = run_briefs(tables, out, executor=ex, progress=False)
    assert ex.submitted == 0 and [r.state for r in s.results] == ["unchanged"]
    assert html.stat().st_mtime_ns == before


def test_changed_page_re_renders(rendered):
    tmp, tables, out, _ = rendered
    (tmp / "raw" / "sa-pa-2021-q1.txt").write_text(
        SEED_TEXT.replace("178 triệu đồng", "187 triệu đồng"), encoding="utf-8")
    extract_folder(tmp / "raw", tables)
    with CountingExecutor() as ex:
        s = run_briefs(tables, out, executor=ex, progress=False)
    assert ex.submitted == 1 and [r.state for r in s.results] == ["ok"]
    assert "187 triệu đồng" in (out / "briefs/2021-Q1/sa-pa.html").read_text(encoding="utf-8")


def test_failing_brief_is_isolated(tmp_path, capsys):
    tables = tmp_path / "tables"
    extract_folder(_raw(tmp_path, {"a.txt": SEED_TEXT, "b.txt": OTHER_TEXT}), tables)
    nb = _notebook_with(tmp_path, 'if locality == "Bảo Yên":\n    raise RuntimeError("sổ liệu hỏng")')
    out = tmp_path / "reports"
    code = main(["briefs", "--tables", str(tables), "--out", str(out), "--notebook", str(nb),
                 "--jobs", "2"])
    assert code == 1
    printed = capsys.readouterr().out
    assert "FAILED 2021-Q1/bao-yen: RuntimeError: sổ liệu hỏng" in printed
    assert (out / "briefs/2021-Q1/sa-pa.html").exists()
    assert not (out / "briefs/2021-Q1/bao-yen.html").exists()
    failed = nbformat.read(out / "failed/2021-Q1/bao-yen.ipynb", as_version=4)
    assert any(o.get("ename") == "RuntimeError" for c in failed.cells for o in c.get("outputs", []))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Lỗi" in index and "sổ liệu hỏng" in index and "failed/2021-Q1/bao-yen.ipynb" in index
    manifest = json.loads((out / ".briefs-manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefs/2021-Q1/bao-yen.html"]["state"] == "failed"


def test_brief_that_exceeds_its_timeout_fails(tmp_path):
    tables = tmp_path / "tables"
    extract_folder(_raw(tmp_path, {"a.txt": SEED_TEXT}), tables)
    nb = _notebook_with(tmp_path, "import time\ntime.sleep(60)")
    s = run_briefs(tables, tmp_path / "reports", notebook=nb, timeout=3, progress=False)
    [r] = s.results
    assert r.state == "failed" and "timed out" in r.error.lower()


def test_dask_gives_the_same_briefs(rendered, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, tables, local_out, _ = rendered
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        s = run_briefs(tables, tmp_path, executor=client.get_executor(), progress=False)
    assert [r.state for r in s.results] == ["ok"]

    def content(p):
        soup = BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")
        return " ".join(soup.get_text(" ").split()), len(soup.find_all("img"))

    assert content(tmp_path / "briefs/2021-Q1/sa-pa.html") == \
        content(local_out / "briefs/2021-Q1/sa-pa.html")


def test_explore_notebook_runs_on_the_tables(seed_tables, tmp_path):
    import papermill as pm
    out = tmp_path / "explore.ipynb"
    pm.execute_notebook(str(paths.EXPLORE_NOTEBOOK), str(out), kernel_name=paths.KERNEL_NAME,
                        parameters={"tables_dir": str(seed_tables)}, cwd=str(paths.NOTEBOOKS),
                        progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    text = json.dumps([o for c in nb.cells for o in c.get("outputs", [])], ensure_ascii=False)
    assert "120-KL/TW" in text and "178 triệu đồng" in text and "Hà Dinh" in text
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))


def test_dask_extraction_gives_the_same_tables(tmp_path):
    distributed = pytest.importorskip("distributed")
    from analysis.tables import read_tables
    from tests.conftest import CORPUS
    local, remote = tmp_path / "local", tmp_path / "dask"
    extract_folder(CORPUS, local)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        s = extract_folder(CORPUS, remote, executor=client.get_executor())
    assert s.parsed == 16 and s.errors == []
    a, b = read_tables(local), read_tables(remote)
    for name in a:
        assert a[name].equals(b[name]), name
