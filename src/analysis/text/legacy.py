"""Vietnamese legacy 8-bit font encodings: TCVN3 (ABC) and VNI-Windows.

Python has no codec for either, so both are table-driven here. Documents typed in these
encodings still reach report portals (pasted from old .doc files), and the synthetic test
corpus needs the encoders.

**TCVN3** ("ABC", TCVN 5712:1993 VN3, fonts ``.VnTime`` / ``.VnTimeH``) is one byte per
letter. It holds the 67 lowercase letters with diacritics (``ư`` is 0xAD, the byte that
Latin-1 calls the invisible soft hyphen) and only seven capitals: Ă Â Ê Ô Ơ Ư Đ. There is no
byte for a capital with a tone mark: typists wrote the lowercase code in the capital font
``.VnTimeH`` (the bytes then decode to lowercase: the capitals are lost) or wrote around it
("Uû ban" = "Uỷ ban", tone on the lowercase y). So :func:`encode_tcvn3` refuses such capitals,
and only the lowercase letters plus those seven capitals round-trip.

The larger VN1 level of the same standard (glibc's ``TCVN5712-1``) puts the toned capitals in
bytes that VN3 leaves unassigned. :func:`decode_tcvn3` reads the 21 of those that lie in
0xA1-0xFF (16 capitals such as 0xC4 = "Ấ", and the combining tone marks 0xB0-0xB4), because
nothing else can mean those bytes there. It does not read VN1's capitals in 0x80-0x9F or in
the C0 controls: in a text file saved by a Windows program 0x80-0x9F are far more likely
cp1252 punctuation (0x93/0x94 = curly quotes), and control bytes are how binary data is
recognised. The 74 VN3 letters and the 21 VN1 additions were checked byte by byte against
glibc ``iconv -f TCVN5712-1``; the tests pin the VN3 table to glibc's output.

**VNI-Windows** (fonts ``VNI-Times``...) writes an ASCII base letter followed by a separate
mark byte: "Vieät" = "Việt" (e + 0xE4, circumflex with dot below). Only ơ ư đ and the toned
i letters and ỵ have bytes of their own. Each mark byte exists in a lowercase and an
uppercase form (0xE4 / 0xC4). All 134 letters round-trip. Checked against the xvnkb
``vni.h`` table and the samples "Vieät Nam", "Ñaûng", "coâng taùc daân vaän".

In both encodings the bytes 0x80-0x9F and the bytes with no Vietnamese meaning decode as
Windows-1252 (curly quotes, dashes, ©, «...), which is what a Windows text file written in
a legacy font contains there.
"""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["decode_tcvn3", "encode_tcvn3", "decode_vni", "encode_vni"]


_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TONES = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for vowel in "aăâeêioôơuưy" for base in (vowel, vowel.upper())
    for tone in ("", *_TONES)) | {"đ", "Đ"}


def _cp1252_char(byte: int) -> str:
    """The Windows-1252 character of ``byte``; its five undefined bytes map to U+0081...U+009D."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# --- TCVN3 ------------------------------------------------------------------------------------

# The 74 letters of TCVN3 (VN3). Bytes 0x00-0xA0 are Windows-1252 (ASCII, punctuation, NBSP).
_TCVN3_LETTERS: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# TCVN 5712 VN1 meanings of the bytes in 0xA1-0xFF that VN3 leaves unassigned (decode only).
_TCVN_VN1_EXTRA: dict[int, str] = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
}

_TCVN3_DECODING_TABLE = "".join(
    _TCVN3_LETTERS.get(b) or _TCVN_VN1_EXTRA.get(b) or _cp1252_char(b) for b in range(256))
_TCVN3_ENCODING = {ord(ch): b for b, ch in enumerate(_TCVN3_DECODING_TABLE)
                   if b not in _TCVN_VN1_EXTRA}


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 (ABC) bytes to NFC text.

    Every byte decodes (see the module docstring for the bytes outside TCVN3 proper), so this
    never fails: whether the result is Vietnamese is for the caller to judge.
    """
    text, _ = codecs.charmap_decode(bytes(data), "strict", _TCVN3_DECODING_TABLE)
    return unicodedata.normalize("NFC", text)


def encode_tcvn3(text: str) -> bytes:
    """NFC ``text`` to TCVN3 (ABC) bytes.

    Raises:
        ValueError: naming the first character TCVN3 has no byte for, e.g. a capital with a
            tone mark ("Ủ") or a non-Vietnamese letter.
    """
    text = unicodedata.normalize("NFC", text)
    try:
        return codecs.charmap_encode(text, "strict", _TCVN3_ENCODING)[0]
    except UnicodeEncodeError as exc:
        raise _unencodable("TCVN3", text, exc.start,
                           "TCVN3 has no capitals with tone marks" if _is_toned_capital(
                               text[exc.start]) else "") from None


