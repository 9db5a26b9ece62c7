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
from analysis.briefs.batch import run_briefs
from analysis.briefs.outputs import settled_briefs
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
SA_PA = "briefs/2021-Q1/lao-cai/thi-xa-sa-pa.html"          # thị xã Sa Pa, tỉnh Lào Cai
LAO_CAI = "briefs/2021-Q1/lao-cai.html"                      # the province roll-up
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
    assert [(r.job.name, r.state) for r in summary.results] == [
        ("2021-Q1/lao-cai", "ok"), ("2021-Q1/lao-cai/thi-xa-sa-pa", "ok")]
    assert (out / SA_PA).exists() and (out / LAO_CAI).exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"href='{SA_PA}'" in index and "Đã tạo" in index
    assert (out / "data_dictionary.html").exists()


def test_brief_shows_the_figures(rendered):
    html = (rendered[2] / SA_PA).read_text(encoding="utf-8")
    text = BeautifulSoup(html, "lxml").get_text(" ")
    for figure in ("178 triệu đồng", "178.000.000 đồng", "331.618", "06-CT/TU", "20/01/2021",
                   "Ban Thường vụ Thị ủy", "Đề án", "số 17", "Hà Dinh", "quý II/2021",
                   "Công tác nắm tình hình Nhân dân", "với tổng số tiền 178 triệu đồng"):
        assert figure in text, figure
    assert re.search(r"Văn bản được dẫn chiếu\s*\|?\s*11", text)
    assert "Lượt xem bài báo cáo 47" in " ".join(text.split())


def test_brief_is_self_contained(rendered):
    html = (rendered[2] / SA_PA).read_text(encoding="utf-8")
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
    html = out / SA_PA
    before = html.stat().st_mtime_ns
    extract_folder(tmp / "raw", tables, incremental=False)     # tables rewritten, same rows
    with CountingExecutor() as ex:
        s = run_briefs(tables, out, executor=ex, progress=False)
    assert ex.submitted == 0 and [r.state for r in s.results] == ["unchanged", "unchanged"]
    assert html.stat().st_mtime_ns == before


def test_changed_page_re_renders(rendered):
    tmp, tables, out, _ = rendered
    (tmp / "raw" / "sa-pa-2021-q1.txt").write_text(
        SEED_TEXT.replace("178 triệu đồng", "187 triệu đồng"), encoding="utf-8")
    extract_folder(tmp / "raw", tables)
    with CountingExecutor() as ex:
        s = run_briefs(tables, out, executor=ex, progress=False)
    assert ex.submitted == 2 and [r.state for r in s.results] == ["ok", "ok"]  # and the province
    assert "187 triệu đồng" in (out / SA_PA).read_text(encoding="utf-8")


def test_settled_rerun_answers_without_reading_the_tables(rendered, capsys, monkeypatch):
    tmp, tables, out, _ = rendered
    run_briefs(tables, out, jobs=1, progress=False)
    assert settled_briefs(out, tables, paths.BRIEF_NOTEBOOK) == 2

    def no_tables(*_):
        raise AssertionError("a settled re-run read the tables")
    with monkeypatch.context() as m:
        m.setattr("analysis.tables.read_tables", no_tables)
        m.setattr("analysis.briefs.batch.read_tables", no_tables)
        assert main(["briefs", "--tables", str(tables), "--out", str(out), "--quiet"]) == 0
    assert "briefs: 0 rendered, 2 unchanged, 0 failed" in capsys.readouterr().out
    # Another notebook, a missing brief or new tables: the batch decides brief by brief.
    assert settled_briefs(out, tables, _notebook_with(tmp, "x = 1")) is None
    (out / SA_PA).unlink()
    assert settled_briefs(out, tables, paths.BRIEF_NOTEBOOK) is None
    assert main(["briefs", "--tables", str(tables), "--out", str(out), "--quiet"]) == 0
    assert "briefs: 1 rendered, 1 unchanged, 0 failed" in capsys.readouterr().out
    assert (out / SA_PA).exists() and settled_briefs(out, tables, paths.BRIEF_NOTEBOOK) == 2
    extract_folder(tmp / "raw", tables, incremental=False)
    assert settled_briefs(out, tables, paths.BRIEF_NOTEBOOK) is None


