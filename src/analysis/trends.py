"""Series, change figures, province comparisons and brief contents, computed from the tables.

A locality is a :class:`~analysis.identity.Locality` (province, unit type, name) and a period
an :class:`~analysis.identity.Period` everywhere here; one page per (locality, period) is used,
chosen by :func:`analysis.selection.choose`, and the others are named with the reason.

What counts as support spending (and as fund-raising) is defined once, in :data:`MONEY`; a total
keeps its qualifiers ("hơn", "gần", "ước đạt") and a figure the report does not give is None
(shown "không nêu"), never 0. The notebooks stay thin: they call :func:`brief_context` or
:func:`province_context` and draw with :mod:`analysis.charts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .followup import follow_through
from .formats import percent, vn_int, vnd_short
from .identity import Locality, Period, province_words
from .schema import DERIVED
from .selection import Choice, choose, source_vi
from .tables import read_tables
from .text.keys import match_key

NOT_STATED = "không nêu"


class Tables(dict):
    """The tables of one folder as :func:`load_tables` returned them, keyed by table name.

    It remembers which read of which folder it came from (``source``) and the frames it handed
    out, so that the index behind catalogs and series (:func:`_index`) is built once per folder
    and process, not once per brief; a notebook that puts another frame in the dict gets an
    index of its own frames."""

    def __init__(self, frames: dict[str, pd.DataFrame], source: tuple):
        super().__init__(frames)
        self.source = source
        self.handed = dict(frames)

    def untouched(self) -> bool:
        return self.keys() == self.handed.keys() and all(self[k] is f
                                                         for k, f in self.handed.items())


_LOADED: dict[tuple, dict[str, pd.DataFrame]] = {}


def load_tables(tables_dir: str | Path) -> Tables:
    """Every table of the tables folder, keyed by table name.

    A process that renders many briefs reads a folder once: the frames are kept, keyed by the
    folder and its files' sizes and modification times, and each call returns new frames over
    the same data (pandas copy-on-write: a notebook that changes its tables changes no other
    brief's)."""
    folder = Path(tables_dir).resolve()
    key = (folder, tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                for p in folder.glob("*.parquet"))))
    if key not in _LOADED:
        _LOADED.clear()
        _INDEXED.clear()
        _LOADED[key] = read_tables(folder)
    return Tables({name: df.copy(deep=False) for name, df in _LOADED[key].items()}, key)


# --- money: what is counted, and totals that keep their qualifiers ------------------------------

MONEY = {"support": "support", "fund": "fund"}
"""Measure -> amount kind. Support spending is the ``support`` amounts (gifts, aid, visits) of
the results section; fund-raising the ``fund`` amounts. Rates per unit ("mỗi suất 500.000
đồng", ``per_unit`` set or kind ``rate``) and next-period plans are never summed."""

_LOWER = {"hơn", "trên"}
_UPPER = {"gần", "gần như"}
_ABOUT = {"khoảng", "xấp xỉ"}


