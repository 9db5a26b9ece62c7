"""Next-period tasks: the items after the plans heading ("Nhiệm vụ trọng tâm quý II năm 2021")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.page import Page, Span
from .periods import Period, find_periods, with_year

_BULLET = re.compile(r"^\s*(?:[-–•+*]|\d{1,2}[.)]|[a-zđ][.)])\s*")
_PLAN_WORD = re.compile(r"nhiệm vụ|phương hướng|kế hoạch")
_HEADING = re.compile(r"^([^:;.]{3,80}):\s+\S")


@dataclass
class TaskItem:
    span: Span
    heading: str | None
    text: str


def plan_period(page: Page, reported: Period) -> Period:
    """The period the tasks are for: named in the plans heading, else the next period."""
    if page.plans_start is None:
        return reported.next()
    line = next(ln for ln in page.body if ln.start == page.plans_start)
    word = _PLAN_WORD.search(page.key, line.start, line.end)
    after = word.start() if word else line.start
    mentions = [pm for pm in find_periods(page.key, line.start, line.end) if pm.start >= after]
    if mentions:
        return with_year(mentions[0].period, reported.next().year)
    return reported.next()


def find_tasks(page: Page) -> list[TaskItem]:
    """One item per line after the plans heading.

    A hard-wrapped line (a code broken after its hyphen, a bulleted list whose item runs over
    a line) continues the previous item instead of starting a new one.
    """
    if page.plans_start is None:
        return []
    lines = [ln for ln in page.body if ln.start > page.plans_start and ln.text.strip()]
    bulleted = sum(1 for ln in lines if _BULLET.match(ln.text)) >= 2
    spans: list[Span] = []
    for ln in lines:
        prev = spans[-1].text.rstrip() if spans else ""
        continues = spans and (
            (bulleted and not _BULLET.match(ln.text))
            or prev.endswith(("-", "–")) or (prev[-1:] not in ".;:!?" and ln.text.lstrip()[:1].islower()))
        if continues:
            last = spans[-1]
            spans[-1] = Span(last.start, ln.end, page.text[last.start:ln.end])
        else:
            spans.append(ln)
    items = []
    for sp in spans:
        text = " ".join(_BULLET.sub("", sp.text).split())
        h = _HEADING.match(text)
        items.append(TaskItem(sp, h.group(1).strip() if h else None, text))
    return items
