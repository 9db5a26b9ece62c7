"""Raw page bytes -> NFC text, with the encoding detected, or a refusal that says why.

Vietnamese pages reach us as UTF-8 (composed or decomposed), UTF-16, Windows-1258 and the two
legacy font encodings TCVN3 and VNI (:mod:`analysis.text.legacy`). Byte-level charset
detectors do not know TCVN3/VNI, and every 8-bit decoder "succeeds" on any input, so the
legacy encodings are told apart by reading each candidate as Vietnamese: the share of accented
words that are well-formed syllables (onset + rhyme + at most one tone mark, on a vowel, and
only sắc/nặng before a stop final) and hits on very common words. Nothing is guessed: when no
reading is clearly Vietnamese, or two are too close to call, :class:`PageDecodeError` names the
file and the reason.

Order of decisions in :func:`decode_bytes`:

1. empty input, UTF-32 byte-order marks and binary data (NUL or many control bytes) are
   refused; a UTF-8 or UTF-16 byte-order mark decides the encoding;
2. an HTML ``<meta charset>`` declaring UTF-8 on bytes that are not UTF-8 is refused;
3. valid UTF-8 is UTF-8 ("utf-8-nfd" when it was not NFC) whatever a ``<meta>`` declares:
   real Windows-1258/TCVN3/VNI text is practically never valid UTF-8, so a legacy declaration
   on it is a header left stale by re-saving. Valid Unicode can still carry text mangled
   before it was saved, so it is refused when it is double-encoded UTF-8 ("Viá»‡t") or a
   legacy encoding seen through a Western code page ("nh©n d©n"): indexing mojibake is worse
   than failing. Both checks only run when characters typical of such damage occur;
4. otherwise Windows-1258, TCVN3 and VNI are scored; a declared legacy charset wins when it
   reads plausibly, else the clearly best plausible reading wins, else the page is refused.

Double-encoded UTF-8 is refused, not repaired: the repair is exact only when no byte was lost
on the way, and a repaired page would need an encoding label this module does not have.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .legacy import decode_tcvn3, decode_vni

__all__ = ["Decoded", "PageDecodeError", "decode_bytes"]


class PageDecodeError(ValueError):
    """The bytes of ``source`` could not be read as text; ``str(e)`` is ``"source: reason"``."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    text: str       # NFC, newlines normalised to "\n"
    encoding: str   # one of "utf-8", "utf-8-nfd", "utf-16", "windows-1258", "tcvn3", "vni"


# --- thresholds (calibrated on the dev corpus and the seed page, see tests) -------------------

# A reading is Vietnamese when this share of its accented words are valid syllables. Correct
# readings of the corpus pages score 0.99-1.0 (abbreviations such as "HĐND" and minority place
# names cost a little); their wrong readings score 0.05-0.30, VISCII pages at most 0.55.
_MIN_VALID = 0.85
# ...and, on pages with at least _COMMON_NEEDED_FROM accented words, some very common words occur.
_COMMON_NEEDED_FROM = 30
# The best reading must beat the runner-up by this much, else the page is ambiguous.
_MIN_MARGIN = 0.15
# Fewer accented words than this cannot support a decision between legacy encodings.
_MIN_MARKED = 3
# Scoring looks at this many accented words of a reading: enough for a stable share, fast.
_SCORE_WORDS = 400
# Binary: any NUL, or more control bytes (other than tab/newlines/form feed) than this share.
_MAX_CONTROL_SHARE = 0.005
# Valid UTF-8 with this many double-encoded sequences is refused as mojibake.
_MIN_MOJIBAKE_HITS = 3

