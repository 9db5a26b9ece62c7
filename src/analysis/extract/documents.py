"""Document references: Party codes ``N-TYPE/ISSUER``, State codes ``N/TYPE-ISSUER`` and
``N/YYYY/TYPE-ISSUER``, and numbered documents without a code ("Đề án số 17").

Codes are matched on :func:`analysis.text.keys.code_key` (Đ folded to D, dashes unified, lower
case), which has the same length as the text, so the canonical code is rebuilt from the
original characters (``HĐ`` and ``HD`` stay apart; U+00D0 "Ð" reads as "Đ").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..text.keys import code_key, fold_code, tone_style_old
from ..text.page import OWN_NUMBER, Page
from . import gazetteer

# Type letters (folded: Đ -> D). Longest first so that "ctr" wins over "ct".
_PARTY_TYPES = ("cthd", "ttri", "qdi", "qyd", "ctr", "ttr", "nq", "qd", "ct", "kl", "qc", "tt",
                "hd", "bc", "kh", "tb", "tc", "da", "pa", "cv", "bb", "bs", "gm")
_STATE_TYPES = ("nqlt", "ttlt", "qyd", "ctr", "ttr", "bgn", "btt", "guq", "ggt", "gnp", "nq", "qd",
                "ct", "qc", "tc", "tb", "hd", "kh", "pa", "da", "bc", "bb", "tt", "cd", "pg", "pc",
                "pb", "nd", "pl", "cv", "sy", "sl", "kl")
_ISS = r"[a-z&]{1,14}\d{0,2}"
_SP = r"[ \t]*"
# A code's number, not preceded by a digit, slash, comma, point or letter; the first digit comes
# before that look-behind so that the regex engine skips straight to digits (same matches).
_NUM = r"(?P<num>\d(?<![\d/.,\w]\d)\d{0,4}"
_PARTY = re.compile(
    _NUM + r"[a-z]?)(?:" + _SP + r"-[ \t\n]*|[ \t]+)"
    r"(?P<type>" + "|".join(_PARTY_TYPES) + r")" + _SP + r"/" + _SP +
    r"(?P<issuer>" + _ISS + r"(?:" + _SP + r"-" + _SP + _ISS + r")*)(?![\w&])")
_NORMATIVE = re.compile(
    _NUM + r"[a-z]?)/(?P<year>(?:19|20)\d{2})/"
    r"(?:(?P<type>" + "|".join(_STATE_TYPES) + r")-)?"
    r"(?P<issuer>[a-z&]{2,14}\d{0,2}(?:-[a-z&]{2,14}\d{0,2})*)(?![\w&])")
_ADMIN = re.compile(
    _NUM + r"[a-z]?)" + _SP + r"/" + _SP +
    r"(?P<type>" + "|".join(_STATE_TYPES) + r")" + _SP + r"-" + _SP +
    r"(?P<issuer>" + _ISS + r"(?:" + _SP + r"-" + _SP + _ISS + r")*)(?![\w&])")
# State letters with no type code: "5973/UBND-KT", "12/SNV-CCHC&PC".
_NOTYPE_ISSUERS = ("ubnd", "snv", "stc", "skhdt", "sgddt", "syt", "mttq", "ubmttq", "hdnd",
                   "vpub", "vp")
# Codes with type letters outside the lists ("Báo cáo thẩm định số 18/BCTĐ-STP", a joint
# programme "03/CTPH-MTTQ-UBND", a joint Party guide "12-HDLN/BDVTU-SNV"): taken only after a
# document word, which vouches that a document is cited.
_ADMIN_ANY = re.compile(
    _NUM + r")/(?P<type>[a-z]{2,6})-(?P<issuer>" + _ISS + r"(?:-" + _ISS + r")*)(?![\w&/-])")
_PARTY_ANY = re.compile(
    _NUM + r")-(?P<type>[a-z]{2,6})/(?P<issuer>" + _ISS + r"(?:-" + _ISS + r")*)(?![\w&/-])")
_NOTYPE = re.compile(
    _NUM + r")/(?P<issuer>(?:" + "|".join(_NOTYPE_ISSUERS) + r")"
    r"(?:-[a-z&]{1,10}\d{0,2})+)(?![\w&])")

# Code forms in the order they are tried (a span taken by one is not read again).
_CODE_FORMS = ((_NORMATIVE, "normative"), (_PARTY, "party"), (_ADMIN, "admin"),
               (_NOTYPE, "notype"), (_ADMIN_ANY, "admin"), (_PARTY_ANY, "party"))

_PARTY_ISSUERS = {"tw", "tu", "hu", "qu", "du", "vptw", "btctw", "btgtw", "bdvtw", "btgdvtw",
                  "ubkttw", "bdvtu", "btgtu", "btctu", "ubkttu", "vptu", "bnctu", "btgdvtu",
                  "bdvhu", "bdvqu"}
_CENTRAL_ISSUERS = re.compile(r"^(tw|vptw|btctw|btgtw|bdvtw|btgdvtw|ubkttw|cp|ttg|vpcp|qh\d*|"
                              r"ubtvqh\d*|b[a-z]{1,4}|ttlt.*|mttw.*)$")

# Document words, folded with code_key (Đ -> d), mapped to type letters.
_DOC_WORDS = {
    "chỉ thị": "CT", "nghị quyết": "NQ", "kết luận": "KL", "kế hoạch": "KH", "quyết định": "QĐ",
    "quy định": "QĐ", "đề án": "ĐA", "nghị định": "NĐ", "pháp lệnh": "PL", "thông tri": "TTr",
    "tờ trình": "TTr", "công văn": "CV", "báo cáo": "BC", "hướng dẫn": "HD", "thông báo": "TB",
    "chương trình": "CTr", "quy chế": "QC", "thông tư": "TT", "luật": "Luật", "dự án": "DA",
    "biên bản": "BB",
}
_DOC_WORD_KEYS = {code_key(w): w for w in _DOC_WORDS}
_DOC_WORD_RX = "|".join(sorted((re.escape(k) for k in _DOC_WORD_KEYS), key=len, reverse=True))
_DOC_WORD_NEAR = re.compile(r"(?<![\w])(" + _DOC_WORD_RX + r")(?:\s+[\wà-ỹ]+){0,3}\s+(?:số|so)\s*$")
_DOC_WORD_BEFORE = re.compile(r"(?<![\w])(" + _DOC_WORD_RX + r")(?:\s+(?:số|so)(?:\s+hiệu)?)?"
                              r"\s*:?\s*$")
# Between two codes of a list that repeats its document word: ", " / " và ".
_REPEATED_WORD = re.compile(r"[\s,]*(?:và|,)?\s*")   # not across ";": each item its own date
# Between two codes of a list that does not repeat its word: ", " / " và " / " và số ".
_LIST_JOIN = re.compile(r"[\s,]*(và|,)?[\s]*(số\s*)?")
# "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15": the law's name sits between word and number.
_LAW_BEFORE = re.compile(r"(?<![\w])(luật|pháp lệnh)\s[^,;.()\n]{2,60}?\s(?:số|so)\s*$")
_TYPE_NAMES = {"CT": "Chỉ thị", "NQ": "Nghị quyết", "KL": "Kết luận", "KH": "Kế hoạch",
               "QĐ": "Quyết định", "QĐi": "Quy định", "QyĐ": "Quy định", "ĐA": "Đề án",
               "NĐ": "Nghị định", "PL": "Pháp lệnh", "TTr": "Tờ trình", "CV": "Công văn",
               "BC": "Báo cáo", "HD": "Hướng dẫn", "TB": "Thông báo", "CTr": "Chương trình",
               "QC": "Quy chế", "TT": "Thông tư", "DA": "Dự án", "TTLT": "Thông tư liên tịch",
               "NQLT": "Nghị quyết liên tịch", "CTHĐ": "Chương trình hành động",
               "PA": "Phương án", "BB": "Biên bản", "HĐ": "Hợp đồng", "CĐ": "Công điện"}
# Bare numbered documents ("Đề án số 17", "Chỉ thị số 15, 16", "Nghị quyết 30a").
_BARE_WORDS = ("chỉ thị", "nghị quyết", "kết luận", "quyết định", "quy định", "đề án",
               "nghị định", "kế hoạch", "thông tri", "hướng dẫn", "công văn", "thông báo")
_BARE = re.compile(
    r"(?<![\w])(?P<word>" + "|".join(code_key(w) for w in _BARE_WORDS) + r")\s+"
    r"(?P<so>số\s+|so\s+)?(?P<nums>\d{1,4}[a-z]?(?![\w/\-–])(?:\s*(?:,|và)\s*\d{1,4}[a-z]?(?![\w/\-]))*)")
_DATE_AFTER = re.compile(
    r"^[\s,;]*(?:\(|ban hành\s+|(?:được\s+)?(?:[\wÀ-ỹ]+\s+){0,4}?(?:thông qua|ban hành|ký)\s+)?"
    r"(?:ngày|ngay)\s*(?:\n\s*)?"
    r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{3,4})(?!\d)"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))")
_DATE_ANY = re.compile(
    r"(?:ngày|ngay)\s*(?:(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
    r"(?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))")
_PLACE_DATE = re.compile(r"[^\W\d][^,\n|]{0,30},\s*(?:ngày|ngay)\s+(?P<d2>\d{1,2})\s+tháng\s+"
                         r"(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})")
# "của <issuer>", "do <issuer> ban hành", and a joint programme's "giữa <issuer> với <partner>"
# (the first party issues it: "Chương trình phối hợp số 07/CTr-MTTQ-BTT giữa Ban Thường trực Ủy
# ban MTTQ tỉnh với Sở Y tế").
_ISSUER_AFTER = re.compile(r"^[\s,]*(?:\((?:khóa|năm)[^)]*\)\s*)?(?:(?:của|cuả|do|giữa)\s+)+")
# Words that end the issuer's name (matched on the code key, where Đ/Ư read as D/U).
_ISSUER_STOP_WORDS = (
    "về", "khóa", "khoá", "nhiệm kỳ", "ngày", "và", "tại", "đối với", "trên", "nhằm", "với", "để",
    "đã", "theo", "cho", "đến", "năm", "ban hành", "thông qua", "ký", "quy định", "hướng dẫn",
    "sửa đổi", "bổ sung", "thực hiện", "phê duyệt", "triển khai", "được", "đang", "sẽ", "vẫn",
    "luôn", "cũng", "còn", "đều", "bị", "là", "nay", "trong", "tới", "từ")
_ISSUER_STOP = re.compile(
    r"\s+(?:" + "|".join(re.escape(code_key(w)) for w in _ISSUER_STOP_WORDS) + r")(?![\w])"
    r"|,(?!\s*chống\s)|[;:(“\"”.]|\n|\s+[-–]\s")   # "phòng, chống dịch" is one name
# Organisations that open an issuer written before the document: "Ban Thường vụ Tỉnh ủy đã ban
# hành ...", "Ban Thường trực Ủy ban MTTQ Việt Nam huyện ban hành ...", "Đảng ủy xã tham mưu ban
# hành ..." (matched on the code key).
_ISSUER_BEFORE_WORDS = (
    "ban thường vụ", "ủy ban thường vụ", "ban chấp hành", "ban thường trực", "thường trực",
    "ban bí thư", "bộ chính trị", "ban dân vận", "ủy ban nhân dân", "ubnd", "hđnd",
    "ủy ban mặt trận tổ quốc", "ủy ban mttq", "thủ tướng chính phủ", "chính phủ", "quốc hội",
    "tỉnh ủy", "thị ủy", "huyện ủy", "thành ủy", "đảng ủy", "ban chỉ đạo")
# Words between the issuer and "ban hành" that are not its name; the issuer's words never run over
# one ("Ban Dân vận Huyện ủy đã tham mưu Ban Thường vụ Huyện ủy ban hành": the second body).
_BEFORE_VERBS = "|".join(code_key(w) for w in ("đã", "vừa", "tham mưu"))
_ISSUER_BEFORE = re.compile(
    r"((?:" + "|".join(re.escape(code_key(w)) for w in _ISSUER_BEFORE_WORDS) + r")"
    r"(?:(?!\s(?:" + _BEFORE_VERBS + r")\s)[\wÀ-ỹ ]){0,40}?)\s+"
    r"(?:(?:" + _BEFORE_VERBS + r")\s+)*(?:ban hành|ra|ký ban hành)\s+$")
# A state body with its unit as the subject just before the document word, by the issuer
# letters that abbreviate it.
_OWN_BODIES = {code_key(abbr): re.compile(
    r"(?<![\w])((?:" + code_key(names) + r")\s+(?:"
    + code_key("tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn")
    + r"))(?![\w])[^,;.:]{0,30}$") for abbr, names in (
        ("UBND", "ubnd|ủy ban nhân dân"), ("HĐND", "hđnd|hội đồng nhân dân"))}
_UNIT_AFTER_QUOTE = re.compile(r"[“\"][^”\"\n]{1,150}[”\"]\s+(tỉnh|huyện|thị xã|quận|thành phố|xã|"
                               r"phường|thị trấn)(?=\s*(?:[,;.]|và\s|$))")
_ORG_CASE = [(re.compile(p, re.I), r) for p, r in (
    (r"\bban thường vụ\b", "Ban Thường vụ"), (r"\bủy ban thường vụ\b", "Ủy ban Thường vụ"),
    (r"\bban chấp hành\b", "Ban Chấp hành"),
    (r"\bbộ chính trị\b", "Bộ Chính trị"), (r"\bban bí thư\b", "Ban Bí thư"),
    (r"\btrung ương\b", "Trung ương"), (r"\bban dân vận\b", "Ban Dân vận"),
    (r"\bđảng bộ\b", "Đảng bộ"), (r"\bthủ tướng chính phủ\b", "Thủ tướng Chính phủ"),
    (r"\bchính phủ\b", "Chính phủ"), (r"\bquốc hội\b", "Quốc hội"),
    (r"\bban chỉ đạo\b", "Ban Chỉ đạo"), (r"\bthường trực\b", "Thường trực"),
    (r"^tỉnh ủy\b", "Tỉnh ủy"), (r"^thị ủy\b", "Thị ủy"), (r"^huyện ủy\b", "Huyện ủy"),
    (r"^thành ủy\b", "Thành ủy"), (r"(?<=\s)(tỉnh|thị|huyện|thành) ủy\b", None),
    (r"\bđảng\b", "Đảng"),
    (r"^(Ban Bí thư|Bộ Chính trị) Trung ương( Đảng)?$", r"\1"))]


@dataclass
class DocMention:
    start: int
    end: int
    mention: str
    code: str | None
    system: str
    doc_type: str | None
    doc_type_name: str | None
    number: str
    issuer_code: str | None
    year: str | None = None
    issued_on: dt.date | None = None
    issuer: str | None = None
    level: str | None = None
    doc_key: str = ""
    first: bool = True


def _doc_name(word: str) -> str:
    """'chỉ thị' -> 'Chỉ thị' (the document word as a label)."""
    return word[0].upper() + word[1:]


def _canon_type(raw: str) -> str:
    """Type letters from the original characters: 'QĐi', 'CTr', 'TTr', 'QyĐ' keep their case."""
    s = raw.replace("Ð", "Đ").replace("ð", "đ").replace(" ", "")
    low = s.lower()
    special = {"qđi": "QĐi", "qdi": "QĐi", "ctr": "CTr", "ttr": "TTr", "qyđ": "QyĐ", "qyd": "QyĐ",
               "ttri": "TTri"}
    return special.get(low, s.upper())


def _canon_issuer(raw: str) -> str:
    s = re.sub(r"\s+", "", raw.replace("Ð", "Đ").replace("ð", "đ").replace("–", "-"))
    parts = []
    for p in s.split("-"):
        parts.append("TTg" if p.lower() == "ttg" else p.upper())
    return "-".join(parts)


def _num_key(n: str) -> str:
    m = re.match(r"0*(\d+)(\w*)", n)
    return (m.group(1) + m.group(2).lower()) if m else n


def doc_identity(number: str, doc_type: str | None, issuer_code: str | None,
                 year: str | None = None) -> str:
    """Identity of a document: number without zeros, type and issuer letters, year if coded."""
    t = (doc_type or "").replace("Ð", "Đ").upper()
    i = (issuer_code or "").replace("Ð", "Đ").upper().replace(" ", "")
    return f"{_num_key(number)}|{t}|{i}|{year or ''}"


def _date(m: re.Match | None) -> dt.date | None:
    if not m:
        return None
    g = m.groupdict()
    d, mo, y = (g["d"], g["m"], g["y"]) if g.get("d") else (g["d2"], g["m2"], g["y2"])
    if len(y) != 4:
        return None
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def canonical_issuer_words(words: str) -> str:
    s = tone_style_old(re.sub(r"\s+", " ", words).strip())
    s = s[0].upper() + s[1:] if s else s
    for rx, rep in _ORG_CASE:
        if rep is None:
            s = rx.sub(lambda m: m.group(1).capitalize() + " ủy", s)
        else:
            s = rx.sub(rep, s)
    return s


def _level(issuer_code: str | None, issuer: str | None, locality_type: str | None) -> str | None:
    words = _strip_diacritics_key(issuer or "")
    if issuer_code:
        ic = code_key(issuer_code).split("-")[0]
        if _CENTRAL_ISSUERS.match(ic) and ic not in ("bcd", "bch", "bdvtu", "btgtu", "btctu",
                                                      "btgdvtu", "bdvhu", "bdvqu", "bnctu"):
            return "central"
        if ic in ("hu", "qu", "bdvhu", "bdvqu"):
            return "district"
        if ic == "du":
            return "commune"
        if re.fullmatch(r"s[a-zđ]{1,4}", ic):   # SNV, STP: a Sở, a provincial department (§1.5)
            return "province"
    if words:
        if re.search(r"trung uong|bo chinh tri|ban bi thu|chinh phu|quoc hoi|thu tuong|^bo\b", words):
            return "central"
        if re.search(r"tinh uy|\btinh\b|dang bo tinh|ubnd tinh|uy ban nhan dan tinh", words):
            return "province"
        if re.search(r"thi uy|huyen uy|quan uy|thi xa|huyen|quan\b", words):
            return "district"
        if re.search(r"thanh uy|thanh pho", words):
            # a centrally-run city's Thành ủy is province level (DOMAIN §7 trap 3): the city
            # reports itself, its quận (only such cities have quận) cite it, or it is named
            city = re.search(r"(?:thành ủy|thành phố)\s+(\S.*)$", issuer or "", re.I)
            named = city is not None and any(
                u.unit_type == "thành phố" for u in gazetteer.provinces(city.group(1)))
            return "province" if locality_type in ("tỉnh", "quận") or named else "district"
        if re.search(r"^so\b", words):   # a Sở is a department of the province's UBND
            return "province"
        if re.search(r"dang uy|\bxa\b|phuong|thi tran", words):
            return "commune"
    if issuer_code and code_key(issuer_code).split("-")[0].endswith("tu"):
        if locality_type == "tỉnh":
            return "province"   # a province's (or centrally-run city's) own committee
        if locality_type in ("huyện", "quận", "xã", "phường", "thị trấn"):
            return "province"   # a rural district's own committee is a Huyện ủy (HU)
        return "province|district"
    return None


def _strip_diacritics_key(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _issuer_after(text: str, key: str, at: int, hi: int) -> str | None:
    """Issuer words in "của <issuer>" / "do <issuer> ban hành" / "giữa <issuer> với ..."
    starting at ``at``."""
    im = _ISSUER_AFTER.match(key[at:min(hi, at + 120)])
    if not im:
        return None
    st = at + im.end()
    stop = _ISSUER_STOP.search(key, st, min(hi, st + 90))
    words = text[st:stop.start() if stop else min(hi, st + 90)].strip()
    if stop and key[stop.start()] in "“\"":
        # a campaign's name in quotes, then the unit the organisation belongs to: 'Ban chỉ đạo
        # Cuộc vận động "Toàn dân đoàn kết ..." thị xã' is the Ban chỉ đạo of the thị xã
        unit = _UNIT_AFTER_QUOTE.match(key, stop.start(), min(hi, stop.start() + 200))
        if unit:
            words = f"{words} {text[unit.start(1):unit.end(1)]}"
    return canonical_issuer_words(words) if words and len(words.split()) <= 10 else None


def _own_body_before(text: str, key: str, lo: int, word_start: int,
                     issuer_code: str | None) -> str | None:
    """The sentence's subject when the code's issuer letters abbreviate it: "UBND huyện triển
    khai Kế hoạch số 112/KH-UBND" is the district UBND's own plan."""
    body = _OWN_BODIES.get(code_key(issuer_code or "").split("-")[-1])
    m = body.search(key, lo, word_start) if body else None
    return canonical_issuer_words(text[m.start(1):m.end(1)]) if m else None


