"""explore.ipynb in a real JupyterLab in headless Chromium: the server on 127.0.0.1 with a token,
settings and data folders in a temporary directory (nothing of the user's is read or written),
no call to another host; the notebook, copied away from the repository so that a relative path
would break, runs all its cells from the Run menu and shows its outputs without an error."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis import paths
from tests.browser.conftest import chromium

pytestmark = pytest.mark.slow
JUPYTER = Path(sys.executable).with_name("jupyter")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"JupyterLab exited: {log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"JupyterLab did not answer: {log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def lab(tmp_path, seed_tables):
    """A JupyterLab server whose root holds a copy of explore.ipynb; yields (url base, token)."""
    if not JUPYTER.exists():
        pytest.skip("jupyter is not installed in this environment")
    root, home = tmp_path / "root", tmp_path / "home"
    root.mkdir()
    home.mkdir()
    shutil.copy(paths.EXPLORE_NOTEBOOK, root / "explore.ipynb")
    # every cell in the page (JupyterLab 4 otherwise renders only the cells in view)
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    news = home / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false"}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), IPYTHONDIR=str(home / "ipython"),
               MPLCONFIGDIR=str(home / "mpl"), DAN_VAN_TABLES=str(seed_tables))
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [str(JUPYTER), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly", "--LanguageServerManager.autodetect=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/api/status?token={token}", proc, log)
        yield base, token, tmp_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


_STARTED = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
                  .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""


def _api(base: str, token: str, path: str):
    req = urllib.request.Request(f"{base}{path}", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def _settle_kernel(page, base: str, token: str, seconds: float = 120, quiet: float = 5) -> None:
    """Wait until the notebook's kernel is started and stays the same, idle, for ``quiet``
    seconds. JupyterLab may ask which kernel to start when the kernel list arrives after the
    notebook (the notebook's own is preselected: accept it), or replace the kernel it just
    connected to; cells sent before that would go to a kernel about to be shut down."""
    deadline = time.monotonic() + seconds
    stable_since, last = None, None
    while time.monotonic() < deadline:
        dialog = page.locator(".jp-Dialog")
        if dialog.count() and "Select Kernel" in dialog.first.inner_text():
            dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
        sessions = [x for x in _api(base, token, "/api/sessions") if x["path"] == "explore.ipynb"]
        now = ([(x["kernel"]["id"], x["kernel"]["execution_state"]) for x in sessions]
               if sessions else None)
        if now and len(now) == 1 and now[0][1] == "idle" and now == last:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= quiet:
                return
        else:
            stable_since = None
        last = now
        time.sleep(0.5)
    raise AssertionError(f"the notebook's kernel did not settle: {last}")


def _run_all_cells(page) -> None:
    """Run → Run All Cells; again if the click came before the kernel took commands."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    for _ in range(3):
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            raise AssertionError(f"dialog: {dialog.first.inner_text()!r}")
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        item = page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first
        item.wait_for(state="visible", timeout=10_000)
        item.click()
        try:
            page.wait_for_function(_STARTED, timeout=20_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError("Run All Cells did not start the notebook")


def _wait_until_all_ran(page, tmp: Path, seconds: float = 300) -> None:
    """Every code cell numbered; fails early, with what the page shows, on a dialog."""
    deadline = time.monotonic() + seconds
    prompts = []
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(re.fullmatch(r"\s*\[\d+\]:?\s*", p) for p in prompts):
            return
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            page.screenshot(path=str(tmp / "dialog.png"))
            raise AssertionError(f"dialog: {dialog.first.inner_text()!r}; prompts {prompts}")
        time.sleep(1)
    page.screenshot(path=str(tmp / "timeout.png"))
    raise AssertionError(f"cells still not run after {seconds:.0f} s: prompts {prompts}")


def test_explore_notebook_runs_all_cells_in_jupyterlab(lab):
    base, token, tmp = lab
    foreign = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def route(r):
            if r.request.url.startswith((base, "data:", "blob:")):
                r.continue_()
            else:
                foreign.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(f"{base}/lab/tree/explore.ipynb?token={token}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']",
                               timeout=120_000)
        cells = json.loads(paths.EXPLORE_NOTEBOOK.read_text(encoding="utf-8"))["cells"]
        n_code = sum(c["cell_type"] == "code" for c in cells)
        assert n_code >= 5
        page.wait_for_function(f"document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')"
                               f".length === {n_code}", timeout=60_000)
        _settle_kernel(page, base, token)
        _run_all_cells(page)
        _wait_until_all_ran(page, tmp)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']",
                               timeout=120_000)
        page.screenshot(path=str(tmp / "jupyterlab.png"), full_page=False)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                              " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.all_inner_texts()[:3]
        outputs = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-OutputArea-output")
        assert outputs.count() >= n_code - 1
        text = page.locator(".jp-NotebookPanel").inner_text()
        for expected in ("120-KL/TW", "Hà Dinh", "178 triệu đồng", "Mô tả", "Từ điển dữ liệu"):
            assert expected in text, expected
        assert "Traceback" not in text and "Error" not in text
    assert foreign == []
