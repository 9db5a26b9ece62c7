"""The index page: every brief by quarter with its state and headline figures, the pages that
have no quarterly brief, and the data dictionary beside it."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .. import schema
from ..escape import TITLE_CHARS, html_text
from ..files import write_text_atomic
from ..formats import counter, quarter_vi, vnd_short
from ..text.keys import match_key


_STATE_VI = {"ok": ("Đã tạo", "ok"), "failed": ("Lỗi", "failed")}


def _index_figures(tables: dict[str, pd.DataFrame]) -> dict[tuple, dict]:
    """Headline figures per (locality key, year, quarter): support spending, documents, views."""
    r = tables["reports"]
    r = r[(r["period_type"] == "quarter") & r["locality"].notna() & r["year"].notna()]
    a = tables["amounts"]
    support = a[(a["kind"] == "support") & (a["section"] == "results")].groupby(
        "report_id")["amount_vnd"].sum()
    docs = tables["doc_refs"].groupby("report_id")["doc_key"].nunique()
    out = {}
    for row in r.itertuples():
        out[(match_key(row.locality), int(row.year), int(row.quarter))] = {
            "support": int(support.get(row.report_id, 0)),
            "documents": int(docs.get(row.report_id, 0)),
            "views": None if pd.isna(row.views) else int(row.views)}
    return out


def write_index(out: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> Path:
    """``out/index.html``: every brief by quarter with its state, plus the data dictionary."""
    reports = tables["reports"]
    figures = _index_figures(tables)
    rows_by_period: dict[str, list[str]] = {}
    for rel, e in sorted(manifest.items(), key=lambda kv: (-kv[1]["year"], -kv[1]["quarter"],
                                                           kv[1]["locality"])):
        label = f"{e['year']}-Q{e['quarter']}"
        text, cls = _STATE_VI.get(e["state"], (e["state"], ""))
        if e["state"] == "ok":
            cell = f"<a href='{html.escape(rel)}'>{html_text(e['locality'], TITLE_CHARS)}</a>"
        else:
            cell = html_text(e["locality"], TITLE_CHARS)
        detail = html_text(e.get("error") or "", 500)
        if e.get("notebook"):
            detail += f" — <a href='{html.escape(e['notebook'])}'>sổ tay đã chạy</a>"
        fig = figures.get((match_key(e["locality"]), e["year"], e["quarter"]), {})
        rows_by_period.setdefault(label, []).append(
            f"<tr><td>{cell}</td><td class='num'>{vnd_short(fig.get('support'))}</td>"
            f"<td class='num'>{fig.get('documents', '–')}</td>"
            f"<td class='num'>{counter(fig.get('views'))}</td>"
            f"<td class='{cls}'>{text}</td><td>{detail}</td></tr>")
    other = reports[reports["period_type"] != "quarter"]
    parts = [
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Bản tin công tác dân vận</title><style>",
        "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;max-width:60rem;"
        "margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}"
        "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
        "td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left}"
        ".num{text-align:right}.ok{color:#1b7a3a}.failed{color:#b3261e;font-weight:600}h2{margin-top:1.8rem}",
        "</style></head><body>",
        "<h1>Bản tin công tác dân vận theo quý</h1>",
        f"<p>{sum(1 for e in manifest.values() if e['state'] == 'ok')} bản tin, "
        f"{sum(1 for e in manifest.values() if e['state'] == 'failed')} lỗi; "
        f"{len(reports)} trang báo cáo trong bảng dữ liệu. "
        "<a href='data_dictionary.html'>Từ điển dữ liệu</a>.</p>",
    ]
    for label, rows in rows_by_period.items():
        y, q = label.split("-Q")
        parts.append(f"<h2>{quarter_vi(int(q), int(y), capital=True)}</h2><table><tr>"
                     "<th>Địa phương</th><th class='num'>Kinh phí hỗ trợ</th>"
                     "<th class='num'>Văn bản dẫn chiếu</th><th class='num'>Lượt xem</th>"
                     "<th>Trạng thái</th><th>Ghi chú</th></tr>" + "".join(rows) + "</table>")
    if len(other):
        parts.append("<h2>Báo cáo không theo quý</h2><p>Các trang này có trong bảng dữ liệu "
                     "nhưng không có bản tin quý.</p><table><tr><th>Địa phương</th><th>Kỳ</th>"
                     "<th>Tiêu đề</th></tr>")
        for _, r in other.iterrows():
            def given(col, default=""):
                return r[col] if pd.notna(r[col]) else default
            parts.append(f"<tr><td>{html_text(given('locality', '–'), TITLE_CHARS)}</td>"
                         f"<td>{html_text(given('period_label', r['period_type']))}</td>"
                         f"<td>{html_text(given('title'), 2 * TITLE_CHARS)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path = Path(out) / "index.html"
    write_text_atomic(path, "".join(parts))
    write_text_atomic(Path(out) / "data_dictionary.html", schema.data_dictionary_html())
    return path


