"""Vietnamese text and tables for the brief notebooks, built from a :class:`BriefContext` or a
:class:`ProvinceContext`. Page text put into Markdown or HTML here is escaped."""

from __future__ import annotations

import pandas as pd

from .formats import counter, date_vi, percent, period_vi, vn_int, vnd
from .identity import LEVELS_VI, Locality
from .trends import NOT_STATED, BriefContext, ProvinceContext, documents_by_level
from .escape import TITLE_CHARS, md_text, plain

_KINDS = {"support": "Hỗ trợ, tặng quà", "fund": "Vận động, quỹ", "budget": "Ngân sách",
          "rate": "Định mức", "investment": "Đầu tư", "other": "Khác"}
_SECTIONS = {"results": "Kết quả", "plans": "Nhiệm vụ kỳ tới"}
_LEVELS = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện/thị xã",
           "commune": "Xã/phường", "province|district": "Tỉnh hoặc huyện"}


def _numbered(df: pd.DataFrame) -> pd.DataFrame:
    """Rows numbered from 1, as a reader counts them."""
    return df.set_axis(pd.RangeIndex(1, len(df) + 1))


def source_line(report: pd.Series, page: pd.Series | None = None,
                sources: tuple[str, ...] = ()) -> str:
    """'Nguồn: «title», tác giả …, đăng ngày …, địa chỉ … (tệp …)' as Markdown; when the
    report has several sources (an official document and its news page), they follow
    ('Báo cáo có 2 nguồn: văn bản .docx 52-BC/BDVHU; trang tin (địa chỉ …)') and the address
    is the page's."""
    parts = [f"«{md_text(report['title'])}»" if pd.notna(report.get("title")) else "trang không tiêu đề"]
    if pd.notna(report.get("author")):
        parts.append(f"tác giả {md_text(report['author'])}")
    if pd.notna(report.get("published_on")):
        parts.append(f"đăng ngày {pd.Timestamp(report['published_on']).strftime('%d/%m/%Y')}")
    url = report.get("source_url")
    if not (isinstance(url, str) and url) and page is not None:
        url = page.get("source_url")
    if isinstance(url, str) and url:
        parts.append(f"địa chỉ {md_text(url)}")
    line = f"*Nguồn: {', '.join(parts)} (tệp {md_text(report['source_file'], TITLE_CHARS)}).*"
    if len(sources) > 1:
        line += (f" *Báo cáo có {len(sources)} nguồn: {md_text('; '.join(sources))} — số liệu "
                 "lấy từ nguồn đầu" + (", lượt xem và địa chỉ từ trang tin" if page is not None
                                       else "") + ", không cộng hai lần.*")
    return line


def _links(root: str) -> str:
    """Links back to the index and the document registry (briefs sit at
    ``briefs/<period>/<province>/<locality>.html`` and ``briefs/<period>/<province>.html``)."""
    return (f"[← Danh sách bản tin]({root}index.html) · "
            f"[Danh mục văn bản]({root}documents.html)")


def _change_cells(row) -> tuple[str, str]:
    return (row["prev_sentence"] or "–"), (row["yoy_sentence"] or "–")


def _views(ctx: BriefContext) -> str:
    """The article's views: the news page's when the figures come from a document."""
    v = (ctx.page if ctx.page is not None else ctx.report)["views"]
    return counter(v) if pd.notna(v) else NOT_STATED


def headline(ctx: BriefContext) -> str:
    """The brief's title, source, the page choice when there were several, and the headline
    figures with their change on the previous period and on the same period a year earlier."""
    docs = ctx.documents
    by_type = docs["doc_type_name"].fillna(docs["doc_type"]).fillna("Khác").value_counts()
    type_text = ", ".join(f"{n} {md_text(t).lower()}" for t, n in by_type.items()) or "không có"
    level_text = ", ".join(f"{lvl}: {n}" for lvl, n in documents_by_level(ctx).items()) or "–"
    new = int(docs["is_new"].sum())
    lines = [f"# {md_text(ctx.title, TITLE_CHARS)}", "", source_line(ctx.report, ctx.page, ctx.choice.sources), "", _links("../../../"), ""]
    if ctx.choice.reason:
        lines += [f"> **Chọn trang:** {md_text(ctx.choice.reason)}", ""]
    prev_words = ctx.period.previous_words if ctx.period.previous() else None
    lines += [f"| Chỉ số | {md_text(ctx.period.vi)} | So với {prev_words or '–'} | "
              f"So với {ctx.period.year_ago_words} |", "|---|---|---|---|"]
    ch = ctx.changes.set_index("measure")
    for measure, shown in (("support", f"**{ctx.support_total.text}**"),
                           ("fund", ctx.fund_total.text),
                           ("documents", f"**{len(docs)}** ({type_text}; {new} mới)"),
                           ("views", _views(ctx))):
        prev, yoy = _change_cells(ch.loc[measure])
        lines.append(f"| {ch.at[measure, 'label']} | {shown} | {prev} | {yoy} |")
    lines.append(f"| Theo cấp ban hành | {level_text} | | |")
    lines.append(f"| Số khoản tiền được nêu | {len(ctx.amounts)} | | |")
    s = ctx.site_stats
    if s is not None:
        parts = [(lab, s[f]) for f, lab in (("online", "đang truy cập"), ("today", "hôm nay"),
                                             ("week", "trong tuần"), ("month", "trong tháng"),
                                             ("year", "trong năm"), ("total", "tất cả"))]
        lines.append("| Thống kê truy cập cổng | "
                     + "; ".join(f"{lab} {counter(v)}" for lab, v in parts if pd.notna(v))
                     + " | | |")
    lines.append(f"| Nhiệm vụ kỳ tới | {len(ctx.tasks)} nhiệm vụ | | |")
    return "\n".join(lines)


