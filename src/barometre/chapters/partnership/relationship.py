"""« La relation entre donneurs d'ordres et prestataires »: the Numericable case and what the
clients and providers said of their relationship."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.partnership.words import CHARTS, TEMPLATES, reported, words_year
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.formatting import percent_of_one
from barometre.models import partnership as model
from barometre.narrative import person, source_line
from barometre.narrative.templating import phrase, render

# --------------------------------------------------------------------------- Numericable


@dataclass(frozen=True)
class Numericable:
    external: Figure
    internal: Figure
    offshore_start: Figure | None
    who: str = ""  # Eric Klipfel, with his role (``narrative.person``)

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
    return Numericable(external, internal, start if start is not None and start.published else None,
                       person(ds, external.source))


def numericable_text(ds: Dataset, num: Numericable) -> str:
    """Eric Klipfel's testimony (Numericable), from ``numericable.md.j2``: present in the edition that reports it; in a
    later book dated once and in the past throughout."""
    return numericable_of(num)


def numericable_of(num: Numericable) -> str:
    return render(f"{TEMPLATES}/numericable.md.j2", num=num, past=num.external.from_older_edition)


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
        description=phrase(CHARTS, "numericable_description", n),
        data=table,
    )


@dataclass(frozen=True)
class Speaker:
    """A person the chapter reports: their mention (name and role), the edition that reports them, and the year
    their words date from in a later book (``None`` for the words of the book's own edition)."""

    who: str
    cited_in: int
    year: int | None


def speaker(ds: Dataset, source: str, edition: int) -> Speaker | None:
    """The person of ``source`` as the book of ``edition`` reports them (None when no edition up to it does)."""
    cited_in = reported(ds, source, edition)
    if cited_in is None:
        return None
    return Speaker(person(ds, source), cited_in, words_year(ds, source, cited_in, edition))


RELATIONSHIP_SPEAKERS = ("eric_lestanguet", "fabrice_marque", "frederic_jousset")


@dataclass(frozen=True)
class Relationship:
    """What a client and two providers said of their relationship (each ``None`` when no edition up to the book's
    reports them) and the weeks a client spends on an offshore site."""

    lestanguet: Speaker | None
    marque: Speaker | None
    jousset: Speaker | None
    visit: Figure | None

    @property
    def told(self) -> bool:
        return any((self.lestanguet, self.marque, self.jousset))


def relationship(ds: Dataset, edition: int) -> Relationship:
    return Relationship(*(speaker(ds, s, edition) for s in RELATIONSHIP_SPEAKERS),
                        ds.known("client_offshore_visit_weeks", edition))


def relationship_of(r: Relationship) -> str:
    """The section's paragraph, from ``relationship/relationship.md.j2`` ('' when nobody is reported)."""
    if not r.told:
        return ""
    return render(f"{TEMPLATES}/relationship.md.j2", lestanguet=r.lestanguet, marque=r.marque, jousset=r.jousset,
                  visit=r.visit)
