"""Matching keys: the page text is kept as written; matching runs on a key of the same length.

``match_key(text)`` is NFC text with old/new tone placement unified ("uỷ" -> "ủy"), U+00D0
"Ð" read as "Đ", dash and space look-alikes unified, and lower case. Every character maps to
exactly one character, so an offset found in the key is the same offset in the text, and the
original spelling is sliced from the text for display.

``code_key(text)`` additionally folds Đ/Ư to D/U for matching document codes ("12-QD/DU").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OPEN_SYLLABLE = re.compile(r"(o[ae]|uy)$")

_LOOKALIKE_TO = {   # one character each
    "Ð": "Đ", "ð": "đ",                      # Latin Eth from legacy conversions
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
    "\u2215": "/", "\uff0f": "/",
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
}
_CODE_FOLD = (("Đ", "D"), ("đ", "d"), ("Ư", "U"), ("ư", "u"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _old_style(word: str) -> str:
    """Tone of an open -oa/-oe/-uy syllable on the first vowel ("uỷ" -> "ủy", "hoà" -> "hòa")."""
    d = unicodedata.normalize("NFD", word)
    tones = [c for c in d if c in _TONES]
    if len(tones) != 1:
        return word
    bare = "".join(c for c in d if c not in _TONES)
    low = bare.lower()
    m = _OPEN_SYLLABLE.search(low)
    if not m or (low[m.start():].startswith("uy") and low[:m.start()].endswith("q")):
        return word
    k = m.start()
    out = unicodedata.normalize("NFC", bare[:k + 1] + tones[0] + bare[k + 1:])
    return out if len(out) == len(word) else word


def _letters_like(bases: str) -> str:
    """Every letter that is one of ``bases`` (either case) with at most a tone mark: the
    characters whose toneless NFD form, lower-cased, is one of ``bases``. Canonical
    decompositions onto a Latin base letter exist only in the Latin blocks scanned here."""
    chars = (chr(i) for r in (range(0x41, 0x7b), range(0xc0, 0x250), range(0x1e00, 0x1f00))
             for i in r)
    return "".join(c for c in chars
                   if "".join(x for x in unicodedata.normalize("NFD", c)
                              if x not in _TONES).lower() in set(bases))


# The ends of the words _old_style can change: -oa/-oe/-uy under any tone marks, then the end
# of the word (it returns every other word unchanged). Finding only these spares a Python call
# per word of the page.
_OPEN_END = re.compile(rf"(?:[{_letters_like('o')}][{_letters_like('ae')}]|"
                       rf"[{_letters_like('u')}][{_letters_like('y')}])(?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")   # a character of a word
_LOOKALIKE = re.compile("[" + re.escape("".join(_LOOKALIKE_TO)) + "]")


def tone_style_old(text: str) -> str:
    """NFC text with -oa/-oe/-uy tones in the old (press) style; same length as its NFC input."""
    text = nfc(text)
    out, at = [], 0
    for m in _OPEN_END.finditer(text):
        start = m.start()
        while start and _LETTER.match(text, start - 1):   # back to the start of the word
            start -= 1
        word = text[start:m.end()]
        old = _old_style(word)
        if old != word:
            out += (text[at:start], old)
            at = m.end()
    return "".join((*out, text[at:])) if out else text


def match_key(text: str) -> str:
    """Length-preserving key for matching words: tone style, look-alikes, case unified."""
    key = tone_style_old(text)
    key = _LOOKALIKE.sub(lambda m: _LOOKALIKE_TO[m.group(0)], key)   # cheaper than translate
    low = key.lower()
    return low if len(low) == len(key) else "".join(c.lower() if len(c.lower()) == 1 else c
                                                     for c in key)


def fold_code(key: str) -> str:
    """A :func:`match_key` key with Đ/Ư folded to D/U (what :func:`code_key` returns for its
    text); same length."""
    for a, b in _CODE_FOLD:
        key = key.replace(a, b)
    return key


def code_key(text: str) -> str:
    """``match_key`` with Đ/Ư folded to D/U, for document codes; same length."""
    return fold_code(match_key(text))


def slugify(name: str) -> str:
    """ASCII file-name slug of a Vietnamese name: "Sa Pa" -> "sa-pa", "Bảo Thắng" -> "bao-thang"."""
    s = unicodedata.normalize("NFD", nfc(name).replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "unknown"
