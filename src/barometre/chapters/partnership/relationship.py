"""« La relation entre donneurs d'ordres et prestataires »: the Numericable case and what the
clients and providers said of their relationship."""

from __future__ import annotations

from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, narrative
from barometre.chapters.partnership.words import reported, reported_note, said_year
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.formatting import percent_of_one
from barometre.models import partnership as model
from barometre.narrative import cite, person, quote, source_line

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
    once = f" (édition {num.external.edition})" if past and narrative.dated(num.external) is num.external else ""
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


def relationship_text(ds: Dataset, edition: int) -> str:
    """What a client and two providers said of their relationship (GDF Suez's expectations, the means
    judged before the results, the work made a procedure), in the past and dated when an older edition
    reported it ('' when no edition up to this one does)."""
    visit = ds.known("client_offshore_visit_weeks", edition)
    sentences = []
    dated = False  # the paragraph has given the year of the older words: the next sentences are in the past, undated
    lestanguet = reported(ds, "eric_lestanguet", edition)
    if lestanguet is not None:
        who = person(ds, "eric_lestanguet")
        # words an older edition reported are told in the past, dated by their publication: no edition note on a
        # paraphrase (« … ne sert pas la qualité (édition 2008) » read as a figure's note)
        said_in = said_year(ds, "eric_lestanguet", lestanguet, edition)
        sentences.append(
            f"{said_in}{'' if 'GDF Suez' in who else 'chez GDF Suez, ' if said_in else 'Chez GDF Suez, '}{who} "
            f"{'attendait' if said_in else 'attend'} de ses prestataires qu'ils lui proposent de "
            "faire évoluer ses pratiques et qu'ils aillent au-delà du contrat, vers l'innovation opérationnelle, "
            "sociale et managériale."
        )
        dated = bool(said_in)
    marque = reported(ds, "fabrice_marque", edition)
    if marque is not None:
        # words an older edition reported are told in the past, dated by the figure they give
        old = marque != edition
        tense = (lambda now, then: then) if old else (lambda now, then: now)
        text = (
            f"{narrative.opening(visit) if visit is not None and old and not dated else ''}{person(ds, 'fabrice_marque')} "
            f"{tense('observe', 'observait')} que les clients {tense('jugent', 'jugeaient')} encore les outsourceurs "
            f"sur les moyens plutôt que sur les résultats et ne {tense('laissent', 'laissaient')} guère de place à leur "
            "initiative"
        )
        if visit is not None:
            text += (
                f" ; certains directeurs de la relation client {tense('passent', 'passaient')} même "
                + (cite(visit, "une semaine") if visit.central == 1 else cite(visit, with_noun=True))
                + " sur les sites offshore pour y mener les entretiens d'embauche des chefs de plateau"
            )
        # dated by its opening (« En 2009, ») when older: no note after the paraphrase
        sentences.append(text + ("." if old and (visit is not None or dated) else f"{reported_note(marque, edition)}."))
        dated = dated or (old and visit is not None)
    jousset = reported(ds, "frederic_jousset", edition)
    if jousset is not None:
        said_in = said_year(ds, "frederic_jousset", jousset, edition)
        opening = said_in if said_in and not dated else ""
        sentences.append(
            f"{opening}{'p' if opening else 'P'}our {person(ds, 'frederic_jousset')}, "
            "vouloir tayloriser et robotiser le métier, par des consignes détaillées jusqu'au discours du "
            f"téléconseiller, {'démotivait' if said_in else 'démotive'} les équipes comme le consommateur final et ne "
            f"{'servait' if said_in else 'sert'} pas la qualité."
        )
    return " ".join(sentences)
