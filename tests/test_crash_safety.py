"""Crash safety: real `python -m analysis` processes are paused at named points of their writers
(``ANALYSIS_PAUSE_AT``), killed with SIGKILL there, and the folders are checked: the old table
set or the new one, never a mix; the next run reads again what it must; a brief manifest never
claims a brief file it did not write or one newer than its entry. A full disk (a 3 MB tmpfs in
a private mount namespace) gives a clear error and leaves the old outputs intact."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.briefs.outputs import INDEX_KEY, MANIFEST, SETTLED
from analysis.tables import read_tables
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = SEED.read_text(encoding="utf-8")
OTHER_TEXT = SEED_TEXT.replace("Đảng bộ thị xã Sa Pa quý I", "Đảng bộ huyện Bảo Yên quý I")


def cli(*args, pause: str | None = None, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("ANALYSIS_PAUSE_AT", None)
    if pause:
        env["ANALYSIS_PAUSE_AT"] = pause
    return subprocess.Popen([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)


def run(*args) -> subprocess.CompletedProcess:
    p = cli(*args)
    out, err = p.communicate(timeout=600)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def kill_at(point: str, *args) -> None:
    """Start the command, wait until it pauses at ``point``, kill its whole process group."""
    p = cli(*args, pause=point)
    lines = []
    for line in p.stderr:
        lines.append(line)
        if line.strip() == f"PAUSED {point}":
            break
    else:
        raise AssertionError(f"never reached {point}: {''.join(lines)[-2000:]}")
    os.killpg(p.pid, signal.SIGKILL)
    p.wait(timeout=60)
    assert p.returncode == -signal.SIGKILL


def amounts(tables: Path) -> dict[str, list[int]]:
    t = read_tables(tables)
    a = t["amounts"].merge(t["reports"][["report_id", "source_file"]], on="report_id")
    return {f: sorted(int(v) for v in g["amount_vnd"]) for f, g in a.groupby("source_file")}


@pytest.mark.parametrize("point", ["first-page-done", "tables-written", "generation-staged",
                                   "before-publish", "after-publish"])
def test_extraction_killed_leaves_one_whole_set(tmp_path, point):
    raw, tables = tmp_path / "raw", tmp_path / "tables"
    raw.mkdir()
    (raw / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    assert run("extract", raw, "--out", tables, "--jobs", "1").returncode == 0
    old = amounts(tables)
    assert old == {"a.txt": [178_000_000]}
    (raw / "a.txt").write_text(SEED_TEXT.replace("178 triệu", "179 triệu"), encoding="utf-8")
    (raw / "b.txt").write_text(OTHER_TEXT, encoding="utf-8")
    kill_at(point, "extract", raw, "--out", tables, "--jobs", "1")
    new = {"a.txt": [179_000_000], "b.txt": [178_000_000]}
    assert amounts(tables) == (new if point == "after-publish" else old)
    assert len(read_tables(tables)["reports"]) == (2 if point == "after-publish" else 1)
    r = run("extract", raw, "--out", tables, "--jobs", "1")   # the lock of the dead run is free
    assert r.returncode == 0, r.stderr
    parsed = 0 if point == "after-publish" else 2
    assert f"({parsed} parsed, {2 - parsed} unchanged" in r.stdout
    assert amounts(tables) == new
    gens = sorted(p.name for p in (tables / "generations").iterdir())
    assert len(gens) == 2      # the current one and one previous; the killed run's staging is gone


def _brief_setup(tmp: Path) -> tuple[Path, Path, Path]:
    raw, tables, out = tmp / "raw", tmp / "tables", tmp / "reports"
    raw.mkdir()
    (raw / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (raw / "b.txt").write_text(OTHER_TEXT, encoding="utf-8")
    assert run("extract", raw, "--out", tables, "--jobs", "1").returncode == 0
    r = run("briefs", "--tables", tables, "--out", out, "--jobs", "1", "--quiet")
    assert r.returncode == 0, r.stderr
    return raw, tables, out


def _manifest(out: Path) -> dict:
    return json.loads((out / ".briefs-manifest.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_brief_batch_killed_after_writing_a_brief(tmp_path):
    raw, tables, out = _brief_setup(tmp_path)
    before = _manifest(out)
    html = {k: (out / k).read_bytes() for k in before}
    (raw / "a.txt").write_text(SEED_TEXT.replace("178 triệu", "187 triệu"), encoding="utf-8")
    (raw / "b.txt").write_text(OTHER_TEXT.replace("178 triệu", "188 triệu"), encoding="utf-8")
    assert run("extract", raw, "--out", tables, "--jobs", "1").returncode == 0
    kill_at("brief-written", "briefs", "--tables", tables, "--out", out, "--jobs", "1", "--quiet")
    after = _manifest(out)
    changed = [k for k in html if (out / k).read_bytes() != html[k]]
    assert len(changed) == 1                         # killed right after the first new brief
    for k, e in after.items():
        if e["state"] == "ok":                       # an entry that claims a brief ...
            assert (out / k).read_bytes() == html[k] and e == before[k]   # ... claims that file
    assert after[changed[0]]["state"] == "pending"
    r = run("briefs", "--tables", tables, "--out", out, "--jobs", "1", "--quiet")
    # every brief changed (two localities and their province's roll-up)
    assert r.returncode == 0 and f"{len(before)} rendered" in r.stdout, r.stdout + r.stderr
    assert {e["state"] for e in _manifest(out).values()} == {"ok"}
    texts = " ".join((out / k).read_text(encoding="utf-8") for k in before)
    assert "187 triệu" in texts and "188 triệu" in texts


UNSHARE = shutil.which("unshare")


def _in_small_disk(tmp: Path, script: str) -> subprocess.CompletedProcess:
    """Run a shell script in a private mount namespace where $DISK is a 3 MB tmpfs."""
    if not UNSHARE or os.geteuid() != 0:
        pytest.skip("needs root and unshare for a private tmpfs")
    disk = tmp / "disk"
    disk.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DISK": str(disk), "PY": sys.executable,
           "TMP": str(tmp)}
    r = subprocess.run([UNSHARE, "-m", "sh", "-c",
                        f"mount -t tmpfs -o size=3m tmpfs \"$DISK\" || exit 99\nset -x\n{script}"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if r.returncode == 99:
        pytest.skip("cannot mount a tmpfs here")
    return r


def test_extraction_on_a_full_disk_keeps_the_old_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    for i in range(40):
        (raw / f"p{i:02}.txt").write_text(OTHER_TEXT.replace("178 triệu", f"{100 + i} triệu"),
                                          encoding="utf-8")
    script = f"""
