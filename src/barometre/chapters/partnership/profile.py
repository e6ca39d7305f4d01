"""The latest study's portrait of the staff (the EY editions from 2019): the staff's growth in France with the
falls before it, the change by diploma, the work-study contracts and the share over 35. editor42: the 2024 page
led on 2012's 51 % of advisers with a bac + 2 while the 2019 edition's newer and opposite figures (graduates
leaving, work-study up by half) were only labels in « Depuis l'article »."""

from __future__ import annotations

from dataclasses import dataclass

from barometre import history, lead, narrative
from barometre.chapters.partnership.words import TEMPLATES
from barometre.data import Dataset, Figure
from barometre.narrative.templating import render

# what the staff's portrait adds to its growth: an edition that publishes one of these is told in full
PORTRAIT = ("staff_by_diploma_growth", "apprenticeship_growth", "staff_over_35_share")
EARLIER_MOVES = 3  # the staff's growth of at most this many earlier years, told after the latest


def _published(fig: Figure | None) -> bool:
    return fig is not None and fig.published


def _by(ds: Dataset, fig: Figure) -> str:
    """« l'étude d'EY pour le SP2C » for the study of the figure's edition, « le baromètre » without one."""
    study = ds.study_of(fig.edition)
    return history.study_name(study) if study is not None else "le baromètre"


@dataclass(frozen=True)
class Portrait:
    """The latest study's portrait of the staff: the staff's growth in France and its size that year, the falls or
    rises before it (``EARLIER_MOVES`` at most; ``earlier_by`` names their study when it is another), the change by
    diploma, the work-study contracts and the share over ``age``."""

    growth: Figure
    size: Figure | None
    growth_by: str
    earlier: list[Figure]
    earlier_by: str  # '' when the earlier figures come from the same study as the growth
    diplomas: list[Figure]
    work_study: Figure | None
    over35_france: Figure | None
    over35_market: Figure | None  # beside France's when of the same period; alone without France's
    age: str  # « plus de 35 ans », from the indicator's label


def portrait(ds: Dataset, edition: int) -> Portrait | None:
    """The portrait, when the edition of the staff's latest growth in France publishes one of ``PORTRAIT`` too
    (None otherwise: the BearingPoint books tell the staff's growth in « Résilience »)."""
    growth = ds.known("staff_growth", edition, scope="france")
    if not _published(growth):
        return None
    if not any(f.published and f.edition == growth.edition for indicator in PORTRAIT
               for f in ds.latest_by_scope(indicator, edition)):
        return None
    staff = ds.known("staff", edition, scope="france", period=growth.period)
    earlier = [f for f in lead.series(ds, "staff_growth", "france", edition)
               if f.period < growth.period and f.published][-EARLIER_MOVES:]
    same = bool(earlier) and ds.study_of(earlier[-1].edition) == ds.study_of(growth.edition)
    france = ds.known("staff_over_35_share", edition, scope="france")
    market = ds.known("staff_over_35_share", edition)
    if _published(france):
        market = market if _published(market) and market.period == france.period else None
    else:
        france, market = None, market if _published(market) else None
    # the age is the indicator's, as its label in the dictionary gives it (« Part des salariés de plus de 35 ans »)
    label = ds.indicators["staff_over_35_share"].label_fr
    work_study = ds.known("apprenticeship_growth", edition)
    return Portrait(
        growth=growth, size=staff if _published(staff) and staff.edition == growth.edition else None,
        growth_by=_by(ds, growth), earlier=earlier, earlier_by="" if same or not earlier else _by(ds, earlier[-1]),
        diplomas=[f for f in narrative.latest_parts(ds, "staff_by_diploma_growth", edition) if f.published],
        work_study=work_study if _published(work_study) else None, over35_france=france, over35_market=market,
        age=label[label.index("plus de "):] if "plus de " in label else "plus âgés",
    )


def portrait_text(ds: Dataset, edition: int) -> str:
    """The latest study's portrait of the staff (``portrait.md.j2``; '' without one)."""
    return portrait_of(portrait(ds, edition))


def portrait_of(p: Portrait | None) -> str:
    return render(f"{TEMPLATES}/portrait.md.j2", p=p) if p is not None else ""


def portrait_takeaway(ds: Dataset, edition: int) -> str:
    """The portrait's « À retenir » line (``portrait_takeaway.md.j2``; '' without a portrait)."""
    return portrait_takeaway_of(portrait(ds, edition))


def portrait_takeaway_of(p: Portrait | None) -> str:
    return render(f"{TEMPLATES}/portrait_takeaway.md.j2", p=p) if p is not None else ""
