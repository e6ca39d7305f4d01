"""Chapter « Un métier de partenariat »: jobs, training and the client–provider relationship."""

from __future__ import annotations

from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative, periods
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure, period_key
from barometre.formatting import percent_of_one
from barometre.history import trend
from barometre.models import partnership as model
from barometre.narrative import (
    ChapterSummary,
    Said,
    cite,
    de,
    md_escape,
    person,
    quote,
    source_line,
    trend_text,
)

CHAPTER = "partnership"
AGREEMENT_EVENT_KINDS = ("agreement", "conference")
AGREEMENT_LABEL = "Durée de l'accord-cadre"
OTHER_LABEL = "Hypothèses du livre"
EUR_PER_MILLION = 1_000_000  # unit conversion of the eur_million unit

# indicator -> (row label, label of the share, label of its complement)
WORKFORCE = {
    "permanent_contract_share": ("Contrats", "CDI", "Autres contrats"),
    "full_time_share": ("Temps de travail", "Temps plein", "Temps partiel"),
    "part_time_share": ("Temps de travail", "Temps partiel", "Temps plein"),
    "bac2_plus_share": ("Niveau d'études", "Bac + 2 et plus", "En deçà du bac + 2"),
    "graduate_share": ("Niveau d'études", "Bac + 1 et plus", "En deçà du bac + 1"),
}


# --------------------------------------------------------------------------- words

__all__ = ["de", "percent_of_one", "person", "quote", "summary", "trend", "trend_text"]

MOVES = {"up": "en hausse", "down": "en baisse", "flat": "stable"}


def change_text(fig: Figure) -> str:
    """« en hausse de 15 % entre 2007 et 2008 », « en baisse de 4 % en 2009 »: the direction from the sign."""
    word = narrative.direction(fig.central, **MOVES)
    amount = "" if word == MOVES["flat"] else f" {de(fig, magnitude=True)}"
    period = formatting.period_text(fig.period)
    return f"{word}{amount} {period if period.startswith('entre') else 'en ' + period}"


def reported(ds: Dataset, source: str, edition: int) -> int | None:
    """The newest edition up to ``edition`` that cites ``source`` (None: the book does not present this person)."""
    return ds.cited_sources(edition).get(source)


def reported_note(cited_in: int, edition: int) -> str:
    """« (propos rapportés dans l'édition 2008) » when the words come from an older edition ('' otherwise)."""
    return f" (propos rapportés dans l’édition\u00a0{cited_in})" if cited_in != edition else ""


def staff_today_text(ds: Dataset, edition: int) -> str:
    """« En 2024, les adhérents du SP2C emploient environ 100 000 personnes ; en France, le secteur compte 55 000
    postes, dont 80 % de conseillers clients. » Who the sector employs, from the latest edition up to ``edition``
    that gives the members' staff or the advisers' share (the 2024 edition's figures were only in its table,
    editor, stop 33); in the past for an older edition's; '' when none."""
    members = ds.known("member_staff", edition, scope="market")
    advisers = ds.known("advisers_share", edition, scope="france")
    latest = [f for f in (members, advisers) if f is not None and f.published]
    if not latest:
        return ""
    year = max(periods.end(f.period) for f in latest)
    latest = [f for f in latest if periods.end(f.period) == year]
    past = all(f.from_older_edition for f in latest)
    sentences = []
    members = next((f for f in latest if f.indicator == "member_staff"), None)
    advisers = next((f for f in latest if f.indicator == "advisers_share"), None)
    if members is not None:
        sentences.append(f"les adhérents du SP2C {'employaient' if past else 'emploient'} "
                         f"{cite(members, then=' personnes')}")
    if advisers is not None:
        # the share's own base, from the same source: the SP2C members' staff in France (2019: 84 % of 33 000) before
        # the sector's (2024: 80 % of 55 000); without one, the share alone
        base = next((f for f in (ds.known("member_staff", edition, scope="france", period=advisers.period),
                                 ds.known("staff", edition, scope="france", period=advisers.period))
                     if f is not None and f.published and f.source == advisers.source), None)
        if base is not None and base.indicator == "member_staff":
            of = f"les adhérents du SP2C {'employaient' if past else 'emploient'} {cite(base, then=' salariés')}, dont "
        elif base is not None:
            of = f"le secteur {'comptait' if past else 'compte'} {cite(base, then=' postes')}, dont "
        else:
            of = ""
        sentences.append(f"en France, {of}{cite(advisers)} {'de' if of else 'des salariés sont des'} conseillers "
                         "clients")
    # a person's figures are hers (editor38: « the first sentence mixes two perimeters without attribution »)
    if advisers is not None and advisers.source_type == "interview":
        sentences[-1] += f", selon {md_escape(ds.sources[advisers.source].name)}"
    if members is not None and advisers is not None:
        sentences[0] += ", en France et à l’étranger"  # the members' staff counts both; the next clause is France
    return f"En {year}, " + " ; ".join(sentences) + "."


