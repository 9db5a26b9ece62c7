"""Facts of one page: one module per fact family, composed by :func:`extract_page`.

Each extractor reads a :class:`analysis.text.page.Page` and returns plain records with
offsets; this module turns them into rows for the tables described in :mod:`analysis.schema`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..text.address import dates_in, parse_date
from ..text.page import Page
from .bylines import find_author
from .counters import find_site_stats, find_views
from .counts import find_counts
from .documents import find_documents
from .locality import find_locality
from .money import find_money
from .periods import CAMPAIGN, YEAR_SPAN, Period, campaign_period, find_periods, with_year
from .tasks import find_tasks, mark_run_in_plans, plan_period

# Spans that are not calendar report periods: "5 tháng đầu năm", "3 năm thực hiện",
# "giai đoạn 2021-2025", "Tháng Dân vận", "đợt 1".
_OTHER_SPAN = re.compile(
    r"(?<![\w/])(?:0?[124578]|1[01])\s+tháng\s+(?:đầu|cuối)|"
    r"(?:sau\s+)?\d+\s+năm\s+(?:thực hiện|triển khai)|giai đoạn\s+(?:19|20)\d\d|"
    r"tháng dân vận|đợt\s+\d")
_CODE = r"\d+\s*[-–/]\s*[a-zđ]+(?:[-/][\wđ]+)*"   # a document's code, roughly: "08-KH/ĐU"
# A document's subject up to here: "08-KH/ĐU ngày 15/7/2025 về công tác dân vận ".
_DOC_SUBJECT = re.compile(_CODE + r"[^.;]{0,40}?\svề\s[^.;]{0,80}$")
# A document's code just before a date: the date is the document's ("Chỉ thị số 18-CT/TW ngày ").
_AFTER_CODE = re.compile(_CODE + r"\s*,?\s*(?:ngày\s*)?$")
# "Quý II năm nay": the year of the page's dateline.
_THIS_YEAR = re.compile(r"\s*,?\s*(?:của\s+)?năm\s+(?:nay|này)(?!\w)")
# A year to date ("từ đầu năm đến nay", or with its year inside: "từ đầu năm 2024 đến nay")
# has its tasks for the rest of that year.
_TO_DATE = re.compile(r"(?<![\w])từ đầu năm(?:\s+((?:19|20)\d\d))?\s+(?:đến|tới) nay")

@dataclass
class PageFacts:
    """Rows for each table (without report_id), from one page."""

    report: dict
    doc_refs: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    counts: list[dict] = field(default_factory=list)
    site_stats: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)


def _published(page: Page) -> dt.date | None:
    """The page's dateline (or the date on a by-line's line above the article: "Tác giả: Huỳnh
    Văn Tiến  Ngày đăng: 03/01/2023"), else the date its address metadata gives."""
    top_byline = [page.byline] if page.byline and page.byline.start < page.body_start else []
    for ln in page.meta + page.tail + top_byline:
        d = parse_date(page.key[ln.start:ln.end])
        if d:
            return d
    return page.address.published if page.address else None


