"""The error of an official report file that cannot be read."""

from __future__ import annotations

from ..text.decode import PageDecodeError


class OfficialReadError(PageDecodeError):
    """``str(e)`` is ``"source: reason"``, like an unreadable page's error."""
