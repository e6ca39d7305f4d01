"""The latest study's portrait of the staff (the EY editions from 2019): the staff's growth in France with the
falls before it, the change by diploma, the work-study contracts and the share over 35. editor42: the 2024 page
led on 2012's 51 % of advisers with a bac + 2 while the 2019 edition's newer and opposite figures (graduates
leaving, work-study up by half) were only labels in « Depuis l'article »."""

from __future__ import annotations

from dataclasses import replace

from barometre import formatting, history, lead, narrative
from barometre.data import Dataset, Figure
from barometre.labels import scope_label
from barometre.narrative import cite, de, tensed
from barometre.typography import upper_first

# what the staff's portrait adds to its growth: an edition that publishes one of these is told in full
PORTRAIT = ("staff_by_diploma_growth", "apprenticeship_growth", "staff_over_35_share")
EARLIER_MOVES = 3  # the staff's growth of at most this many earlier years, told after the latest


def _published(fig: Figure | None) -> bool:
    return fig is not None and fig.published


def _moves(fig: Figure, *, plural: bool = True) -> str:
    """« progressent » / « reculent » / « sont stables » (« progresse » … for one subject), in the past for an older
    edition's figure."""
    if not plural:
        return narrative.direction(fig.central, up=tensed(fig, "progresse", "progressait"),
                                   down=tensed(fig, "recule", "reculait"), flat=tensed(fig, "est stable", "était stable"))
    return narrative.direction(fig.central, up=tensed(fig, "progressent", "progressaient"),
                               down=tensed(fig, "reculent", "reculaient"),
                               flat=tensed(fig, "sont stables", "étaient stables"))


def _by(ds: Dataset, fig: Figure) -> str:
    """« l'étude d'EY pour le SP2C » for the study of the figure's edition, « le baromètre » without one."""
    study = ds.study_of(fig.edition)
    return history.study_name(study) if study is not None else "le baromètre"


def _own(fig: Figure) -> Figure:
    """The figure without its edition note: the sentence gives its year and names its study."""
    return replace(fig, as_of=fig.edition)


def staff_growth_sentence(ds: Dataset, edition: int, growth: Figure) -> str:
    """« En 2019, selon l'étude d'EY pour le SP2C, les effectifs en France progressaient de 0,8 %, à 49 000
    salariés ; l'étude de BearingPoint pour le SP2C mesurait des reculs de 7 % en 2012, 6 % en 2013 et 2,2 % en
    2014. » The earlier years' words from their signs, their study named when it is another."""
    staff = ds.known("staff", edition, scope="france", period=growth.period)
    size = (f", à {cite(_own(staff), then=' salariés')}" if _published(staff) and staff.edition == growth.edition
            else "")
    text = (f"En {formatting.period_text(growth.period)}, selon {_by(ds, growth)}, les effectifs en France "
            f"{_moves(growth)} {de(_own(growth), magnitude=True)}" if growth.central
            else f"En {formatting.period_text(growth.period)}, selon {_by(ds, growth)}, les effectifs en France "
            f"{_moves(growth)}")
    earlier = [f for f in lead.series(ds, "staff_growth", "france", edition)
               if f.period < growth.period and f.published][-EARLIER_MOVES:]
    if not earlier:
        return text + size + "."
    words = ("des reculs" if all(f.central < 0 for f in earlier) else
             "des hausses" if all(f.central > 0 for f in earlier) else "des évolutions")
    items = formatting.enumeration([
        f"{cite(_own(f), formatting.figure_text(f, magnitude=words != 'des évolutions', signed=words == 'des évolutions'))}"
        f" en {formatting.period_text(f.period)}" for f in earlier])
    same = ds.study_of(earlier[-1].edition) == ds.study_of(growth.edition)
    who = "il mesurait" if same else f"{_by(ds, earlier[-1])} mesurait"
    return text + size + f" ; {who} auparavant {words} de {items}."


def diplomas_sentence(ds: Dataset, edition: int, said: str | None) -> str:
    """« Les salariés de niveau bac + 3/4 reculaient de 17 % et ceux de niveau bac + 5 et plus de 22 %, quand ceux
    de niveau CAP, BEP, bac à bac + 2 progressaient de 1 à 4 %. » Grouped by sign, falls first; dated unless the
    year is ``said`` just before."""
    figs = [f for f in narrative.latest_parts(ds, "staff_by_diploma_growth", edition) if f.published]
    if not figs:
        return ""
    groups = [[f for f in figs if f.central < 0], [f for f in figs if f.central >= 0]]
    clauses = []
    for group in (g for g in groups if g):
        first, *others = group
        subject = "ceux" if clauses else "les salariés"  # the second group after « quand »
        clause = f"{subject} de niveau {scope_label(first.scope)} {_moves(first)} {de(_own(first), magnitude=True)}"
        clause += "".join(f" et ceux de niveau {scope_label(f.scope)} {de(_own(f), magnitude=True)}" for f in others)
        clauses.append(clause)
    text = ", quand ".join(clauses)
    when = "" if said == figs[0].period else f"En {formatting.period_text(figs[0].period)}, "
    return (when + text if when else upper_first(text)) + "."