def report_period(page: Page, published: dt.date | None) -> Period:
    """The period reported on: the first non-plan period in the title, else in the lead.

    A span of months in the lead ("từ tháng 10/2022 đến tháng 9/2023") is more exact than the
    year the title names; a page of period 'other' still gets the year the text dates it with.
    """
    lead = page.regions[:3] if page.title is not None and page.regions[0] is page.title \
        else page.regions[:2]
    by_line = [(ln, find_periods(page.key, ln.start, ln.end)) for ln in lead]
    in_lead = [pm for _, mentions in by_line for pm in mentions]
    # Years the lead names (a plan's year too: "quý III và nhiệm vụ quý IV năm 2020"), not the
    # end of a span still running when the page was posted ("Chỉ thị ... giai đoạn 2020 - 2030").
    years = [pm.period.year for pm in in_lead
             if pm.period.year and not (YEAR_SPAN.match(page.key, pm.start) and published
                                        and pm.period.year > published.year)]
    chosen = None
    for ln, mentions in by_line:
        if ln is not page.title:   # in the lead a span of years is what a document covers, and
            # a period in a document's subject is the document's ("Kế hoạch số 08-KH/ĐU ngày
            # 15/7/2025 về công tác dân vận năm 2025")
            mentions = [pm for pm in mentions if not YEAR_SPAN.match(page.key, pm.start)
                        and not _DOC_SUBJECT.search(page.key, max(ln.start, pm.start - 120), pm.start)]
        specific = [pm for pm in mentions if not pm.plan_context]
        typed = [pm for pm in specific if pm.period.period_type != "year"]
        pick = (typed or specific or [None])[0]
        # "Từ đầu năm đến nay, ..." before any period: the year to date, whatever document or
        # year the sentence goes on to name
        to_date = _TO_DATE.search(page.key, ln.start, ln.end)
        if to_date and (pick is None or to_date.start() <= pick.start):
            year = int(to_date.group(1)) if to_date.group(1) else (
                published.year if published else years[0] if years else None)
            return Period("other", year, to_date=True)
        if pick is not None:
            chosen = pick
            break
    # the lead's own date, not a cited document's date of issue ("18-CT/TW ngày 10/01/2018")
    dated = next((d for ln in lead for at, d in dates_in(page.key[ln.start:ln.end])
                  if not _AFTER_CODE.search(page.key, max(ln.start, ln.start + at - 40),
                                            ln.start + at)), None)
    fallback = (years[0] if years else published.year if published
                else dated.year if dated else None)
    campaign = CAMPAIGN.search(page.key, page.title.start, page.title.end) if page.title else None
    if campaign and (chosen is None or chosen.period.period_type == "year"):
        text = page.key[page.title.start:page.regions[min(3, len(page.regions) - 1)].end]
        return campaign_period(campaign.group(1), chosen.period.year if chosen else fallback, text)
    if chosen is None:
        return Period("other", fallback)
    p = chosen.period
    if p.period_type == "year":   # (or a year from October: "năm 2022 - 2023" in the title)
        spans = [pm.period for pm in in_lead
                 if pm.period.period_type == "other" and pm.period.start_month
                 and not pm.plan_context and (pm.period.year == p.year or (
                     int(pm.period.start_month[:4]) == p.year and pm.period.months <= 12))]
        if spans:
            return spans[0]
    if p.period_type == "other" and (p.start_month or p.run):
        # a run or span of months ("5 tháng đầu năm 2021") is already exact
        return with_year(p, years[0] if years else fallback)
    line = next(ln for ln in lead if ln.start <= chosen.start < ln.end)
    if line is not page.title:
        # A span opening the lead line ("Sau 3 năm thực hiện ..., năm 2021"): the year named
        # after it is the span's year, not a year's report.
        span = _OTHER_SPAN.search(page.key, line.start, min(line.end, chosen.end + 10))
        if span and span.start() <= chosen.start and p.period_type == "year":
            return Period("other", p.year)
    if page.title:   # a non-calendar span named before any calendar period in the title
        span = _OTHER_SPAN.search(page.key, page.title.start, page.title.end)
        if span and (chosen.start < page.title.start or span.start() <= chosen.start
                     or p.period_type == "year"):
            return Period("other", p.year if p.period_type == "year" else fallback)
    if p.year is None and published and any(
            _THIS_YEAR.match(page.key, pm.end) for pm in in_lead if pm.period == p):
        p = with_year(p, published.year)   # "Quý II năm nay": the dateline's year
    if p.year is None:
        # The year comes from elsewhere: the same line, the lead, other mentions, the dateline.
        if years:
            p = with_year(p, years[0])
        elif published:
            y = published.year
            if p.period_type == "quarter" and p.quarter == 4 and published.month <= 3:
                y -= 1
            p = with_year(p, y)
    return p


def extract_page(page: Page) -> PageFacts:
    """All facts of one page."""
    published = _published(page)
    locality = find_locality(page, published)
    period = report_period(page, published)
    mark_run_in_plans(page, period)   # before any fact: sections depend on where plans start
    views, _ = find_views(page)
    report = {
        "title": " ".join(page.title.text.split()) if page.title else None,   # a wrapped title too
        "locality": locality.name, "locality_type": locality.unit_type,
        "province": locality.province, "locality_evidence": locality.evidence,
        "source_url": page.address.url if page.address else None,
        "site_name": page.address.site_name if page.address else None,
        "period_type": period.period_type, "year": period.year, "quarter": period.quarter,
        "half": period.half, "month": period.month, "period_label": period.label,
        "start_month": period.start_month, "end_month": period.end_month,
        "author": find_author(page), "views": views, "published_on": published,
        "n_chars": len(page.text), "encoding": page.encoding,
    }
    facts = PageFacts(report)

    def evidence(start: int, end: int) -> dict:
        s = page.sentence_at(start)
        return {"section": page.section_at(start), "sentence": s.text.strip(),
                "char_start": start, "char_end": end}

    docs = find_documents(page, "tỉnh" if locality.is_province else locality.unit_type)
    for d in docs:
        facts.doc_refs.append({
            "doc_key": d.doc_key, "code": d.code, "system": d.system, "doc_type": d.doc_type,
            "doc_type_name": d.doc_type_name, "number": d.number, "issuer_code": d.issuer_code,
            "issued_on": d.issued_on, "issuer": d.issuer, "level": d.level, "mention": d.mention,
            "is_first_mention": d.first, **evidence(d.start, d.end)})
    money = find_money(page)
    for f in money:
        facts.amounts.append({"amount_vnd": f.amount_vnd, "raw": f.raw, "kind": f.kind,
                              "qualifier": f.qualifier, "per_unit": f.per_unit,
                              "repeat_sentence": f.repeat_sentence,
                              **evidence(f.start, f.end)})
    exclude = [(f.start, f.end) for f in money] + [(d.start, d.end) for d in docs if d.code]
    for c in find_counts(page, exclude):
        facts.counts.append({"value": c.value, "unit": c.unit, "raw": c.raw,
                             **evidence(c.start, c.end)})
    stats = find_site_stats(page)
    if stats:
        values, raw = stats
        facts.site_stats.append({**values, "raw": raw})
    target = plan_period(page, period)
    for i, t in enumerate(find_tasks(page), 1):
        facts.tasks.append({"item_no": i, "target_period_type": target.period_type,
                            "target_year": target.year, "target_quarter": target.quarter,
                            "target_half": target.half, "heading": t.heading, "text": t.text,
                            "char_start": t.span.start, "char_end": t.span.end})
    return facts
