"""PDF with a text layer -> :class:`~.layout.Layout` (pdfplumber); a PDF without one goes to
OCR (:mod:`.ocr`).

Words come with their positions (pdfplumber's ``extract_words``); tables of figures are found by
their ruling lines (``find_tables``) and read cell by cell, a merged cell's text repeated in the
grid cells it covers; :mod:`.regions` rebuilds header, body and signer block from the rest.
"""

from __future__ import annotations

import io

from .errors import OfficialReadError
from .figures import header_rows
from .layout import Layout, Table
from .regions import PageWords, Word, build_layout

MIN_TEXT_CHARS = 40
"""Fewer characters than this on every page: the PDF is a scan and is read by OCR."""


def fill_merged(rows: list[list[str | None]], n_header: int) -> list[list[str]]:
    """Cells left empty (None) by a merge take the text of the cell they are merged with: in
    the first row its left neighbour, below it the cell above."""
    out = [list(r) for r in rows]
    for i, r in enumerate(out):
        for j, c in enumerate(r):
            if c is None:
                if i < n_header and i == 0 and j > 0:
                    r[j] = r[j - 1]
                elif i < n_header and i > 0:
                    r[j] = out[i - 1][j]
                else:
                    r[j] = ""
    return [[" ".join((c or "").split()) for c in r] for r in out]


def open_pdf(data: bytes, source: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages   # noqa: B018  (parses the page tree: damaged files fail here)
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise OfficialReadError(source, "the PDF is password-protected; send an unprotected "
                                            "copy") from e
        raise OfficialReadError(source, f"not a readable PDF ({type(cause).__name__})") from e
    except Exception as e:
        raise OfficialReadError(source, f"not a readable PDF ({type(e).__name__}: {e})") from e
    return pdf


def read_pdf(data: bytes, source: str) -> Layout:
    """A PDF's layout. Pages without a text layer are read by OCR: all of them (a scan), or
    only those (an exported report whose signed last page was scanned and appended)."""
    with open_pdf(data, source) as pdf:
        scanned = [i for i, p in enumerate(pdf.pages) if len(p.chars) < MIN_TEXT_CHARS]
        if len(scanned) == len(pdf.pages):
            from .ocr import read_scanned
            return read_scanned(data, source)
        pages, images = [], {}
        if scanned:
            from .ocr import DPI, read_page_image, render
            images = dict(zip(scanned, render(data, source, pages=scanned)))
        for i, p in enumerate(pdf.pages):
            if i in images:
                pages.append(read_page_image(images[i], source).scaled(72 / DPI))
                continue
            words = [Word(w["x0"], w["top"], w["x1"], w["bottom"], w["text"])
                     for w in p.extract_words()]
            tables = []
            for t in p.find_tables():
                raw = t.extract()
                if len(raw) < 2 or max(len(r) for r in raw) < 2:
                    continue
                n = header_rows([[c or "" for c in r] for r in raw])
                rows = fill_merged(raw, n)
                tables.append((*t.bbox, Table(rows, n)))
            pages.append(PageWords(p.width, p.height, words, tables))
    layout = build_layout(pages, source, "pdf")
    confs = [w.conf for pw in pages for w in pw.words if w.conf is not None]
    layout.confidence = sum(confs) / len(confs) if confs else None
    return layout
