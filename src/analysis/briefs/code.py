"""The code a brief runs, for its fingerprint: the package modules the notebook imports, the
modules they import at load time (followed through the package), this package's renderer, and
the versions of the libraries they import. Code a brief never loads (the extractors, test
tooling) is not part of it, so editing it does not re-render briefs.

Only module-level imports are followed: an import inside a function (``tables`` imports the
extractors only when extracting) is not code the brief runs.
"""

from __future__ import annotations

import ast
import hashlib
import json
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..files import source_digest

PACKAGE = "analysis"
PKG_DIR = Path(__file__).resolve().parents[1]
RENDERER = ("analysis.briefs.render",)
"""Modules that shape a brief's HTML outside the notebook."""
ALWAYS = ("nbconvert", "matplotlib", "pandas", "papermill")
NOT_FOLLOWED = {"analysis.briefs"}
"""Packages whose ``__init__`` only gathers the batch machinery (it writes the briefs' files but
does not shape them): reaching ``briefs.render`` does not pull in ``briefs.batch``."""
"""Libraries whose version changes a brief even when no package module imports them."""


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    if not parts:
        return PKG_DIR / "__init__.py"
    rel = Path(*parts)
    for p in (PKG_DIR / rel.with_suffix(".py"), PKG_DIR / rel / "__init__.py"):
        if p.is_file():
            return p
    return None


def _top_level_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Absolute names imported by the statements run when the module loads."""
    names: set[str] = set()

    def visit(stmts):
        for node in stmts:
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = module.split(".")
                    base = parts[:len(parts) - node.level + (1 if is_package else 0)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                names.add(prefix)
                names.update(f"{prefix}.{a.name}" for a in node.names)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for h in getattr(node, "handlers", []):
                    visit(h.body)
                visit(getattr(node, "finalbody", []))
    visit(tree.body)
    return names


def _closure(roots: set[str]) -> tuple[set[Path], set[str]]:
    """(package files loaded with ``roots``, top-level names of the other libraries imported)."""
    files: set[Path] = set()
    external: set[str] = set()
    todo, seen = list(roots), set()
    while todo:
        name = todo.pop()
        if name in seen or name in NOT_FOLLOWED:
            continue
        seen.add(name)
        if name.split(".")[0] != PACKAGE:
            if name:
                external.add(name.split(".")[0])
            continue
        parts = name.split(".")
        for i in range(1, len(parts)):            # parents' __init__ run first
            if ".".join(parts[:i]) not in NOT_FOLLOWED:
                todo.append(".".join(parts[:i]))
        path = _module_file(name)
        if path is None or path in files:
            continue
        files.add(path)
        tree = ast.parse(path.read_bytes(), str(path))
        todo.extend(_top_level_imports(tree, name, path.name == "__init__.py"))
    return files, external - {"__future__"}


def notebook_imports(notebook: Path) -> set[str]:
    """Module names the notebook's code cells import (magics and shell lines skipped)."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    names: set[str] = set()
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        code = "\n".join(ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


@lru_cache(maxsize=8)
def _versions(names: frozenset[str]) -> str:
    """``dist=version`` of the libraries imported as ``names`` (the standard library is the
    interpreter's). A distribution named like its module is asked directly: scanning every
    installed distribution (``packages_distributions``) costs half a second per run."""
    out, unknown = [], []
    for name in sorted(names - set(sys.stdlib_module_names)):
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            unknown.append(name)
    if unknown:
        dists = metadata.packages_distributions()
        for name in unknown:
            for dist in sorted(set(dists.get(name, []))):
                out.append(f"{dist}={metadata.version(dist)}")
    return ";".join(out)


def brief_code_files(notebook: Path) -> tuple[set[Path], set[str]]:
    """The package files a brief loads and the libraries they import."""
    return _closure(notebook_imports(notebook) | set(RENDERER))


def code_digest(notebook: Path) -> str:
    """Digest of the code a brief of ``notebook`` runs (see the module docstring)."""
    files, external = brief_code_files(notebook)
    versions = _versions(frozenset(external | set(ALWAYS)))
    digest = source_digest(files, salt=f"{__version__};{versions}")
    return hashlib.sha256(digest.encode() + "".join(
        sorted(p.relative_to(PKG_DIR).as_posix() for p in files)).encode()).hexdigest()