_LABELS = {"windows-1258": "windows-1258", "tcvn3": "TCVN3", "vni": "VNI"}


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode a page's raw bytes to NFC text, detecting the encoding.

    Args:
        data: the file's bytes, as read from disk.
        source: the file name, used in error messages.

    Returns:
        The NFC text (newlines normalised to "\\n") and the detected encoding.

    Raises:
        PageDecodeError: ``"source: reason"`` when the bytes are empty, binary, damaged
            (mojibake), or readable in no supported encoding (or in several equally well).
    """
    if not data:
        raise PageDecodeError(source, "empty file (0 bytes)")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise PageDecodeError(source, "UTF-32 byte-order mark: UTF-32 is not supported")
    if data.startswith(codecs.BOM_UTF8):
        return _from_unicode(_decode_unicode(data[3:], "utf-8", source), "utf-8", source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _from_unicode(_decode_unicode(data, "utf-16", source), "utf-16", source)
    _refuse_binary(data, source)
    declared = _declared_charset(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if declared == "utf-8":
            raise PageDecodeError(source, f"<meta> declares charset utf-8 but the bytes are not "
                                          f"UTF-8 ({_where(exc)})") from None
        return _from_legacy(data, source, declared, exc)
    return _from_unicode(text, "utf-8", source)


# --- Unicode input ----------------------------------------------------------------------------

def _decode_unicode(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise PageDecodeError(source, f"starts with a {codec.upper()} byte-order mark but is not "
                                      f"valid {codec.upper()} ({_where(exc)})") from None


def _from_unicode(text: str, codec: str, source: str) -> Decoded:
    if "\x00" in text:
        raise PageDecodeError(source, "contains NUL characters: binary data, not a text page")
    # normalize() returns its input when the quick check passes, so NFC text costs one scan.
    nfc = unicodedata.normalize("NFC", text)
    _refuse_mojibake(nfc, source)
    if _SUSPECT.search(nfc):
        _refuse_legacy_as_unicode(nfc, source)
    encoding = "utf-8-nfd" if codec == "utf-8" and nfc != text else codec
    return Decoded(_unix_newlines(nfc), encoding)


def _cp1252_to_byte() -> dict[int, int]:
    """Code point -> byte for 0x80-0xFF shown as cp1252 or as Latin-1 (C1 controls)."""
    table = {}
    for b in range(0x80, 0x100):
        table[b] = b
        try:
            table[ord(bytes([b]).decode("cp1252"))] = b
        except UnicodeDecodeError:
            pass
    return table


# Used to undo a wrong "bytes -> cp1252 (or Latin-1) text" step.
_CP1252_TO_BYTE = _cp1252_to_byte()
_CONTINUATION = "".join(chr(c) for c, b in _CP1252_TO_BYTE.items() if 0x80 <= b <= 0xBF)
# A UTF-8 lead byte shown as cp1252 followed by 1-3 continuation bytes shown the same way.
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]{{1,3}}")
# Characters that Vietnamese Unicode text does not use but legacy text shown as cp1252 is full
# of: Latin-1 letters foreign to Vietnamese, and the symbols TCVN3 letters show as. Symbols
# common in real pages (NBSP, ©, «, », °, ·, ±, ², ³) are left out, so clean pages stay fast.
_SUSPECT = re.compile("[\u0080-\u009f¡¢£¤¥¦§¨ª¬\u00ad®¯´µ¶¸¹º¼½¾¿ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ]")


def _refuse_mojibake(text: str, source: str) -> None:
    """Raise if ``text`` is double-encoded UTF-8 ("Viá»‡t" for "Việt").

    A match of ``_MOJIBAKE`` counts when its bytes decode to a non-ASCII letter or mark. Real
    text can produce one by accident ("NGÃ" + no-break space reads as "à"), so it takes
    ``_MIN_MOJIBAKE_HITS`` of them, or one in a text that undoes to UTF-8 as a whole.
    """
    hits = []
    for m in _MOJIBAKE.finditer(text):
        fixed = _undo_cp1252(m.group()).decode("utf-8", "ignore")
        if fixed and not fixed[0].isascii() and unicodedata.category(fixed[0])[0] in "LM":
            hits.append(m.start())
    if len(hits) >= _MIN_MOJIBAKE_HITS or (hits and _undo_cp1252(text, strict=True)):
        word = _word_at(text, hits[0])
        repaired = _undo_cp1252(word).decode("utf-8", "replace")
        raise PageDecodeError(
            source, f"double-encoded UTF-8 (UTF-8 bytes read as cp1252/Latin-1 and saved again "
                    f"as UTF-8): {len(hits)} sequence(s) such as {word!r} (= {repaired!r})")


def _refuse_legacy_as_unicode(text: str, source: str) -> None:
    """Raise if ``text`` reads far better as TCVN3/VNI/cp1258 bytes shown through cp1252."""
    own = _score(text)
    readings = [(_score(reading), name)
                for name, reading in _legacy_readings(_undo_cp1252(text)).items()]
    best, name = max(readings, key=lambda r: r[0].key)
    if _plausible(best) and best.valid - own.valid >= _MIN_MARGIN:
        raise PageDecodeError(
            source, f"valid Unicode, but the text is {_LABELS[name]} shown through a Western "
                    f"code page (as it stands: {_describe(own)}; read as {_LABELS[name]}: "
                    f"{_describe(best)}): convert it to Unicode first")


def _undo_cp1252(text: str, strict: bool = False) -> bytes:
    """The bytes ``text`` was decoded from, assuming cp1252/Latin-1; other characters -> "?".

    With ``strict``, return b"" unless every character maps back and the bytes are UTF-8.
    """
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(code)
        elif code in _CP1252_TO_BYTE:
            out.append(_CP1252_TO_BYTE[code])
        elif strict:
            return b""
        else:
            out.append(0x3F)
    if strict:
        try:
            bytes(out).decode("utf-8")
        except UnicodeDecodeError:
            return b""
    return bytes(out)


def _word_at(text: str, index: int) -> str:
    start, end = index, index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end][:40]


# --- legacy input -----------------------------------------------------------------------------

def _legacy_readings(data: bytes) -> dict[str, str]:
    """NFC readings of ``data`` in each legacy encoding; Windows-1258 only if it decodes."""
    readings = {}
    try:
        readings["windows-1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    readings["tcvn3"] = decode_tcvn3(data)
    readings["vni"] = decode_vni(data)
    return readings


def _from_legacy(data: bytes, source: str, declared: str | None,
                 utf8_error: UnicodeDecodeError) -> Decoded:
    readings = _legacy_readings(data)
    scores = {name: _score(text) for name, text in readings.items()}
    if declared in scores and _plausible(scores[declared]):
        return Decoded(_unix_newlines(readings[declared]), declared)
    best, *others = sorted(scores, key=lambda name: scores[name].key, reverse=True)
    notes = ""
    if "windows-1258" not in scores:
        notes += "; windows-1258 ruled out (bytes undefined in it)"
    if declared:
        notes += f"; <meta> declares charset {declared!r}"
    if not _plausible(scores[best]):
        raise PageDecodeError(
            source, f"not UTF-8 ({_where(utf8_error)}) and no Vietnamese legacy encoding "
                    f"(windows-1258, TCVN3, VNI) reads it as Vietnamese text (best: {best}, "
                    f"{_describe(scores[best])}){notes}")
    close = [name for name in others if scores[best].valid - scores[name].valid < _MIN_MARGIN]
    if close:
        raise PageDecodeError(
            source, f"not UTF-8, and {best} ({_describe(scores[best])}) and {close[0]} "
                    f"({_describe(scores[close[0]])}) read it about equally well: cannot tell "
                    f"which legacy encoding it is{notes}")
    return Decoded(_unix_newlines(readings[best]), best)


# --- Vietnamese plausibility ------------------------------------------------------------------

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_STOP_TONES = frozenset("\u0301\u0323")       # only sắc / nặng occur before -c -ch -p -t
_VOWEL_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
_VOWELS = frozenset("aeiouy")
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_SYLLABLE = re.compile(
    _ONSET + r"(?:"
    # rhymes ending in a glide vowel take no final consonant
    r"(?:oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|"
    r"ơi|ua|ui|ưa|ưi|ưu|uơ)"
    # these nuclei need a final consonant
    r"|(?:uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â)(?P<final1>ch|ng|nh|[cmnpt])"
    r"|(?:oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y)(?P<final2>ch|ng|nh|[cmnpt])?"
    r")")
# Tokens are split at spaces and punctuation only, so that a wrong reading's stray symbols
# and lone combining marks stay inside the token they damage ("nh©n", "t\u0302\u0301c").
_TOKEN = re.compile("[^\\s!-/:-@\\[-`{-~\u00a0\u00ab\u00bb\u2010-\u2027]+")
# Frequent accented words of report pages; wrong readings almost never produce them.
_COMMON = frozenset(
    "của và các được những trong người đã có là với cho một để năm huyện công tác nhân dân "
    "thực hiện đảng tỉnh xã việc theo tại về đồng chí ủy uỷ quý kết quả tổ chức hội phát triển "
    "đạo chỉ sự lãnh kinh tế chính sách đơn vị cấp địa bàn đến từ cơ sở số trên quan tình hình "
    "tuyên truyền vận động thị trấn phường thôn bản xây dựng nông mới đoàn thể mặt trận".split())


class _Score(NamedTuple):
    valid: float    # share of accented words that are valid syllables
    marked: int     # accented words looked at
    common: int     # of which very common words

    @property
    def key(self) -> tuple[float, int]:
        return self.valid, self.common


def _score(text: str) -> _Score:
    """How Vietnamese ``text`` (NFC) reads, from its first ``_SCORE_WORDS`` accented words.

    A word is accented when it has a non-ASCII character; ASCII words are skipped because
    they read the same in every candidate encoding.
    """
    marked = valid = common = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        word = word.lower()
        marked += 1
        if word.isalpha() and _is_syllable(word):
            valid += 1
            common += word in _COMMON
        if marked == _SCORE_WORDS:
            break
    return _Score(valid / marked if marked else 0.0, marked, common)


def _plausible(score: _Score) -> bool:
    return (score.marked >= _MIN_MARKED and score.valid >= _MIN_VALID
            and (score.common > 0 or score.marked < _COMMON_NEEDED_FROM))


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    """Whether lowercase NFC ``word`` is a well-formed Vietnamese syllable (tone style agnostic)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [i for i, ch in enumerate(decomposed) if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    tone = ""
    if tones:
        i = tones[0]
        tone = decomposed[i]
        carrier = decomposed[:i].rstrip("".join(_VOWEL_MARKS))
        if not carrier or carrier[-1] not in _VOWELS:
            return False
        decomposed = decomposed[:i] + decomposed[i + 1:]
    m = _SYLLABLE.fullmatch(unicodedata.normalize("NFC", decomposed))
    if m is None:
        return False
    final = m.group("final1") or m.group("final2")
    return final not in ("c", "ch", "p", "t") or tone in _STOP_TONES


# --- small helpers ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.I)
_CHARSET_ALIASES = {
    "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "windows-1258": "windows-1258", "cp1258": "windows-1258", "x-cp1258": "windows-1258",
    "tcvn": "tcvn3", "tcvn3": "tcvn3", "tcvn-3": "tcvn3", "tcvn5712-1": "tcvn3",
    "x-viet-tcvn": "tcvn3", "x-viet-tcvn5712": "tcvn3",
    "vni": "vni", "x-viet-vni": "vni", "vni-windows": "vni",
}


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` in the first 4 kB declares: a canonical name from
    ``_CHARSET_ALIASES``, else the declared label as written (lowercase), else None."""
    m = _META_CHARSET.search(data, 0, 4096)
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    return _CHARSET_ALIASES.get(label, label)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f")
_NON_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _refuse_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        nuls = data.count(b"\x00")
        odd_or_even = data[0::2].count(0) == nuls or data[1::2].count(0) == nuls
        hint = " (every other byte: UTF-16 without a byte-order mark?)" if (
            odd_or_even and nuls * 3 > len(data)) else ""
        raise PageDecodeError(source, f"contains {nuls} NUL byte(s): binary data, "
                                      f"not a text page{hint}")
    controls = len(data.translate(None, _NON_CONTROL_BYTES))
    if controls > max(2, _MAX_CONTROL_SHARE * len(data)):
        raise PageDecodeError(source, f"contains {controls} control bytes in {len(data)}: "
                                      f"binary data, not a text page")


def _unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _where(exc: UnicodeDecodeError) -> str:
    return f"invalid byte 0x{exc.object[exc.start]:02X} at offset {exc.start}"


def _describe(score: _Score) -> str:
    if not score.marked:
        return "no accented words"
    return f"{score.valid:.0%} valid syllables in {score.marked} accented words"
