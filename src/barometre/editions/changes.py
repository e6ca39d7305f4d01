"""The « Ce qui a changé » page: the changes since the previous edition, the forecasts and their
outcomes, and the figures two sources give differently (see barometre.editions)."""

from __future__ import annotations

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.editions.compare import compare_editions
from barometre.editions.report import EditionReport, _scope_label
from barometre.narrative.notes import NOTES
from barometre.narrative.templating import phrase


def changes_markdown(dataset: Dataset, edition: int | None = None) -> str:
    """The body (MyST Markdown, French, no title) of the book page « Ce qui a changé »:
    the edition against the one before it, or a sentence when it is the first."""
    edition = dataset.resolve(edition)
    previous = dataset.previous(edition)
    if previous is None:  # nothing to compare: read no figure (the page then depends on no data row)
        return EditionReport(None, edition).to_markdown()
    report = compare_editions(dataset, previous, edition)
    # no silent variation across a break: a change whose two figures a break separates shows none
    report.breaks = {i: brk for i, c in enumerate(report.changes)
                     if (brk := dataset.break_between(c.old, c.new)) is not None}
    before, after = dataset.study_of(previous), dataset.study_of(edition)
    if before is not None and after is not None and before.study != after.study:
        report.studies = (before, after)
    parts = [report.to_markdown(print_variant=True)]
    parts.append(forecasts_markdown(dataset, edition))
    parts.append(disagreements_markdown(dataset, edition))
    return "\n\n".join(p for p in parts if p)


def forecasts_markdown(dataset: Dataset, edition: int) -> str:
    """« Prévisions et réalisations »: every forecast published up to ``edition``, set against the
    actual figure once an edition publishes it."""
    from barometre.narrative import forecast_outcomes

    pairs = dataset.forecasts(edition)
    if not pairs:
        return ""
    lines = ["## Prévisions et réalisations", ""]
    lines += forecast_outcomes(pairs, dataset=dataset, edition=edition)
    return "\n".join(lines)


def disagreements_markdown(dataset: Dataset, edition: int) -> str:
    """« Sources en désaccord »: one figure given differently by sources of the same edition, one line per
    figure (« 73 % selon Relation Client Magazine ; 77 % selon Contact Distance et La Tribune »); an
    outlet named twice in a line is told apart by the title of its article.

    Only values that cannot be the same figure are said to disagree: two values whose rounding
    intervals or bounds meet (« 3 560 M€ » and « plus de 3 500 M€ », « 808 M€ » and « 808,4 M€ ») give
    one figure at two precisions and are listed apart, under « Même chiffre, précision différente »
    (editor37: a reader was told that sources contradict each other when they did not)."""
    from barometre.precision import interval, overlap

    # a forecast said differently by several outlets is several forecasts, told with their outcome under
    # « Prévisions et réalisations » (editor38: three 2009 forecasts filed as « Même chiffre »)
    pairs = [(a, b) for a, b in dataset.disagreements(edition) if not dataset.indicators[a.indicator].forecast_of]
    if not pairs:
        return ""
    others: dict[str, list[Figure]] = {}
    primary: dict[str, Figure] = {}
    for a, b in pairs:
        primary.setdefault(a.anchor, a)
        others.setdefault(a.anchor, []).append(b)
    conflicting, compatible = [], []
    for anchor, a in primary.items():
        figs = [a, *others[anchor]]
        agree = all(overlap(interval(x), interval(y)) for i, x in enumerate(figs) for y in figs[i + 1:])
        (compatible if agree else conflicting).append(_disagreement_line(a, others[anchor]))
    parts = []
    if conflicting:
        parts.append("\n".join(["## Sources en désaccord", "",
                                phrase(NOTES, "disagreement"), "", *conflicting]))
    if compatible:
        parts.append("\n".join(["## Même chiffre, précision différente", "",
                                phrase(NOTES, "same_figure"), "", *compatible]))
    return "\n\n".join(parts)


def _disagreement_line(a: Figure, others: list[Figure]) -> str:
    """« - Label (scope, period) : 73 % selon X ; 77 % selon Y et Z. »"""
    from barometre.narrative import cite, md_escape
    from barometre.typography import title_typography

    values: dict[str, list[Figure]] = {formatting.figure_text(a): [a]}
    for b in others:
        values.setdefault(formatting.figure_text(b), []).append(b)
    outlets = [f.publication_outlet or f.source_name for figs in values.values() for f in figs]

    def name(f: Figure) -> str:
        outlet = f.publication_outlet or f.source_name
        title = f" (« {md_escape(title_typography(f.publication_title))} »)" if (
            outlets.count(outlet) > 1 and f.publication_title) else ""
        return md_escape(outlet) + title

    said = " ; ".join(f"{cite(figs[0])} selon {formatting.enumeration([name(f) for f in figs])}"
                      for figs in values.values())
    return (f"- {md_escape(a.label)} ({md_escape(_scope_label(a.scope))}, "
            f"{md_escape(formatting.period_text(a.period))}) : {said}.")
