"""Print: ``PrintFigure`` (a myst-nb mime renderer, declared in pyproject.toml) turns a chart's
print form into a numbered figure: the vector chart, its caption and its source line; an
explorer's print form is nothing."""

from __future__ import annotations

from docutils import nodes


class PrintFigure:
    """Renders ``application/vnd.barometre.print+json`` (charts.PRINT_MIME) for myst-nb.

    The LaTeX builder prefers this form of a chart (``mime_priority_overrides``); the HTML
    builder never selects it, so the web pages keep the interactive chart.

    myst-nb renders every form of an output while it reads a page, whatever the builder. Drawing
    the charts for print there would make every HTML build pay for it (two thirds of a cold
    build, measured), so an HTML read leaves a comment and notes the page as not drawn for print;
    the LaTeX build then re-reads those pages (``print_outdated``) and draws the charts."""

    mime_priority_overrides = (("latex", "application/vnd.barometre.print+json", 5),)

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != "application/vnd.barometre.print+json" or inline:
            return None
        import hashlib
        import json

        form = data.content if isinstance(data.content, dict) else json.loads(data.string)
        if form.get("omit"):
            # an explorer: print cannot move its sliders. A comment (which no writer prints) and not
            # nothing: an empty rendering would let the LaTeX builder fall back on the text form
            return [nodes.comment("", f"{form.get('name', 'chart')}: interactive only, left out of print")]
        from myst_nb._compat import get_env_app

        env = renderer.renderer.sphinx_env
        if env is not None and get_env_app(env).builder.format != "latex":
            _unprinted(env).add(env.docname)
            return [nodes.comment("", f"{form['name']}: drawn for print by the LaTeX build only")]
        from barometre.charts.print_cache import cached_pdfs

        uris = []
        for pdf in cached_pdfs(form):  # drawn by the LaTeX builder only, or beforehand (Builder.pdf)
            name = f"{hashlib.sha256(pdf).hexdigest()}.pdf"
            uris.append(renderer.write_file([name], pdf, overwrite=False, exists_ok=True))
        # A statistics office's figure: « Figure 3 – title » above the chart, the source under it. Each
        # figure floats (``figure_align``: to the top of the next page when it does not fit where it is
        # called, the text filling the page) and the text calls it (``sphinx_ext.makeup.call_figures``).
        # A chart taller than a page comes in parts, each its own float, in order: the first under the
        # numbered caption, the next ones under « Figure 3 (suite, partie 2 sur 3) », the source under the
        # last one.
        label = f"figure-{form['name']}"
        target = f"{env.docname}:{label}"
        figure = nodes.figure(classes=["barometre-print-figure"], ids=[label], barometre_target=target)
        figure += nodes.caption(text=form["caption"])
        figure += nodes.image(uri=uris[0], alt=form["caption"])
        out: list[nodes.Element] = [figure]
        for i, uri in enumerate(uris[1:], start=2):
            part = nodes.figure(classes=["barometre-print-part"])
            part += nodes.raw("", continuation_note(target, i, len(uris)), format="latex")
            part += nodes.image(uri=uri, alt=form["caption"])
            out.append(part)
        out[-1] += nodes.legend("", nodes.paragraph(text=form["source"]))
        return out


def continuation_note(target: str, part: int, parts: int) -> str:
    """The line over a part of a figure cut over pages (but its first, which carries the caption):
    « Figure 3 (suite, partie 2 sur 3) », set as the caption is, the number LaTeX gives the figure's
    caption (its label: Sphinx's ``docname:id``). Without it, panels under another figure's caption
    read as that figure's."""
    return (f"{{\\barometrecaptionfont Figure~\\ref{{\\detokenize{{{target}}}}} "
            f"(suite, partie~{part} sur~{parts})\\par}}\\vspace{{\\belowcaptionskip}}\\nobreak\n")


def _unprinted(env) -> set[str]:
    """The pages read without their charts drawn for print (kept in the environment's pickle)."""
    if not hasattr(env, "barometre_unprinted"):
        env.barometre_unprinted = set()
    return env.barometre_unprinted


def print_outdated(app, env, added, changed, removed) -> list[str]:
    """For the LaTeX builder: the pages an HTML build read without drawing their charts."""
    if app.builder.format != "latex":
        return []
    outdated = sorted(_unprinted(env) & set(env.found_docs))
    _unprinted(env).clear()
    return outdated


def forget_unprinted(app, env, docname) -> None:
    _unprinted(env).discard(docname)
