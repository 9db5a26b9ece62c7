"""Write every format of every spec into an output folder (see the package docstring)."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .docxgen import write_docx
from .gold import gold
from .specs import SPECS

DOC_SPEC = "lc-muongkhuong-2021-q2"   # the report also sent as a Word 97-2003 .doc
MIXED_SPEC = "lc-sapa-2021-q2"        # exported PDF whose signed last page was scanned
SCAN_DPI = 200


def _soffice(files: list[Path], fmt: str, outdir: Path) -> None:
    """Convert with LibreOffice in a private profile (parallel runs do not share a lock)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
                       check=True, capture_output=True, timeout=300)


def _write_gold(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _stamp(img, center: tuple[float, float], r: float):
    """The page with a red seal (two rings, a star) pressed over the signature: ink, so the
    black print under it stays black (multiplied, not painted over)."""
    from PIL import Image, ImageChops, ImageDraw
    layer = Image.new("RGB", img.size, (255, 255, 255))
    d = ImageDraw.Draw(layer)
    x, y = center
    red = (205, 35, 40)
    d.ellipse([x - r, y - r, x + r, y + r], outline=red, width=max(3, int(r / 18)))
    d.ellipse([x - 0.72 * r, y - 0.72 * r, x + 0.72 * r, y + 0.72 * r], outline=red,
              width=max(2, int(r / 30)))
    star = [(x + 0.3 * r * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
             y - 0.3 * r * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    d.polygon(star, fill=red)
    return ImageChops.multiply(img, layer)


def scan_pdf(text_pdf: Path, out: Path, angle: float, signer: str | None = None,
             dpi: int = SCAN_DPI) -> None:
    """An image-only colour PDF of ``text_pdf``: each page rendered, a red seal over the
    signer's name (when given), rotated by ``angle`` and blurred."""
    import pdfplumber
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    seal = None
    if signer:
        with pdfplumber.open(text_pdf) as pl:
            last = signer.split()[0]
            for i, p in enumerate(pl.pages):
                for w in p.extract_words():
                    if w["text"] == last:
                        seal = (i, (w["x0"] * dpi / 72, w["top"] * dpi / 72))
    pdf = pdfium.PdfDocument(str(text_pdf))
    images = []
    for i in range(len(pdf)):
        img = pdf[i].render(scale=dpi / 72).to_pil().convert("RGB")
        if seal and seal[0] == i:
            x, y = seal[1]
            img = _stamp(img, (x, y - 0.35 * dpi), 0.62 * dpi)   # over position and name
        img = img.rotate(angle, resample=3, expand=False, fillcolor=(255, 255, 255))
        images.append(img.filter(ImageFilter.GaussianBlur(0.7)))
    pdf.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:],
                   quality=85)


def mixed_pdf(text_pdf: Path, scanned_pdf: Path, out: Path) -> None:
    """The text PDF's pages, the last one replaced by its scan."""
    import pypdfium2 as pdfium

    text, scan = pdfium.PdfDocument(str(text_pdf)), pdfium.PdfDocument(str(scanned_pdf))
    pdf = pdfium.PdfDocument.new()
    n = len(text)
    pdf.import_pages(text, list(range(n - 1)))
    pdf.import_pages(scan, [n - 1])
    pdf.save(str(out))
    for d in (pdf, text, scan):
        d.close()


def encrypted_pdf(out: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="mat-khau",
                       encryption_method=EncryptionMethod.AES_128)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Bao cao (password protected)")
    pdf.output(str(out))


def generate(out: Path, formats=("docx", "pdf", "scan", "doc", "bad"),
             names: list[str] | None = None) -> dict[str, list[Path]]:
    """Write the fixtures; returns the written report files per format folder."""
    out = Path(out)
    specs = [s for s in SPECS if names is None or s.name in names]
    written: dict[str, list[Path]] = {}
    d = out / "docx"
    d.mkdir(parents=True, exist_ok=True)
    for s in specs:
        write_docx(s, d / f"{s.name}.docx")
        if "docx" in formats:
            _write_gold(d / f"{s.name}.gold.json", gold(s, f"{s.name}.docx", "docx"))
    written["docx"] = [d / f"{s.name}.docx" for s in specs]
    if {"pdf", "scan"} & set(formats):
        p = out / "pdf"
        p.mkdir(exist_ok=True)
        _soffice(written["docx"], "pdf", p)
        for s in specs:
            _write_gold(p / f"{s.name}.gold.json", gold(s, f"{s.name}.pdf", "pdf"))
        written["pdf"] = [p / f"{s.name}.pdf" for s in specs]
    if "scan" in formats:
        sc = out / "scan"
        sc.mkdir(exist_ok=True)
        for i, s in enumerate(s for s in specs if s.scan):
            angle = round(0.4 + 0.5 * math.sin(i * 1.7), 2) * (1 if i % 2 else -1)
            scan_pdf(out / "pdf" / f"{s.name}.pdf", sc / f"{s.name}.pdf", angle, s.signer)
            _write_gold(sc / f"{s.name}.gold.json", gold(s, f"{s.name}.pdf", "pdf_ocr"))
        written["scan"] = sorted(sc.glob("*.pdf"))
        if any(s.name == MIXED_SPEC for s in specs):
            mx = out / "mixed"
            mx.mkdir(exist_ok=True)
            mixed_pdf(out / "pdf" / f"{MIXED_SPEC}.pdf", sc / f"{MIXED_SPEC}.pdf",
                      mx / f"{MIXED_SPEC}.pdf")
            spec = next(s for s in specs if s.name == MIXED_SPEC)
            _write_gold(mx / f"{MIXED_SPEC}.gold.json", gold(spec, f"{MIXED_SPEC}.pdf", "pdf"))
            written["mixed"] = [mx / f"{MIXED_SPEC}.pdf"]
    if "doc" in formats and any(s.name == DOC_SPEC for s in specs):
        dc = out / "doc"
        dc.mkdir(exist_ok=True)
        _soffice([d / f"{DOC_SPEC}.docx"], "doc", dc)
        spec = next(s for s in specs if s.name == DOC_SPEC)
        _write_gold(dc / f"{DOC_SPEC}.gold.json", gold(spec, f"{DOC_SPEC}.doc", "doc"))
        written["doc"] = [dc / f"{DOC_SPEC}.doc"]
    if "bad" in formats:
        b = out / "bad"
        b.mkdir(exist_ok=True)
        src = written["docx"][0].read_bytes()
        (b / "hong-tep.docx").write_bytes(src[: len(src) // 3])   # truncated zip
        encrypted_pdf(b / "co-mat-khau.pdf")
        written["bad"] = [b / "hong-tep.docx", b / "co-mat-khau.pdf"]
    if "docx" not in formats:
        shutil.rmtree(d)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m officialgen OUT", file=sys.stderr)
        return 2
    w = generate(Path(argv[0]))
    print({k: len(v) for k, v in w.items()})
    return 0
