"""« Les positions des prestataires »: the providers' voices and camps, their figures in words,
and the positions chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, themes
from barometre.chapters.offshore.common import CHAPTER
from barometre.charts import PALETTE, ChartOutput, chart_output, row_labels
from barometre.data import Dataset, Figure, Quote
from barometre.history import PANEL_WIDTH
from barometre.narrative import source_line
from barometre.narrative.templating import environment, macro, phrase, render

TEMPLATES = f"chapters/{CHAPTER}"
PHRASES = f"{TEMPLATES}/_phrases.md.j2"
PROVIDERS = f"{TEMPLATES}/_providers.md.j2"
CHARTS = f"{TEMPLATES}/charts.md.j2"

# --------------------------------------------------------------------------- the providers


@dataclass(frozen=True)
class Voice:
    """One side of the offshore debate: who, which camp, and a figure whose quote carries the view, else
    the source's own words of the edition (``said``), else the book's own one-line summary."""

    source: str
    name: str
    role: str
    camp: str
    figure: Figure | None
    summary: str
    cited_in: int | None = None  # the newest edition up to the book's that cites this source
    said: Quote | None = None  # the source's quote of the edition, told here rather than in the voices
    published_in: str = ""  # « Relation Client Magazine, 2009 »: where the view was published


# The book's own summaries (not the article's words), used when no data row carries the view: (source, camp,
# summary), written in the template ``voice_summaries.md.j2``.
VOICES: tuple[tuple[str, str, str], ...] = tuple(
    tuple(v) for v in environment().get_template(f"{TEMPLATES}/voice_summaries.md.j2").module.voices)


def voices(ds: Dataset, edition: int) -> list[Voice]:
    """The voices of the debate the data up to ``edition`` cite, each with the figure of the chapter that
    source gives (the newest known in ``edition``, if any), or the book's summary of the view."""
    cited = ds.cited_sources(edition)
    rows = []
    for ed in sorted((e for e in ds.editions if e <= edition), reverse=True):
        rows += [replace(f, as_of=edition, one_off=ds.one_off(ind, edition)) for ind in ds.indicators_for(CHAPTER)
                 for f in ds.figures(ed, ind) if f.published]
    said = themes.unused_quotes(ds, edition, CHAPTER)
    out = []
    for source, camp, summary in VOICES:
        if source not in ds.sources or source not in cited:
            continue
        src = ds.sources[source]
        mine = [f for f in rows if f.source == source]
        words = None if mine else next((q for q in said if q.source == source), None)
        outlet = ", ".join(str(x) for x in (src.publication_outlet, src.publication_year) if x)
        out.append(Voice(source, src.name, src.role, camp, mine[0] if mine else None, summary, cited[source],
                         words, outlet))
    return out


def voices_quoted(ds: Dataset, edition: int, debate: list[Voice]) -> list[Quote]:
    """The chapter's quotes that neither a theme nor a position of the debate tells (each is told once)."""
    told = {v.said.quote_id for v in debate if v.said is not None}
    return [q for q in themes.unused_quotes(ds, edition, CHAPTER) if q.quote_id not in told]


def common_publication(debate: list[Voice]) -> str:
    """The one publication every summarised voice of the debate comes from (« Relation Client Magazine, 2009 »),
    or '': said once in the debate's opening sentence, not after each voice."""
    pubs = {v.published_in for v in debate if v.published_in}
    return pubs.pop() if len(pubs) == 1 and all(v.published_in for v in debate) else ""


def voice_line(v: Voice, told: frozenset[str] | set[str] = frozenset(), *, source_said: bool = False) -> str:
    """One line of the debate: the source's quoted words (with the edition when it is an older one), or the
    book's summary of the view, labelled as such. A figure the page has just told (``told``: anchors) is not
    quoted again: Webhelp's « 50 % inférieurs » followed the paragraph that gives it."""
    return render(f"{TEMPLATES}/voice.md.j2", v=v, told=told, source_said=source_said)


# the debate's camps, each with its heading
CAMPS = {"proximité": "Pour la proximité et l'éthique", "prix": "Pour le prix et la compétence à l'étranger"}


def debate_of(debate: Sequence[Voice], told: frozenset[str] | set[str]) -> str:
    """The debate, camp by camp, after a sentence saying what is quoted and what is the book's summary ('' without a
    voice)."""
    if not debate:
        return ""
    return render(f"{TEMPLATES}/debate.md.j2", debate=list(debate), told=told, common=common_publication(debate),
                  camps=CAMPS, source_said=bool(common_publication(debate)))


