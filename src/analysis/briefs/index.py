"""The index page (every brief by period and province, with its state, headline figures and
change, a province filter), the document registry page, and the data dictionary beside them.
Inline script only (a few lines, no other host)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .. import schema
from ..escape import TITLE_CHARS, html_text
from ..files import source_digest, write_text_atomic
from ..formats import counter, vn_int
from ..identity import LEVELS_VI, UNKNOWN_PROVINCE, Locality, Period, province_words
from ..text.keys import code_key, match_key
from ..trends import (NOT_STATED, catalog, change_table, document_registry, measures,
                      province_changes, province_totals, report_for, rollup_level)
from .code import PKG_DIR
from .outputs import INDEX_KEY, PAGES


_STATE_VI = {"ok": ("Đã tạo", "ok"), "failed": ("Lỗi", "failed")}
_STYLE = (
    "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;max-width:72rem;"
    "margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
    "td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}"
    ".num{text-align:right}.ok{color:#1b7a3a}.failed{color:#b3261e;font-weight:600}"
    "h2{margin-top:1.8rem}tr.group th{background:#f3f5f7}.note{font-size:.85rem;color:#555}")


def _head(title: str) -> str:
    return ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html_text(title)}</title><style>{_STYLE}</style></head><body>")


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _row_figures(tables, e: dict, change: dict) -> dict:
    """Support (with its change), documents, views and the page choice of one locality brief."""
    loc = Locality.of(e["province"], e["locality_type"], e["locality"])
    period = Period.parse(e["period"])
    try:
        choice = report_for(tables, loc, period)
    except LookupError:          # the tables changed since the brief was rendered
        return {}
    v = measures(tables).loc[choice.report_id]
    return {"support": v["support"].text, "documents": vn_int(v["documents"]),
            "views": NOT_STATED if v["views"] is None else counter(v["views"]),
            "change": change.get((loc.title, period.label), "–"),
            "choice": " ".join(x for x in (
                choice.reason, f"Nguồn: {'; '.join(choice.sources)}." if len(choice.sources) > 1
                else "") if x)}


def _province_figures(tables, e: dict) -> dict:
    """The province roll-up's totals (one level, see :func:`analysis.trends.rollup_level`)."""
    period = Period.parse(e["period"])
    level = rollup_level(tables, e["province"], period)
    if level is None:
        return {}
    t = province_totals(tables, e["province"], period, level)
    ch = province_changes(tables, e["province"], period, level)
    ch = ch[ch["measure"] == "support"]
    return {"support": t["support"].text, "documents": vn_int(t["documents"]),
            "views": NOT_STATED if t["views"] is None else counter(t["views"]),
            "change": "; ".join(ch["sentence"]) or "–",
            "choice": f"{t['reporting']} địa phương {LEVELS_VI[level]} được cộng"}


