"""The headers of the CSV a reader downloads under each chart (« Télécharger les données (CSV) »):
in French, with the unit of every number column. The chart's own data keep their column names (the
specs encode them); only the download is renamed (``ChartOutput.csv``).

``HEADERS`` names a column wherever it appears; ``CHART_HEADERS`` overrides it for one chart whose
column of the same name has another unit. ``VALUES`` writes a column's identifiers in French.
A column listed nowhere keeps its name: ``tests/test_chart_csv.py`` checks, on the built book,
that every header is French and every number column says its unit."""

from __future__ import annotations

import pandas as pd

SAME_UNIT = "même unité que la valeur"

HEADERS: dict[str, str] = {
    # the models' and explorers' own names (English or snake_case)
    "year": "année",
    "month": "mois",
    "years": "durée (années)",
    "net_saving": "économie nette cumulée (mois de fonctionnement interne)",
    "transition_cost_months": "coût de la transition (mois de fonctionnement interne)",
    "wage_factor": "facteur du Smic (base 1 en 2000)",
    "cpi_factor": "facteur des prix à la consommation (base 1 en 2000)",
    "price_factor": "facteur du prix de l'heure (base 1 en 2000)",
    "marge_au_depart": "marge de départ (%)",
    "rappels_offshore": "taux de rappel offshore (part, de 0 à 1)",
    "cout_france": "coût par demande résolue en France (% d'une heure en France)",
    "cout_offshore": "coût par demande résolue offshore (% d'une heure en France)",
    "revenu_par_demande": "revenu par demande (prix d'un appel = 1)",
    "date_texte": "date",
    # French names that lacked their unit
    "croissance": "croissance (%)",
    "part": "part (%)",
    "valeur": "valeur (unité de la ligne)",
    "bas": f"borne basse ({SAME_UNIT})",
    "haut": f"borne haute ({SAME_UNIT})",
    "borne": "borne (1 : le chiffre est une borne, « plus de », « au moins »…)",
    "texte": "texte affiché",
    "indice": "indice (base 100 la première année)",
    "euros": "euros (par mois)",
    "HHI bas": "HHI bas (points, de 0 à 10 000)",
    "HHI haut": "HHI haut (points, de 0 à 10 000)",
    "acteurs": "acteurs (nombre)",
    "marge prix bas": "marge au prix le plus bas (%)",
    "marge prix haut": "marge au prix le plus haut (%)",
    "rapport de coût": "rapport de coût offshore / France (nombre de fois)",
    "part nécessaire": "part nécessaire (%)",
    "taux de rappel offshore": "taux de rappel offshore (%)",
    "coût par demande résolue": "coût par demande résolue (% d'une heure en France)",
    "résolution": "résolution au premier contact (%)",
    "revenu": "revenu par demande (prix d'un appel = 1)",
    "marge": "marge par demande (prix d'un appel = 1)",
    "contacts": "contacts par demande (nombre)",
    "non résolues": "demandes jamais résolues (%)",
    "conseillers": "conseillers (nombre)",
    "latitude": "latitude (degrés)",
    "longitude": "longitude (degrés)",
    "écart": "écart de salaire (%)",
    "minutes par an": "minutes par an (nombre)",
    "euros par an": "euros par an (€)",
    "début": "début (%)",
    "fin": "fin (%)",
}

CHART_HEADERS: dict[str, dict[str, str]] = {
    "partenariat-objectif-emplois": {"croissance": "croissance nécessaire (% par an)"},
    "valeur-explorer": {"résolution": "résolution au premier contact (part, de 0 à 1)", "contrat": "contrat"},
    "offshore-carte-sites": {"nombre": "implantations (nombre)"},
    "resilience-croissance": {
        "début": "début de la barre (%)", "fin": "fin de la barre (%)", "flèche": "position de la flèche (%)",
        "étiquette": "position de l'étiquette (%)", "nombre": "texte de l'étiquette",
    },
    "partenariat-numericable": {"part": "part (%, texte)", "texte": "texte affiché (conseillers)"},
    "synthese-tableau-de-bord": {"valeur": "valeur (unité : voir le texte affiché)"},
    "offshore-prestataires": {"valeur": "valeur (unité : voir la colonne axe)"},
}


def _values() -> dict[str, dict[str, str]]:
    from barometre.labels import UNITS_FR, VALUE_SCHEME_LABELS

    return {"unité": UNITS_FR, "contrat": VALUE_SCHEME_LABELS}


def for_download(name: str, data: pd.DataFrame) -> pd.DataFrame:
    """The chart's rows as the reader downloads them: French headers with units, French identifiers."""
    values = _values()
    # the drawing's own columns (the run a line belongs to between two breaks, marks' helpers) are not data
    out = data.drop(columns=[c for c in data.columns if c == "segment" or str(c).startswith("_")])
    for column, labels in values.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, labels=labels: labels.get(v, v) if isinstance(v, str) else v)
    own = CHART_HEADERS.get(name, {})
    return out.rename(columns=lambda c: own.get(c, HEADERS.get(c, c)))
