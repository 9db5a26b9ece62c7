"""Offline: a full extract + briefs runs in a network namespace that has only a loopback
interface (``unshare -n``; the Jupyter kernel talks to papermill over 127.0.0.1), and a probe
in the same namespace shows that nothing outside the machine can be reached."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SEED

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
PROBE = ("import socket\n"
         "try:\n"
         "    socket.create_connection(('1.1.1.1', 443), timeout=3)\n"
         "    print('ONLINE')\n"
         "except OSError as e:\n"
         "    print('OFFLINE', e)\n")


def test_extract_and_briefs_without_network(tmp_path):
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        pytest.skip("needs root, unshare and ip for a network namespace")
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "sa-pa.txt")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    py = sys.executable
    script = (f'ip link set lo up && {py} {tmp_path}/probe.py && '
              f'{py} -m analysis extract {raw} --out {tmp_path}/tables && '
              f'{py} -m analysis briefs --tables {tmp_path}/tables --out {tmp_path}/reports --quiet')
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(["unshare", "-n", "sh", "-c", script], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "OFFLINE" in r.stdout and "ONLINE" not in r.stdout.replace("OFFLINE", "")
    assert "2 rendered, 0 unchanged, 0 failed" in r.stdout     # the locality and its province
    text = BeautifulSoup((tmp_path / "reports/briefs/2021-Q1/lao-cai/thi-xa-sa-pa.html").read_text(
        encoding="utf-8"), "lxml").get_text(" ")
    assert "178 triệu đồng" in text