def _code_parts(text: str, m: re.Match, kind: str) -> tuple[str, str | None, str, str | None, str]:
    """(number, type letters, issuer letters, year, system) of a code matched in ``text``."""
    def g(name: str) -> str | None:
        return text[m.start(name):m.end(name)] if m.group(name) is not None else None

    typ = _canon_type(g("type")) if kind != "notype" and g("type") else None
    issuer_code = _canon_issuer(g("issuer"))
    system = "party" if kind == "party" else "state"
    if kind == "admin" and code_key(issuer_code).split("-")[0] in _PARTY_ISSUERS:
        system = "party"   # "23/QĐ-TW": a Party document written state-style
    return g("num").strip(), typ, issuer_code, g("year") if kind == "normative" else None, system


def code_identity(code: str, doc_type: str | None = None) -> str | None:
    """The identity of a document written as ``code`` ("62-TB/TU" -> "62|TB|TU|"): the code's
    own type letters decide it, even under another document word ("Kết luận số 62-TB/TU");
    ``doc_type`` (from the word) serves a code without type letters ("136/2024/QH15"). None when
    ``code`` is not a whole code."""
    key = code_key(code)
    for rx, kind in _CODE_FORMS:
        m = rx.fullmatch(key)
        if m:
            number, typ, issuer_code, year, _ = _code_parts(code, m, kind)
            return doc_identity(number, typ or doc_type, issuer_code, year)
    return None


