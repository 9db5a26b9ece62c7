"""Word 97-2003 .doc -> .docx with LibreOffice (``soffice --headless``), then :mod:`.docx`.

Without LibreOffice the file is refused with a message naming it and the package to install;
the rest of the batch goes on.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OfficialReadError
from .layout import Layout

PACKAGE = "libreoffice-writer-nogui"
TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, source: str) -> Layout:
    exe = soffice()
    if exe is None:
        raise OfficialReadError(source, "a Word 97-2003 .doc file needs LibreOffice to be read; "
                                        f"install the package {PACKAGE} (apt-get install {PACKAGE})"
                                        " or save the file as .docx")
    from .docx import read_docx
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.doc"
        src.write_bytes(data)
        # A private profile: conversions running in parallel do not wait on one profile's lock.
        cmd = [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--convert-to", "docx", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as e:
            raise OfficialReadError(source, f"LibreOffice did not convert the .doc within "
                                            f"{TIMEOUT_S} s") from e
        out = Path(tmp) / "report.docx"
        if not out.exists():
            raise OfficialReadError(source, "LibreOffice could not convert the .doc (damaged or "
                                            "not a Word document)")
        return read_docx(out.read_bytes(), source, source_kind="doc")
