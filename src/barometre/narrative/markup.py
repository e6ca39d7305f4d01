"""Data strings put into MyST: escaped so that they render literally."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


_ASCII_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def md_escape(text: str) -> str:
    """Escape every ASCII punctuation character so MyST renders ``text`` literally.

    CommonMark allows a backslash before any ASCII punctuation; this turns HTML
    (``<script>``), roles (``{glue}`x```), emphasis, links and dollar math into
    plain text. Newlines become spaces (a quote is one run of text)."""
    text = _ASCII_SPACES.sub(" ", str(text)).strip()  # no-break spaces (« 1 536 € ») are kept
    return _MD_SPECIAL.sub(r"\\\1", text)
