"""Which report a brief uses when one locality has several for one period.

Every row stays in the tables; :func:`choose` picks the one whose figures the brief shows and
says why, in Vietnamese, so the brief and the index can tell the reader. The rule, in order:
an official document before a news page (:data:`FIGURE_PREFERENCE`: one report, two sources —
figures from the document, views and address from the page, nothing counted twice), then the
later ``published_on``, else the longer text (the fuller revision), else the later file name.
This is the one place of that rule: :func:`analysis.official.sources.pair_sources` (the
synthesis) calls it too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .formats import vn_int

FIGURE_PREFERENCE = ("docx", "doc", "pdf", "pdf_ocr", "page")
"""Which source gives a report's figures, best first: a document's own text before a retelling,
a text layer before OCR. A missing ``source_kind`` is a page."""

_KIND_VI = {"docx": "văn bản .docx", "doc": "văn bản .doc", "pdf": "văn bản PDF",
            "pdf_ocr": "văn bản PDF quét (OCR)"}


@dataclass(frozen=True)
class Choice:
    """The report a brief uses (``report_id``: its figures), the other rows of the same locality
    and period (``others``, report ids), the reason in Vietnamese (empty when there was one),
    the news page whose views and address the brief shows when the figures come from a
    document (``page_report_id``, else None), and every source, in Vietnamese (``sources``)."""

    report_id: str
    others: tuple[str, ...]
    reason: str
    page_report_id: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def views_from(self) -> str:
        """The report id whose views and address are shown."""
        return self.page_report_id or self.report_id


def _date(v) -> str:
    return v.strftime("%d/%m/%Y")


def source_kind(row: dict) -> str:
    """The row's ``source_kind``; a row without one is a news page."""
    k = row.get("source_kind")
    return k if isinstance(k, str) and k else "page"


def _rank(row: dict) -> int:
    k = source_kind(row)
    return FIGURE_PREFERENCE.index(k) if k in FIGURE_PREFERENCE else len(FIGURE_PREFERENCE)


def _name(row: dict) -> str:
    kind = row.get("source_kind")
    kind = f" ({kind})" if isinstance(kind, str) and kind else ""
    return f"tệp {row['source_file']}{kind}"


def source_vi(row: dict) -> str:
    """'văn bản .docx 52-BC/BDVHU' or 'trang tin (địa chỉ …)': one source, as the reader reads it."""
    k = source_kind(row)
    if k == "page":
        url = row.get("source_url")
        where = f"địa chỉ {url}" if isinstance(url, str) and url else f"tệp {row['source_file']}"
        return f"trang tin ({where})"
    code = row.get("report_code")
    name = code if isinstance(code, str) and code else f"tệp {row['source_file']}"
    return f"{_KIND_VI.get(k, k)} {name}"


def choose(pages: pd.DataFrame | list[dict]) -> Choice:
    """Pick the page of one (locality, period) whose figures a brief shows.

    Args:
        pages: ``reports`` rows of one locality and period (at least one), as a frame or as
            records (a caller choosing for every group of a large table passes records: a
            frame per group costs more than the choice).
    """
    rows = pages.to_dict("records") if isinstance(pages, pd.DataFrame) else [dict(r) for r in pages]
    if not rows:
        raise ValueError("choose() needs at least one page")
    if len(rows) == 1:
        return Choice(rows[0]["report_id"], (), "", None, (source_vi(rows[0]),))
    for r in rows:
        r["_pub"] = None if pd.isna(r["published_on"]) else pd.Timestamp(r["published_on"])
    # Pages before documents, OCR before text layers, then undated before dated, then by date,
    # length and file name: the last one wins.
    rows.sort(key=lambda r: (-_rank(r), r["_pub"] is not None, r["_pub"] or pd.Timestamp(0),
                             r["n_chars"], r["source_file"]))
    best, runner = rows[-1], rows[-2]
    news = [r for r in rows if source_kind(r) == "page"]
    page = news[-1] if news and source_kind(best) != "page" else None
    sources = tuple(dict.fromkeys(source_vi(r) for r in reversed(rows)))
    if _rank(best) < _rank(runner):
        why = (f"số liệu lấy từ {source_vi(best)} (văn bản chính thức trước bản đưa tin)"
               + (f"; lượt xem và địa chỉ lấy từ {source_vi(page)}" if page else "")
               + "; số liệu của nguồn kia không cộng thêm")
    elif best["_pub"] is not None and (runner["_pub"] is None or best["_pub"] > runner["_pub"]):
        why = (f"ngày đăng muộn hơn ({_date(best['_pub'])}"
               + (f" so với {_date(runner['_pub'])})" if runner["_pub"] is not None else
                  "; trang kia không ghi ngày đăng)"))
    elif best["n_chars"] > runner["n_chars"]:
        why = (f"bản dài hơn, đầy đủ hơn ({vn_int(best['n_chars'])} ký tự so với "
               f"{vn_int(runner['n_chars'])})")
    else:
        why = "hai trang như nhau về ngày đăng và độ dài; lấy trang có tên tệp sau cùng"
    others = rows[:-1]
    reason = (f"Có {len(rows)} trang cùng địa phương và kỳ; bản tin dùng {_name(best)} vì {why}. "
              "Trang còn lại: " + ", ".join(_name(r) for r in others) + ".")
    return Choice(best["report_id"], tuple(r["report_id"] for r in others), reason,
                  page["report_id"] if page else None, sources)
