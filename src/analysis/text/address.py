"""Where a page was published: its address, site name and publication date.

Saved HTML carries them in ``<link rel="canonical">``, ``og:url``, ``og:site_name`` and
``article:published_time`` (read by :mod:`analysis.text.html`). A text page may have a sidecar
beside it: ``NAME.meta.json`` (keys ``url``, ``published``, ``title``, ``site``) or ``NAME.url``
(one line, the address). Portal host names name the province and often the district
(``bathuoc.thanhhoa.dcs.vn``, ``sapa.laocai.gov.vn``); :mod:`analysis.extract.locality` reads
them as evidence when the text does not decide.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .decode import PageDecodeError
from .keys import nfc

SIDECAR_SUFFIXES = (".meta.json", ".url")
_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})|"
                   r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:năm\s+|,\s*)?((?:19|20)\d{2})",
                   re.I)   # also a post date with no "năm": "08 Tháng 10 2024" (FORMS §10)
# Host labels that name no place: top-level and portal words.
_GENERIC_LABELS = {"www", "gov", "vn", "com", "org", "net", "edu", "dcs", "info", "portal",
                   "tinhuy", "thanhuy", "huyenuy", "bandanvan", "dangbo", "mattran", "ubnd",
                   "baodientu", "bao", "tintuc", "news", "m"}


@dataclass(frozen=True)
class PageAddress:
    """Address facts about a page; every field may be missing."""

    url: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    title: str | None = None

    @property
    def host_labels(self) -> list[str]:
        """Place-bearing labels of the host, most specific first: ['bathuoc', 'thanhhoa']."""
        if not self.url:
            return []
        host = urlsplit(self.url if "//" in self.url else "//" + self.url).hostname or ""
        return [lb for lb in host.lower().split(".") if lb and lb not in _GENERIC_LABELS
                and not lb.isdigit()]

    def merged(self, other: "PageAddress | None") -> "PageAddress":
        """Fields of ``self``, completed by ``other``'s."""
        if other is None:
            return self
        return PageAddress(*(a if a is not None else b for a, b in zip(
            (self.url, self.site_name, self.published, self.title),
            (other.url, other.site_name, other.published, other.title))))


def parse_date(value: str | None) -> dt.date | None:
    """The first valid date in ``value``, written ISO-style ("2021-04-05T08:30+07:00"), day first
    ("05/04/2021", "05.04.2021") or in words ("ngày 15 tháng 12 năm 2020")."""
    return next((d for _, d in dates_in(value)), None)


def dates_in(value: str | None) -> Iterator[tuple[int, dt.date]]:
    """Every valid date in ``value`` as :func:`parse_date` reads them, with where each starts."""
    for m in _DATE.finditer(value or ""):
        y, mo, d = (m.group(1, 2, 3) if m.group(1) else m.group(6, 5, 4) if m.group(4)
                    else m.group(9, 8, 7))
        try:
            day = dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
        yield m.start(), day


def sidecar_paths(page_path: Path) -> list[Path]:
    """The sidecar files a page may have (existing or not)."""
    stem = page_path.with_suffix("")
    return [stem.with_name(stem.name + s) for s in SIDECAR_SUFFIXES]


def read_sidecar(page_path: Path) -> PageAddress | None:
    """The address sidecar of ``page_path``, or None; a malformed sidecar raises
    :class:`PageDecodeError` naming the sidecar file."""
    meta, url = sidecar_paths(Path(page_path))
    out = None
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise PageDecodeError(meta.name, f"malformed sidecar (not UTF-8 JSON): {e}") from None
        if not isinstance(data, dict):
            raise PageDecodeError(meta.name, "malformed sidecar: expected a JSON object")
        bad = [k for k in ("url", "published", "title", "site")
               if data.get(k) is not None and not isinstance(data[k], str)]
        if bad:
            raise PageDecodeError(meta.name, f"malformed sidecar: {', '.join(bad)} must be text")
        published = parse_date(data.get("published"))
        if data.get("published") and published is None:
            raise PageDecodeError(meta.name, f"malformed sidecar: unreadable date "
                                             f"{data['published']!r} in 'published'")
        out = PageAddress(url=_clean(data.get("url")), site_name=_clean(data.get("site")),
                          published=published, title=_clean(data.get("title")))
    if url.is_file():
        try:
            lines = [ln.strip() for ln in url.read_text(encoding="utf-8-sig").splitlines()
                     if ln.strip()]
        except UnicodeDecodeError as e:
            raise PageDecodeError(url.name, f"malformed sidecar (not UTF-8): {e}") from None
        # One line, or the Windows shortcut form ("[InternetShortcut]" / "URL=...").
        found = [ln.split("=", 1)[1] if ln.upper().startswith("URL=") else ln for ln in lines
                 if not ln.startswith("[")]
        if len(found) != 1 or not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", found[0],
                                           re.I):
            raise PageDecodeError(url.name, "malformed sidecar: expected one line with the "
                                            "page's address")
        out = (out or PageAddress()).merged(PageAddress(url=found[0]))
    return out


def _clean(value: str | None) -> str | None:
    return nfc(value).strip() or None if value else None
