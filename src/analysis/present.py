"""Vietnamese text and tables for the brief notebook, built from a :class:`BriefContext`."""

from __future__ import annotations

import pandas as pd

from .escape import TITLE_CHARS, md_text, plain
from .formats import counter, period_vi, quarter_vi, vn_int, vnd, vnd_short
from .trends import BriefContext, documents_by_level

_KINDS = {"support": "Hỗ trợ, tặng quà", "fund": "Vận động, quỹ", "budget": "Ngân sách",
          "rate": "Định mức", "investment": "Đầu tư", "other": "Khác"}
_SECTIONS = {"results": "Kết quả", "plans": "Nhiệm vụ kỳ tới"}


def _numbered(df: pd.DataFrame) -> pd.DataFrame:
    """Rows numbered from 1, as a reader counts them."""
    return df.set_axis(pd.RangeIndex(1, len(df) + 1))


def headline(ctx: BriefContext) -> str:
    """The brief's headline figures as Markdown."""
    r = ctx.report
    docs = ctx.documents
    by_type = docs["doc_type_name"].fillna(docs["doc_type"]).fillna("Khác").value_counts()
    type_text = ", ".join(f"{n} {md_text(t.lower())}" for t, n in by_type.items()) or "không có"
    level_text = ", ".join(f"{lvl}: {n}" for lvl, n in documents_by_level(ctx).items()) or "–"
    lines = [
        f"# Bản tin công tác dân vận {md_text(ctx.locality, TITLE_CHARS)} — "
        f"{quarter_vi(ctx.quarter, ctx.year)}",
        "",
        f"*Nguồn: «{md_text(r['title'], 2 * TITLE_CHARS)}»"
        + (f", tác giả {md_text(r['author'], TITLE_CHARS)}" if pd.notna(r["author"]) else "")
        + f" (tệp {md_text(r['source_file'], TITLE_CHARS)}).*",
        "",
        "| Chỉ số | Giá trị |",
        "|---|---|",
        f"| Kinh phí hỗ trợ, thăm hỏi, tặng quà | **{vnd_short(ctx.support_vnd)}** "
        f"({vnd(ctx.support_vnd)}) |",
        f"| Số khoản tiền được nêu | {len(ctx.amounts)} |",
        f"| Văn bản được dẫn chiếu | **{len(docs)}** ({type_text}) |",
        f"| Theo cấp ban hành | {level_text} |",
        f"| Lượt xem bài báo cáo | {counter(r['views']) if pd.notna(r['views']) else '–'} |",
    ]
    s = ctx.site_stats
    if s is not None:
        parts = [(lab, s[f]) for f, lab in (("online", "đang truy cập"), ("today", "hôm nay"),
                                             ("week", "trong tuần"), ("month", "trong tháng"),
                                             ("year", "trong năm"), ("total", "tất cả"))]
        lines.append("| Thống kê truy cập cổng | "
                     + "; ".join(f"{lab} {counter(v)}" for lab, v in parts if pd.notna(v)) + " |")
    lines.append(f"| Nhiệm vụ kỳ tới | {len(ctx.tasks)} nhiệm vụ |")
    return "\n".join(lines)


def documents_table(ctx: BriefContext) -> pd.DataFrame:
    """Documents cited in the quarter, in order of first mention."""
    d = ctx.documents
    return pd.DataFrame({
        "Văn bản": d["doc_type_name"].fillna(d["doc_type"]),
        "Số, ký hiệu": d["code"].fillna("số " + d["number"]),
        "Ngày ban hành": d["issued_on"].dt.strftime("%d/%m/%Y").fillna("–"),
        "Cơ quan ban hành": d["issuer"].fillna("–"),
        "Cấp": d["level"].map({"central": "Trung ương", "province": "Tỉnh",
                               "district": "Huyện/thị xã", "commune": "Xã/phường",
                               "province|district": "Tỉnh hoặc huyện"}).fillna("–"),
        "Phần": d["section"].map(_SECTIONS),
    }).pipe(_numbered)


def money_table(ctx: BriefContext) -> pd.DataFrame:
    """Each money fact with the sentence it came from."""
    a = ctx.amounts
    return pd.DataFrame({
        "Số tiền": a["amount_vnd"].map(lambda v: vnd(v) if pd.notna(v) else "không rõ"),
        "Nguyên văn": a["raw"],
        "Loại": a["kind"].map(_KINDS),
        "Phần": a["section"].map(_SECTIONS),
        "Câu gốc": a["sentence"],
    }).pipe(_numbered)


def tasks_markdown(ctx: BriefContext) -> str:
    """Next-period tasks as a numbered Markdown list."""
    t = ctx.tasks
    if t.empty:
        return "*Báo cáo không nêu nhiệm vụ kỳ tới.*"
    row = t.iloc[0]
    target = period_vi(row["target_period_type"], row["target_year"], row["target_quarter"],
                       row["target_half"])
    items = [f"{i}. " + (f"**{md_text(h)}:** " if pd.notna(h) else "")
             + md_text(txt[len(h) + 1:].strip() if pd.notna(h) and txt.startswith(h) else txt)
             for i, (h, txt) in enumerate(zip(t["heading"], t["text"]), 1)]
    return f"**Nhiệm vụ trọng tâm {target}:**\n\n" + "\n".join(items)


def _snippet(sentence: str, raw: str, width: int = 70) -> str:
    """The words around ``raw`` in its sentence, for tables where whole sentences would repeat."""
    at = sentence.find(raw)
    if at < 0 or len(sentence) <= 2 * width + len(raw):
        return sentence
    start, end = max(0, at - width), min(len(sentence), at + len(raw) + width)
    if start:                                  # whole words only
        start = sentence.find(" ", start, at) + 1 or start
    if end < len(sentence):
        end = sentence.rfind(" ", at + len(raw), end) if " " in sentence[at + len(raw):end] else end
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def counts_table(ctx: BriefContext) -> pd.DataFrame:
    """Counted activities and objects, with the words around each count."""
    c = ctx.counts
    return pd.DataFrame({"Số lượng": c["value"].map(vn_int), "Đơn vị": c["unit"],
                         "Phần": c["section"].map(_SECTIONS),
                         "Ngữ cảnh": [_snippet(sen, raw) for sen, raw in zip(c["sentence"], c["raw"])]
                         }).pipe(_numbered)


def style(df: pd.DataFrame):
    """A left-aligned, wrapped table for HTML output; cells are shown as text (escaped)."""
    return (df.style.format(plain, escape="html")
            .set_properties(**{"text-align": "left", "white-space": "normal",
                               "vertical-align": "top"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}]))
