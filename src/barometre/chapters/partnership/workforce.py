"""« Les salariés des outsourceurs »: contracts, working time, diplomas, the share of men, the
regional figures, their text, table and charts."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative, periods
from barometre.chapters.partnership.profile import Portrait, _by, portrait, portrait_of
from barometre.chapters.partnership.relationship import Speaker, speaker
from barometre.chapters.partnership.words import (
    CHAPTER,
    CHARTS,
    PHRASES,
    TEMPLATES,
    WORKFORCE,
    Today,
    today,
    today_of,
)
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure, period_key
from barometre.history import trend
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render

# --------------------------------------------------------------------------- workforce


def workforce(ds: Dataset, edition: int) -> list[Figure]:
    """The workforce shares as known in the edition, one a row of the chart (contracts, working time, diplomas):
    of two measures of one row, the newer (full time in 2011 over part time in 2008; bac + 2 in 2012 over bac + 1
    in 2008), the first listed on a tie. The 2024 chart drew « Temps partiel (2008) » and « Bac + 1 et plus (2008) »
    beside prose on 2011 and 2012 (editor37)."""
    rows: dict[str, Figure] = {}
    for indicator, (row, _, _) in WORKFORCE.items():
        fig = ds.find(indicator, edition) if indicator in ds.indicators else None
        if fig is None or not fig.published:
            continue
        if row not in rows or periods.key(fig.period) > periods.key(rows[row].period):
            rows[row] = fig
    return list(rows.values())


def workforce_table(figs: list[Figure]) -> pd.DataFrame:
    """Two rows per share: the share the barometer reports (« CDI ») and its complement."""
    rows = []
    dated = len({f.period for f in figs}) > 1
    for fig in figs:
        _, part, rest = WORKFORCE[fig.indicator]
        if dated:
            part = f"{part} ({formatting.period_text(fig.period)})"
        rows.append({"ligne": part, "catégorie": part, "part": fig.central, "texte": formatting.figure_text(fig),
                     "ordre": 1, "mis en avant": "oui"})
        rows.append({"ligne": part, "catégorie": rest, "part": 100 - fig.central,
                     "texte": formatting.complement_text(fig), "ordre": 2, "mis en avant": "non"})  # a bound stays one
    return pd.DataFrame(rows)


INSIDE_LABEL_MIN = 20  # a share of at least this many % is labelled inside its bar


def workforce_chart(table: pd.DataFrame, figs: list[Figure], growth: Figure | None) -> ChartOutput:
    order = list(dict.fromkeys(table["ligne"]))
    y = alt.Y("ligne:N", title=None, sort=order, axis=alt.Axis(labelLimit=140))
    tooltip = [alt.Tooltip("catégorie:N", title="Catégorie"), alt.Tooltip("texte:N", title="Part des salariés")]
    bars = (
        alt.Chart(table)
        .mark_bar(size=30)
        .encode(
            y=y,
            x=alt.X("part:Q", stack="zero", title="Part des salariés des outsourceurs (%)",
                    scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("mis en avant:N", legend=None,
                            scale=alt.Scale(domain=["oui", "non"], range=[PALETTE[0], "#d0d0d0"])),
            order=alt.Order("ordre:Q"),
            tooltip=tooltip,
        )
    )
    shown = table[table["mis en avant"] == "oui"]
    inside = (
        alt.Chart(shown[shown["part"] >= INSIDE_LABEL_MIN])
        .mark_text(align="right", dx=-6, color="white", fontWeight="bold")
        .encode(y=y, x="part:Q", text="texte:N", tooltip=tooltip)
    )
    outside = (
        alt.Chart(shown[shown["part"] < INSIDE_LABEL_MIN])
        .mark_text(align="left", dx=6, color="#222", fontWeight="bold")
        .encode(y=y, x="part:Q", text="texte:N", tooltip=tooltip)
    )
    shares = "; ".join(f"{WORKFORCE[f.indicator][1]} ({formatting.period_text(f.period)}) : "
                       f"{formatting.figure_text(f)}" for f in figs)
    graduates = growth if growth is not None and any(f.indicator == "graduate_share" for f in figs) else None
    return chart_output(
        (bars + inside + outside).properties(height=alt.Step(46)),
        name="partenariat-profil-des-salaries",
        title="Profil des salariés des outsourceurs",
        source=source_line(figs + ([growth] if growth else [])),
        description=phrase(CHARTS, "workforce_description", shares, graduates),
        data=table[["catégorie", "part", "texte"]],
    )


def history_table(ds: Dataset, edition: int) -> pd.DataFrame:
    """Every indicator of the chapter (data/indicators.csv) with at least two yearly periods known in
    ``edition``: a new indicator (``male_staff_share``, ``jobs_created``…) is drawn with no code change."""
    return history.yearly_history(ds, ds.indicators_for(CHAPTER), edition)


def history_chart(table: pd.DataFrame, edition: int) -> ChartOutput:
    return history.history_chart(table, name="partenariat-historique",
                                 title="Les indicateurs du chapitre, année par année", edition=edition)


def newer_in_scope(ds: Dataset, indicator: str, scope: str, latest: Figure | None, edition: int) -> Figure | None:
    """The figure of ``indicator`` for ``scope`` when it is newer than ``latest`` (the market's): the 2019
    edition gives the share of CDI in France (about 75 %) where the latest for the whole sector is 2011's
    84 %; the newer figure leads (None when it is not newer, or unknown)."""
    other = ds.known(indicator, edition, scope=scope)
    if other is None or not other.published or latest is None:
        return None
    return other if period_key(other.period) > period_key(latest.period) else None


def cdi_with_france(cdi: tuple[Figure, Figure | None], france: Figure) -> str:
    """« environ 75 % en France en 2019 ; pour l'ensemble du secteur, autre périmètre, 84 % en 2011 »: the newer share
    of CDI in France first, then the sector's last one (``_phrases.md.j2``)."""
    return phrase(PHRASES, "cdi_with_france", cdi[0], france)


def working_time(ds: Dataset, edition: int) -> tuple[str, tuple[Figure, Figure | None]] | None:
    """(« temps plein » or « temps partiel », its trend): the share of full-time staff when an edition
    publishes it for a period at least as recent as the part-time share (the newer figure leads), else the
    part-time share; None when neither is known."""
    full = trend(ds, "full_time_share", edition)
    part = trend(ds, "part_time_share", edition)
    if full is not None and (part is None or periods.key(full[0].period) >= periods.key(part[0].period)):
        return "temps plein", full
    if part is not None:
        return "temps partiel", part
    return None


# --------------------------------------------------------------------------- synthesis


REGIONS = ("ile_de_france", "province", "offshore")


def regional_figures(ds: Dataset, indicator: str, edition: int) -> list[Figure]:
    """The figure by region (Île-de-France, province, offshore) when no edition gives it for the whole
    market, as the 2005 study gives the CDI share; empty otherwise."""
    if ds.known(indicator, edition) is not None:
        return []
    return [f for f in (ds.known(indicator, edition, scope=r) for r in REGIONS) if f is not None]


def regional_text(figs: list[Figure]) -> str:
    """« 77,2 % en Île-de-France, 73,1 % en province et 73 % offshore en 2005 » (``_phrases.md.j2``)."""
    return phrase(PHRASES, "regional", figs)


def diplomas(ds: Dataset, edition: int) -> tuple[Figure | None, Figure | None]:
    """The diploma figures the chapter tells: the share at bac + 2 and more when an edition publishes one at
    least as recent as the bac + 1 share (the 2011 edition: « plus de 50 % »), and the bac + 1 share. The
    newer measure leads; the older one follows with its own year (the 2011 book gave 2008's bac + 1 and never
    its own edition's bac + 2, editor, stop 33)."""
    bac1 = ds.known("graduate_share", edition)
    bac2 = ds.known("bac2_plus_share", edition)
    if bac2 is not None and bac1 is not None and period_key(bac2.period) < period_key(bac1.period):
        bac2 = None
    # once the newer measure has a history of its own (two years published), the older one adds nothing but a
    # figure of another year and base: the 2024 book kept 2008's 59 % bac + 1 beside 2012's 51 % (editor37)
    if bac2 is not None and bac1 is not None and len(_published_periods(ds, "bac2_plus_share", edition)) > 1:
        bac1 = None
    return bac2, bac1


def _published_periods(ds: Dataset, indicator: str, edition: int) -> set[str]:
    """The periods of the primary, published rows of ``indicator`` up to ``edition``."""
    return {f.period for e in ds.editions if e <= edition for f in ds.figures(e, indicator)
            if f.edition == e and f.published and not f.secondary}


def diplomas_text(ds: Dataset, edition: int, *, short: bool = False) -> str:
    """« en 2011, plus de 50 % des téléconseillers ont au moins un bac + 2 ; en 2008, 59 % des salariés avaient au
    moins un bac + 1 » (``_phrases.md.j2``); '' when no edition publishes either."""
    return phrase(PHRASES, "diplomas", *diplomas(ds, edition), short)


def men(ds: Dataset, edition: int) -> tuple[Figure, Figure | None] | None:
    """The share of men among the staff and the one before, once an edition publishes it; None otherwise, and in a
    book more than two years later (one more 2011 figure with its tag in a 2024 page, editor37)."""
    found = trend(ds, "male_staff_share", edition)
    return None if found is None or narrative.stale(found[0], edition) else found


def men_text(ds: Dataset, edition: int) -> str:
    """« la part des hommes dans les effectifs est de 37 % en 2011, en hausse par rapport à 34 % en 2010 » ('' without
    it)."""
    found = men(ds, edition)
    return phrase(PHRASES, "men", found) if found is not None else ""


@dataclass(frozen=True)
class Staff:
    """« Les salariés des outsourceurs »: who the sector employs today (``today``), the latest study's portrait, what
    Laurent Uberti said of the sector, the barometer's facts (contracts, working time, men, diplomas), the study each
    is told with, and the labels no edition up to this one publishes. The « À retenir » reads the figures again."""

    today: Today | None
    portrait: Portrait | None
    uberti: Speaker | None  # told when the CDI share is known
    cdi: tuple[Figure, Figure | None] | None
    cdi_france: Figure | None  # the newer share in France, which leads
    regional: list[Figure]  # the share by region, without a share for the whole sector
    working: tuple[str, tuple[Figure, Figure | None]] | None
    men: tuple[Figure, Figure | None] | None
    bac2: Figure | None
    bac1: Figure | None
    graduates_change: Figure | None
    cdi_france_by: str  # the study of the share in France
    cdi_by: str  # the study of the sector's share
    facts_by: str  # « le baromètre », « la même étude » or the study of the facts after the shares
    missing: list[str]

    @property
    def paragraphs(self) -> list[str]:
        """The section's paragraphs: who the sector employs, the portrait, then the testimony and the facts."""
        told = render(f"{TEMPLATES}/staff.md.j2", s=self)
        return [t for t in (today_of(self.today), portrait_of(self.portrait), *told.split("\n\n")) if t]


def staff_paragraphs(ds: Dataset, edition: int) -> Staff:
    """The section's facts for ``edition``, the newer figure of each family first."""
    missing: list[str] = []
    cdi = trend(ds, "permanent_contract_share", edition)
    working = working_time(ds, edition)  # full time when an edition publishes it as recently as part time
    missing += ds.unknown(["permanent_contract_share", "graduate_share"], edition)
    if working is None:
        missing += ds.unknown(["part_time_share", "full_time_share"], edition)
    cdi_france = newer_in_scope(ds, "permanent_contract_share", "france", cdi[0] if cdi else None, edition)
    facts_by = "le baromètre"
    if cdi is not None and cdi_france is not None and working is not None:
        study = ds.study_of(working[1][0].edition)
        if study is not None:  # after a sentence naming two studies, the facts' own (editor43)
            facts_by = "la même étude" if study == ds.study_of(cdi[0].edition) else history.study_name(study)
    bac2, bac1 = diplomas(ds, edition)
    return Staff(
        today=today(ds, edition), portrait=portrait(ds, edition),
        uberti=speaker(ds, "laurent_uberti", edition) if cdi is not None else None,
        cdi=cdi, cdi_france=cdi_france,
        regional=regional_figures(ds, "permanent_contract_share", edition) if cdi is None else [],
        working=working, men=men(ds, edition), bac2=bac2, bac1=bac1,
        graduates_change=ds.known("graduate_population_change", edition),
        cdi_france_by=_by(ds, cdi_france) if cdi_france is not None else "",
        cdi_by=_by(ds, cdi[0]) if cdi is not None else "", facts_by=facts_by, missing=missing,
    )
