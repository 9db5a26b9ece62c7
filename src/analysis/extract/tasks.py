"""Next-period tasks: the items after the plans heading ("Nhiệm vụ trọng tâm quý II năm 2021"),
or run into one sentence ("Quý I năm 2023, khối dân vận huyện tập trung: a; b; c").

A run-in plan is recognised only with the reported period known: a clause that opens with a
later period than the one reported on and a word of intent ("tập trung", "đề ra", "phấn đấu").
"""

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


# A clause opening a run-in plan: "Quý IV, ...", "Năm 2025, ...", "nhiệm vụ quý III, ...".
_CLAUSE_START = re.compile(r"(?:^|(?<=[;.])\s+)(?:(?:nhiệm vụ|phương hướng)(?:\s+trọng tâm)?\s+)?"
                           r"(?=quý|quí|qúy|năm|\d+\s+tháng|tháng)", re.M)
# A plan named inside its sentence, its items after the colon on the same line: "Hội nghị đề ra
# nhiệm vụ 7 tháng cuối năm: tập trung ...; ...", "Phương hướng, nhiệm vụ năm 2020: 1) ...; 2) ...".
_PLAN_IN_SENTENCE = re.compile(
    r"(?:^|(?<=[.;])\s+)(?P<clause>[^.;:\n]{0,60}?)(?<![\w])(?:nhiệm vụ|phương hướng)"
    r"(?:\s+trọng tâm)?\s+"
    r"(?=quý|quí|qúy|năm|\d+\s+tháng|tháng|những tháng|các tháng)", re.M)
_COMING = re.compile(r"\s*(?:trong\s+)?(?:thời gian tới|những tháng tiếp theo)\s*,")
_CLAUSE_END = re.compile(r";|[.!?](?:\s|$)")
_INTENT = re.compile(r"tập trung|đề ra|phấn đấu|nhiệm vụ|phương hướng|chú trọng")
# Words that introduce the tasks themselves ("Quý IV, khối dân vận xã tập trung tổ chức ...").
_FOCUS = re.compile(r"tập trung(?:\s+vào)?|chú trọng")
# Verbs that open a task (DOMAIN.md §5.3-5.4); "và" or a comma before one starts the next task.
_TASK_VERBS = (r"tổ chức|vận động|tuyên truyền|triển khai|thực hiện|nắm|nâng cao|phối hợp|chuẩn bị|"
               r"bảo đảm|đảm bảo|đẩy mạnh|làm tốt|hướng dẫn|kiểm tra|giám sát|tham mưu|xây dựng|"
               r"phát động|duy trì|củng cố|kiện toàn|tiếp tục|chăm lo|giải quyết|rà soát|theo dõi|"
               r"sơ kết|tổng kết|hoàn thành")
_NEXT_TASK = re.compile(r"\s*(?:,\s*)?(?:(?<![\w])và\s+|,\s+)(?=(?:" + _TASK_VERBS + r")(?![\w]))")
_LAST_MONTH = {"quarter": lambda p: 3 * p.quarter, "half_year": lambda p: 6 * p.half,
               "nine_months": lambda p: 9, "year": lambda p: 12, "month": lambda p: p.month}
_FIRST_MONTH = {"quarter": lambda p: 3 * p.quarter - 2, "half_year": lambda p: 6 * p.half - 5,
                "nine_months": lambda p: 1, "year": lambda p: 1, "month": lambda p: p.month}