def said_year(ds: Dataset, source: str, cited_in: int, edition: int) -> str:
    """« En 2009, » for words an older edition reported (the year of their publication, else of that edition's
    data), '' for the edition's own: the sentence is then told in the past, with no edition note."""
    if cited_in == edition:
        return ""
    src = ds.sources.get(source)
    year = src.publication_year if src is not None and src.publication_year else cited_in
    return f"En {year}, "


def event_quote(ds: Dataset, event: pd.Series, *, attribution: bool = True) -> str:
    """The quote of an event row (events/<edition>.csv), attributed to its source."""
    src = ds.sources[event["source"]]
    who = f"{src.name} ({src.role})" if src.role else src.name
    return quote(Said(event["quote"], who), attribution=attribution)


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
    extra = ""
    if growth is not None and any(f.indicator == "graduate_share" for f in figs):  # the bac + 1 population's change
        word = narrative.direction(growth.central, **MOVES)
        amount = "" if word == MOVES["flat"] else f" de {formatting.figure_text(growth, magnitude=True)}"
        extra = (
            f" Le nombre de salariés de niveau bac + 1 et plus est {word}{amount} "
            f"{formatting.period_text(growth.period)}."
        )
    return chart_output(
        (bars + inside + outside).properties(height=alt.Step(46)),
        name="partenariat-profil-des-salaries",
        title="Profil des salariés des outsourceurs",
        source=source_line(figs + ([growth] if growth else [])),
        description=(
            "Barres empilées à 100 % : la part publiée par le baromètre (en bleu) et son complément (en gris). "
            f"{shares}.{extra}"
        ),
        data=table[["catégorie", "part", "texte"]],
    )


def history_table(ds: Dataset, edition: int) -> pd.DataFrame:
    """Every indicator of the chapter (data/indicators.csv) with at least two yearly periods known in
    ``edition``: a new indicator (``male_staff_share``, ``jobs_created``…) is drawn with no code change."""
    return history.yearly_history(ds, ds.indicators_for(CHAPTER), edition)


def history_chart(table: pd.DataFrame, edition: int) -> ChartOutput:
    return history.history_chart(table, name="partenariat-historique",
                                 title="Les indicateurs du chapitre, année par année", edition=edition)


# --------------------------------------------------------------------------- jobs target


@dataclass(frozen=True)
class JobsTarget:
    current: Figure
    target: Figure
    horizons: list[int]
    table: pd.DataFrame  # years, annual_growth, jobs_added_per_year, échéance, texte
    start_year: int

    @property
    def total_change(self) -> float:
        return self.target.central / self.current.central - 1


def jobs_target(ds: Dataset, edition: int, horizons: list[int]) -> JobsTarget | None:
    """The growth the jobs target needs by horizon; None when no edition up to ``edition`` publishes the
    current number or the target."""
    current = ds.known("customer_relation_jobs", edition, scope="current")
    target = ds.known("customer_relation_jobs", edition, scope="target")
    if current is None or target is None:
        return None
    start = int(current.period[:4])
    df = model.required_growth_table(current.central, target.central, horizons)
    df["échéance"] = df["years"].map(lambda y: start + y)
    df["horizon"] = df["years"].map(lambda y: f"{y} ans ({start + y})")
    df["croissance"] = df["annual_growth"] * 100
    df["texte court"] = df["annual_growth"].map(lambda g: formatting.percent(g * 100, signed=True))
    df["texte"] = df["texte court"] + " par an"
    df["emplois par an"] = df["jobs_added_per_year"].map(lambda n: formatting.number(n, 0))
    return JobsTarget(current, target, horizons, df, start)


def stated(fig: Figure, present: str, past: str) -> str:
    """The verb of a figure: in the present when the book's edition publishes it, in the past when it comes
    from an older edition (nothing stale is stated as current)."""
    return past if fig.from_older_edition else present


