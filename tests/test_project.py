"""The project's own promises: environment.yml and requirements.lock match pyproject, the files
pyproject names exist, notebooks are committed clean and paired with their jupytext files."""

import re
import tomllib
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
EXTRAS = ("lab", "dask", "dev")


def _wanted() -> set[str]:
    return set(PROJECT["dependencies"]).union(*(PROJECT["optional-dependencies"][e]
                                                for e in EXTRAS))


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert set(PROJECT["optional-dependencies"]) == set(EXTRAS)
    assert set(pip) - {"-e ."} == _wanted()
    assert "-e ." in pip
    assert python == ["python=3.11"] and PROJECT["requires-python"].startswith(">=3.11")


def test_lock_pins_every_dependency_within_its_bounds():
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned"
            pins[canonicalize_name(name)] = version.strip()
    for spec in _wanted():
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock (run make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), (spec, pins[name])
        for extra in req.extras:                    # e.g. dask[distributed] pins distributed
            assert canonicalize_name(extra) in pins, spec


def test_files_named_by_the_project_exist():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PROJECT["license"] == "MIT"
    for name in PYPROJECT["tool"]["setuptools"]["package-data"]["analysis"]:
        assert (ROOT / "src" / "analysis" / name).exists(), name
    for text in ((ROOT / "pyproject.toml").read_text(encoding="utf-8"),
                 (ROOT / "environment.yml").read_text(encoding="utf-8")):
        for named in re.findall(r"tests/[\w/]+\.py", text):
            assert (ROOT / named).exists(), named
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-r requirements.lock" in makefile and "--no-deps -e ." in makefile


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_match_their_jupytext_pair(path):
    nb = nbformat.read(path, as_version=4)
    paired = jupytext.read(path.with_suffix(".py"))
    assert [c.source for c in nb.cells] == [c.source for c in paired.cells]
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
