"""Snapshot: the monthly employer cost of a full-time employee paid the Smic, by year, from OpenFisca France.

Run by hand, never by the build (the book reads the CSV it writes and never imports openfisca)::

    python3 -m venv ../ofvenv                     # a throwaway venv, outside the repository
    ../ofvenv/bin/pip install openfisca-france==176.1.8
    ../ofvenv/bin/python scripts/snapshot_labour_cost.py            # writes data/reference/
    ../ofvenv/bin/python scripts/snapshot_labour_cost.py --check    # prints, writes nothing

Method, for each year from 2000 to 2024, in the month of July (the Smic is revalued on 1 July until
2009, on 1 January from 2010; July sees the rate of the year's revaluation in every year of the series):

- the gross hourly Smic in force (OpenFisca parameter
  ``marche_travail.salaire_minimum.smic.smic_b_horaire``), times the legal full-time month of
  35 h × 52 / 12 = 151,67 h, is the gross monthly wage (``salaire_de_base``);
- one employee, private sector, non-executive (``prive_non_cadre``), open-ended contract, in a firm of
  ``HEADCOUNT`` employees (a call-centre site; the size sets some rates: FNAL, transport);
- OpenFisca computes, for that month: ``cotisations_employeur`` (employer contributions before the
  general reduction, negative in OpenFisca), ``allegement_general`` (the general reduction of employer
  contributions on low wages, « réduction Fillon »), ``salaire_net`` (net wage, after employee
  contributions, CSG and CRDS), ``cout_du_travail`` (the employer cost: gross wage + employer
  contributions − reductions).

A year whose computation fails, or whose general reduction comes out at zero although the law
applied one, is written with ``status`` = ``not_covered`` and empty amounts, and the sidecar says why:
the book leaves those years out rather than filling them by hand.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.metadata as md
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "reference" / "smic_employer_cost.csv"
YEARS = range(2000, 2025)
MONTH = "07"
FULL_TIME_HOURS = 35 * 52 / 12  # legal full-time month: 35 h a week (loi Aubry II, 2000), 52 weeks / 12 months
HEADCOUNT = 50
VARIABLES = ("salaire_de_base", "cotisations_employeur", "allegement_general", "salaire_net", "cout_du_travail")
# The general reduction exists from 1 July 2003 (loi 2003-47 du 17 janvier 2003, « loi Fillon », art. 12;
# décret 2003-487 du 11 juin 2003); before, the reductions were the « ristourne Juppé » and the
# « aide Aubry II », which OpenFisca does not model under this variable.
REDUCTION_FROM = dt.date(2003, 7, 1)
CICE_YEARS = (2013, 2018)  # the crédit d'impôt pour la compétitivité et l'emploi, a tax credit on wages
COLUMNS = ("year", "month", "smic_hourly_gross", "gross_wage", "employer_contributions", "general_reduction",
           "employer_cost", "net_wage", "status", "note")


def compute(year: int, tbs, builder_cls) -> dict:
    month = f"{year}-{MONTH}"
    smic = float(tbs.parameters(month).marche_travail.salaire_minimum.smic.smic_b_horaire)
    gross = round(smic * FULL_TIME_HOURS, 2)
    case = {
        "individus": {"salarie": {
            "salaire_de_base": {month: gross},
            "contrat_de_travail": {month: 0},  # full time
            "categorie_salarie": {month: "prive_non_cadre"},
            "effectif_entreprise": {month: HEADCOUNT},
        }},
        "familles": {"famille": {"parents": ["salarie"]}},
        "foyers_fiscaux": {"foyer": {"declarants": ["salarie"]}},
        "menages": {"menage": {"personne_de_reference": ["salarie"]}},
    }
    row = {"year": year, "month": month, "smic_hourly_gross": f"{smic:.2f}", "gross_wage": f"{gross:.2f}"}
    if dt.date(year, int(MONTH), 1) < REDUCTION_FROM:
        # before the general reduction, the reductions in force (ristourne Juppé, aide Aubry II) are not
        # modelled by this variable: an employer cost computed without them would be too high
        return {"year": year, "month": month, "status": "not_covered",
                "note": "before the general reduction (July 2003): the reductions then in force (ristourne Juppé, "
                        "aide Aubry II) are not modelled"}
    try:
        sim = builder_cls().build_from_entities(tbs, case)
        out = {v: float(sim.calculate_add(v, month)[0]) for v in VARIABLES}
    except Exception as exc:
        return {**row, "status": "not_covered", "note": f"OpenFisca error: {type(exc).__name__}: {str(exc)[:160]}"}
    reduction = out["allegement_general"]
    if reduction <= 0 and dt.date(year, int(MONTH), 1) >= REDUCTION_FROM:
        return {**row, "status": "not_covered",
                "note": "OpenFisca gives no general reduction although the law applied one (from July 2003)"}
    # OpenFisca signs contributions negative; the CSV holds positive amounts
    employer = -out["cotisations_employeur"]
    cost = gross + employer - reduction
    note = ""
    # From 2013 to 2018 OpenFisca's cout_du_travail also deducts the CICE, a tax credit on wages (loi
    # 2012-1510 du 29 décembre 2012, art. 66; replaced by a cut of contributions in 2019): the CSV keeps the
    # cost before that credit (gross + contributions - general reduction) and the note gives the credit.
    credit = cost - out["cout_du_travail"]
    if abs(credit) > 0.05:
        if not CICE_YEARS[0] <= year <= CICE_YEARS[1]:
            return {**row, "status": "not_covered",
                    "note": f"OpenFisca's cout_du_travail differs from gross + contributions - reduction by {credit:.2f}"}
        note = (f"before the CICE tax credit, which OpenFisca's cout_du_travail deducts ({credit:.2f} €; "
                f"cout_du_travail {out['cout_du_travail']:.2f} €)")
    return {**row,
            "employer_contributions": f"{employer:.2f}",
            "general_reduction": f"{reduction:.2f}",
            "employer_cost": f"{cost:.2f}",
            "net_wage": f"{out['salaire_net']:.2f}",
            "status": "computed",
            "note": note}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the table, write nothing")
    args = parser.parse_args(argv)
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_france import FranceTaxBenefitSystem

    tbs = FranceTaxBenefitSystem()
    rows = [compute(y, tbs, SimulationBuilder) for y in YEARS]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r.get(c, "") for c in COLUMNS})
    text = out.getvalue()
    sys.stdout.write(text)
    if args.check:
        return 0
    TARGET.write_text(text, encoding="utf-8")
    covered = [r["year"] for r in rows if r["status"] == "computed"]
    missing = [r["year"] for r in rows if r["status"] != "computed"]
    version = md.version("openfisca-france")
    core = md.version("openfisca-core")
    sidecar = {
        "title": "Monthly employer cost of a full-time employee paid the Smic, France, 2000-2024 (OpenFisca France)",
        "description": (
            f"For each year, July: gross hourly Smic × 151.67 h (35 h × 52 / 12) as the gross wage of one "
            f"full-time private-sector non-executive employee in a firm of {HEADCOUNT}; OpenFisca France "
            f"computes the employer contributions before reductions (cotisations_employeur), the general "
            f"reduction (allegement_general, réduction Fillon), the employer cost (cout_du_travail = gross + "
            f"contributions - reduction) and the net wage "
            f"(salaire_net). Years computed: {', '.join(map(str, covered)) or 'none'}. Years not covered "
            f"(status not_covered, amounts empty, left out by the book): {', '.join(map(str, missing)) or 'none'}. "
            f"Before July 2003 the reductions then in force (ristourne Juppé, aide Aubry II) are not modelled, so "
            f"those years are left out; in 2003-2005 OpenFisca {version} gives no general reduction (or fails) "
            f"although it applied from 1 July 2003 (loi 2003-47 du 17 janvier 2003, art. 12; décret 2003-487 du "
            f"11 juin 2003): those years are left out rather than filled by hand. From 2013 to 2018 the "
            f"employer cost is before the CICE tax credit (crédit d'impôt pour la compétitivité et l'emploi), "
            f"which OpenFisca's cout_du_travail deducts; each row's note gives it."
        ),
        "source": {
            "text": f"OpenFisca France {version} (openfisca-core {core}), variables {', '.join(VARIABLES)}; "
                    f"computed by scripts/snapshot_labour_cost.py",
            "url": "https://pypi.org/project/OpenFisca-France/",
        },
        "producer": "OpenFisca France (legislation as code, Etalab / community); computation: this project",
        "publication_date": dt.date.today().isoformat(),
        "publication_date_note": "date of the snapshot run",
        "accessed": dt.date.today().isoformat(),
        "licence": "OpenFisca France is distributed under AGPL-3.0; the legislation it encodes is public",
        "method": {
            "package": f"openfisca-france=={version}",
            "variables": list(VARIABLES),
            "month": MONTH,
            "full_time_hours_per_month": round(FULL_TIME_HOURS, 2),
            "headcount": HEADCOUNT,
            "categorie_salarie": "prive_non_cadre",
        },
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    import yaml

    (TARGET.parent / (TARGET.name + ".meta.yaml")).write_text(
        yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} and its sidecar", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