def rate_comparison(gap: Figure) -> str:
    """« inférieurs de 50 % », « supérieurs de 10 % » or « égaux »: offshore hourly rates against France."""
    return str(macro(PHRASES, "rate_comparison")(gap))


def headcount_text(fig: Figure) -> str:
    """« ses effectifs en France ont progressé de 40 % entre 2000 et 2009 » (verb from the sign); a rise of
    exactly 100 % or 200 % is said as French says it, « ont doublé », « ont triplé », linked to its row."""
    return str(macro(PHRASES, "headcount")(fig))


def webhelp_text(share: Figure, gap: Figure, education: Figure | None) -> str:
    """Webhelp's offshore share and hourly rates, as Frédéric Jousset gave them (dated and in the past in a
    later edition, like the other providers' statements)."""
    return phrase(PROVIDERS, "webhelp", share, gap, education)


def teleperformance_text(years: Figure, headcount: Figure | None) -> str:
    """Teleperformance's offshore seniority and French headcount, as Jean-François Guillot gave them."""
    return phrase(PROVIDERS, "teleperformance", years, headcount)


def numericable_text(start: Figure, external: Figure, internal: Figure) -> str:
    """Numericable's offshore start and its advisers, as Eric Klipfel gave them (present in the edition
    that reports them, dated and in the past in a later one)."""
    return phrase(PROVIDERS, "numericable", start, external, internal)


def turnover_text(turnover: Figure) -> str:
    """Eric Dadian's turnover in Paris, said once (his words, « le turnover y est important (30%) », are in the
    annex the figure links to), dated and in the past in a later edition."""
    return render(f"{TEMPLATES}/turnover.md.j2", turnover=turnover)


def positions_intro(edition: int, anything: bool) -> str:
    """The section's opening: what it shows when an edition reports positions, with the figures the speakers
    gave themselves (they are not the barometer's); a plain sentence when none does."""
    return phrase(PROVIDERS, "intro", edition, anything)


# Each provider's figure is its own quantity (a share of an activity, a gap between two prices, a change of
# a headcount): one panel each, with its own axis titled with what it measures, never one shared axis.
POSITION_AXES = {
    "share": "% de l'activité",
    "gap": "écart en % du taux pratiqué en France",
    "headcount": "évolution en %",
}


def positions_table(webhelp_share: Figure | None, rate_gap: Figure | None,
                    tp_headcount: Figure | None) -> pd.DataFrame:
    rows = []
    if webhelp_share is not None and webhelp_share.published:
        rows.append({"indicateur": "Webhelp : part de l'activité offshore", "valeur": webhelp_share.central,
                     "texte": formatting.figure_text(webhelp_share), "prestataire": "Webhelp",
                     "grandeur": "share"})
    if rate_gap is not None and rate_gap.published:
        rows.append({"indicateur": "Webhelp : écart de taux horaire offshore", "valeur": rate_gap.central,
                     "texte": formatting.figure_text(rate_gap, signed=True), "prestataire": "Webhelp",
                     "grandeur": "gap"})
    if tp_headcount is not None and tp_headcount.published:
        rows.append({"indicateur": "Teleperformance : effectifs en France", "valeur": tp_headcount.central,
                     "texte": formatting.figure_text(tp_headcount, signed=True), "prestataire": "Teleperformance",
                     "grandeur": "headcount"})
    table = pd.DataFrame(rows, columns=["indicateur", "valeur", "texte", "prestataire", "grandeur"])
    periods = {"headcount": tp_headcount}
    # each axis says what it measures, and over which period when the figure is a change over years
    table["axe"] = [POSITION_AXES[k] + (f", {formatting.period_text(periods[k].period)}" if k in periods else "")
                    for k in table["grandeur"]]
    return table


