"""Provenance at sentence level: every link from a number to its row of the sources annex gets a
``title`` (tooltip) with the indicator, the edition, the scope, the period, the source and the
article's quote."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from barometre.sphinx_ext.typography import raw_typography


def _tooltips(app) -> dict[str, str]:
    """Each row's tooltip, by anchor, from the data as they are now (computed once per build,
    kept on the application: the environment is pickled and would carry them to the next build)."""
    cached = getattr(app, "_barometre_tooltips", None)
    if cached is not None:
        return cached
    from barometre import formatting
    from barometre.data import load
    from barometre.labels import scope_label
    from barometre.narrative import quote_body

    data_dir = app.config.barometre_data_dir
    out: dict[str, str] = {}
    if data_dir and Path(data_dir).is_dir():
        ds = load(Path(data_dir))
        for edition in ds.editions:
            for fig in ds._rows(edition, None):
                text = (
                    f"{fig.label} : {formatting.figure_text(fig)} — édition {fig.edition}, "
                    f"{scope_label(fig.scope)}, {formatting.period_text(fig.period)} — "
                    f"Source : {fig.attribution} — « {quote_body(fig.quote)} »"
                )
                out[fig.anchor] = raw_typography(text)  # a title attribute escapes the page's typography
    app._barometre_tooltips = out
    return out



def add_provenance_tooltips(app, doctree, docname) -> None:
    tips = _tooltips(app)
    if not tips:
        return
    for ref in doctree.findall(nodes.reference):
        target = ref.get("refuri", "") or ""
        anchor = target.rsplit("#", 1)[-1] if "#" in target else ref.get("refid", "")
        if anchor in tips:
            ref["reftitle"] = tips[anchor]
            ref["classes"].append("provenance")