def find_documents(page: Page, locality_type: str | None = None) -> list[DocMention]:
    """Every document mention in the page's title and body, in text order."""
    text = page.text
    key = fold_code(page.key)   # code_key(text), from the key the page already holds
    lo, hi = page.body_start, page.body_end
    # The page's own number in its header above the title ("Số 112-BC/ĐU"), and the body.
    ranges = [(ln.start, ln.end) for ln in page.header if OWN_NUMBER.match(key, ln.start)]
    ranges.append((lo, hi))
    spans: list[tuple[int, int, re.Match, str]] = []

    def overlaps(s, e):
        return any(s < pe and ps < e for ps, pe, _, _ in spans)

    for rx, kind in _CODE_FORMS:
        for a, b in ranges:
            for m in rx.finditer(key, a, b):
                if overlaps(*m.span()):
                    continue
                if rx in (_ADMIN_ANY, _PARTY_ANY) and not _DOC_WORD_NEAR.search(
                        key[max(a, m.start() - 60):m.start()]):
                    continue
                spans.append((m.start(), m.end(), m, kind))
    spans.sort(key=lambda t: t[0])

    out: list[DocMention] = []
    prev_end = min(lo, spans[0][0]) if spans else lo
    prev: DocMention | None = None
    for s, e, m, kind in spans:
        number, typ, issuer_code, year, system = _code_parts(text, m, kind)
        if system == "party":
            code = f"{number}-{typ}/{issuer_code}"
        elif year:
            code = f"{number}/{year}/{typ}-{issuer_code}" if typ else f"{number}/{year}/{issuer_code}"
        elif typ:
            code = f"{number}/{typ}-{issuer_code}"
        else:
            code = f"{number}/{issuer_code}"
        # Document word before the code, or shared with the previous code in a list.
        between = key[prev_end:s]
        line_start = key.rfind("\n", 0, s) + 1
        word_m = _DOC_WORD_BEFORE.search(key[max(line_start, s - 40):s]) or _LAW_BEFORE.search(
            key[max(line_start, s - 80):s])
        if word_m:
            type_name = _doc_name(_DOC_WORD_KEYS[word_m.group(1)])
            word_start = s - len(key[max(line_start, s - 40):s]) + word_m.start()
        elif prev is not None and _LIST_JOIN.fullmatch(between):
            type_name, word_start = prev.doc_type_name, s
        else:
            type_name, word_start = (_TYPE_NAMES.get(typ) if typ else None), s
        if typ is None and type_name:
            typ = _DOC_WORDS.get(type_name.lower())
        # Date after the code (or before it: "Ngày 20/01/2021, ... ban hành Chỉ thị số ...").
        after = key[e:min(hi, e + 60)]
        dm = _DATE_AFTER.match(after)
        issued = _date(dm)
        tail_at = e + (dm.end() if dm else 0)
        sent = page.sentence_at(s)
        if issued is None and OWN_NUMBER.match(key, line_start) and re.fullmatch(
                r"\s*số\s*:?\s*", key[line_start:s]):
            # The page's own document header: "Số: 30/2018/QĐ-UBND | Hải Phòng, ngày 09 tháng 10
            # năm 2018", the place-date line on the same line or a few lines below.
            issued = _date(_PLACE_DATE.search(key, e, min(len(key), e + 300)))
        if issued is None and not dm:
            # A date before the document ("ngày 23-11-2017, Tỉnh ủy Lai Châu đã ban hành Kế
            # hoạch số 116-KH/TU"), after any earlier code of the sentence and its own date.
            for bm in _DATE_ANY.finditer(key, max(sent.start, prev_end), word_start):
                seg = key[bm.end():word_start]
                if re.search(r"ban hành|ký|\bra\b|thông qua", seg) and not re.search(r"\d+\s*[-/]\s*[a-z]", seg):
                    issued = _date(bm)
        # Issuer words after "của", or before "ban hành": the body named in full there ("Ban Chỉ
        # đạo thực hiện Quy chế dân chủ ở cơ sở huyện ban hành ... của Ban Chỉ đạo") wins over
        # its short name after the code.
        issuer = _issuer_after(text, key, tail_at, hi)
        bm = _ISSUER_BEFORE.search(key[sent.start:word_start])
        before = canonical_issuer_words(text[sent.start + bm.start(1):sent.start + bm.end(1)]) \
            if bm else None
        if before and (issuer is None or before.lower().startswith(issuer.lower() + " ")):
            issuer = before
        if issuer is None:
            issuer = _own_body_before(text, key, sent.start, word_start, issuer_code)
        d = DocMention(start=s, end=e, mention=text[word_start:e] if word_start < s else text[s:e],
                       code=code, system=system, doc_type=typ, doc_type_name=type_name,
                       number=number, issuer_code=issuer_code, year=year, issued_on=issued,
                       issuer=issuer)
        # A list sharing one date or issuer: "217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của ...", also
        # with its document word repeated ("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW
        # ngày ..."); under another word ("Chỉ thị ... và Kết luận ... ngày") the date is its own.
        same_word = word_m is not None and prev is not None and type_name == prev.doc_type_name \
            and _REPEATED_WORD.fullmatch(key, prev_end, word_start)
        if prev is not None and (same_word or _LIST_JOIN.fullmatch(between)):
            if prev.issued_on is None and prev_end == prev.end:
                prev.issued_on = d.issued_on
            if prev.issuer is None:
                prev.issuer = d.issuer
        out.append(d)
        prev, prev_end = d, tail_at
    # Bare numbered documents.
    for m in _BARE.finditer(key, lo, hi):
        if overlaps(m.start(), m.end()) or re.match(r"\s*[-–/]\s*[a-z]", key[m.end():m.end() + 4]):
            continue
        if not m.group("so") and text[m.start()].islower():
            continue   # a verb and a count ("hướng dẫn 11 huyện"): a cited document is capitalised
        word = _DOC_WORD_KEYS[m.group("word")]
        type_name = _doc_name(word)
        typ = _DOC_WORDS[word]
        nums = [(n.start(), n.end()) for n in re.finditer(r"\d{1,4}[a-z]?", key[m.start("nums"):m.end()])]
        base = m.start("nums")
        if not m.group("so") and any(re.fullmatch(r"(19|20)\d\d", key[base + a:base + b]) for a, b in nums):
            continue
        tail = key[m.end():min(hi, m.end() + 120)]
        dm = _DATE_AFTER.match(tail)
        t2 = m.end() + (dm.end() if dm else 0)
        issuer = _issuer_after(text, key, t2, hi)
        for a, b in nums:
            out.append(DocMention(start=m.start(), end=m.end(), mention=text[m.start():m.end()],
                                  code=None, system="none", doc_type=typ,
                                  doc_type_name=type_name, number=text[base + a:base + b],
                                  issuer_code=None, issued_on=_date(dm), issuer=issuer))
    out.sort(key=lambda d: (d.start, d.end))
    _resolve(out, locality_type)
    return out