def newer_in_scope(ds: Dataset, indicator: str, scope: str, latest: Figure | None, edition: int) -> Figure | None:
    """The figure of ``indicator`` for ``scope`` when it is newer than ``latest`` (the market's): the 2019
    edition gives the share of CDI in France (about 75 %) where the latest for the whole sector is 2011's
    84 %; the newer figure leads (None when it is not newer, or unknown)."""
    other = ds.known(indicator, edition, scope=scope)
    if other is None or not other.published or latest is None:
        return None
    return other if period_key(other.period) > period_key(latest.period) else None


def cdi_with_france(cdi: tuple[Figure, Figure | None], france: Figure) -> str:
    """« environ 75 % en France en 2019 — pour l'ensemble du secteur, autre périmètre, 84 % (dernier chiffre
    publié, édition 2011) en 2011 »: the newer share of CDI in France first, then the sector's last one, dated with its edition, and
    not as a move from one to the other (« après 84 % » read as a fall across two scopes, editor34)."""
    latest = cdi[0]
    # the sector's share is the latest of its own series (another scope than France's): tagged as the prose tags it
    # (« dernier chiffre publié »), so that one value reads the same in the prose and « À retenir » (editor37)
    return (f"{cite(france)} en France en {formatting.period_text(france.period)} — {OTHER_SCOPE}, "
            f"{cite(latest)} en {formatting.period_text(latest.period)}")


OTHER_SCOPE = "pour l'ensemble du secteur, autre périmètre"


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


def jobs_measured(ds: Dataset, edition: int, since: int) -> list[Figure]:
    """The jobs the barometer measured as created in France each year from ``since`` to ``edition``, as
    known in ``edition`` (the market's when France's is not published)."""
    out = []
    for year in range(since, edition + 1):
        fig = ds.known("jobs_created", edition, scope="france", period=year)
        if fig is None:
            fig = ds.known("jobs_created", edition, scope="market", period=year)
        if fig is not None and fig.published:
            out.append(fig)
    return out


def jobs_against_target(ds: Dataset, edition: int, jt: JobsTarget, duration: Figure | None) -> str:
    """The jobs target set against the jobs measured since it was set (MyST Markdown; '' when no later
    figure is known): « … les outsourceurs en ont créé environ 4 000 en France en 2009 et 2 000 en 2010, quand
    l'objectif en demandait 50 000 par an sur les trois ans du projet ». The barometer counts the outsourcers'
    jobs only, a part of the customer-relations jobs the target counts: the sentence says so."""
    measured = jobs_measured(ds, edition, jt.start_year)
    if not measured:
        return ""
    if all(f.scope == "france" for f in measured):
        # « en France » once, the editions once at the end (editor37: « environ 4 000 (édition 2009) en France en
        # 2009 et 2 000 (dernier chiffre publié, édition 2010) en France en 2010 »)
        editions = sorted({f.edition for f in measured})
        at_end = all(f.from_older_edition for f in measured)  # else each older figure names its own edition
        items = [f"{cite(replace(f, as_of=f.edition))}"
                 + (f" (édition\u00a0{f.edition})" if f.from_older_edition and not at_end else "")
                 + f" en {formatting.period_text(f.period)}" for f in measured]
        listed = "en France, " + formatting.enumeration(items) + (
            f" (édition{'s' if len(editions) > 1 else ''}\u00a0{formatting.enumeration([str(e) for e in editions])})"
            if at_end else "")
    else:
        listed = formatting.enumeration(
            [f"{cite(f)} {'en France' if f.scope == 'france' else 'en tout'} en {formatting.period_text(f.period)}"
             for f in measured])
    text = (f"Objectif et réalité : depuis que l’objectif a été fixé en {jt.start_year}, le baromètre a mesuré "
            f"les emplois créés par les outsourceurs, qui ne sont qu’une partie des emplois de la relation client "
            f"comptés par l’objectif : {listed}")
    # not « l'objectif demandait 50 000 emplois par an sur les trois ans de l'accord-cadre »: the Mission's
    # target has no deadline, and the agreement's own (« 50 000 emplois créés en trois ans », quoted below) is
    # another target; the book had merged the two
    text += "."
    said = next((f for f in measured if "50 000" in f.quote or "objectif" in f.quote.lower()), None)
    if said is not None:
        outlet = said.publication_outlet or said.source_name
        text += f" {narrative.md_escape(outlet)} le relevait alors : {quote(said, attribution=False)}."
    found = count_after_target(ds, edition, jt.target)
    if found is not None:
        later, reached = found
        who = (narrative.md_escape(later.attribution) if later.source_type == "interview"
               else narrative.md_escape(later.source_name))
        verb = "comptait" if later.from_older_edition else "compte"
        text += (f" En {formatting.period_text(later.period)}, la filière relation client {verb} "
                 f"{cite(later, then=' emplois')} en France selon {who} : l’objectif "
                 f"{'est atteint' if reached else 'n’est pas atteint'}.")
        # the pace realised, beside the paces the target needed (the forecast against its outcome)
        years = periods.end(later.period) - periods.end(jt.current.period)
        if years > 0 and jt.current.central > 0:
            pace = model.required_annual_growth(jt.current.central, later.central, years) * 100
            text += (f" De {cite(jt.current, then=' emplois')} en {formatting.period_text(jt.current.period)} "
                     f"à {cite(later)} en {formatting.period_text(later.period)}, la filière a "
                     f"{'crû' if pace >= 0 else 'reculé'} d’environ {formatting.percent(abs(pace), 1)} par an "
                     "(calcul du livre ; les deux décomptes n’ont pas forcément le même périmètre).")
    return text


