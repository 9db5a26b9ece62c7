"""Which page a brief uses when one locality has several pages for one period.

Every page stays in the tables; :func:`choose` picks the one whose figures the brief shows and
says why, in Vietnamese, so the brief and the index can tell the reader. The rule, in order:
the later ``published_on``, else the longer text (the fuller revision), else the later file
name. It is the one place to change when an official document and a news page of the same
report are paired (figures from the document, views from the page): a ``source_kind`` column
('page', 'docx', 'pdf', …) is read when the tables have it and ignored otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .formats import vn_int


@dataclass(frozen=True)
class Choice:
    """The page a brief uses (``report_id``), the other pages of the same locality and period
    (``others``, report ids), and the reason in Vietnamese (empty when there was one page)."""

    report_id: str
    others: tuple[str, ...]
    reason: str


def _date(v) -> str:
    return v.strftime("%d/%m/%Y")


def _name(row: dict) -> str:
    kind = row.get("source_kind")
    kind = f" ({kind})" if isinstance(kind, str) and kind else ""
    return f"tệp {row['source_file']}{kind}"


def choose(pages: pd.DataFrame) -> Choice:
    """Pick the page of one (locality, period) whose figures a brief shows.

    Args:
        pages: ``reports`` rows of one locality and period (at least one).
    """
    if pages.empty:
        raise ValueError("choose() needs at least one page")
    if len(pages) == 1:
        return Choice(pages["report_id"].iloc[0], (), "")
    rows = pages.to_dict("records")
    for r in rows:
        r["_pub"] = None if pd.isna(r["published_on"]) else pd.Timestamp(r["published_on"])
    # Undated pages first, then by date, length and file name: the last one wins.
    rows.sort(key=lambda r: (r["_pub"] is not None, r["_pub"] or pd.Timestamp(0),
                             r["n_chars"], r["source_file"]))
    best, runner = rows[-1], rows[-2]
    if best["_pub"] is not None and (runner["_pub"] is None or best["_pub"] > runner["_pub"]):
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
    return Choice(best["report_id"], tuple(r["report_id"] for r in others), reason)