def young_and_trained_sentence(ds: Dataset, edition: int) -> str:
    """« L'alternance progressait de 52 %, et 41,1 % des salariés en France avaient plus de 35 ans, contre 30,2 %
    toutes zones de production confondues. » '' when neither is published."""
    parts = []
    work_study = ds.known("apprenticeship_growth", edition)
    if _published(work_study):
        parts.append(f"l'alternance {_moves(work_study, plural=False)} {de(_own(work_study), magnitude=True)}")
    france = ds.known("staff_over_35_share", edition, scope="france")
    market = ds.known("staff_over_35_share", edition)
    # the age is the indicator's, as its label in the dictionary gives it (« Part des salariés de plus de 35 ans »)
    label = ds.indicators["staff_over_35_share"].label_fr
    age = label[label.index("plus de "):] if "plus de " in label else "plus âgés"
    if _published(france):
        older = (f"{cite(_own(france))} des salariés en France {tensed(france, 'ont', 'avaient')} {age}"
                 + (f", contre {cite(_own(market))} toutes zones de production confondues"
                    if _published(market) and market.period == france.period else ""))
        parts.append(older)
    elif _published(market):
        parts.append(f"{cite(_own(market))} des salariés {tensed(market, 'ont', 'avaient')} {age}")
    return upper_first(", et ".join(parts)) + "." if parts else ""


def portrait_text(ds: Dataset, edition: int) -> str:
    """The latest study's portrait of the staff, when the edition of the staff's latest growth in France publishes
    one of ``PORTRAIT`` too ('' otherwise: the BearingPoint books tell the staff's growth in « Résilience »)."""
    growth = ds.known("staff_growth", edition, scope="france")
    if not _published(growth):
        return ""
    if not any(f.published and f.edition == growth.edition for indicator in PORTRAIT
               for f in ds.latest_by_scope(indicator, edition)):
        return ""
    sentences = [staff_growth_sentence(ds, edition, growth), diplomas_sentence(ds, edition, growth.period),
                 young_and_trained_sentence(ds, edition)]
    return " ".join(s for s in sentences if s)


def cdi_sentence(ds: Dataset, cdi: tuple[Figure, Figure | None], france: Figure) -> str:
    """« En 2019, selon l'étude d'EY pour le SP2C, la part des CDI dans les contrats était d'environ 75 % en France ;
    pour l'ensemble du secteur, autre périmètre, l'étude de BearingPoint pour le SP2C en comptait 84 % en 2011 (82 %
    en 2010). » The newer share in France first, then the sector's, each with its study and year (editor40/42: one
    sentence with two « (dernier chiffre publié) », an « (édition 2011) » and a dash)."""
    latest, previous = cdi
    text = (f"En {formatting.period_text(france.period)}, selon {_by(ds, france)}, la part des CDI dans les contrats "
            f"{tensed(france, 'est', 'était')} {de(_own(france))} en France ; pour l'ensemble du secteur, autre "
            f"périmètre, {_by(ds, latest)} en {tensed(latest, 'compte', 'comptait')} {cite(_own(latest))} en "
            f"{formatting.period_text(latest.period)}")
    if previous is not None:
        text += f" ({cite(_own(previous))} en {formatting.period_text(previous.period)})"
    return text + "."


def portrait_takeaway(ds: Dataset, edition: int) -> str:
    """« - En 2019, selon l'étude d'EY pour le SP2C : effectifs en France +0,8 % ; par diplôme, −17 % (bac + 3/4),
    −22 % (bac + 5 et plus), +1 à +4 % (CAP, BEP, bac à bac + 2) ; alternance +52 %. » The portrait's « À retenir »
    line ('' when ``portrait_text`` tells nothing)."""
    if not portrait_text(ds, edition):
        return ""
    growth = ds.known("staff_growth", edition, scope="france")
    parts = [f"effectifs en France {cite(_own(growth), signed=True)}"]
    diplomas = [f for f in narrative.latest_parts(ds, "staff_by_diploma_growth", edition) if f.published]
    if diplomas:
        parts.append("par diplôme, " + ", ".join(f"{cite(_own(f), signed=True)} ({scope_label(f.scope)})"
                                                 for f in sorted(diplomas, key=lambda f: f.central)))
    work_study = ds.known("apprenticeship_growth", edition)
    if _published(work_study):
        parts.append(f"alternance {cite(_own(work_study), signed=True)}")
    return (f"- En {formatting.period_text(growth.period)}, selon {_by(ds, growth)} : " + " ; ".join(parts) + ".")