def jobs_takeaway(ds: Dataset, edition: int, jt: JobsTarget, first: dict) -> str:
    """The « À retenir » item on the jobs target, once (editor37: the 2024 page stated the target twice, with
    its edition note). With a later count: « Emplois de la relation client en France : 250 000 en 2009,
    290 000 en 2025 selon Caroline Adam, soit environ 0,9 % par an (calcul du livre) ; l'objectif de 400 000
    emplois fixé en 2009 n'est pas atteint. » Before it: the target and the pace it needed at the first
    horizon (``first``, a row of ``jt.table``), conditional past once the horizon has passed."""
    found = count_after_target(ds, edition, jt.target)
    set_in = formatting.period_text(jt.target.period)
    if found is None:
        # the prose's rule: a horizon already past in the edition's year is in the conditional past (the 2011 page
        # said « il faudrait » in the prose and « il aurait fallu » here: editor37)
        passed = jt.start_year + int(first["years"]) <= edition
        once = f" (édition {jt.target.edition})" if jt.target.from_older_edition else ""  # the edition once
        return (f"Objectif de la Mission nationale{narrative.in_year(jt.target)} : {target_cited(jt.target)} contre "
                f"{cite(replace(jt.current, as_of=jt.current.edition))}{once} ; en "
                f"{formatting.small_number(first['years'], 0)} ans, {'il aurait fallu' if passed else 'il faudrait'} "
                f"{first['texte']}.")
    later, reached = found
    who = md_escape(later.attribution if later.source_type == "interview" else later.source_name)
    text = (f"Emplois de la relation client en France : {cite(replace(jt.current, as_of=jt.current.edition))} en "
            f"{formatting.period_text(jt.current.period)}, {cite(later)} en {formatting.period_text(later.period)} "
            f"selon {who}")
    years = periods.end(later.period) - periods.end(jt.current.period)
    if years > 0 and jt.current.central > 0:
        pace = model.required_annual_growth(jt.current.central, later.central, years) * 100
        text += f", soit environ {formatting.percent(pace, 1, signed=pace < 0)} par an (calcul du livre)"
    return (text + f" ; l’objectif de {target_cited(jt.target)} fixé en {set_in} "
            f"{'est atteint' if reached else 'n’est pas atteint'}.")


def target_cited(target: Figure) -> str:
    """« 400 000 emplois » for a target the sentence dates (« fixé en 2009 »): no edition note beside its year."""
    return cite(replace(target, as_of=target.edition), then=" emplois")


def count_after_target(ds: Dataset, edition: int, target: Figure | None) -> tuple[Figure, bool] | None:
    """The count of customer-relation jobs in France that an edition after the target's publishes (290 000
    in 2025, in the 2024 edition), and whether it reaches the target (its lower bound at least the target);
    ``None`` without such a count."""
    later = ds.known("customer_relation_jobs", edition, scope="france")
    if target is None or later is None or not later.published or later.edition <= target.edition:
        return None
    return later, later.bounds[0] >= target.central