def province_comparison(ctx: BriefContext) -> pd.DataFrame | str:
    """The province's localities for the brief's period (the brief's own marked ►), or a
    sentence when the province is unknown or the locality is alone."""
    t = ctx.province
    if not ctx.locality.province:
        return ("*Trang báo cáo không cho biết tỉnh của địa phương (tỉnh chưa xác định), nên "
                "không so sánh với địa phương khác.*")
    if len(t) < 2:
        return (f"*Chưa có báo cáo {md_text(ctx.period.vi)} của địa phương khác thuộc "
                f"{md_text(ctx.locality.title.split(', ')[-1])} trong bảng dữ liệu.*")
    return province_frame(t, ctx.locality)


def province_frame(t: pd.DataFrame, mark: Locality | None = None) -> pd.DataFrame:
    """A :func:`analysis.trends.province_table` in words (``mark`` gets a ►; the level column
    only when the table mixes levels)."""
    out = pd.DataFrame({
        "Địa phương": [("► " if mark is not None and loc.key == mark.key else "") + loc.short
                       for loc in t["locality"]],
        "Cấp": t["level"].map(LEVELS_VI),
        "Kinh phí hỗ trợ": t["support_text"],
        "Xếp hạng kinh phí": t["rank"].map(lambda r: "–" if pd.isna(r) else vn_int(r)),
        "Tỷ trọng trong tỉnh": t["share"].map(lambda s: "–" if pd.isna(s) else percent(s)),
        "Văn bản dẫn chiếu": t["documents"].map(vn_int),
        "Lượt xem": t["views"].map(lambda v: NOT_STATED if pd.isna(v) else counter(v)),
    }).pipe(_numbered)
    return out if t["level"].nunique() > 1 else out.drop(columns="Cấp")


def documents_table(ctx: BriefContext) -> pd.DataFrame:
    """Documents cited in the period, in order of first mention; "mới" marks a document the
    locality cites for the first time."""
    d = ctx.documents
    return pd.DataFrame({
        "Văn bản": d["doc_type_name"].fillna(d["doc_type"]),
        "Số, ký hiệu": d["code"].fillna("số " + d["number"]),
        "Ngày ban hành": d["issued_on"].map(date_vi),
        "Cơ quan ban hành": d["issuer"].fillna("–"),
        "Cấp": d["level"].map(_LEVELS).fillna("–"),
        "Phần": d["section"].map(_SECTIONS),
        "Lần đầu địa phương dẫn": d["is_new"].map({True: "mới", False: ""}),
    }).pipe(_numbered)


def dropped_documents_markdown(ctx: BriefContext) -> str:
    """Documents cited in the previous period but not in this one."""
    d = ctx.dropped_documents
    prev = ctx.period.previous()
    if prev is None:
        return ""
    if d.empty:
        return f"*Mọi văn bản dẫn chiếu {md_text(prev.vi)} đều được nhắc lại trong kỳ này (hoặc không có báo cáo {md_text(prev.vi)}).*"
    items = [f"- {md_text(m)}" for m in d["mention"]]
    return f"**Văn bản được dẫn chiếu {md_text(prev.vi)} nhưng không nhắc lại trong kỳ này:**\n\n" \
        + "\n".join(items)