def _after(p: Period, reported: Period) -> bool:
    """Whether period ``p`` starts after ``reported`` ends (a year missing from ``p`` is taken
    from the period that follows the reported one)."""
    if p.run is not None and p.year is None:   # "7 tháng cuối năm": of the reported year
        p = with_year(p, reported.next().year or reported.year)
    if reported.year is None or (p.period_type not in _FIRST_MONTH and not p.start_month) or (
            reported.period_type not in _LAST_MONTH and not reported.end_month):
        return False
    try:
        if p.start_month:   # a span of months: "(từ tháng 10/2023 đến tháng 9/2024)"
            start = tuple(int(x) for x in p.start_month.split("-"))
        else:
            start = (p.year or reported.next().year or reported.year,
                     _FIRST_MONTH[p.period_type](p))
        end = (tuple(int(x) for x in reported.end_month.split("-")) if reported.end_month
               else (reported.year, _LAST_MONTH[reported.period_type](reported)))
    except TypeError:   # a part missing (a quarter without its number)
        return False
    return start > end


def mark_run_in_plans(page: Page, reported: Period) -> None:
    """Mark where the plans start when no heading did: the first clause after the lead that
    opens with a later period and a word of intent ("Năm 2025, xã tập trung 3 nhiệm vụ: ...")."""
    if page.plans_start is not None:
        return
    for block in page.blocks:
        # "Thời gian tới, huyện tập trung: 1. ...; 2. ...": the coming period, unnamed.
        if block.start > page.body_start and _COMING.match(page.key, block.start) and _INTENT.search(
                page.key, block.start, block.start + 80):
            page.mark_plans(block.start)
            return
    for block in page.blocks:
        if block.start < page.body_start:
            continue
        for m in _CLAUSE_START.finditer(page.key, block.start, block.end):
            head = find_periods(page.key, m.end(), min(block.end, m.end() + 40))
            # the period opens the clause, or follows a word or two ("Năm vận động 2024 (từ ...")
            if not head or head[0].start - m.end() > 25 or not _after(head[0].period, reported):
                continue
            # the word of intent may come late in the clause ("Năm 2023, Mặt trận huyện tiếp tục
            # vận động theo Quyết định số ... của Thủ tướng Chính phủ, phấn đấu ...")
            stop = _CLAUSE_END.search(page.key, head[0].end, block.end)
            if _INTENT.search(page.key, m.start(), stop.start() if stop else block.end):
                page.mark_plans(m.start())
                return
        for m in _PLAN_IN_SENTENCE.finditer(page.key, block.start, block.end):
            head = find_periods(page.key, m.end(), min(block.end, m.end() + 40))
            stop = _CLAUSE_END.search(page.key, m.end(), block.end)
            colon = page.key.find(":", m.end(), stop.start() if stop else block.end)
            if head and head[0].start == m.end() and colon >= 0 and _after(head[0].period, reported):
                page.mark_plans(m.start("clause"))
                return


def plan_period(page: Page, reported: Period) -> Period:
    """The period the tasks are for: named in the plans heading, else the next period."""
    if page.plans_start is None:
        return reported.next()
    line = next(ln for ln in page.body if ln.start <= page.plans_start <= ln.end)
    word = _PLAN_WORD.search(page.key, page.plans_start, line.end)
    after = word.start() if word else page.plans_start
    colon = page.key.find(":", page.plans_start, line.end)
    head_end = colon if colon >= 0 else min(line.end, page.plans_start + 120)
    mentions = find_periods(page.key, page.plans_start, head_end)
    pick = [pm for pm in mentions if pm.start >= after] or mentions
    if pick:
        return with_year(pick[0].period, reported.next().year)
    return reported.next()


def find_tasks(page: Page) -> list[TaskItem]:
    """One item per line after the plans heading.

    A hard-wrapped line (a code broken after its hyphen, a bulleted list whose item runs over
    a line) continues the previous item instead of starting a new one.
    """
    if page.plans_start is None:
        return []
    lines = [ln for ln in page.body if ln.start > page.plans_start and ln.text.strip()]
    head = next(ln for ln in page.body if ln.start <= page.plans_start <= ln.end)
    colon = page.key.find(":", page.plans_start, head.end)
    bullets = any(_BULLET.match(ln.text) for ln in lines[:2])
    # A plan run into its sentence: "...: a; b; c." or "Quý IV, xã tập trung a; b."
    if (colon >= 0 and page.text[colon + 1:head.end].strip()) or (
            colon < 0 and not bullets and (head.end - page.plans_start > 80 or not lines)):
        run_in = _run_in_items(page, head)
        if run_in:
            return run_in
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