def test_failing_brief_is_isolated(tmp_path, capsys):
    tables = tmp_path / "tables"
    extract_folder(_raw(tmp_path, {"a.txt": SEED_TEXT, "b.txt": OTHER_TEXT}), tables)
    nb = _notebook_with(tmp_path, 'if locality == "Bảo Yên":\n    raise RuntimeError("sổ liệu hỏng")')
    out = tmp_path / "reports"
    code = main(["briefs", "--tables", str(tables), "--out", str(out), "--notebook", str(nb),
                 "--jobs", "2"])
    assert code == 1
    printed = capsys.readouterr().out
    assert "FAILED 2021-Q1/lao-cai/huyen-bao-yen: RuntimeError: sổ liệu hỏng" in printed
    assert (out / SA_PA).exists()
    assert not (out / "briefs/2021-Q1/lao-cai/huyen-bao-yen.html").exists()
    failed = nbformat.read(out / "failed/2021-Q1/lao-cai/huyen-bao-yen.ipynb", as_version=4)
    assert any(o.get("ename") == "RuntimeError" for c in failed.cells for o in c.get("outputs", []))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Lỗi" in index and "sổ liệu hỏng" in index
    assert "failed/2021-Q1/lao-cai/huyen-bao-yen.ipynb" in index
    manifest = json.loads((out / ".briefs-manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefs/2021-Q1/lao-cai/huyen-bao-yen.html"]["state"] == "failed"


def test_brief_that_exceeds_its_timeout_fails(tmp_path):
    tables = tmp_path / "tables"
    extract_folder(_raw(tmp_path, {"a.txt": SEED_TEXT}), tables)
    nb = _notebook_with(tmp_path, "import time\ntime.sleep(60)")
    s = run_briefs(tables, tmp_path / "reports", notebook=nb, timeout=3, progress=False,
                   only=["Sa Pa/2021-Q1"])
    [r] = s.results
    assert r.state == "failed" and "timed out" in r.error.lower()


def test_dask_gives_the_same_briefs(rendered, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, tables, local_out, _ = rendered
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        s = run_briefs(tables, tmp_path, executor=client.get_executor(), progress=False,
                       only=["Sa Pa/2021-Q1"])
    assert [r.state for r in s.results] == ["ok"]

    def content(p):
        soup = BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")
        return " ".join(soup.get_text(" ").split()), len(soup.find_all("img"))

    assert content(tmp_path / SA_PA) == content(local_out / SA_PA)


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


# --- several provinces, same-name localities, roll-ups (tables from tests/province_corpus) ---

PROVINCE_BRIEFS = ["2021-Q4/ben-tre/huyen-chau-thanh", "2021-Q4/tien-giang/huyen-chau-thanh",
                   "2021-Q4/chua-xac-dinh/huyen-chau-thanh", "2021-Q4/ben-tre/huyen-mo-cay-nam",
                   "2021-Q4/ben-tre", "2021-H1/ben-tre/huyen-chau-thanh"]


@pytest.fixture(scope="module")
def provinces(tmp_path_factory):
    from tests import province_corpus
    tmp = tmp_path_factory.mktemp("provinces")
    tables = province_corpus.write(tmp / "tables")
    out = tmp / "reports"
    summary = run_briefs(tables, out, jobs=2, progress=False, only=PROVINCE_BRIEFS)
    return out, summary


def _text(path: Path) -> str:
    return " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").get_text(" ").split())


def test_province_corpus_briefs_render(provinces):
    _, summary = provinces
    assert sorted((r.job.name, r.state) for r in summary.results) == \
        sorted((name, "ok") for name in PROVINCE_BRIEFS)


def test_same_name_localities_give_two_briefs_with_their_provinces(provinces):
    out, _ = provinces
    bt = _text(out / "briefs/2021-Q4/ben-tre/huyen-chau-thanh.html")
    tg = _text(out / "briefs/2021-Q4/tien-giang/huyen-chau-thanh.html")
    xx = _text(out / "briefs/2021-Q4/chua-xac-dinh/huyen-chau-thanh.html")
    assert "Bản tin công tác dân vận huyện Châu Thành, tỉnh Bến Tre — quý IV/2021" in bt
    assert "Bản tin công tác dân vận huyện Châu Thành, tỉnh Tiền Giang — quý IV/2021" in tg
    assert "huyện Châu Thành, tỉnh chưa xác định" in xx
    # the Tiền Giang page choice is said, with both files
    assert "bản tin dùng tệp tg-ct-2021q4-b.txt vì ngày đăng muộn hơn" in tg
    assert "tg-ct-2021q4-a.txt" in tg and "75 triệu đồng" in tg


