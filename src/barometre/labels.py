"""French labels of the data's ids (scopes), shared by every page: the lowest layer, it imports nothing
of the package, so that no module has to import a page for a word.

The scope labels are those of the scope dictionary ``data/scopes.csv`` (which the validation checks every
figure's scope against); ``tests/test_validation.py`` checks that the two say the same, scope by scope. They
stay written here, in code, because the chapters' cache keys hash the package code: a label changed in both
places re-executes the pages that print it."""

from __future__ import annotations

PRESS_SUMMARY = "Résumé de presse"  # an outlet's summary of a study, named as such where the annex quotes it

SCOPE_LABELS = {
    "market": "ensemble du marché",
    "france": "France",
    "offshore": "offshore",
    "nearshore": "nearshore européen",
    "offshore_1": "Afrique du Nord",
    "offshore_2": "Afrique subsaharienne",
    "offshore_3": "océan Indien",
    "province": "province",
    "paris": "Paris",
    "ile_de_france": "Île-de-France",
    "before": "auparavant",
    "now": "aujourd'hui",
    "current": "aujourd'hui",
    "target": "objectif",
    "large_groups": "grands groupes",
    "united_kingdom": "Royaume-Uni",
    "acticall": "Acticall",
    "assises_relation_client": "Assises de la relation client",
    "client_managers": "directeurs de la relation client",
    "framework_agreement": "accord-cadre",
    "internet_subscription": "abonnement internet",
    "large_players": "grands acteurs",
    "numericable": "Numericable",
    "sales_adviser": "conseiller de vente",
    "technical_hotline": "assistance technique",
    "teleperformance": "Teleperformance",
    "teleperformance_france": "Teleperformance France",
    "top10": "dix premiers",
    "webhelp": "Webhelp",
    "telecom": "télécoms",
    "top50": "cinquante premiers du classement",
    "technical_support": "support technique",
    "morocco": "Maroc",
    # the scopes of the editions 2012-2024 (branch data24)
    "germany": "Allemagne",
    "china": "Chine",
    "hauts_de_france": "Hauts-de-France",
    "health": "santé",
    "ecommerce": "e-commerce",
    "tourism": "tourisme",
    "training": "formation",
    "consulting": "conseil",
    "social_networks": "réseaux sociaux",
    "sms": "SMS",
    "bac3_4": "bac + 3/4",
    "bac5_plus": "bac + 5 et plus",
    "cap_bep_bac_bac2": "CAP, BEP, bac à bac + 2",
}


def scope_label(scope: str) -> str:
    """« ensemble du marché », « Île-de-France »… (the id with spaces when the data use a new scope)."""
    return SCOPE_LABELS.get(scope, scope.replace("_", " "))


def with_scope(label: str, scope: str) -> str:
    """A figure's label with its scope, as a caption or a table names it: « Croissance du chiffre d'affaires
    (France) », or after a comma when the scope's own label has a parenthesis (« Croissance du chiffre
    d'affaires, nearshore (Europe) », not « (nearshore (Europe)) »); the label alone
    for the whole market."""
    if scope == "market":
        return label
    where = scope_label(scope)
    return f"{label}, {where}" if "(" in where else f"{label} ({where})"


# The three contracts of the value chapter, named alike in its charts and in its explorer.
VALUE_SCHEME_LABELS = {
    "per_call": "Paiement à l'appel",
    "per_resolution": "Paiement à la demande résolue",
    "bonus_malus": "Prix de base avec bonus/malus qualité",
}

# French names of the data's qualifiers and units (the downloadable tables, the charts' CSV headers)
QUALIFIERS_FR = {
    "exact": "exact", "about": "environ", "more_than": "plus de", "at_least": "au moins",
    "less_than": "moins de", "at_most": "au plus", "range": "fourchette", "not_published": "non publié",
}
UNITS_FR = {
    "percent": "% (part, de 0 à 100)",
    "percent_change": "% (variation)",
    "percentage_points": "points de pourcentage",
    "eur_per_month_gross": "euros bruts par mois",
    "eur_per_month_net": "euros nets par mois",
    "eur_million": "millions d’euros",
    "jobs": "emplois",
    "companies": "entreprises",
    "people": "personnes",
    "trainings": "formations",
    "weeks": "semaines",
    "years": "années",
    "count": "nombre",
    "year": "année civile",
}