def _run_in_items(page: Page, head: Span) -> list[TaskItem]:
    """Items of a plan written in one sentence: after its colon (or its word of intent), one per
    ';'. After a colon the sentence may run over hard-wrapped lines."""
    colon = page.key.find(":", page.plans_start, head.end)
    if colon >= 0:
        numbered = _numbered_items(page, colon + 1, head.end)
        if numbered:
            return numbered
    end = page.body_end if colon >= 0 else head.end
    # the sentence's end, not the dot after an item number ("tập trung: 1. Tiếp tục ...; 2. ...")
    stop = re.search(r"(?<![\s:;]\d)(?<![\s:;]\d\d)\.(?:\s|$)", page.text[page.plans_start:end])
    if stop:
        end = page.plans_start + stop.start()
    focus = None
    if colon >= 0:
        at = colon + 1
    else:
        focus = _FOCUS.search(page.key, page.plans_start, end)
        intent = focus or _INTENT.search(page.key, page.plans_start, end)
        if intent is None:
            return []
        at = intent.end()
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^;\n]+(?:\n[^;\n]+)*", page.text[at:end])]
    if len(pieces) == 1 and colon < 0:
        # One clause of tasks joined by "và" or a comma before the next verb: "tập trung vận động
        # Nhân dân giữ gìn vệ sinh môi trường và tổ chức Ngày hội Đại đoàn kết".
        a, b = pieces[0]
        # a verb pair ("tuyên truyền, vận động Nhân dân ...") is one task: a cut needs a whole
        # phrase (three words or more) before it
        cuts, start = [], at + a
        for m in _NEXT_TASK.finditer(page.key, at + a, at + b):
            if len(page.key[start:m.start()].split()) >= 3:
                cuts.append(m)
                start = m.end()
        bounds = [at + a] + [c for m in cuts for c in (m.start(), m.end())] + [at + b]
        pieces = [(bounds[i] - at, bounds[i + 1] - at) for i in range(0, len(bounds), 2)]
    items = []
    for a, b in pieces:
        chunk = page.text[at + a:at + b]
        text = _BULLET.sub("", " ".join(chunk.split()))
        if len(text) > 3:
            s = at + a + (len(chunk) - len(chunk.lstrip()))
            items.append(TaskItem(Span(s, at + b, page.text[s:at + b]), None, text))
    # A single task needs a word of focus ("tập trung"); "phấn đấu" alone gives a target.
    return items if len(items) >= 2 or colon >= 0 or (focus and items) else []


def _numbered_items(page: Page, at: int, end: int) -> list[TaskItem]:
    """Items numbered in one line after the colon, each a sentence or more: "Nhiệm vụ năm 2024:
    1. Quán triệt ... dân tộc. 2. Tổ chức ... 3. ...". Numbers must follow each other from 1; the
    last item ends with its sentence."""
    first = re.match(r"\s*1\s*[.)]\s", page.text[at:end])
    if first is None:
        return []
    starts = [at + len(first.group(0)) - len(first.group(0).lstrip())]
    marker_end = at + first.end()
    n = 2
    while True:
        m = re.compile(rf"(?<=[.;,])\s+{n}\s*[.)]\s").search(page.text, marker_end, end)
        if m is None:
            break
        starts.append(m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
        marker_end = m.end()
        n += 1
    if len(starts) < 2:
        return []
    last = re.search(r"\.(?:\s|$)", page.text[marker_end:end])
    bounds = starts + [marker_end + last.end() if last else end]
    items = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = page.text[a:b].rstrip()
        items.append(TaskItem(Span(a, a + len(chunk), chunk), None,
                              _BULLET.sub("", " ".join(chunk.split())).rstrip(" ;")))
    return items