def _resolve(mentions: list[DocMention], locality_type: str | None) -> None:
    """Identity keys, short repeat mentions resolved to the coded document, first-mention flags,
    dates/issuers shared across mentions of one document, issuer levels."""
    coded = [d for d in mentions if d.code]
    for d in mentions:
        if d.code is None:
            same = [c for c in coded if _num_key(c.number) == _num_key(d.number)
                    and c.doc_type and d.doc_type and
                    (c.doc_type.upper().rstrip("I") == d.doc_type.upper()
                     # "Kết luận số 62-TB/TU" then "Kết luận 62": the same word names it
                     or c.doc_type_name == d.doc_type_name)]
            if same:
                earlier = [c for c in same if c.start < d.start]
                ref = (earlier or same)[-1] if earlier else same[0]
                d.code, d.system, d.doc_type, d.issuer_code, d.year = (
                    ref.code, ref.system, ref.doc_type, ref.issuer_code, ref.year)
                d.issued_on = d.issued_on or ref.issued_on
                d.issuer = d.issuer or ref.issuer
            elif d.doc_type == "QĐ" and d.doc_type_name == "Quy định" and _level(
                    None, d.issuer, locality_type) == "central" and re.search(
                    r"bộ chính trị|ban bí thư|trung ương", (d.issuer or "").lower()):
                d.doc_type = "QĐi"   # a Party Quy định (36-HD/VPTW) when the text gives no code
        d.doc_key = doc_identity(d.number, d.doc_type, d.issuer_code, d.year)
    by_key: dict[str, list[DocMention]] = {}
    for d in mentions:
        by_key.setdefault(d.doc_key, []).append(d)
    for group in by_key.values():
        date = next((d.issued_on for d in group if d.issued_on), None)
        issuer = next((d.issuer for d in group if d.issuer), None)
        for i, d in enumerate(group):
            d.first = i == 0
            d.issued_on = d.issued_on or date
            d.issuer = d.issuer or issuer
            d.level = _level(d.issuer_code, d.issuer, locality_type)
