"""A layout -> the facts of the report, by the page extractors plus the layout's metadata."""

from __future__ import annotations

from ..extract import PageFacts, extract_page
from ..text.page import page_from_text
from .errors import OfficialReadError
from .figures import table_figures
from .ocrfix import POSITION_WORDS, SYLLABLES, repair
from .layout import UNDECIDED, Layout, Table, read_metadata


def page_text(layout: Layout) -> tuple[str, list[tuple[int, int, float | None]]]:
    """The report as page text (title line = document type + excerpt, then the body
    paragraphs) and each body paragraph's (start, end, OCR confidence)."""
    title = f"Báo cáo {layout.excerpt[:1].lower()}{layout.excerpt[1:]}" if layout.excerpt \
        else "Báo cáo"
    parts, spans, pos = [title], [], len(title) + 1
    confs = layout.line_confidence or {}
    for i, b in enumerate(layout.body):
        if isinstance(b, Table):
            continue
        parts.append(b)
        spans.append((pos, pos + len(b), confs.get(i)))
        pos += len(b) + 1
    return "\n".join(parts) + "\n", spans


def _confidence_at(spans, offset) -> float | None:
    for s, e, c in spans:
        if s <= offset < e:
            return c
    return None


def facts_from_layout(layout: Layout) -> tuple[PageFacts, list[dict]]:
    text, spans = page_text(layout)
    if not layout.excerpt and not any(isinstance(b, str) for b in layout.body):
        raise OfficialReadError(layout.source, "no report text found (no document type, "
                                               "excerpt or body)")
    page = page_from_text(text, layout.source, encoding=layout.source_kind)
    facts = extract_page(page)
    meta = read_metadata(layout, text)
    if layout.confidence is not None:   # some of it read by OCR (the signed page, at least)
        meta.signer = meta.signer and repair(meta.signer, SYLLABLES)
        meta.signer_position = meta.signer_position and repair(meta.signer_position,
                                                               POSITION_WORDS)
    r = facts.report
    if meta.locality:      # the issuing organ names the unit
        r.update(locality=meta.locality, locality_type=meta.locality_type,
                 province=meta.province)
        source = meta.province_source
    else:                  # no organ in the header: the unit as the text names it
        source = "văn bản" if r.get("province") else UNDECIDED
    r.update(author=None, views=None, published_on=None, source_kind=layout.source_kind,
             report_code=meta.report_code, issued_on=meta.issued_on,
             issuing_organ=" ".join(layout.organ_lines) or None,
             province_source=source,
             signer=meta.signer, signer_position=meta.signer_position,
             ocr_confidence=layout.confidence)
    if layout.confidence is not None:
        for t in ("doc_refs", "amounts", "counts"):
            for row in getattr(facts, t):
                row["ocr_confidence"] = _confidence_at(spans, row["char_start"])
    figures = []
    for no, b in enumerate((b for b in layout.body if isinstance(b, Table)), 1):
        figures += table_figures(b, no)
    return facts, figures