def jobs_chart(jt: JobsTarget, agreement_years: int | None) -> ChartOutput:
    table = jt.table.copy()
    table["accord"] = table["years"].map(
        lambda y: AGREEMENT_LABEL if agreement_years is not None and y == agreement_years else OTHER_LABEL
    )
    base = alt.Chart(table).encode(
        y=alt.Y("horizon:N", title="Échéance", sort=None),
        tooltip=[alt.Tooltip("horizon:N", title="Échéance"), alt.Tooltip("texte:N", title="Croissance nécessaire"),
                 alt.Tooltip("emplois par an:N", title="Emplois à créer par an, en moyenne")],
    )
    bars = base.mark_bar(size=26).encode(
        x=alt.X("croissance:Q", title="Croissance par an (%)",
                scale=alt.Scale(domain=[0, float(table["croissance"].max()) * 1.45])),
        color=alt.Color("accord:N", title=None,
                        scale=alt.Scale(domain=[AGREEMENT_LABEL, OTHER_LABEL], range=[PALETTE[1], PALETTE[0]]),
                        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400)),
    )
    labels = base.mark_text(align="left", dx=5).encode(x="croissance:Q", text="texte court:N")
    listing = "; ".join(f"{h} : {t}" for h, t in zip(table["horizon"], table["texte"], strict=True))
    return chart_output(
        (bars + labels).properties(height=alt.Step(40)),
        name="partenariat-objectif-emplois",
        title="Croissance nécessaire des emplois",
        source=source_line([jt.current, jt.target]) + " ; modèle et hypothèses du livre",
        description=(
            "Barres de la croissance annuelle constante qu'il faudrait pour passer de "
            f"{formatting.figure_text(jt.current, with_noun=True)} à {formatting.figure_text(jt.target, with_noun=True)}"
            f" ({formatting.percent(jt.total_change * 100, signed=True)} au total) selon l'échéance, comptée depuis "
            f"{jt.start_year} : {listing}."
        ),
        data=table[["horizon", "years", "croissance", "texte", "emplois par an"]],
    )


# --------------------------------------------------------------------------- the agreement


def training_cost(trainings: Figure, budget: Figure) -> float:
    """Cost per planned training, in euros: the budget (M€) over the number of trainings."""
    return model.cost_per_unit(budget.central * EUR_PER_MILLION, trainings.central)


def agreement_events(ds: Dataset, edition: int) -> pd.DataFrame:
    """The framework agreement and the Assises (events of kinds agreement and conference)."""
    events = ds.events(edition)
    if events.empty:
        return events
    events = events[events["kind"].isin(AGREEMENT_EVENT_KINDS)].copy()
    events["date_texte"] = events["date"].map(formatting.event_date)
    return events.sort_values("date").reset_index(drop=True)


# --------------------------------------------------------------------------- Numericable


@dataclass(frozen=True)
class Numericable:
    external: Figure
    internal: Figure
    offshore_start: Figure | None

    @property
    def external_share(self) -> float:
        return model.share(self.external.central, self.external.central + self.internal.central)

    @property
    def external_per_internal(self) -> float:
        return self.external.central / self.internal.central

    @property
    def years_offshore(self) -> int | None:
        """Years of offshore at the time of the statement (period of the advisers' figure)."""
        if self.offshore_start is None:
            return None
        return int(self.external.period[:4]) - int(self.offshore_start.central)

    @property
    def figures(self) -> list[Figure]:
        return [f for f in (self.external, self.internal, self.offshore_start) if f is not None]


def numericable(ds: Dataset, edition: int) -> Numericable | None:
    external = ds.find("numericable_external_advisers", edition)
    internal = ds.find("numericable_internal_experts", edition)
    if external is None or internal is None or not (external.published and internal.published):
        return None
    start = ds.find("numericable_offshore_start_year", edition)
    return Numericable(external, internal, start if start is not None and start.published else None)