def money_rows(amounts: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The amounts a money measure ('support' or 'fund') adds up."""
    a = amounts
    return a[(a["kind"] == MONEY[measure]) & (a["section"] == "results") & a["per_unit"].isna()]


@dataclass(frozen=True)
class Total:
    """A sum of reported amounts that keeps what the report said about them.

    ``vnd`` is None when the report states no amount; ``bound`` is None (exact), 'hơn' (at
    least), 'gần' (at most) or 'khoảng'; ``estimate`` is true when a part is "ước đạt";
    ``vague`` counts amounts without a figure ("hàng tỷ đồng").
    """

    vnd: int | None
    bound: str | None = None
    estimate: bool = False
    vague: int = 0

    @property
    def approximate(self) -> bool:
        return self.bound is not None or self.estimate

    @property
    def text(self) -> str:
        """'hơn 106 triệu đồng', 'ước đạt 1,2 tỷ đồng', 'không nêu'."""
        if self.vnd is None:
            return "có nêu nhưng không ghi số tiền" if self.vague else NOT_STATED
        words = ("ước đạt " if self.estimate else "") + (f"{self.bound} " if self.bound else "")
        return words + vnd_short(self.vnd)


def total(rows: pd.DataFrame) -> Total:
    """Sum amount rows; 50 triệu + 'hơn 56 triệu' is 'hơn 106 triệu đồng'."""
    if rows.empty:
        return Total(None)
    return _total(list(zip(rows["amount_vnd"], rows["raw"], rows["qualifier"])))


def _total(items: list[tuple]) -> Total:
    """:func:`total` of (amount_vnd, raw, qualifier) triples."""
    if not items:
        return Total(None)
    stated = [a for a, _, _ in items if not pd.isna(a)]
    vague = len(items) - len(stated)
    if not stated:
        return Total(None, vague=vague)
    quals = [match_key(q) for _, _, q in items if isinstance(q, str)]
    estimate = any(q.startswith("ước") for q in quals) or any(
        "ước" in match_key(raw).split() for _, raw, _ in items)
    lower = vague > 0 or any(q in _LOWER for q in quals)
    upper = any(q in _UPPER for q in quals)
    bound = "khoảng" if (lower and upper) or any(q in _ABOUT for q in quals) else \
        "hơn" if lower else "gần" if upper else None
    return Total(int(sum(stated)), bound, estimate, vague)


def combine(totals: list[Total]) -> Total:
    """The sum of several totals (a province's localities), keeping their qualifiers as
    :func:`total` does for amounts."""
    stated = [t for t in totals if t.vnd is not None]
    vague = sum(t.vague for t in totals)
    if not stated:
        return Total(None, vague=vague)
    bounds = {t.bound for t in totals}
    lower = vague > 0 or "hơn" in bounds
    upper = "gần" in bounds
    bound = "khoảng" if (lower and upper) or "khoảng" in bounds else \
        "hơn" if lower else "gần" if upper else None
    return Total(sum(t.vnd for t in stated), bound, any(t.estimate for t in totals), vague)


# --- which page each (locality, period) uses -----------------------------------------------------

def _catalog(reports: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in reports.itertuples(index=False):
        row = r._asdict()
        period = Period.of_report(row)
        if period is None or pd.isna(row["locality"]) or not str(row["locality"]).strip():
            continue
        loc = Locality.of(row["province"], row["locality_type"], row["locality"])
        rows.append({"report_id": row["report_id"], "loc_id": "\x1f".join(loc.key),
                     "province_id": loc.key[0], "locality": loc, "period": period,
                     "period_label": period.label, "period_kind": period.kind,
                     "level": loc.level, "views_from": row["report_id"],
                     "sources": (source_vi(row),)})
    cols = ["report_id", "loc_id", "province_id", "locality", "period", "period_label",
            "period_kind", "level", "views_from", "sources"]
    cat = pd.DataFrame(rows, columns=cols)
    if cat.empty:
        return cat.assign(selected=pd.Series(dtype=bool), reason=pd.Series(dtype=str),
                          pages=pd.Series(dtype=int))
    # One spelling per locality (the first page's), so every brief titles it the same way.
    first = cat.groupby("loc_id")["locality"].first()
    cat["locality"] = cat["loc_id"].map(first)
    size = cat.groupby(["loc_id", "period_label"])["report_id"].transform("size")
    selected = dict.fromkeys(cat["report_id"], True)
    reason = dict.fromkeys(cat["report_id"], "")
    pages = dict(zip(cat["report_id"], size))
    views_from = dict(zip(cat["report_id"], cat["views_from"]))
    sources = dict(zip(cat["report_id"], cat["sources"]))
    several = cat.loc[size > 1, ["report_id", "loc_id", "period_label"]]
    merged = several.merge(reports.drop(columns="period_label"), on="report_id")
    for _, group in merged.groupby(["loc_id", "period_label"], sort=False):
        c: Choice = choose(group)
        for rid in group["report_id"]:
            selected[rid] = rid == c.report_id
            reason[rid] = c.reason
            sources[rid] = c.sources
        views_from[c.report_id] = c.views_from
    return cat.assign(selected=cat["report_id"].map(selected),
                      reason=cat["report_id"].map(reason), pages=cat["report_id"].map(pages),
                      views_from=cat["report_id"].map(views_from),
                      sources=cat["report_id"].map(sources))


class _ByLocality:
    """The selected pages ("" = all) or one locality's, sliced on demand."""

    def __init__(self, sel: pd.DataFrame):
        self.sel = sel
        self.rows = sel.groupby("loc_id", sort=False).indices

    def __getitem__(self, loc_id: str) -> pd.DataFrame:
        return self.get(loc_id, None)

    def get(self, loc_id: str, default):
        if loc_id == "":
            return self.sel
        rows = self.rows.get(loc_id)
        return default if rows is None else self.sel.iloc[rows].reset_index(drop=True)


@dataclass
class _Index:
    """The catalog and measures of one set of tables, with plain lookups for the loops."""

    catalog: pd.DataFrame
    measures: pd.DataFrame
    by_loc: "_ByLocality"                           # selected pages, chronological; "" = all
    periods: dict[str, dict[str, str]]              # loc_id -> period label -> report_id
    pages: dict[tuple[str, str], tuple[str, ...]]   # (loc_id, label) -> every report_id
    values: dict[str, dict]                         # report_id -> measure -> value
    reason: dict[str, str]                          # report_id -> choice reason
    views_from: dict[str, str]                      # report_id -> the page giving views, address
    sources: dict[str, tuple[str, ...]]             # report_id -> every source, in Vietnamese
    province_periods: dict[tuple[str, str], object]  # (province_id, label) -> rows of by_loc[""]
    doc_keys: dict[str, set[str]]                   # report_id -> documents cited
    reports: pd.DataFrame                           # the frame this index was made from


# The index of the last tables seen (a notebook and the index page ask many times), and the
# index of each folder read by load_tables (its frames are shared by every brief of a worker).
_CACHE: list[_Index] = []
_INDEXED: dict[tuple, _Index] = {}


def catalog(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every report page a brief can use: its locality and period, whether it is the page used
    for that (locality, period) (``selected``), the reason when there were several, and the
    number of pages (``pages``), the report whose views and address are shown (``views_from``:
    the news page when the figures come from an official document) and every source
    (``sources``). Pages without a locality or a brief period are not listed."""
    return _index(tables).catalog


def measures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per selected page (index ``report_id``): ``support`` and ``fund`` (:class:`Total`),
    ``documents`` (distinct documents cited) and ``views`` (None when the page shows none;
    the news page's when the figures come from an official document)."""
    return _index(tables).measures


def _index(tables) -> _Index:
    source = getattr(tables, "source", None)
    if source is not None and source in _INDEXED and tables.untouched():
        return _INDEXED[source]
    if _CACHE and _CACHE[0].reports is tables["reports"]:
        return _CACHE[0]
    cat = _catalog(tables["reports"])
    sel = cat[cat["selected"]]
    ids = set(sel["report_id"])
    amounts = tables["amounts"][tables["amounts"]["report_id"].isin(ids)]
    m = pd.DataFrame(index=pd.Index(sel["report_id"], name="report_id"))
    for name in MONEY:
        rows = money_rows(amounts, name)
        items: dict[str, list[tuple]] = {}
        for rid, *item in zip(rows["report_id"], rows["amount_vnd"], rows["raw"],
                              rows["qualifier"]):
            items.setdefault(rid, []).append(tuple(item))
        m[name] = [_total(items.get(rid, [])) for rid in m.index]
    docs = tables["doc_refs"].groupby("report_id")["doc_key"].nunique()
    m["documents"] = [int(docs.get(rid, 0)) for rid in m.index]
    views = tables["reports"].set_index("report_id")["views"]
    vrid = dict(zip(sel["report_id"], sel["views_from"]))
    m["views"] = pd.Series([None if pd.isna(views.get(vrid[rid])) else int(views.get(vrid[rid]))
                            for rid in m.index], index=m.index, dtype=object)
    sel = sel.assign(_order=sel["period"].map(lambda p: p.sort_key)).sort_values(
        "_order", kind="stable").drop(columns="_order").reset_index(drop=True)
    by_loc = _ByLocality(sel)
    periods: dict[str, dict[str, str]] = {}
    for loc_id, label, rid in zip(sel["loc_id"], sel["period_label"], sel["report_id"]):
        periods.setdefault(loc_id, {})[label] = rid
    pages: dict[tuple[str, str], list[str]] = {}
    for loc_id, label, rid in zip(cat["loc_id"], cat["period_label"], cat["report_id"]):
        pages.setdefault((loc_id, label), []).append(rid)
    ix = _Index(cat, m, by_loc, periods, {k: tuple(v) for k, v in pages.items()},
                m.to_dict("index"), dict(zip(cat["report_id"], cat["reason"])),
                dict(zip(cat["report_id"], cat["views_from"])),
                dict(zip(cat["report_id"], cat["sources"])),
                sel.groupby(["province_id", "period_label"], sort=False).indices,
                {r: set(g) for r, g in tables["doc_refs"][tables["doc_refs"]["report_id"].isin(
                    ids)].groupby("report_id")["doc_key"]},
                tables["reports"])
    _CACHE[:] = [ix]
    if source is not None and tables.untouched():
        _INDEXED[source] = ix
    return ix


def report_for(tables: dict[str, pd.DataFrame], loc: Locality, period: Period) -> Choice:
    """The page a brief of ``loc`` for ``period`` uses, with the reason when there were several.

    Raises:
        LookupError: no page of that locality for that period in the tables.
    """
    ix = _index(tables)
    loc_id = "\x1f".join(loc.key)
    rid = ix.periods.get(loc_id, {}).get(period.label)
    if rid is None:
        have = ", ".join(sorted(ix.periods.get(loc_id, {}))) or "none"
        raise LookupError(f"no report for {loc.title} {period.label} in the tables "
                          f"(periods present: {have})")
    others = tuple(r for r in ix.pages[(loc_id, period.label)] if r != rid)
    page = ix.views_from[rid]
    return Choice(rid, others, ix.reason[rid], None if page == rid else page, ix.sources[rid])


def localities(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (locality, period) with a selected page, in chronological order:
    ``locality``, ``period``, ``period_label``, ``report_id``, ``pages``, ``reason``."""
    return _index(tables).by_loc[""]


def _selected(tables, loc: Locality | None = None, kind: str | None = None,
              province_id: str | None = None) -> pd.DataFrame:
    by_loc = _index(tables).by_loc
    cat = by_loc.get("\x1f".join(loc.key), by_loc[""].iloc[:0]) if loc is not None else by_loc[""]
    if province_id is not None:
        cat = cat[cat["province_id"] == province_id]
    if kind is not None:
        cat = cat[cat["period_kind"] == kind]
    return cat


# --- series for the charts -----------------------------------------------------------------------

def support_series(tables, loc: Locality, kind: str = "quarter") -> pd.DataFrame:
    """Support spending per period of one kind: ``period_label``, ``support_vnd`` (float, NaN
    where the report states none: a gap, not a zero) and ``support_text``."""
    s = _selected(tables, loc, kind)
    m = measures(tables)
    tot = [m.at[rid, "support"] for rid in s["report_id"]]
    return pd.DataFrame({"period_label": s["period_label"],
                         "support_vnd": [float("nan") if t.vnd is None else float(t.vnd)
                                         for t in tot],
                         "support_text": [t.text for t in tot]})


def documents_series(tables, loc: Locality, kind: str = "quarter") -> pd.DataFrame:
    """Distinct documents cited per period and document type (periods × types, counts)."""
    s = _selected(tables, loc, kind)
    d = tables["doc_refs"].merge(s[["report_id", "period_label"]], on="report_id")
    d = d.drop_duplicates(["report_id", "doc_key"])
    d = d.assign(doc_type_name=d["doc_type_name"].fillna(d["doc_type"]).fillna("Khác"))
    t = d.pivot_table(index="period_label", columns="doc_type_name", values="doc_key",
                      aggfunc="count", fill_value=0)
    return t.reindex(s["period_label"], fill_value=0)


def views_series(tables, loc: Locality, kind: str = "quarter") -> pd.DataFrame:
    """Article views (NaN where the page shows none) and the portal's counters per period."""
    s = _selected(tables, loc, kind)[["views_from", "period_label"]].rename(
        columns={"views_from": "report_id"})
    r = tables["reports"][["report_id", "views"]]
    st = tables["site_stats"][["report_id", "today", "total"]]
    out = s.merge(r, on="report_id", how="left").merge(st, on="report_id", how="left")
    out["views"] = out["views"].astype("float64")
    return out.drop(columns="report_id")


# --- change figures ------------------------------------------------------------------------------

CHANGE_MEASURES = {"support": "Kinh phí hỗ trợ, thăm hỏi, tặng quà",
                   "fund": "Vận động, đóng góp quỹ",
                   "documents": "Văn bản được dẫn chiếu", "views": "Lượt xem bài báo cáo"}
_UNITS = {"documents": "văn bản", "views": "lượt xem"}


def _value(values: dict, rid: str, measure: str):
    """(number or None, display text, approximate) of a measure on a page."""
    v = values[rid][measure]
    if measure in MONEY:
        return v.vnd, v.text, v.approximate or v.vague > 0
    if v is None or pd.isna(v):
        return None, NOT_STATED, False
    return int(v), vn_int(v), False


def change_sentence(measure: str, current, base, words: str, base_exists: bool,
                    approximate: bool = False, this_words: str = "kỳ này") -> str:
    """'tăng 12% (6 triệu đồng) so với quý trước', 'không so sánh được: quý trước không nêu'."""
    if not base_exists:
        return f"không so sánh được: không có báo cáo {words}"
    if base is None:
        return f"không so sánh được: {words} không nêu"
    if current is None:
        return f"không so sánh được: {this_words} không nêu"
    delta = current - base
    if delta == 0:
        return f"không đổi so với {words}"
    amount = vnd_short(abs(delta)) if measure in MONEY else f"{vn_int(abs(delta))} {_UNITS[measure]}"
    verb = ("tăng" if delta > 0 else "giảm") + (" khoảng" if approximate else "")
    if base == 0:
        return f"{verb} {amount} so với {words}"
    ratio = abs(delta) / base
    return f"{verb} {percent(ratio, 0 if ratio >= 0.1 else 1)} ({amount}) so với {words}"


def _compare(values, by_period: dict, rid, period: Period, other: Period | None, words: str,
             measure: str) -> dict:
    if other is None:
        return {"period": None, "value": None, "text": "–", "delta": None, "ratio": None,
                "sentence": ""}
    cur, _, cur_approx = _value(values, rid, measure)
    orid = by_period.get(other.label)
    if orid is None:
        base, text, base_approx = None, "không có báo cáo", False
    else:
        base, text, base_approx = _value(values, orid, measure)
    delta = None if cur is None or base is None else cur - base
    ratio = None if delta is None or not base else delta / base
    this_words = "quý này" if period.kind == "quarter" else "kỳ này"
    return {"period": other.label, "value": base, "text": text, "delta": delta, "ratio": ratio,
            "sentence": change_sentence(measure, cur, base, words, orid is not None,
                                        cur_approx or base_approx, this_words)}


def _change_rows(ix: _Index, loc: Locality, period: Period) -> list[dict]:
    by_period = ix.periods.get("\x1f".join(loc.key), {})
    rid = by_period.get(period.label)
    if rid is None:
        raise LookupError(f"no report for {loc.title} {period.label} in the tables")
    rows = []
    for measure, label in CHANGE_MEASURES.items():
        value, text, _ = _value(ix.values, rid, measure)
        prev = _compare(ix.values, by_period, rid, period, period.previous(),
                        period.previous_words, measure)
        yoy = _compare(ix.values, by_period, rid, period, period.year_ago(),
                       period.year_ago_words, measure)
        rows.append({"measure": measure, "label": label, "value": value, "text": text,
                     **{f"prev_{k}": v for k, v in prev.items()},
                     **{f"yoy_{k}": v for k, v in yoy.items()}})
    return rows


def changes(tables, loc: Locality, period: Period) -> pd.DataFrame:
    """Change figures of one locality's period: one row per measure (support, fund, documents,
    views) with the value, and against the previous period and the same period a year earlier
    the base, the difference, the ratio and a Vietnamese sentence.

    Raises:
        LookupError: no page of that locality for that period in the tables.
    """
    return pd.DataFrame(_change_rows(_index(tables), loc, period))


def change_table(tables) -> pd.DataFrame:
    """Change figures of every locality and period (the :func:`changes` rows of each, after
    ``locality`` (its title) and ``period_label`` columns), for analysts and the index."""
    ix = _index(tables)
    rows = [{"locality": loc.title, "period_label": period.label, **r}
            for loc, period in zip(ix.by_loc[""]["locality"], ix.by_loc[""]["period"])
            for r in _change_rows(ix, loc, period)]
    return pd.DataFrame(rows)


# --- comparison within the province --------------------------------------------------------------

def _province_pages(tables, province: str, period: Period, level: str | None = None
                    ) -> pd.DataFrame:
    ix = _index(tables)
    sel = ix.by_loc[""]
    at = ix.province_periods.get((match_key(province), period.label))
    s = sel.iloc[at] if at is not None else sel.iloc[:0]
    return s if level is None else s[s["level"] == level]


def province_table(tables, province: str | None, period: Period,
                   level: str | None = None) -> pd.DataFrame:
    """The localities of one province for one period (of one level — 'district', 'commune',
    'province' — or all): support (total and text), documents, views, and within each level
    the rank by support (1 = most; none where the report states no amount) and the share of
    the level's stated support. Empty when the province is unknown: localities whose province
    the pages do not decide are not compared as if they were one province."""
    cols = ["locality", "level", "support_vnd", "support_text", "documents", "views", "rank",
            "share"]
    if not province:
        return pd.DataFrame(columns=cols)
    s = _province_pages(tables, province, period, level)
    m = measures(tables)
    tot = [m.at[rid, "support"] for rid in s["report_id"]]
    out = pd.DataFrame({
        "locality": list(s["locality"]),
        "level": [loc.level for loc in s["locality"]],
        "support_vnd": pd.array([t.vnd for t in tot], dtype="Int64"),
        "support_text": [t.text for t in tot],
        "documents": [m.at[rid, "documents"] for rid in s["report_id"]],
        "views": pd.array([m.at[rid, "views"] for rid in s["report_id"]], dtype="Int64")})
    by_level = out.groupby("level")["support_vnd"]
    out["rank"] = by_level.rank(ascending=False, method="min").astype("Int64")
    stated = by_level.transform("sum")
    out["share"] = (out["support_vnd"] / stated.where(stated > 0)).astype("Float64")
    order = out["level"].map({"province": 0, "district": 1, "commune": 2})
    return (out.assign(_o=order).sort_values(["_o", "rank", "documents"],
                                             ascending=[True, True, False], na_position="last")
            .drop(columns="_o").reset_index(drop=True)[cols])


# --- document registry ---------------------------------------------------------------------------

def document_registry(tables) -> pd.DataFrame:
    """The ``documents`` table (described in :data:`analysis.schema.DERIVED`): one row per
    distinct document across all reports, with the first period it was cited in, the
    localities citing it and the number of mentions."""
    d = tables["doc_refs"]
    cols = [c.name for c in DERIVED["documents"].columns]
    if d.empty:
        return pd.DataFrame(columns=cols)
    cat = catalog(tables)[["report_id", "locality", "period"]]
    d = d.merge(cat, on="report_id", how="left")

    def first_valid(s):
        s = s.dropna()
        return s.iloc[0] if len(s) else None

    rows = []
    for key, g in d.groupby("doc_key", sort=False):
        periods = [p for p in g["period"] if isinstance(p, Period)]
        locs = sorted({loc.title for loc in g["locality"] if isinstance(loc, Locality)})
        issuer = g["issuer"].dropna()
        rows.append({
            "doc_key": key, "code": first_valid(g["code"]), "doc_type": first_valid(g["doc_type"]),
            "doc_type_name": first_valid(g["doc_type_name"]),
            "issuer": issuer.mode().iloc[0] if len(issuer) else None,
            "level": first_valid(g["level"]), "issued_on": first_valid(g["issued_on"]),
            "first_cited_period": min(periods, key=lambda p: p.sort_key).label if periods else None,
            "localities_count": len(locs), "localities": "; ".join(locs),
            "mentions_count": len(g), "reports_count": g["report_id"].nunique()})
    out = pd.DataFrame(rows, columns=cols)
    out["issued_on"] = pd.to_datetime(out["issued_on"])
    return out.sort_values(["reports_count", "doc_key"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


def cited_before(tables, loc: Locality, period: Period) -> set[str]:
    """Documents the locality cited in any earlier period (pages it uses)."""
    s = _selected(tables, loc)
    earlier = s[s["period"].map(lambda p: p.sort_key < period.sort_key)]["report_id"]
    d = tables["doc_refs"]
    return set(d.loc[d["report_id"].isin(set(earlier)), "doc_key"])


# --- the contents of one brief -------------------------------------------------------------------

@dataclass
class BriefContext:
    """Everything one locality's brief shows."""

    locality: Locality
    period: Period
    report: pd.Series               # the report the figures come from
    choice: Choice
    documents: pd.DataFrame
    dropped_documents: pd.DataFrame
    amounts: pd.DataFrame
    counts: pd.DataFrame
    tasks: pd.DataFrame
    site_stats: pd.Series | None
    support: pd.DataFrame
    doc_series: pd.DataFrame
    views: pd.DataFrame
    changes: pd.DataFrame
    province: pd.DataFrame
    follow_through: pd.DataFrame
    support_total: Total
    fund_total: Total
    page: pd.Series | None = None   # the news page giving views and address, when ``report`` is a document

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def title(self) -> str:
        return f"Bản tin công tác dân vận {self.locality.title} — {self.period.vi}"


def _of(tables, t: str, rid: str) -> pd.DataFrame:
    df = tables[t]
    return df[df["report_id"] == rid].reset_index(drop=True)


def brief_context(tables, locality: Locality, period: Period) -> BriefContext:
    """The contents of the brief for one locality and period.

    Raises:
        LookupError: no page of that locality for that period in the tables.
    """
    choice = report_for(tables, locality, period)
    rid = choice.report_id
    reports = tables["reports"].set_index("report_id", drop=False)
    report = reports.loc[rid]
    docs = _of(tables, "doc_refs", rid)
    first = docs[docs["is_first_mention"]].reset_index(drop=True)
    before = cited_before(tables, locality, period)
    first = first.assign(is_new=~first["doc_key"].isin(before))
    prev = period.previous()
    prev_rid = _index(tables).periods["\x1f".join(locality.key)].get(prev.label) if prev else None
    if prev_rid is not None:
        pd_ = _of(tables, "doc_refs", prev_rid)
        pd_ = pd_[pd_["is_first_mention"] & ~pd_["doc_key"].isin(set(docs["doc_key"]))]
        dropped = pd_.reset_index(drop=True)
        follow = follow_through(_of(tables, "tasks", prev_rid), _of(tables, "doc_refs", prev_rid),
                                _results_sentences(tables, rid), set(docs.loc[
                                    docs["section"] == "results", "doc_key"]))
    else:
        dropped = docs.iloc[:0]
        follow = None
    stats = _of(tables, "site_stats", choice.views_from)
    m = measures(tables)
    return BriefContext(
        locality=locality, period=period, report=report, choice=choice,
        documents=first, dropped_documents=dropped, amounts=_of(tables, "amounts", rid),
        counts=_of(tables, "counts", rid), tasks=_of(tables, "tasks", rid),
        site_stats=stats.iloc[0] if len(stats) else None,
        support=support_series(tables, locality, period.kind),
        doc_series=documents_series(tables, locality, period.kind),
        views=views_series(tables, locality, period.kind),
        changes=changes(tables, locality, period),
        province=province_table(tables, locality.province, period, locality.level),
        follow_through=follow if follow is not None else pd.DataFrame(),
        support_total=m.at[rid, "support"], fund_total=m.at[rid, "fund"],
        page=reports.loc[choice.page_report_id] if choice.page_report_id else None)


def _results_sentences(tables, rid: str) -> list[str]:
    """The results-section sentences the tables keep for a page (those with a document, an
    amount or a count), in page order."""
    parts = []
    for t in ("doc_refs", "amounts", "counts"):
        df = _of(tables, t, rid)
        df = df[df["section"] == "results"]
        parts.append(df[["char_start", "sentence"]])
    s = pd.concat(parts).sort_values("char_start", kind="stable")
    return list(dict.fromkeys(s["sentence"]))


def documents_by_level(ctx: BriefContext) -> pd.Series:
    """Distinct documents of the brief's period per issuer level."""
    names = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện/thị xã",
             "commune": "Xã/phường", "province|district": "Tỉnh hoặc huyện"}
    return ctx.documents["level"].map(names).fillna("Chưa rõ").value_counts()


# --- the province roll-up ------------------------------------------------------------------------

@dataclass
class ProvinceContext:
    """Everything a province brief shows for one period."""

    province: str
    period: Period
    localities: pd.DataFrame
    level: str                 # the level the totals add up (see rollup_level)
    support_total: Total
    changes: pd.DataFrame
    documents: pd.DataFrame

    @property
    def title(self) -> str:
        return f"Bản tin công tác dân vận toàn {province_words(self.province)} — {self.period.vi}"


def rollup_level(tables, province: str, period: Period) -> str | None:
    """The level a province total adds up: the district level when districts reported, else
    the communes (a province-level report is its own figure, not a sum)."""
    levels = {loc.level for loc in _province_pages(tables, province, period)["locality"]}
    return next((lvl for lvl in ("district", "commune", "province") if lvl in levels), None)


def province_totals(tables, province: str, period: Period, level: str) -> dict:
    """Sum over the province's localities of one level reporting that period: support and
    fund-raising (:class:`Total`), documents (distinct), views, and how many localities
    reported and stated support."""
    s = _province_pages(tables, province, period, level)
    if s.empty:
        return {"reporting": 0}
    ix = _index(tables)
    v = [ix.values[r] for r in s["report_id"]]
    views = [x["views"] for x in v if x["views"] is not None]
    return {"reporting": len(v), "support": combine([x["support"] for x in v]),
            "fund": combine([x["fund"] for x in v]),
            "documents": len(set().union(*(ix.doc_keys.get(r, ()) for r in s["report_id"]))),
            "views": sum(views) if views else None,
            "stating_support": sum(1 for x in v if x["support"].vnd is not None)}


def province_changes(tables, province: str, period: Period, level: str) -> pd.DataFrame:
    """Province totals (one level) against the previous period and the same period a year
    earlier. The localities reporting differ between periods, so each row names how many
    reported."""
    cur = province_totals(tables, province, period, level)
    rows = []
    for other, words in ((period.previous(), period.previous_words),
                         (period.year_ago(), period.year_ago_words)):
        if other is None:
            continue
        base = province_totals(tables, province, other, level)
        for measure, label in CHANGE_MEASURES.items():
            def num(t):
                if not t.get("reporting"):
                    return None, False
                v = t[measure]
                return (v.vnd, v.approximate) if measure in MONEY else (v, False)
            c, ca = num(cur)
            b, ba = num(base)
            rows.append({"against": other.vi, "measure": measure, "label": label,
                         "localities_now": cur["reporting"], "localities_then": base["reporting"],
                         "sentence": change_sentence(measure, c, b, words, base["reporting"] > 0,
                                                     ca or ba)})
    return pd.DataFrame(rows)


def province_context(tables, province: str, period: Period) -> ProvinceContext:
    """The contents of a province brief for one period.

    Raises:
        LookupError: no locality of that province reported for that period.
    """
    table = province_table(tables, province, period)
    if table.empty:
        raise LookupError(f"no report of {province_words(province)} for {period.label}")
    s = _selected(tables, None, period.kind, province_id=match_key(province))
    ids = set(s.loc[s["period_label"] == period.label, "report_id"])
    d = tables["doc_refs"][tables["doc_refs"]["report_id"].isin(ids)]
    cat = catalog(tables).set_index("report_id")
    d = d.assign(loc=d["report_id"].map(lambda r: cat.at[r, "locality"].short))
    docs = (d.groupby("doc_key", sort=False)
            .agg(code=("code", "first"), doc_type_name=("doc_type_name", "first"),
                 issuer=("issuer", "first"), localities=("loc", lambda x: "; ".join(sorted(set(x)))),
                 localities_count=("loc", "nunique"))
            .sort_values("localities_count", ascending=False, kind="stable").reset_index())
    level = rollup_level(tables, province, period)
    return ProvinceContext(province, period, table, level,
                           province_totals(tables, province, period, level)["support"],
                           province_changes(tables, province, period, level), docs)