def follow_through_table(ctx: BriefContext) -> pd.DataFrame | str:
    """Last period's tasks and planned documents with what this period's results say."""
    f = ctx.follow_through
    prev = ctx.period.previous()
    if prev is None:
        return "*Kỳ báo cáo này không có kỳ trước cùng loại để đối chiếu nhiệm vụ.*"
    if f.empty:
        return (f"*Không có báo cáo {md_text(prev.vi)} nêu nhiệm vụ cho kỳ này, nên không đối chiếu "
                "được.*")
    return pd.DataFrame({"Loại": f["kind"], f"Nhiệm vụ nêu trong báo cáo {prev.vi}": f["item"],
                         "Đánh giá": f["status_vi"],
                         "Câu trong báo cáo kỳ này": f["evidence"].fillna("–")}).pipe(_numbered)


def follow_through_summary(ctx: BriefContext) -> str:
    f = ctx.follow_through
    if f.empty:
        return ""
    n = f["status"].value_counts()
    return (f"Trong {len(f)} nhiệm vụ và văn bản dự kiến của kỳ trước: {n.get('done', 0)} đã "
            f"thực hiện, {n.get('mentioned', 0)} có nhắc đến, {n.get('not_mentioned', 0)} không "
            "thấy nhắc trong báo cáo kỳ này (đối chiếu tự động theo từ ngữ, cần kiểm tra lại).")


def money_table(ctx: BriefContext) -> pd.DataFrame:
    """Each money fact with the sentence it came from; rates are marked as not summed."""
    a = ctx.amounts
    kind = a["kind"].map(_KINDS)
    kind = kind.where(a["per_unit"].isna(), kind + " (định mức, không cộng)")
    return pd.DataFrame({
        "Số tiền": a["amount_vnd"].map(lambda v: vnd(v) if pd.notna(v) else "không ghi số"),
        "Nguyên văn": a["raw"],
        "Loại": kind,
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


# --- province brief ------------------------------------------------------------------------------

def province_headline(ctx: ProvinceContext) -> str:
    """Title and the province's totals with their change, as Markdown."""
    t = ctx.localities
    level = LEVELS_VI[ctx.level]
    mine = t[t["level"] == ctx.level]
    stating = int(mine["support_vnd"].notna().sum())
    others = len(t) - len(mine)
    lines = [f"# {md_text(ctx.title, TITLE_CHARS)}", "", _links("../../"), "",
             f"*{len(t)} địa phương có báo cáo {md_text(ctx.period.vi)} trong bảng dữ liệu. Tổng "
             f"cộng {len(mine)} địa phương {level}: {stating} nêu kinh phí hỗ trợ, "
             f"{len(mine) - stating} không nêu"
             + (f"; {others} báo cáo cấp khác không cộng vào tổng để tránh tính trùng" if others
                else "") + ".*", "",
             "| Chỉ số | Giá trị |", "|---|---|",
             f"| Kinh phí hỗ trợ, thăm hỏi, tặng quà (cộng các địa phương {level} có nêu) | "
             f"**{ctx.support_total.text}** |",
             f"| Văn bản được dẫn chiếu (khác nhau, mọi cấp) | {len(ctx.documents)} |", ""]
    ch = ctx.changes
    if len(ch):
        against = list(dict.fromkeys(ch["against"]))
        counts = {a: (g["localities_now"].iloc[0], g["localities_then"].iloc[0])
                  for a, g in ch.groupby("against", sort=False)}
        lines += ["| Tổng " + level + " | " + " | ".join(
                      f"So với {a} ({counts[a][0]} so với {counts[a][1]} địa phương báo cáo)"
                      for a in against) + " |",
                  "|---|" + "---|" * len(against)]
        for measure, g in ch.groupby("measure", sort=False):
            by = dict(zip(g["against"], g["sentence"]))
            lines.append(f"| {md_text(g['label'].iloc[0])} | "
                         + " | ".join(by.get(a, "–") for a in against) + " |")
    return "\n".join(lines)


def province_localities_table(ctx: ProvinceContext) -> pd.DataFrame:
    """The province's localities for the period, ranked by support spending."""
    return province_frame(ctx.localities)


def province_documents_table(ctx: ProvinceContext) -> pd.DataFrame:
    d = ctx.documents
    return pd.DataFrame({"Số, ký hiệu": d["code"].fillna(d["doc_key"]),
                         "Loại văn bản": d["doc_type_name"].fillna("–"),
                         "Cơ quan ban hành": d["issuer"].fillna("–"),
                         "Số địa phương dẫn": d["localities_count"],
                         "Địa phương": d["localities"]}).pipe(_numbered)


def style(df: pd.DataFrame):
    """A left-aligned, wrapped table for HTML output; cells are shown as text (escaped)."""
    return (df.style.format(plain, escape="html")
            .set_properties(**{"text-align": "left", "white-space": "normal",
                               "vertical-align": "top"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}]))
