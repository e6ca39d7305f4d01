"""The chapter's names shared by its sections: the chapter id, the kinds of site events, the
growth scopes' labels, the outline of France and a city's point."""

from __future__ import annotations

from barometre import narrative
from barometre.data import Dataset

CHAPTER = "offshore"
SITE_EVENT_KINDS = ("site_opening", "site_transfer")
KIND_FR = {"site_opening": "implantation", "site_transfer": "transfert depuis la région parisienne"}
# The city the site transfers come from (« effectifs de la région parisienne »): Paris stands for it.
TRANSFER_ORIGIN = "paris"
GROWTH_SCOPES = {"france": "Activité en France", "offshore": "Activité offshore", "market": "Ensemble du secteur"}
MODEL_NOTE = " ; modèle et hypothèses du livre"


# --------------------------------------------------------------------------- quotes


# The excerpt tidied (no doubled guillemets, no final full stop) by the one helper, narrative.quote.
quote = narrative.quote


# --------------------------------------------------------------------------- data files


def france_outline(ds: Dataset) -> dict:
    """The outline of metropolitan France and Corsica (``Dataset.france_outline``)."""
    return ds.france_outline()


def city_point(ds: Dataset, city: str) -> dict | None:
    """Name and coordinates of one city of ``reference/cities.csv`` (``Dataset.city``)."""
    return ds.city(city)