$PY -m analysis extract {raw}/a.txt --out "$DISK/tables" --jobs 1 || exit 98
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null
rm -f "$DISK/filler.small"; dd if=/dev/zero of="$DISK/filler.small" bs=1k count=0
$PY -m analysis extract {raw} --out "$DISK/tables" --jobs 1
echo "exit=$?"
cp -a "$DISK/tables" "$TMP/after"
"""
    r = _in_small_disk(tmp_path, script)
    assert "exit=2" in r.stdout, r.stdout + r.stderr
    assert "error: no space left on the device" in r.stderr
    assert amounts(tmp_path / "after") == {"a.txt": [178_000_000]}
    gens = list((tmp_path / "after" / "generations").iterdir())
    assert len(gens) == 1                                # the failed staging was removed


@pytest.mark.slow
def test_briefs_on_a_full_disk_keep_the_old_briefs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    script = f"""
$PY -m analysis extract {raw} --out "$DISK/tables" --jobs 1 || exit 98
$PY -m analysis briefs --tables "$DISK/tables" --out "$DISK/reports" --jobs 1 --quiet || exit 97
cp -a "$DISK/reports" "$TMP/before"
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null
$PY -m analysis briefs --tables "$DISK/tables" --out "$DISK/reports" --jobs 1 --quiet --force
echo "exit=$?"
cp -a "$DISK/reports" "$TMP/after"
"""
    r = _in_small_disk(tmp_path, script)
    assert "exit=2" in r.stdout, r.stdout + r.stderr
    assert "error: no space left on the device" in r.stderr
    brief = "briefs/2021-Q1/lao-cai/thi-xa-sa-pa.html"
    assert (tmp_path / "after" / brief).read_bytes() == (tmp_path / "before" / brief).read_bytes()
    state = {".lock", MANIFEST, INDEX_KEY, SETTLED}     # no temporary file is left
    assert not [p for p in (tmp_path / "after").rglob(".*") if p.name not in state]


def test_a_flat_tables_folder_of_an_older_version_is_read_and_replaced(tmp_path, seed_tables):
    from analysis.tables import extract_folder
    flat = tmp_path / "tables"
    flat.mkdir()
    for p in (seed_tables / "current").glob("*.parquet"):
        shutil.copy(p, flat / p.name)
    assert amounts(flat) == {SEED.name: [178_000_000]}
    s = extract_folder(SEED.parent, flat)
    assert s.errors == [] and (flat / "current").is_symlink()
    assert all((flat / p.name).is_symlink() for p in (flat / "current").glob("*.parquet"))
    assert amounts(flat) == {SEED.name: [178_000_000]}
