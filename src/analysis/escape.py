"""Page text made inert before it reaches HTML or Markdown: the one helper every writer of a
brief or the index uses for text that came from a page (titles, names, sentences, errors).

A page is untrusted input: its title may hold ``<script>``, ``<img onerror=...>``, Markdown
links to other hosts, ``{{ }}``/``$(...)`` or bidi override characters that make a line read
backwards. Everything is shown as the text it is: HTML metacharacters become entities, Markdown
punctuation is backslash-escaped, bidi and other control characters are dropped, and titles are
shortened with an ellipsis.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                       "\u2066-\u2069]")
# Every ASCII punctuation mark may be backslash-escaped in CommonMark; & < > become entities.
_MD_PUNCT = re.compile("([" + re.escape("".join(c for c in string.punctuation
                                                if c not in "&<>;")) + "])")
TITLE_CHARS = 120
"""Titles, names in headings and links are shortened to this many characters."""


def plain(text, limit: int | None = None) -> str:
    """NFC text without bidi or other control characters (newlines and tabs become spaces when
    ``limit`` is given), shortened to ``limit`` characters with an ellipsis."""
    s = unicodedata.normalize("NFC", "" if text is None else str(text))
    s = _CONTROLS.sub("", s)
    if limit is not None:
        s = " ".join(s.split())
        if len(s) > limit:
            s = s[:limit - 1].rstrip() + "…"
    return s


def html_text(text, limit: int | None = None) -> str:
    """Page text for an HTML element or attribute."""
    return html.escape(plain(text, limit), quote=True)


def md_text(text, limit: int | None = None) -> str:
    """Page text for inline Markdown (a heading, a table cell, a list item): shown literally,
    on one line."""
    s = html.escape(" ".join(plain(text, limit).split()), quote=False)
    return _MD_PUNCT.sub(r"\\\1", s)
