"""Money facts: "178 triệu đồng", "hơn 1,5 tỷ đồng", "2 tỷ 300 triệu đồng", "178.500.000 đồng",
rates ("500.000 đồng/suất"), vague amounts ("hàng tỷ đồng"), each with a kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..text.page import Page
from .numbers import NUMBER, parse_prose_number

_SCALE = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_W = r"(?![\wÀ-ỹ])"
# "đồng" followed by these words is not the currency: "03 đồng chí", "đồng bào", "đồng thời".
_NOT_CURRENCY = r"(?!\s+(?:chí|bào|thời|hương|ruộng|lúa|bằng|đội|tình|lòng|tâm|nghiệp|minh|hồ|phục|ý|loạt|cỏ|đều|sức|hành)" + _W + r")"
_CUR = r"(?:đồng" + _W + _NOT_CURRENCY + r"|(?:vnđ|vnd|đ|₫)" + _W + r")"
_QUAL = r"(?P<qual>gần|hơn|trên|ước đạt|ước|khoảng|tới|gần như|xấp xỉ)\s+"
_MONEY = re.compile(
    r"(?<![\w.,/])(?:" + _QUAL + r")?"
    r"(?:(?P<n1>" + NUMBER + r")\s*(?P<s1>tỷ|tỉ|triệu|nghìn|ngàn)" + _W +
    r"(?:\s*(?P<n2>" + NUMBER + r")\s*(?P<s2>triệu|nghìn|ngàn)" + _W + r")?\s*(?P<cur1>" + _CUR + r")?"
    r"|(?P<n3>" + NUMBER + r")\s*(?P<cur2>" + _CUR + r")"
    r"|(?P<vague>hàng\s+(?:trăm\s+|chục\s+)?(?:tỷ|tỉ|triệu|nghìn|ngàn))\s*(?P<cur3>" + _CUR + r"))"
    r"(?P<rate>\s*/\s*(?P<per>[\wÀ-ỹ]+(?:\s*/\s*[\wÀ-ỹ]+)?))?")
# Between the bounds of a range ("từ 20 triệu đến 50 triệu đồng").
_RANGE_TO = re.compile(r"\s*(?:đến|tới|[-–])\s*")
_PARTS_OPEN = re.compile(r"\(\s*(trong đó)?[^()]*$")
# Works of infrastructure (DOMAIN.md §5.4: roads, bridges, schools built with the people's help).
_WORKS = r"(?:công trình|cây cầu|cầu|đường|trường|hạ tầng|nhà văn hóa|kênh|cống)(?![\wà-ỹ])"
_KIND_WORDS = (
    ("budget", r"ngân sách|thu ngân sách|nguồn vốn nhà nước|kinh phí nhà nước"),
    ("investment", r"đầu tư|vốn đầu tư|tổng mức|xây dựng(?:\s+[^\s;,]+){0,3}?\s+" + _WORKS),
    ("fund", r"quỹ|ủng hộ|quyên góp|vận động được|vận động|tiếp nhận|đóng góp|xã hội hóa|"
             r"huy động|nhà hảo tâm|doanh nghiệp|tài trợ|tiết kiệm"),
    ("support", r"tặng|trao|hỗ trợ|thăm hỏi|chúc tết|suất quà|bàn giao|phân bổ|"
                r"xây nhà|chăm lo|quà|cứu trợ|chi\b|sửa chữa nhà|giúp"),
)
# Words that only say an amount follows ("trị giá", "với số tiền", "kinh phí"): the kind is that
# of what is valued or paid for, named before them; alone they mean support spending.
_VALUE_WORDS = re.compile(r"trị giá|kinh phí|số tiền")
# Money paid out for works ("giải ngân 12,4 tỷ đồng cho các công trình hạ tầng"): investment.
_FOR_WORKS = re.compile(r"^\s*(?:[^\s;,.]+\s+){0,3}?cho\s+(?:các\s+|\d+\s+)?" + _WORKS)


# A source tag before the lead (FORMS §10): "(QNO) -", "(Mặt trận) -", "(BGĐT) –".
_SOURCE_TAG = re.compile(r"^\(\s*[^()]{1,30}\)\s*[-–]\s*")


@dataclass
class MoneyFact:
    start: int
    end: int
    raw: str
    amount_vnd: int | None
    kind: str
    qualifier: str | None
    per_unit: str | None
    repeat_sentence: str | None = None


def _value(m: re.Match) -> int | None:
    if m.group("vague"):
        return None
    if m.group("n3"):
        v = parse_prose_number(m.group("n3"))
        return int(v) if v is not None else None
    v = parse_prose_number(m.group("n1"), before_scale=True)
    if v is None:
        return None
    total = v * _SCALE[m.group("s1")]
    if m.group("n2"):
        v2 = parse_prose_number(m.group("n2"), before_scale=True)
        if v2 is not None:
            total += v2 * _SCALE[m.group("s2")]
    return int(total.to_integral_value()) if isinstance(total, Decimal) else int(total)


# A purpose said with "để / nhằm / dành" makes money raised for it support spending ("huy động
# 1,2 tỷ đồng để chăm lo Tết"); a next clause with its own verb ("vận động được 2 tỷ đồng, hỗ trợ
# xây 38 nhà") or a bare aim ("vận động trên 3 tỷ đồng chăm lo Tết") leaves it funds raised.
_PURPOSE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:để|nhằm|dành)\s*(?:cho\s+)?(?:chăm lo|hỗ trợ|tặng|"
                      r"thăm|trao|giúp|mua quà)")
_PURPOSE_BEFORE = re.compile(r"(?:để|nhằm)\s+(?:chăm lo|hỗ trợ|tặng|thăm|trao|giúp)")
_EACH = re.compile(r"(?<![\w.,])(?:mỗi|một|1)\s+([\wÀ-ỹ]+(?:\s+quà)?)\s*:?\s*$")
# "mỗi hộ xây mới được hỗ trợ 60 triệu đồng": a per-unit amount said earlier in its clause.
_EACH_IN_CLAUSE = re.compile(r"(?<![\w])mỗi\s+(?!năm|tháng|quý|dịp|đợt|lần|kỳ)([\wÀ-ỹ]+)"
                             r"(?=[^\d;]*$)")
# Words after an amount that make it compensation for land: kind 'other'.
_COMPENSATION = re.compile(r"^\s*(?:tiền\s+)?(?:bồi thường|đền bù|giải phóng mặt bằng)")
# A fund's own name ("Quỹ Hỗ trợ nông dân", "Quỹ Cứu trợ") holds kind words that are not verbs.
_FUND_NAME = re.compile(r"quỹ\s+(?:“|\")?")


def _kind(key: str, clause_start: int, at: int, end: int, is_rate: bool) -> str:
    """The kind of a money fact from the words around it.

    A purpose right after the amount ("... để chăm lo Tết") makes it support spending whatever
    verb raised it; otherwise the nearest kind word before it in the clause decides.
    """
    if is_rate:
        return "rate"
    if _COMPENSATION.match(key[end:end + 40]):
        return "other"
    window = key[clause_start:at]
    names = [(f.end(), f.end() + 12) for f in _FUND_NAME.finditer(window)]
    best, best_pos = "other", -1
    for kind, words in _KIND_WORDS:   # the last word of each kind, from the end of the window
        for at in reversed([m.start() for m in re.finditer(words, window)]):
            if at <= best_pos:
                break
            if not any(a <= at < b for a, b in names):
                best, best_pos = kind, at
                break
    if best == "other" and _VALUE_WORDS.search(window):
        best = "support"
    if best in ("support", "other") and _FOR_WORKS.match(key[end:end + 80]):
        return "investment"
    if best in ("fund", "other") and (_PURPOSE.match(key[end:end + 200])
                                      or _PURPOSE_BEFORE.search(window)):
        return "support"
    return best


def find_money(page: Page) -> list[MoneyFact]:
    """Money facts in the title and body; a headline or lead repeating a body figure is one fact."""
    key, text = page.key, page.text
    facts: list[MoneyFact] = []
    for ln in page.blocks:
        for m in _MONEY.finditer(key, ln.start, ln.end):
            upper = None   # the upper bound of a range whose currency it shares
            if not (m.group("cur1") or m.group("cur2") or m.group("cur3")):
                to = _RANGE_TO.match(key, m.end())
                upper = _MONEY.match(key, to.end()) if to else None
                if upper is None or not (upper.group("cur1") or upper.group("cur2")):
                    upper = None
                    nxt = key[m.end():m.end() + 12]
                    if re.match(r"\s*[\wÀ-ỹ]", nxt):   # "3 triệu lượt": a count, not money
                        continue
            if m.group("n3") and not m.group("rate") and _value(m) == 0:
                continue   # "Bếp ăn 0 đồng", "Siêu thị 0 đồng": the name of a model, not money
            rated = upper or m   # "từ 20 triệu đến 50 triệu đồng/nhà": both bounds per house
            is_rate = bool(rated.group("rate")) and not re.match(r"\d", rated.group("per") or "")
            end = m.end() if is_rate else (m.start("rate") if m.group("rate") else m.end())
            sent = page.sentence_at(m.start())
            parts_open = _PARTS_OPEN.search(key[sent.start:m.start()])
            clause = max(sent.start, key.rfind(";", sent.start, m.start()) + 1,
                         key.rfind("(", sent.start, m.start()) + 1 if parts_open else 0)
            each = _EACH.search(key[max(clause, m.start() - 25):m.start()]) or \
                _EACH_IN_CLAUSE.search(key[clause:m.start()])
            kind = _kind(key, clause, m.start(), end, is_rate or bool(each))
            # Parts of a total in parentheses that name no kind of their own ("hơn 4,6 tỷ đồng
            # (trong đó cấp huyện 1,8 tỷ đồng; ...)") are of the total's kind.
            paren = key.rfind("(", sent.start, m.start()) if parts_open else -1
            whole = next((f for f in reversed(facts) if sent.start <= f.start < paren), None)
            if whole is not None and kind == "other":
                kind = whole.kind
            facts.append(MoneyFact(
                start=m.start(), end=end, raw=text[m.start():end],
                amount_vnd=_value(m), kind=kind,
                qualifier=m.group("qual"),
                per_unit=(text[rated.start("per"):rated.end("per")] if is_rate
                          else each.group(1) if each else None)))
    # One fact per figure: the headline's or the lead's copy of a figure the body gives again
    # (a sapo summing up the article), and a repeated paragraph's, are the same fact; the kept
    # fact notes where it was repeated, so it is summed once.
    body_start = page.body_start
    lead_end = page.body[0].end if len(page.body) > 1 else body_start
    out: list[MoneyFact] = []
    seen_sent: dict[tuple, MoneyFact] = {}
    for f in facts:
        if f.start < lead_end and f.amount_vnd is not None:
            after = body_start if f.start < body_start else lead_end
            same = next((b for b in facts if b.start >= after and b.amount_vnd == f.amount_vnd),
                        None)
            if same is not None:
                same.repeat_sentence = page.sentence_at(f.start).text.strip()
                continue
        # A repeated lead may carry the source tag only once: "(Mặt trận) - Từ tháng 10/2022 ...".
        sent = _SOURCE_TAG.sub("", page.sentence_at(f.start).text.strip())
        sig = (f.amount_vnd, f.raw, sent)
        if sig in seen_sent:
            seen_sent[sig].repeat_sentence = sent
            continue
        seen_sent[sig] = f
        out.append(f)
    return out
