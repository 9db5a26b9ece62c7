"""Official reports as sent: Word .docx/.doc, PDF with a text layer, scanned PDF.

Each reader turns a file into a :class:`~.layout.Layout` (header, document type and excerpt,
body paragraphs and tables, signer block); :func:`extract_official` reads the metadata from
the layout, runs the body through the same extractors as report pages, and turns tables of
figures into ``table_figures`` rows.

Modules: :mod:`.docx` (Word, numbering restored), :mod:`.doc` (LibreOffice conversion),
:mod:`.pdf` (text layer), :mod:`.ocr` (scans), :mod:`.regions` (positioned words -> regions),
:mod:`.layout` (regions and the metadata they give), :mod:`.figures` (table cells -> facts),
:mod:`.names` (OCR repair of signer names), :mod:`.facts` (layout -> rows), :mod:`.sources`
(a document and a news page as one report), :mod:`.errors`.
"""

from __future__ import annotations

from pathlib import Path

from .errors import OfficialReadError

__all__ = ["OfficialReadError", "extract_official", "read_layout"]


def read_layout(data: bytes, source: str):
    """The layout of one official file (dispatch on the suffix; a PDF without a text layer is
    read by OCR)."""
    suffix = Path(source).suffix.lower()
    if suffix == ".docx":
        from .docx import read_docx
        return read_docx(data, source)
    if suffix == ".doc":
        from .doc import read_doc
        return read_doc(data, source)
    if suffix == ".pdf":
        from .pdf import read_pdf
        return read_pdf(data, source)
    raise OfficialReadError(source, f"not an official-report format ({suffix})")


def extract_official(data: bytes, source: str):
    """(PageFacts with the report row completed, table_figures rows) of one official file."""
    from .facts import facts_from_layout
    return facts_from_layout(read_layout(data, source))
