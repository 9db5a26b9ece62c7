"""The reporting locality: "Đảng bộ thị xã Sa Pa", "Huyện ủy Bảo Thắng", "Tỉnh ủy Yên Bái",
"Bảo Thắng: kết quả ...", or the portal's address (``sapa.laocai.gov.vn``).

A place is accepted only when something ties it to the report: a unit word in front of it
("xã", "huyện", "thị xã", "TP.", "tỉnh" ...), an organisation of that unit ("Huyện ủy X",
"Ban Dân vận Thị ủy X", "Hội Nông dân tỉnh X"), or the title ("X: kết quả ...", "... ở X",
"X sơ kết ..."), the last only for a name the national gazetteer knows. Capitalised words
elsewhere (menus, weekdays, people, "Ban Chỉ đạo", "Tổ quốc Việt Nam") are never read as places.

Evidence is weighed in order: the title; the issuer's or site's header above it; organisations,
then districts named in the body; the site's name, address and owner in the footer; communes,
then the province named in the body. The name is looked up
in the gazetteer (:mod:`analysis.extract.gazetteer`) for its canonical spelling, unit type and
province, narrowed by the provinces and districts the page and its address name; when the
province cannot be decided it stays empty rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from ..text.keys import match_key
from ..text.page import OWN_NUMBER, Page
from . import gazetteer

_UNIT_WORDS = {"thị trấn": "thị trấn", "thị xã": "thị xã", "thành phố": "thành phố",
               "tp.": "thành phố", "tp": "thành phố", "tx.": "thị xã", "tx": "thị xã",
               "huyện": "huyện", "quận": "quận",
               "xã": "xã", "phường": "phường", "tỉnh": "tỉnh"}
_ORG_WORDS = {"huyện ủy": "huyện", "thị ủy": "thị xã", "quận ủy": "quận", "thành ủy": "thành phố",
              "tỉnh ủy": "tỉnh", "huyện đoàn": "huyện", "thị đoàn": "thị xã", "quận đoàn": "quận",
              "thành đoàn": "thành phố", "tỉnh đoàn": "tỉnh"}   # the Party committee, the Youth Union
_WORDS = {**_UNIT_WORDS, **_ORG_WORDS}
_TYPE_RX = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(sorted(map(re.escape, _WORDS), key=len,
                                                         reverse=True)) + r")(?:\s+|(?<=\.))")
# An organisation of the unit in front of the unit word: "Ban Dân vận", "Đảng ủy", "UBND", ...
_ORG_BEFORE = re.compile(
    r"(?:ban dân vận|ban tuyên giáo và dân vận|đảng bộ|đảng ủy|ủy ban nhân dân|ubnd|hđnd|"
    r"hội đồng nhân dân|ủy ban mặt trận tổ quốc việt nam|(?:ủy ban )?mttq(?:vn| việt nam)?|"
    r"mặt trận tổ quốc(?: việt nam)?|"
    r"khối dân vận|ban thường vụ|ban chấp hành|thường trực|"
    # a Hội's name ("Hội Nông dân"), not a word formed with 'hội' ("hội viên tại các huyện")
    r"hội (?!viên|nghị|thi|thảo|diễn|chợ)[\wà-ỹ]+(?: [\wà-ỹ]+){0,3}|"
    r"huyện đoàn|thị đoàn|thành đoàn|tỉnh đoàn|đoàn thanh niên|liên đoàn lao động|"
    r"văn phòng|công an)\s*$")
# A unit word in the plural: "Hội Nông dân các huyện Kim Sơn, Yên Khánh" lists the bodies of
# several units inside the reporter's, none of them the reporter.
_PLURAL = re.compile(r"(?<![\wà-ỹ])(?:các|những)\s+$")
_COMMUNE = ("xã", "phường", "thị trấn")
_DISTRICT = ("huyện", "quận", "thị xã", "thành phố")
# Words that are never the first word of a place, and capitalised words that start a new phrase
# after a place name ("thị xã Sa Pa Quý I ...").
_NOT_NAMES = {"ủy", "nhân", "đảng", "ban", "hội", "mặt", "trang", "thứ", "chủ", "tổ", "đồng",
              "bộ", "quyết", "nghị", "chỉ", "kế", "công", "báo", "cộng", "độc", "đoàn", "các",
              "những", "toàn", "mỗi", "chính", "cán", "cấp", "trường", "nông", "khu", "thôn",
              "bản", "ấp", "văn", "phòng", "sở", "trung", "liên", "chi", "ngày", "tháng", "năm",
              "quý", "khối", "ông", "bà", "anh", "chị", "đ/c", "lãnh", "trên", "tại", "và"}
_PHRASE_STARTS = {"quý", "ban", "đảng", "hội", "ủy", "thường", "nhân", "khối", "năm", "tháng",
                  "kết", "công", "trong", "tại", "và", "về", "lần", "khóa", "nhiệm", "tỉnh",
                  "huyện", "xã", "phường", "thị", "thành", "quận", "giai", "đợt", "sơ", "tổng",
                  "ngày", "số", "đã", "tổ", "mttq", "ubnd", "hđnd", "trên", "tiếp", "thực",
                  "triển", "đảm"}
_UNIT_STARTS = {"thành": ("phố", "ủy", "đoàn"), "thị": ("xã", "trấn", "ủy", "đoàn")}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_TITLE_COLON = re.compile(r"^\s*([^\W\d_][^:\n]{1,40}?)\s*:")
_TITLE_AT = re.compile(r"(?:^|\s)(?:ở|tại)\s+([^\W\d_][^,.;:\n]{1,40})")
_OWN_UNIT = re.compile(r"(?:đảng bộ|khối dân vận|đảng ủy|ubnd|ủy ban nhân dân|"
                       r"mặt trận(?: tổ quốc(?: việt nam)?)?|(?:ủy ban )?mttq(?:vn)?|"
                       r"hội (?:nông dân|liên hiệp phụ nữ|lhpn|cựu chiến binh|chữ thập đỏ))\s+"
                       r"(xã|phường|thị trấn|huyện|thị xã|thành phố|quận|tỉnh)(?![\wÀ-ỹ])")
_OWNER_LINE = re.compile(r"\s*(?:cơ quan chủ quản|bản quyền|ban biên tập|đơn vị quản lý|"
                         r"chịu trách nhiệm)")
_OWN_ORG = re.compile(r"(?<![\wÀ-ỹ])(huyện ủy|thị ủy|quận ủy|thành ủy|tỉnh ủy)(?![\wÀ-ỹ])")


class Locality(NamedTuple):
    name: str | None
    unit_type: str | None
    province: str | None
    evidence: str | None   # "tiêu đề", "đầu trang", "thân bài", "tên trang", "tên miền", "chân trang"

    @property
    def is_province(self) -> bool:
        """A province or a centrally-run city (Đà Nẵng), not a provincial city (TP Hội An)."""
        return self.name is not None and self.name == self.province and any(
            u.unit_type == self.unit_type for u in gazetteer.provinces(self.name))


_NONE = Locality(None, None, None, None)


@dataclass(frozen=True)
class _Mention:
    start: int
    unit_type: str          # as the page's word says
    name: str               # canonical spelling when the gazetteer knows it
    org: bool               # written as an organisation of the unit ("Huyện ủy X")
    units: tuple[gazetteer.Unit, ...]
    listed: bool = False    # after a plural unit word ("các huyện Bình Gia, Văn Lãng"): inside

    @property
    def level(self) -> str:
        if self.unit_type == "tỉnh" or (self.units and all(u.level == "province" for u in self.units)):
            return "province"
        return "commune" if self.unit_type in _COMMUNE else "district"


def _lookup(unit_type: str, name: str) -> tuple[gazetteer.Unit, ...]:
    """The units of that name at the level the unit word says, those of its type first (units
    change type over time: :func:`_narrow` weighs the word against the page's address)."""
    if unit_type == "tỉnh":
        return gazetteer.provinces(name)
    if unit_type == "thành phố":   # a centrally-run city, else a provincial city ("TP Bắc Giang")
        cities = tuple(u for u in gazetteer.provinces(name) if u.unit_type == "thành phố")
        if cities:
            return cities
    units = gazetteer.communes(name) if unit_type in _COMMUNE else gazetteer.districts(name)
    if not units and unit_type == "thành phố":
        return gazetteer.provinces(name)
    return tuple(sorted(units, key=lambda u: u.unit_type != unit_type))


def _title_case(word: str) -> str:
    return word[0] + word[1:].lower() if word.isupper() and len(word) > 1 else word


def _name_after(text: str, at: int, end: int, unit_type: str) -> tuple[str, tuple] | None:
    """The place name written at ``text[at:end]`` after a unit word, with its gazetteer units.

    The longest run of up to four words the gazetteer knows wins ("Sa pa", "THUẬN CHÂU");
    otherwise the capitalised words up to the next phrase, unless they are in capitals (an
    all-caps heading gives no name the gazetteer does not know).
    """
    words: list[str] = []
    seps: list[str] = []   # before each word: a space, or a dash ("Phan Rang – Tháp Chàm")
    pos = at
    for m in _WORD.finditer(text, at, min(end, at + 80)):
        gap = text[pos:m.start()]
        if words and (gap not in (" ", "\t") and gap.strip(" \t") not in ("-", "–")):
            break
        if not words and m.start() != at:
            break
        seps.append(" - " if gap.strip(" \t") else " ")
        words.append(m.group(0))
        pos = m.end()
        if len(words) == 4:
            break
    if not words or not words[0][0].isupper():
        return None
    for n in range(len(words), 0, -1):
        name = words[0] + "".join(s + w for s, w in zip(seps[1:n], words[1:n]))
        units = _lookup(unit_type, name)
        if not units and unit_type in _COMMUNE and " - " in name:
            units = gazetteer.communes_2025(name)   # a 2025 ward named for two: "Xuân Hương - Đà Lạt"
        if units and unit_type in _COMMUNE and n < len(words) and re.fullmatch(r"\d{1,2}", words[n]):
            return f"{name} {words[n]}", ()   # a 2025 ward numbered after its old town: "Hà Giang 1"
        if units:
            return units[0].name, units
    if words[0].lower() in _NOT_NAMES:
        return None
    caps = []
    for i, w in enumerate(words):
        phrase = w.lower() in _PHRASE_STARTS and (
            # "Thành", "Thị" end a name only as a unit word's start ("thành phố", "thị xã"):
            # "phường Hạc Thành" is a name the gazetteer may not know yet
            w.lower() not in _UNIT_STARTS
            or (i + 1 < len(words) and words[i + 1].lower() in _UNIT_STARTS[w.lower()]))
        if not (w[0].isupper() or (w.isdigit() and caps)) or (caps and phrase):
            break
        caps.append(w)
    while caps and caps[-1].isdigit():
        caps.pop()
    if not caps or all(w.isupper() and len(w) > 1 for w in caps) or unit_type == "tỉnh":
        return None
    return " ".join(_title_case(w) for w in caps), ()


def _mentions(text: str, key: str, start: int, end: int) -> list[_Mention]:
    """Every unit word or unit organisation followed by a place name in ``text[start:end]``."""
    out = []
    for m in _TYPE_RX.finditer(key, start, end):
        word = m.group(1)
        typ = _WORDS[word]
        found = _name_after(text, m.end(), end, typ)
        if found is None:
            continue
        name, units = found
        line_start = key.rfind("\n", 0, m.start()) + 1
        listed = bool(_PLURAL.search(key, max(line_start, m.start() - 8), m.start()))
        org = not listed and (
            word in _ORG_WORDS
            or bool(_ORG_BEFORE.search(key, max(line_start, m.start() - 50), m.start())))
        out.append(_Mention(m.start(), typ, name, org, units, listed))
    return out


def _paragraphs(page: Page, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of ``page`` from ``lo`` to ``hi`` that a unit word and its name may share:
    a paragraph with its hard-wrapped lines ("Đảng bộ xã⏎Trà Tân"), never across a blank line or
    the title's edges (a breadcrumb ending "... của Huyện ủy" does not name the title's first
    word)."""
    cuts = {lo, hi, *(ln.start for ln in page.lines if not ln.text.strip())}
    if page.title is not None:
        cuts |= {page.title.start, page.title.end, page.body_start}
    cuts = sorted(c for c in cuts if lo <= c <= hi)
    return list(zip(cuts, cuts[1:]))


def _untyped_title(page: Page) -> _Mention | None:
    """A known place the title is about without a unit word: "Bảo Thắng: ...", "... ở Mộc
    Châu", "Bảo Yên sơ kết ..."."""
    t = page.title
    cands = []
    m = _TITLE_COLON.match(t.text)
    if m:
        cands.append((t.start + m.start(1), m.group(1)))
    for m in _TITLE_AT.finditer(t.text):
        cands.append((t.start + m.start(1), m.group(1)))
    # The title opens with the place and a verb follows: "Bảo Yên sơ kết ..." (not in a title
    # in capitals, where the name's end cannot be seen).
    first = [w.group(0) for w in _WORD.finditer(t.text[:60])][:5]
    n = next((i for i, w in enumerate(first) if not w[0].isupper()), 0)
    if 0 < n <= 4 and not any(w.isupper() and len(w) > 1 for w in first[:n]):
        cands.append((t.start, " ".join(first[:n])))
    for at, raw in cands:
        words = raw.split()
        if not words or not words[0][0].isupper() or words[0].lower() in _NOT_NAMES:
            continue
        for n in range(min(4, len(words)), 0, -1):
            name = " ".join(words[:n])
            units = (gazetteer.districts(name) or gazetteer.communes(name)
                     or gazetteer.provinces(name))
            if units and all(w[0].isupper() for w in words[:n]):
                return _Mention(at, "", units[0].name, False, units)
    return None


def _own_unit(page: Page, start: int | None = None, end: int | None = None) -> str | None:
    """The unit word a page uses for itself without a name ("Khối dân vận xã", "Huyện ủy"), in
    its body or in ``page.key[start:end]``."""
    start = page.body_start if start is None else start
    end = page.body_end if end is None else end
    found: Counter = Counter()
    for m in _OWN_UNIT.finditer(page.key, start, end):
        if not page.text[m.end():m.end() + 2].strip()[:1].isupper():
            found[m.group(1)] += 1
    for m in _OWN_ORG.finditer(page.key, start, end):
        if not page.text[m.end():m.end() + 2].strip()[:1].isupper():
            found[_ORG_WORDS[m.group(1)]] += 1
    return found.most_common(1)[0][0] if found else None


def _most_common(mentions: list[_Mention]) -> _Mention | None:
    if not mentions:
        return None
    counts = Counter(gazetteer.name_key(m.name) for m in mentions)
    best = max(counts.values())
    return next(m for m in mentions if counts[gazetteer.name_key(m.name)] == best)


def _narrow(units: tuple[gazetteer.Unit, ...], want_type: str | None, named: set[str],
            host: gazetteer.Unit | None, page: Page,
            inside: Counter) -> gazetteer.Unit | None:
    """The one unit the page can mean among same-name units, or None.

    ``inside`` counts, per (province, district) key, the communes the page names that lie in
    that district: the district of more of them ("thị trấn Lộc Thắng, xã Lộc Bắc" of Bảo Lâm,
    Lâm Đồng) is the one meant among districts of that name."""
    typed = tuple(u for u in units if u.unit_type == want_type)
    # Units change type (huyện Phong Điền became a thị xã in 2025): the address outranks the word.
    if host is not None and not any(u.province == host.province for u in typed):
        typed = ()
    units = typed or units
    if len(units) > 1 and host is not None:
        units = tuple(u for u in units if u.province == host.province) or units
    if len(units) > 1:
        score = {u: inside[gazetteer.name_key(u.province), gazetteer.name_key(u.name)]
                 for u in units if u.district is None}
        best = max(score.values(), default=0)
        if best and sum(v == best for v in score.values()) == 1:
            units = tuple(u for u in units if score.get(u) == best)
    if len(units) > 1:
        units = tuple(u for u in units if gazetteer.name_key(u.province) in named
                      or (u.district and gazetteer.name_key(u.district) in named)) or units
    if len(units) > 1:
        units = tuple(u for u in units if match_key(u.province) in page.key) or units
    return units[0] if len(units) == 1 else None


def _city(host: gazetteer.Unit | None, site: list[_Mention],
          body: list[_Mention]) -> tuple[gazetteer.Unit, str] | None:
    """The centrally-run city (Đà Nẵng, Cần Thơ ...) the page's address, site name or body names,
    with the evidence that names it."""
    if host is not None and host.level == "province" and host.unit_type == "thành phố":
        return host, "tên miền"
    for ev, found in (("tên trang", site), ("thân bài", body)):
        for m in found:
            cities = [u for u in m.units if u.level == "province" and u.unit_type == "thành phố"]
            if m.level == "province" and cities:
                return cities[0], ev
    return None


def find_locality(page: Page, as_of: dt.date | None = None) -> Locality:
    """The reporting locality, its unit type, its province and what decided it.

    ``as_of`` is the page's date: a commune of a page dated from 1 July 2025 is looked up among
    the post-reform units (DOMAIN §6.2), whose provinces differ ("xã Yên Minh", Tuyên Quang).
    """
    text, key = page.text, page.key
    regions = page.regions
    lo = (page.header or regions or [None])[0].start if (page.header or regions) else 0
    hi = regions[-1].end if regions else 0
    every = [m for a, b in _paragraphs(page, lo, hi) for m in _mentions(text, key, a, b)]
    top = page.title.start if page.title is not None else lo
    header = [m for m in every if m.start < top]
    named = {gazetteer.name_key(m.name) for m in every}
    address = page.address
    host = gazetteer.from_host(address.host_labels) if address else None
    site = []
    if address and address.site_name:
        s = address.site_name
        site = _mentions(s, match_key(s), 0, len(s))
        named |= {gazetteer.name_key(m.name) for m in site}
    # The site owner in the footer: "Cơ quan chủ quản: UBND huyện Tuần Giáo", "Bản quyền ...".
    footer = [m for ln in page.chrome if _OWNER_LINE.match(key, ln.start)
              for m in _mentions(text, key, ln.start, ln.end)]
    named |= {gazetteer.name_key(m.name) for m in footer}
    own = _own_unit(page)

    pick, evidence = None, None
    title = page.title if page.title is not None and regions and regions[0] is page.title else None
    if title is not None:
        in_title = [m for m in every if title.start <= m.start < title.end]
        orgs = [m for m in in_title if m.org]
        lower = [m for m in in_title if m.level != "province"]
        pick = (orgs or lower or in_title or [None])[0] or _untyped_title(page)
        evidence = "tiêu đề" if pick else None
    if pick is None and title is not None and _own_unit(page, title.start, title.end) == "tỉnh":
        # a province body's title without its name ("Hội LHPN tỉnh giao ban ...") on a site the
        # province's name names: the province, whatever districts the body goes on to name
        u = next((m.units[0] for m in site if m.level == "province" and m.units), None) or (
            host if host is not None and host.level == "province" else None)
        if u is not None:
            return Locality(u.name, u.unit_type, u.province, "tên trang")
    if pick is None:   # the issuer's or the site's header above the title: its lowest unit
        local = [m for m in header if m.level != "province"]
        pick = ([m for m in local if m.level == "commune"] or local or [None])[0]
        evidence = "đầu trang" if pick else None
    if pick is None:
        body = [m for m in every if m.start >= page.body_start]
        local = [m for m in body if m.level != "province" and not m.listed]
        commune_page = own in _COMMUNE
        # The issuer above the title is a province's or a centrally-run city's body ("BAN DÂN
        # VẬN THÀNH ỦY CẦN THƠ") and the body names no district's or commune's body: a
        # province-level report, whose districts are places inside it.
        # A document's own header ("Số: 512-BC/HNDT") names its issuer for certain, whatever
        # district bodies its results name ("Hội Nông dân huyện Ngọc Hồi phối hợp ...").
        issuer = next((m for m in header if m.org and m.level == "province" and m.units), None)
        signed = any(OWN_NUMBER.match(key, ln.start, ln.end) for ln in page.header)
        if issuer is not None and own in (None, "tỉnh", "thành phố") \
                and (signed or not [m for m in local if m.org]):
            u = issuer.units[0]
            return Locality(u.name, u.unit_type, u.province, "đầu trang")
        # A centrally-run city's own body ("Ban Dân vận Thành ủy", "UBND thành phố" with no
        # name, on the city's portal) reports for the city: districts it names are inside it.
        city = _city(host, site, body) if own == "thành phố" else None
        if city is not None and not [m for m in local if m.org]:
            u, ev = city
            return Locality(u.name, u.unit_type, u.province, ev)
        # A province's own body, the page's subject ("BAN DÂN VẬN TỈNH ỦY SƠ KẾT ..." and "Ban Dân
        # vận Tỉnh ủy Nghệ An tổ chức ...") before any district body it names ("tham luận của Ban
        # Dân vận Huyện ủy Quỳ Châu").
        province_org = next((m for m in body if m.org and m.level == "province" and m.units), None)
        local_org = next((m for m in local if m.org), None)
        if own == "tỉnh" and province_org is not None and (
                local_org is None or province_org.start < local_org.start):
            u = province_org.units[0]
            return Locality(u.name, u.unit_type, u.province, "thân bài")
        steps = (
            ("thân bài", [m for m in local if m.org and (m.level == "commune") == commune_page]
             or [m for m in local if m.org]),
            # A province's own body ("Ban Dân vận Tỉnh ủy Hà Giang ... Ban Dân vận Tỉnh ủy đề
            # ra"): the districts it names are places inside it, not the reporter.
            ("thân bài", [m for m in body if m.org and m.level == "province"]
             if own == "tỉnh" else []),
            # districts named in a page of a province's body without its name ("Ủy ban MTTQ
            # Việt Nam tỉnh") are places inside the province
            ("thân bài", [] if commune_page or own == "tỉnh"
             else [m for m in local if m.level == "district"]),
            ("tên trang", [m for m in site if m.level != "province"]),
            ("tên miền", [host] if host is not None and host.level != "province" else []),
            ("chân trang", [m for m in footer if m.org and m.level != "province"][:1]),
            # communes named in a district's page are places inside it, not the reporter
            ("thân bài", [] if own in _DISTRICT else [m for m in local if m.level == "commune"]),
            ("thân bài", [] if own and own != "tỉnh" else [m for m in body if m.level == "province"]),
            ("đầu trang", [m for m in header if m.level == "province"]),
            ("tên trang", [m for m in site if m.level == "province"]),
            ("tên miền", [host] if host is not None and (not own or own == "tỉnh") else []),
        )
        for ev, found in steps:
            if found:
                if isinstance(found[0], gazetteer.Unit):
                    u = found[0]
                    return Locality(u.name, u.unit_type, u.province, ev)
                pick, evidence = _most_common(found), ev
                break
    if pick is None:
        return _NONE
    if not pick.unit_type:   # a name without a unit word: the page's own words for it decide
        same = [m for m in every if gazetteer.name_key(m.name) == gazetteer.name_key(pick.name)]
        said_as = next((m for m in same if m.org), same[0] if same else None)
        if said_as is not None and said_as.level == "province" or (
                said_as is None and own == "tỉnh" and gazetteer.provinces(pick.name)):
            u = gazetteer.provinces(pick.name)[0]
            return Locality(u.name, u.unit_type, u.province, evidence)
    if pick.level == "province":
        u = pick.units[0] if pick.units else None
        return Locality(pick.name, u.unit_type if u else pick.unit_type, pick.name, evidence)
    said = [m.unit_type for m in every if gazetteer.name_key(m.name) == gazetteer.name_key(
        pick.name) and m.level != "province"]
    want = pick.unit_type or (said[0] if said else own if own != "tỉnh" else None)
    # A title's name without a unit word was looked up as a district first; the page's own word
    # for it ("Đảng ủy xã Tân Hiệp") says which same-name units it can be.
    found = _lookup(want, pick.name) if want and not pick.unit_type else ()
    units = tuple(u for u in found or pick.units if u.level != "province")
    if as_of is not None and as_of >= gazetteer.REFORM_DATE and pick.level == "commune":
        units = gazetteer.communes_2025(pick.name) or units
    # each commune named once, whatever number of times the page names it
    communes = {gazetteer.name_key(m.name): m.units for m in every if m.level == "commune"}
    inside = Counter(k for units_of in communes.values() for k in {
        (gazetteer.name_key(u.province), gazetteer.name_key(u.district))
        for u in units_of if u.district})
    unit = _narrow(units, want, named, host, page, inside) if units else None
    if unit is not None:   # the page's own word wins: units change type over time
        return Locality(unit.name, want or unit.unit_type, unit.province, evidence)
    provinces = {m.name for m in every + site if m.level == "province"}
    if not provinces:
        # No province named: the province of the districts the page names ("thị trấn Vạn Hà,
        # huyện Thiệu Hóa"), each known in one province only, when they agree.
        provinces = {ps.pop() for m in every if m.level == "district" and m.units
                     and gazetteer.name_key(m.name) != gazetteer.name_key(pick.name)
                     for ps in [{u.province for u in m.units}] if len(ps) == 1}
    cands = {u.province for u in units}
    if len(cands) == 1:   # same-name units of one province ("thị xã" and "huyện Kỳ Anh")
        return Locality(pick.name, want, cands.pop(), evidence)
    if units:      # a known name in several provinces: only the page or its address decides
        provinces &= cands
        if host is not None and host.province in cands:
            provinces = {host.province}
    elif host is not None:
        provinces = {host.province}
    province = next(iter(provinces)) if len(provinces) == 1 else None
    return Locality(pick.name, want, province, evidence)