# --- VNI --------------------------------------------------------------------------------------

# Lowercase VNI bytes; the uppercase byte of each is 0x20 lower ("â" 0xE2 -> "Â" 0xC2).
# Mark bytes follow a base letter; letter bytes stand alone.
_VNI_LOWER_MARKS: dict[int, str] = {
    0xF9: _ACUTE, 0xF8: _GRAVE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _CIRCUMFLEX, 0xE1: _CIRCUMFLEX + _ACUTE, 0xE0: _CIRCUMFLEX + _GRAVE,
    0xE5: _CIRCUMFLEX + _HOOK, 0xE3: _CIRCUMFLEX + _TILDE, 0xE4: _CIRCUMFLEX + _DOT,
    0xEA: _BREVE, 0xE9: _BREVE + _ACUTE, 0xE8: _BREVE + _GRAVE,
    0xFA: _BREVE + _HOOK, 0xFC: _BREVE + _TILDE, 0xEB: _BREVE + _DOT,
}
_VNI_LOWER_LETTERS: dict[int, str] = {
    0xF4: "ơ", 0xF6: "ư", 0xF1: "đ",
    0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
}


def _vni_decoding() -> dict[int, str]:
    table = {b: _cp1252_char(b) for b in range(256)}
    for lower, marks in _VNI_LOWER_MARKS.items():
        table[lower] = table[lower - 0x20] = marks
    for lower, letter in _VNI_LOWER_LETTERS.items():
        table[lower], table[lower - 0x20] = letter, letter.upper()
    return table


_VNI_DECODING = _vni_decoding()


def _vni_encoding() -> dict[str, bytes]:
    """Character -> VNI bytes, derived from the byte tables above."""
    enc: dict[str, bytes] = {}
    for lower_base in b"aeouy\xf4\xf6":           # a e o u y ơ ư (i has letter bytes only)
        for lower_mark in _VNI_LOWER_MARKS:
            # Upper case is 0x20 lower for the ASCII bases and for all VNI bytes alike.
            for base, mark in ((lower_base, lower_mark), (lower_base - 0x20, lower_mark - 0x20)):
                letter = unicodedata.normalize("NFC", _VNI_DECODING[base] + _VNI_DECODING[mark])
                if letter in _VIETNAMESE_LETTERS:
                    enc[letter] = bytes([base, mark])
    # Letter bytes win over base + mark: "ỵ" is 0xEE, not "y" + dot below.
    for lower in _VNI_LOWER_LETTERS:
        for b in (lower, lower - 0x20):
            enc[_VNI_DECODING[b]] = bytes([b])
    # Other bytes stand for themselves, but "ý" stays "y" + acute rather than cp1252 0xFD.
    role_bytes = {b for lower in (*_VNI_LOWER_MARKS, *_VNI_LOWER_LETTERS)
                  for b in (lower, lower - 0x20)}
    for b in range(256):
        if b not in role_bytes:
            enc.setdefault(_VNI_DECODING[b], bytes([b]))
    return enc


_VNI_ENCODING = _vni_encoding()


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to NFC text.

    Mark bytes become combining marks that NFC joins to the preceding base letter. A mark
    byte with no base (or after a letter it does not combine with) is kept as a lone
    combining mark, so the result may contain non-Vietnamese sequences; like
    :func:`decode_tcvn3` this never fails.
    """
    text, _ = codecs.charmap_decode(bytes(data), "strict", _VNI_DECODING)
    return unicodedata.normalize("NFC", text)


def encode_vni(text: str) -> bytes:
    """NFC ``text`` to VNI-Windows bytes.

    Raises:
        ValueError: naming the first character VNI cannot write (e.g. "ü", "ñ", CJK).
    """
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, ch in enumerate(text):
        code = _VNI_ENCODING.get(ch)
        if code is None:
            raise _unencodable("VNI", text, i, "")
        out += code
    return bytes(out)


# --- shared -----------------------------------------------------------------------------------

def _is_toned_capital(ch: str) -> bool:
    return ch.isupper() and any(tone in unicodedata.normalize("NFD", ch) for tone in _TONES)


def _unencodable(encoding: str, text: str, index: int, why: str) -> ValueError:
    ch = text[index]
    detail = f" ({why})" if why else ""
    return ValueError(f"cannot encode {ch!r} (U+{ord(ch):04X}) at index {index} "
                      f"as {encoding}{detail}")
