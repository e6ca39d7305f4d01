"""The chapters' text: ``MystText`` (a myst-nb mime renderer, declared in pyproject.toml) renders the
MyST form of a text output (``barometre.prose.MYST_MIME``) as myst-nb renders ``text/markdown``, and
ranks it first for every builder; the output's Jupyter Markdown (marked ``JUPYTER_FORM``) is rendered
as nothing, so its headings and links never enter the page."""

from __future__ import annotations

from barometre.prose import JUPYTER_FORM, MYST_MIME


class MystText:
    """Renders ``text/vnd.barometre.myst`` as MyST Markdown, block or inline."""

    mime_priority_overrides = (("*", MYST_MIME, 1),)

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type == "text/markdown" and (data.output_metadata.get("text/markdown") or {}).get(JUPYTER_FORM):
            return []  # Jupyter's form of a text the book renders from its MyST: never parsed
        if data.mime_type != MYST_MIME:
            return None
        return renderer.render_markdown_inline(data) if inline else renderer.render_markdown(data)
