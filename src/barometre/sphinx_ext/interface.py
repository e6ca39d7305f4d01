"""The theme's interface in French, and its icon script dropped."""

from __future__ import annotations

import re
from pathlib import Path

FONTAWESOME_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


# The themes' strings that their French catalogues leave in English, as the reader sees them
# (labels, tooltips, placeholders) and their French.
INTERFACE_FR = {
    'title="Toggle primary sidebar"': 'title="Afficher ou masquer la navigation"',
    'aria-label="Toggle primary sidebar"': 'aria-label="Afficher ou masquer la navigation"',
    'title="Toggle secondary sidebar"': 'title="Afficher ou masquer le sommaire de la page"',
    'aria-label="Toggle secondary sidebar"': 'aria-label="Afficher ou masquer le sommaire de la page"',
    'placeholder="Search..."': 'placeholder="Rechercher…"',
    'aria-label="Search..."': 'aria-label="Rechercher"',
    'aria-label="Main"': 'aria-label="Contenu principal"',
    'aria-label="Announcement"': 'aria-label="Éditions du baromètre"',
    "© Copyright": "©",
    "&#169; Copyright": "&#169;",
    ">Back to top<": ">Haut de page<",
}


def french_interface(text: str) -> str:
    """The theme's English interface strings in French (a page's own text is untouched)."""
    for english, french in INTERFACE_FR.items():
        text = text.replace(english, french)
    return text


def drop_fontawesome_script(app, exception) -> None:
    """The theme loads fontawesome.js (1.5 MB) to swap icons for SVG; its CSS already draws the
    same icons with the bundled web font, so the script only slows every page down. The theme's
    interface strings its French catalogue lacks are put in French on the way."""
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        new = french_interface(FONTAWESOME_SCRIPT.sub("", text))
        if new != text:
            path.write_text(new, encoding="utf-8")