def index_key(tables_dir: Path, manifest: dict) -> str:
    """What the index pages are made from: the briefs' manifest, the table files (name, size
    and time: a generation never changes in place), the package's code and pandas' version."""
    files = sorted(Path(tables_dir).glob("*.parquet"))
    tables = [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files]
    salt = json.dumps([manifest, tables, pd.__version__], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(source_digest(PKG_DIR.rglob("*.py"), salt=salt).encode()).hexdigest()


def refresh_index(out: Path, tables: dict[str, pd.DataFrame], manifest: dict, tables_dir: Path,
                  force: bool = False) -> bool:
    """:func:`write_index` unless the pages are there and were written from the same inputs
    (:func:`index_key`): a re-run that changes nothing does not rebuild them. True if written."""
    out = Path(out)
    key = index_key(tables_dir, manifest)
    stored = out / INDEX_KEY
    if (not force and all((out / p).exists() for p in PAGES) and stored.exists()
            and stored.read_text(encoding="utf-8") == key):
        return False
    write_index(out, tables, manifest)
    write_text_atomic(stored, key)
    return True


def write_index(out: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> Path:
    """``out/index.html``, ``out/documents.html`` and ``out/data_dictionary.html``."""
    out = Path(out)
    entries = [(rel, e) for rel, e in manifest.items() if "period" in e]
    by_period: dict[str, list[tuple[str, dict]]] = {}
    for rel, e in entries:
        by_period.setdefault(e["period"], []).append((rel, e))
    provinces = sorted({e.get("province") or "" for _, e in entries},
                       key=lambda p: (p == "", match_key(p)))
    ok = sum(1 for _, e in entries if e["state"] == "ok")
    failed = sum(1 for _, e in entries if e["state"] == "failed")
    parts = [_head("Bản tin công tác dân vận"),
             "<h1>Bản tin công tác dân vận</h1>",
             f"<p>{ok} bản tin, {failed} lỗi; {len(tables['reports'])} trang báo cáo trong bảng "
             "dữ liệu. <a href='documents.html'>Danh mục văn bản</a> · "
             "<a href='data_dictionary.html'>Từ điển dữ liệu</a>.</p>",
             "<p><label>Tỉnh: <select id='province'><option value=''>Tất cả</option>"
             + "".join(f"<option value='{html_text(p)}'>{html_text(province_words(p or None))}</option>"
                       for p in provinces)
             + "</select></label></p>"]
    ch = change_table(tables)
    ch = ch[ch["measure"] == "support"] if len(ch) else ch
    change = {(loc, p): "; ".join(x for x in (a, b) if x) for loc, p, a, b in zip(
        ch.get("locality", []), ch.get("period_label", []), ch.get("prev_sentence", []),
        ch.get("yoy_sentence", []))}
    for label in sorted(by_period, key=lambda lab: Period.parse(lab).sort_key, reverse=True):
        parts.append(f"<h2>{html_text(_capital(Period.parse(label).vi))}</h2><table><tr><th>Tỉnh</th>"
                     "<th>Địa phương</th><th class='num'>Kinh phí hỗ trợ</th>"
                     "<th>Thay đổi kinh phí</th><th class='num'>Văn bản dẫn chiếu</th>"
                     "<th class='num'>Lượt xem</th><th>Trạng thái</th><th>Ghi chú</th></tr>")
        rows = sorted(by_period[label], key=lambda kv: (
            not kv[1].get("province"), match_key(kv[1].get("province") or ""),
            kv[1]["scope"] != "province", match_key(kv[1].get("locality") or "")))
        for rel, e in rows:
            parts.append(_row(tables, rel, e, change))
        parts.append("</table>")
    parts.append(_unbriefed(tables))
    parts.append("<script>document.getElementById('province').onchange=function(){"
                 "var v=this.value;document.querySelectorAll('tr[data-province]').forEach("
                 "function(r){r.hidden=v!==''&&r.dataset.province!==v;});};</script>")
    parts.append("</body></html>")
    path = out / "index.html"
    write_text_atomic(path, "".join(parts))
    write_text_atomic(out / "documents.html", documents_page(tables))
    write_text_atomic(out / "data_dictionary.html", schema.data_dictionary_html())
    return path


def _row(tables, rel: str, e: dict, change: dict) -> str:
    text, cls = _STATE_VI.get(e["state"], (e["state"], ""))
    prov = e.get("province") or ""
    if e["scope"] == "province":
        name = f"Toàn {province_words(prov)}"
        fig = _province_figures(tables, e)
    else:
        loc = Locality.of(e["province"], e["locality_type"], e["locality"])
        name = loc.short
        fig = _row_figures(tables, e, change)
    shown = html_text(name, TITLE_CHARS)
    cell = f"<a href='{html_text(rel)}'>{shown}</a>" if e["state"] == "ok" else shown
    notes = []
    if e.get("error"):
        notes.append(html_text(e["error"], 500))
    if e.get("notebook"):
        notes.append(f"<a href='{html_text(e['notebook'])}'>sổ tay đã chạy</a>")
    if e.get("synthesis"):
        notes.append(f"<a href='{html_text(e['synthesis'])}'>báo cáo tổng hợp (.docx)</a>")
    elif e.get("synthesis_error"):
        notes.append(f"báo cáo tổng hợp lỗi: {html_text(e['synthesis_error'], 500)}")
    if fig.get("choice"):
        notes.append(f"<span class='note'>{html_text(fig['choice'])}</span>")
    return (f"<tr data-province='{html_text(prov)}'><td>{html_text(prov or UNKNOWN_PROVINCE)}</td>"
            f"<td>{cell}</td><td class='num'>{html_text(fig.get('support', '–'))}</td>"
            f"<td>{html_text(fig.get('change', '–'))}</td>"
            f"<td class='num'>{html_text(fig.get('documents', '–'))}</td>"
            f"<td class='num'>{html_text(fig.get('views', '–'))}</td>"
            f"<td class='{cls}'>{text}</td><td>{' — '.join(notes)}</td></tr>")


def _unbriefed(tables) -> str:
    """Pages no brief uses: no locality, or a period that is not a quarter, half, 9 months or
    a year. Pages of a (locality, period) that has a brief are named in that brief's row."""
    r = tables["reports"]
    used = set(catalog(tables)["report_id"])
    other = r[~r["report_id"].isin(used)]
    if other.empty:
        return ""
    rows = [f"<tr><td>{html_text(str(x['locality']) if pd.notna(x['locality']) else 'không xác định', TITLE_CHARS)}"
            f"</td><td>{html_text(str(x['period_label']) if pd.notna(x['period_label']) else x['period_type'])}"
            f"</td><td>{html_text(str(x['title']) if pd.notna(x['title']) else '', 2 * TITLE_CHARS)}</td>"
            f"<td>{html_text(x['source_file'])}</td></tr>" for _, x in other.iterrows()]
    return ("<h2>Trang không có bản tin</h2><p>Các trang này có trong bảng dữ liệu nhưng không "
            "xác định được địa phương hoặc kỳ báo cáo (quý, 6 tháng, 9 tháng, năm).</p><table>"
            "<tr><th>Địa phương</th><th>Kỳ</th><th>Tiêu đề</th><th>Tệp</th></tr>"
            + "".join(rows) + "</table>")


def documents_page(tables) -> str:
    """``documents.html``: the document registry with a search by code (inline script)."""
    reg = document_registry(tables)
    cols = {c.name: c.label_vi for c in schema.DERIVED["documents"].columns}
    shown = ["code", "doc_type_name", "issuer", "issued_on", "first_cited_period",
             "localities_count", "mentions_count", "localities"]
    rows = []
    for _, d in reg.iterrows():
        code = d["code"] if isinstance(d["code"], str) else d["doc_key"]
        cells = {"code": code, "doc_type_name": d["doc_type_name"] or "–",
                 "issuer": d["issuer"] or "–",
                 "issued_on": d["issued_on"].strftime("%d/%m/%Y") if pd.notna(d["issued_on"]) else "–",
                 "first_cited_period": _capital(Period.parse(d["first_cited_period"]).vi)
                 if isinstance(d["first_cited_period"], str) else "–",
                 "localities_count": vn_int(d["localities_count"]),
                 "mentions_count": vn_int(d["mentions_count"]), "localities": d["localities"]}
        rows.append(f"<tr data-code='{html_text(code_key(code).replace(' ', ''))}'>"
                    + "".join(f"<td>{html_text(str(cells[c]))}</td>" for c in shown) + "</tr>")
    return (_head("Danh mục văn bản được dẫn chiếu")
            + "<h1>Danh mục văn bản được dẫn chiếu</h1><p><a href='index.html'>← Danh sách bản "
            f"tin</a></p><p>{len(reg)} văn bản khác nhau trong mọi báo cáo.</p>"
            "<p><label>Tìm theo số, ký hiệu: <input id='q' type='search' "
            "placeholder='ví dụ 06-CT/TU'></label></p><table id='docs'><tr>"
            + "".join(f"<th>{html_text(cols[c])}</th>" for c in shown) + "</tr>" + "".join(rows)
            + "</table><script>document.getElementById('q').oninput=function(){"
            "var v=this.value.toLowerCase().replace(/\\s+/g,'').replace(/đ/g,'d');document.querySelectorAll('#docs tr[data-code]')"
            ".forEach(function(r){r.hidden=v!==''&&r.dataset.code.indexOf(v)<0;});};</script>"
            "</body></html>")