def test_locality_brief_shows_change_comparison_documents_and_follow_through(provinces):
    out, _ = provinces
    bt = _text(out / "briefs/2021-Q4/ben-tre/huyen-chau-thanh.html")
    for figure in ("hơn 106 triệu đồng", "tăng khoảng 6% (6 triệu đồng) so với quý trước",
                   "giảm khoảng 22% (30 triệu đồng) so với cùng kỳ năm trước",
                   "không so sánh được: quý trước không nêu", "So sánh trong tỉnh",
                   "► huyện Châu Thành", "huyện Mỏ Cày Nam không nêu",
                   "15-CT/TW không nêu Tỉnh ủy Tỉnh Kết quả mới", "Kế hoạch số 30-KH/HU",
                   "Thực hiện nhiệm vụ kỳ trước", "Đã thực hiện", "Không thấy nhắc",
                   "định mức, không cộng"):
        assert figure in bt, figure
    zero = re.compile(r"(?<![\d.,])0 đồng")
    assert not zero.search(bt)
    page = BeautifulSoup((out / "briefs/2021-Q4/ben-tre/huyen-chau-thanh.html").read_text(
        encoding="utf-8"), "lxml")
    back = page.find("a", string="← Danh sách bản tin")["href"]
    assert (out / "briefs/2021-Q4/ben-tre" / back).resolve() == (out / "index.html").resolve()
    mcn = _text(out / "briefs/2021-Q4/ben-tre/huyen-mo-cay-nam.html")
    assert re.search(r"Kinh phí hỗ trợ, thăm hỏi, tặng quà không nêu", mcn)
    assert not zero.search(mcn)


def test_province_and_half_year_briefs(provinces):
    out, _ = provinces
    prov = _text(out / "briefs/2021-Q4/ben-tre.html")
    assert "Bản tin công tác dân vận toàn tỉnh Bến Tre — quý IV/2021" in prov
    assert "3 địa phương có báo cáo quý IV/2021" in prov and "1 không nêu" in prov
    assert "1 báo cáo cấp khác không cộng vào tổng" in prov
    assert "huyện Châu Thành cấp huyện hơn 106 triệu đồng 1 100%" in prov
    assert "xã Tân Thạch cấp xã 5 triệu đồng 1 100%" in prov
    half = _text(out / "briefs/2021-H1/ben-tre/huyen-chau-thanh.html")
    assert "huyện Châu Thành, tỉnh Bến Tre — 6 tháng đầu năm 2021" in half
    assert "ước đạt 1,2 tỷ đồng" in half
    assert "không so sánh được: không có báo cáo kỳ trước" in half


def test_index_groups_by_province_with_a_filter_and_registry_page(provinces):
    out, _ = provinces
    page = (out / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    assert [o.get_text() for o in soup.select("#province option")] == [
        "Tất cả", "tỉnh Bến Tre", "tỉnh Tiền Giang", "tỉnh chưa xác định"]
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert headings[:2] == ["Quý IV/2021", "6 tháng đầu năm 2021"]
    q4 = soup.find("h2", string="Quý IV/2021").find_next("table")
    rows = {r.find_all("td")[1].get_text(): r for r in q4.select("tr[data-province]")
            if r["data-province"] == "Bến Tre"}
    assert rows["huyện Mỏ Cày Nam"].find_all("td")[2].get_text() == "không nêu"
    assert "tăng khoảng 6%" in rows["huyện Châu Thành"].find_all("td")[3].get_text()
    prov = soup.find("a", href="briefs/2021-Q4/ben-tre.html").find_parent("tr")
    assert prov.find_all("td")[2].get_text() == "hơn 106 triệu đồng"     # districts only
    unknown = [r for r in soup.select("tr[data-province]") if r["data-province"] == ""]
    assert unknown and unknown[0].find("td").get_text() == "tỉnh chưa xác định"
    tg = next(r for r in soup.select("tr[data-province]")
              if r["data-province"] == "Tiền Giang" and "Châu Thành" in r.get_text())
    assert "ngày đăng muộn hơn" in tg.get_text()
    assert not EXTERNAL.search(page.replace("<script>", "", 1))
    docs = BeautifulSoup((out / "documents.html").read_text(encoding="utf-8"), "lxml")
    assert docs.find("input", id="q") is not None
    codes = [r.find("td").get_text() for r in docs.select("tr[data-code]")]
    assert codes[0] == "05-CT/TU" and len(codes) == 7


def test_index_filter_and_registry_search_work_in_a_browser(provinces):
    """The inline scripts run in headless Chromium: the province filter hides the other
    provinces' rows and the registry search keeps the documents whose code matches."""
    sync_api = pytest.importorskip("playwright.sync_api")
    out, _ = provinces
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((out / "index.html").as_uri())
        page.select_option("#province", "Tiền Giang")
        visible = page.eval_on_selector_all(
            "tr[data-province]", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.province)")
        assert visible and set(visible) == {"Tiền Giang"}
        page.goto((out / "documents.html").as_uri())
        page.fill("#q", "05-ct/tu")
        shown = page.eval_on_selector_all(
            "#docs tr[data-code]", "rs => rs.filter(r => !r.hidden).map(r => r.cells[0].innerText)")
        assert shown == ["05-CT/TU"]
        page.fill("#q", "KH/HU")
        assert len(page.eval_on_selector_all("#docs tr[data-code]",
                                             "rs => rs.filter(r => !r.hidden)")) == 3
        browser.close()
    assert errors == []