def numericable_text(ds: Dataset, num: Numericable) -> str:
    """Eric Klipfel's testimony (Numericable): present in the edition that reports it; in a later book dated
    once and in the past throughout (editor37: « décrit une relation … ne sont plus des fournisseurs » in the
    2024 book), since it was true when said, not necessarily since. Moved out of the notebook, whose cell
    held the chapter's French text."""
    who = person(ds, num.external.source)
    # « Chez Numericable, Eric Klipfel (… de Numericable) » named the company twice
    where = "" if "Numericable" in who else "chez Numericable, "
    counts, opening = narrative.as_said_then(num.external, "compte", "comptait")
    past = bool(opening)
    describes, rely, are, is_ = (("décrivait", "s'appuyaient", "faisaient", "était") if past
                                 else ("décrit", "s'appuient", "font", "est"))
    # dated by the opening: no edition note on each figure
    external, internal = ((replace(num.external, as_of=num.external.edition),
                           replace(num.internal, as_of=num.internal.edition)) if past else (num.external, num.internal))
    first = f"{opening}{where}{who} {describes} une relation construite dans la durée."
    # the edition once, at the end of the figures' sentence (a 2009 book must tell 2008's figures from its own)
    once = f" (édition {num.external.edition})" if past else ""
    text = (
        f"{first[:1].upper()}{first[1:]} Le service clients de Numericable {counts} "
        f"{cite(external, then=' conseillers')} chez les prestataires, qui {rely} "
        f"sur {cite(internal, then=' conseillers experts')} en interne : "
        f"{formatting.small_number(num.external_per_internal, 1)} conseillers externes par expert interne ; les "
        f"externes {are} {percent_of_one(num.external_share)} de l'effectif{once}."
    )
    if num.offshore_start is not None:
        text += (
            f" L'offshore y {is_} pratiqué depuis {cite(num.offshore_start)}, soit "
            f"{formatting.count_words(round(num.years_offshore), 'an')} d'expérience au moment de ces propos : "
            f"{quote(num.offshore_start, attribution=False)}."
        )
    partners = ("n'étaient plus des fournisseurs mais des partenaires : la valeur se créait et se partageait"
                if past else "ne sont plus des fournisseurs mais des partenaires : la valeur se crée et se partage")
    return text + f" Pour lui, les prestataires, restés fidèles dans les hauts et les bas, {partners} ensemble."


def numericable_chart(n: Numericable) -> ChartOutput:
    table = pd.DataFrame(
        [
            {"équipe": "Externes", "conseillers": n.external.central,
             "texte": formatting.figure_text(n.external), "part": percent_of_one(n.external_share),
             "détail": "Conseillers chez les prestataires"},
            {"équipe": "Experts internes", "conseillers": n.internal.central,
             "texte": formatting.figure_text(n.internal), "part": percent_of_one(1 - n.external_share),
             "détail": "Conseillers experts en interne"},
        ]
    )
    base = alt.Chart(table).encode(
        y=alt.Y("équipe:N", title=None, sort=None, axis=alt.Axis(labelLimit=140)),
        tooltip=[alt.Tooltip("détail:N", title="Équipe"), alt.Tooltip("texte:N", title="Conseillers"),
                 alt.Tooltip("part:N", title="Part de l'ensemble")],
    )
    bars = base.mark_bar(size=30).encode(
        x=alt.X("conseillers:Q", title="Nombre de conseillers", axis=alt.Axis(tickCount=4),
                scale=alt.Scale(domain=[0, float(table["conseillers"].max()) * 1.15])),
        color=alt.Color("équipe:N", legend=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[2]])),
    )
    labels = base.mark_text(align="left", dx=5).encode(x="conseillers:Q", text="texte:N")
    return chart_output(
        (bars + labels).properties(height=alt.Step(50)),
        name="partenariat-numericable",
        title="Les conseillers de Numericable",
        source=source_line(n.figures),
        description=(
            f"Barres du nombre de conseillers du service clients de Numericable : {formatting.figure_text(n.external)} "
            f"chez ses prestataires ({percent_of_one(n.external_share)} de l'ensemble) et "
            f"{formatting.figure_text(n.internal)} experts en interne, soit "
            f"{formatting.small_number(n.external_per_internal, 1)} conseillers externes par expert interne."
        ),
        data=table,
    )


# --------------------------------------------------------------------------- synthesis


REGIONS = ("ile_de_france", "province", "offshore")


def regional_figures(ds: Dataset, indicator: str, edition: int) -> list[Figure]:
    """The figure by region (Île-de-France, province, offshore) when no edition gives it for the whole
    market, as the 2005 study gives the CDI share; empty otherwise."""
    if ds.known(indicator, edition) is not None:
        return []
    return [f for f in (ds.known(indicator, edition, scope=r) for r in REGIONS) if f is not None]


