"""(d) Official reports: .docx and text-PDF files per second, OCR pages per second.

The 16 generated reports (tools/officialgen) are extracted in one process each way: the
.docx folder, the text-PDF folder (pdfplumber), and 4 scanned PDFs (OCR with tesseract vie,
pages counted with pypdfium2). Single process (``--jobs 1``): per-file cost, not parallelism.
"""

from __future__ import annotations

import shutil
import sys

from common import PY, ROOT, WORK, record, run


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tools.officialgen import generate
    import pypdfium2 as pdfium

    work = WORK / "official"
    shutil.rmtree(work, ignore_errors=True)
    written = generate(work, formats=("docx", "pdf"))
    scans = ["lc-baothang-2021-q2", "lc-muongkhuong-2021-q2", "hue-phongdien-2021-9m",
             "yb-catthinh-2021-q2"]
    generate(work / "_scan", formats=("scan",), names=scans)
    scan_dir = work / "_scan" / "scan"
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in scan_dir.glob("*.pdf"))
    figures = {}
    for label, folder, n in (("docx", work / "docx", len(written["docx"])),
                             ("pdf", work / "pdf", len(written["pdf"]))):
        seconds, peak = run([PY, "-m", "analysis", "extract", str(folder), "--out",
                             str(work / f"tables-{label}"), "--full"])
        figures[f"{label}_files"] = n
        figures[f"{label}_files_per_s"] = f"{n / seconds:.2f}"
    seconds, peak = run([PY, "-m", "analysis", "extract", str(scan_dir), "--out",
                         str(work / "tables-ocr"), "--full"])
    figures["ocr_pages"] = pages
    figures["ocr_pages_per_s"] = f"{pages / seconds:.3f}"
    figures["ocr_peak_rss_mib"] = f"{peak:.0f}"
    record("official", figures)


if __name__ == "__main__":
    main()