def _position_panel(row: pd.DataFrame) -> alt.Chart:
    """One provider's figure: its bar on its own axis (a share from 0 to 100 %, a change from 0 to beyond
    its value), its label written above the bar and its value beside it."""
    value = float(row["valeur"].iloc[0])
    kind = row["grandeur"].iloc[0]
    if kind == "share":
        domain = [0.0, 100.0]
    else:
        low, high = min(0.0, value), max(0.0, value)
        pad = 0.35 * (high - low or 1)  # room for the value's label beside the bar, at 360 px too
        domain = [low - pad if low < 0 else 0.0, high + pad if high > 0 else 0.0]
    base = alt.Chart(row).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Valeur")],
    )
    bars = base.mark_bar(size=26).encode(
        x=alt.X("valeur:Q", title=row["axe"].iloc[0], scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(tickCount=4)),
        color=alt.Color("prestataire:N", title=None, scale=alt.Scale(domain=["Webhelp", "Teleperformance"],
                                                                     range=[PALETTE[4], PALETTE[5]]), legend=None),
    )
    inside = kind == "share" and value > 70  # a share near 100 %: its value inside the bar
    if value >= 0:
        text = base.mark_text(align="right" if inside else "left", dx=-6 if inside else 6,
                              color="white" if inside else "#222", fontWeight="bold" if inside else "normal")
    else:
        text = base.mark_text(align="right", dx=-6)
    labels = text.encode(x=alt.X("valeur:Q"), text="texte:N")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#666").encode(x="x:Q")
    return (bars + labels + zero + row_labels(row, "indicateur", bar_size=26)).properties(
        height=alt.Step(58), width=PANEL_WIDTH)


def positions_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    panels = [_position_panel(table.iloc[[i]]) for i in range(len(table))]
    chart = alt.vconcat(*panels, spacing=24) if len(panels) > 1 else panels[0]
    return chart_output(
        chart,
        name="offshore-prestataires",
        title="Les chiffres des prestataires",
        source=source_line(figs),
        description=phrase(CHARTS, "positions_description",
                           list(zip(table["indicateur"], table["texte"], strict=True))),
        data=table,
    )


@dataclass(frozen=True)
class Positions:
    """What « Les positions des prestataires » says before the voices: each provider's figures an edition
    gives (Webhelp's share, rate gap and staff's education; Teleperformance's years offshore and French headcount;
    Numericable's start, external advisers and internal experts), the subsidies' paragraph, the figures the voices
    need not quote again (``told``), the labels no edition up to this one publishes, and the debate's voices."""

    webhelp: Figure | None
    gap: Figure | None
    education: Figure | None
    tp_years: Figure | None
    tp_headcount: Figure | None
    numericable: tuple[Figure, Figure, Figure] | None  # start, external advisers, internal experts
    subsidies: str  # the theme's paragraph ('' without)
    told: frozenset[str]
    missing: tuple[str, ...]
    debate: tuple[Voice, ...]


def provider_positions(ds: Dataset, edition: int) -> Positions:
    """The providers' figures of ``edition``, in the order the page gives them."""
    webhelp = ds.known("webhelp_offshore_share", edition)
    gap = ds.known("offshore_hourly_rate_gap", edition)
    tp_years = ds.known("teleperformance_offshore_years", edition)
    nc = tuple(ds.known(i, edition) for i in ("numericable_offshore_start_year", "numericable_external_advisers",
                                              "numericable_internal_experts"))
    missing: list[str] = []
    told: frozenset[str] = frozenset()
    if webhelp is not None and gap is not None:
        told = frozenset({webhelp.anchor, gap.anchor})  # the voices below do not quote these figures again
    else:
        missing += ds.unknown(["webhelp_offshore_share", "offshore_hourly_rate_gap"], edition)
    if tp_years is None:
        missing += ds.unknown(["teleperformance_offshore_years"], edition)
    if any(f is None for f in nc):
        missing += ds.unknown(["numericable_offshore_start_year", "numericable_external_advisers",
                               "numericable_internal_experts"], edition)
    return Positions(webhelp, gap, ds.known("offshore_staff_education_level", edition), tp_years,
                     ds.known("teleperformance_france_headcount_change", edition),
                     nc if all(f is not None for f in nc) else None, themes.paragraph(ds, edition, "subsidies"),
                     told, tuple(missing), tuple(voices(ds, edition)))


def provider_paragraphs(p: Positions) -> list[str]:
    """Each provider's figures in words, in the order the page gives them, then the subsidies."""
    out = []
    if p.webhelp is not None and p.gap is not None:
        out.append(webhelp_text(p.webhelp, p.gap, p.education))
    if p.tp_years is not None:
        out.append(teleperformance_text(p.tp_years, p.tp_headcount))
    if p.numericable is not None:
        out.append(numericable_text(*p.numericable))
    if p.subsidies:
        out.append(p.subsidies)
    return out


def positions_of(p: Positions, edition: int) -> str:
    """The section's opening and each provider's figures in words, then the subsidies."""
    paragraphs = provider_paragraphs(p)
    return "\n\n".join([positions_intro(edition, bool(paragraphs or p.debate)), *paragraphs])