def regional_text(figs: list[Figure]) -> str:
    """« 77,2 % en Île-de-France, 73,1 % en province et 73 % offshore en 2005 »."""
    from barometre.labels import scope_label

    items = [f"{cite(f)} " + ("offshore" if f.scope == "offshore" else f"en {scope_label(f.scope)}") for f in figs]
    listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]
    return f"{listed} en {formatting.period_text(figs[-1].period)}"


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
    moins un bac + 1 » (tenses from the figures' editions); '' when no edition publishes either."""
    bac2, bac1 = diplomas(ds, edition)
    parts = []
    if bac2 is not None:
        # the year first: a sentence never opens on a numeral (« En 2012, 51 % … », not « 51 % … en 2012 »)
        parts.append(f"en {formatting.period_text(bac2.period)}, {cite(bac2)} des téléconseillers "
                     f"{narrative.tensed(bac2, 'ont', 'avaient')} au moins un bac + 2")
    if bac1 is not None:
        if bac2 is not None and short:  # one clause in a list already cut by semicolons
            return (f"{parts[0]}, et {cite(bac1)} des salariés au moins un bac + 1 en "
                    f"{formatting.period_text(bac1.period)}")
        if bac2 is not None:
            parts.append(f"en {formatting.period_text(bac1.period)}, {cite(bac1)} des salariés "
                         f"{narrative.tensed(bac1, 'ont', 'avaient')} au moins un bac + 1")
        elif short:
            parts.append(f"{cite(bac1)} de salariés de niveau bac + 1 et plus en {formatting.period_text(bac1.period)}")
        else:
            parts.append(f"la part des salariés ayant au moins une année d'études supérieures (bac + 1 et plus) "
                         f"{stated(bac1, 'est', 'était')} de {cite(bac1)} en {formatting.period_text(bac1.period)}")
    return " ; ".join(parts)


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway from what the editions up to ``edition`` publish: the CDI share
    and its direction, the graduates, the jobs target; a neutral line when none is known."""
    cdi = trend(ds, "permanent_contract_share", edition)
    graduates = ds.known("graduate_share", edition)
    current = ds.known("customer_relation_jobs", edition, scope="current")
    target = ds.known("customer_relation_jobs", edition, scope="target")
    parts = []
    cdi_france = newer_in_scope(ds, "permanent_contract_share", "france", cdi[0] if cdi else None, edition)
    if cdi is not None and cdi_france is not None:  # the newer share, in France, leads (as in the chapter)
        parts.append(f"part des CDI : {cdi_with_france(cdi, cdi_france)}")
    elif cdi is not None:
        latest, previous = cdi
        if previous is not None:
            past = latest.from_older_edition  # an older edition's move is told in the past
            verb = narrative.direction(latest.central - previous.central,
                                       up="progressait" if past else "progresse", down="reculait" if past else "recule",
                                       flat="se maintenait" if past else "se maintient")
            # the verb gives the direction: « progresse : 84 % en 2011, contre 82 % en 2010 », not « progresse :
            # …, en hausse par rapport à … »
            parts.append(f"la part des CDI {verb} : {cite(latest)} en {formatting.period_text(latest.period)}, "
                         f"contre {cite(previous)} en {formatting.period_text(previous.period)}")
        else:
            parts.append(f"part des CDI : {trend_text(latest, None)}")
    regional = regional_figures(ds, "permanent_contract_share", edition)
    if regional:
        parts.append(f"part des CDI : {regional_text(regional)}")
    found = count_after_target(ds, edition, target)
    jobs = found[0] if found is not None and not found[0].from_older_edition else None  # this edition's count
    if diplomas_text(ds, edition) and jobs is None:  # beside a later jobs count, the row keeps to jobs and CDI
        parts.append(diplomas_text(ds, edition, short=True))
    sentences = []  # the target in a sentence of its own (editor37: one sentence of five clauses, four tags)
    if jobs is not None:
        reached = found[1]
        text = (f"en {formatting.period_text(jobs.period)}, la relation client compte "
                f"{cite(jobs, then=' emplois')} en France")
        years = periods.end(jobs.period) - periods.end(current.period) if current is not None else 0
        if current is not None and years > 0 and current.central > 0:
            pace = model.required_annual_growth(current.central, jobs.central, years) * 100
            text += (f", {'une croissance' if pace >= 0 else 'un recul'} d’environ {formatting.percent(abs(pace), 1)} "
                     f"par an depuis {formatting.period_text(current.period)} (calcul du livre)")
        sentences.append(text + f" : l’objectif de {target_cited(target)} fixé en "
                         f"{formatting.period_text(target.period)} {'est atteint' if reached else 'n’est pas atteint'}")
        if cdi_france is not None:  # the newer share in France, alone: the sector's older one is in the chapter
            parts = [f"part des CDI : {cite(cdi_france)} en France en {formatting.period_text(cdi_france.period)}"]
    elif current is not None and target is not None:
        change = target.central / current.central - 1
        aimed = (f"en {formatting.period_text(target.period)}, la Mission nationale de la relation client visait"
                 if target.from_older_edition else "la Mission nationale de la relation client vise")
        # a target the sentence dates carries no edition note, nor its starting count
        text = (f"{aimed} {target_cited(target)} contre {cite(replace(current, as_of=current.edition))}, soit "
                f"{formatting.percent(change * 100, signed=True)}")
        measured = jobs_measured(ds, edition, int(periods.end(current.period)))
        if measured:
            editions = sorted({f.edition for f in measured})
            dated = all(f.from_older_edition for f in measured)
            items = [f"{cite(replace(f, as_of=f.edition) if dated else f)}{' emplois' if i == 0 else ''} en "
                     f"{formatting.period_text(f.period)}" for i, f in enumerate(measured)]
            text += (" ; depuis, les outsourceurs ont créé "  # not « créé depuis environ … » (since about)
                     + ("en France " if all(f.scope == "france" for f in measured) else "")
                     + formatting.enumeration(items)
                     + (f" (édition{'s' if len(editions) > 1 else ''}\u00a0"
                        f"{formatting.enumeration([str(e) for e in editions])})" if dated else ""))
        sentences.append(text)
    if not parts and not sentences:
        labels = ["permanent_contract_share", "graduate_share", "customer_relation_jobs"]
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=ds.indicators["permanent_contract_share"].label_fr,
            key_figure=f"aucun chiffre jusqu’à l’édition {edition}",
            takeaway=narrative.not_in_edition([ds.indicators[i].label_fr for i in labels], edition),
        )
    if jobs is not None:
        key_label, key_figure = ("Emplois de la relation client en France",
                                 f"{cite(jobs)} en {formatting.period_text(jobs.period)}")
    elif cdi_france is not None:
        key_label, key_figure = (f"{cdi_france.label} (France)",
                                 f"{cite(cdi_france)} en {formatting.period_text(cdi_france.period)}")
    elif cdi is not None:
        key = cdi[0]
        key_label, key_figure = key.label, f"{cite(key)} en {formatting.period_text(key.period)}"
    elif regional:
        key_label, key_figure = regional[0].label, regional_text(regional)
    elif graduates is not None:
        key_label, key_figure = graduates.label, f"{cite(graduates)} en {formatting.period_text(graduates.period)}"
    else:
        key_label, key_figure = "Objectif d’emplois de la relation client", cite(target, with_noun=True)
    if jobs is not None:  # the count a later edition publishes leads
        blocks = [*sentences, " ; ".join(parts)] if parts else sentences
    else:
        blocks = ([" ; ".join(parts)] if parts else []) + sentences
    takeaway = " ".join(b[0].upper() + b[1:] + "." for b in blocks if b)
    return ChapterSummary(chapter=CHAPTER, key_label=key_label, key_figure=key_figure, takeaway=takeaway)


def men_text(ds: Dataset, edition: int) -> str:
    """« la part des hommes dans les effectifs est de 37 % en 2011, en hausse par rapport à 34 % en 2010 »: the
    share of men among the staff, told in the text once an edition publishes it (editor37: only in the table);
    '' otherwise, and in a book more than two years later (one more 2011 figure with its tag in a 2024 page)."""
    found = trend(ds, "male_staff_share", edition)
    if found is None or narrative.stale(found[0], edition):  # a later book: history, not a fact of today
        return ""
    return f"la part des hommes dans les effectifs {stated(found[0], 'est', 'était')} de {trend_text(*found)}"


def dated(fig: Figure) -> Figure:
    """The figure without its edition note, for a sentence that dates it already (« En 2009, Michel Guido
    espérait … passer de 250 000 à 400 000 emplois »: editor37 found « (édition 2008) » twice there)."""
    return replace(fig, as_of=fig.edition)
