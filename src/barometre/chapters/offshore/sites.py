"""The map: the sites an edition cites (openings and transfers), by city, with their labels and
credit."""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.offshore.common import KIND_FR, SITE_EVENT_KINDS
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure, period_key
from barometre.narrative.templating import phrase, render
from barometre.typography import upper_first

TEMPLATES = "chapters/offshore"
CHARTS = f"{TEMPLATES}/charts.md.j2"

# --------------------------------------------------------------------------- the regions

# A region's weight in France as the later editions publish it (2014: the staff; 2019: the positions and the
# sites), each after « la région X concentr… » or « elle compt… », in this order within a year
REGION_SHARES = {
    "france_positions_share_by_region": "des positions en France",
    "france_staff_share_by_region": "de l’emploi des prestataires en France",
    "france_sites_share_by_region": "des sites de production",
}


def region_shares(ds: Dataset, edition: int) -> tuple[tuple[str, tuple[tuple[str, tuple[Figure, ...]], ...]], ...]:
    """A region's share of France's staff, positions or sites, the latest each edition up to ``edition`` publishes,
    region by region (in the order first found), newest year first (editor40: the 2024 section told 2012's
    Île-de-France and province and left 2014 and 2019 to « Depuis l'article »)."""
    figs = [f for indicator in REGION_SHARES for f in ds.latest_by_scope(indicator, edition)]
    by_region: dict[str, dict[str, list[Figure]]] = {}
    for fig in figs:
        by_region.setdefault(fig.scope, {}).setdefault(fig.period, []).append(fig)
    return tuple((region, tuple((period, tuple(years[period])) for period in sorted(years, key=period_key, reverse=True)))
                 for region, years in by_region.items())


def regions_of(regions) -> str:
    """« En 2019, la région Hauts-de-France concentrait 28 % des positions en France et 23 % des sites de
    production ; en 2014, elle comptait 36 % de l'emploi des prestataires en France. » One sentence a region, in
    the present for the edition's own year ('' without a region)."""
    return render(f"{TEMPLATES}/regions.md.j2", regions=regions, region_shares=REGION_SHARES) if regions else ""


def regions_text(ds: Dataset, edition: int) -> str:
    """A region's share of France's staff, positions or sites, in words (``region_shares``)."""
    return regions_of(region_shares(ds, edition))


def sites_list_of(sites: pd.DataFrame, edition: int) -> str:
    """The openings and transfers of sites the edition cites, one item each ('' without)."""
    return render(f"{TEMPLATES}/sites.md.j2", sites=list(sites.itertuples()), edition=edition) if not sites.empty else ""


# --------------------------------------------------------------------------- the map


def site_events(ds: Dataset, edition: int) -> pd.DataFrame:
    """The openings and transfers of sites the edition's article names, one row per event."""
    events = ds.events(edition)
    if events.empty or "kind" not in events:
        return pd.DataFrame(columns=["event", "actor", "city", "city_name", "date", "kind", "latitude", "longitude"])
    sites = events[events["kind"].isin(SITE_EVENT_KINDS) & events["city"].notna()].copy()
    sites["date_texte"] = sites["date"].map(formatting.event_date)
    sites["nature"] = sites["kind"].map(KIND_FR)
    return sites.sort_values(["date", "city_name", "actor"]).reset_index(drop=True)


def sites_by_city(sites: pd.DataFrame) -> pd.DataFrame:
    """One row per city (several companies may choose the same city)."""
    rows = []
    for city, group in sites.groupby("city", sort=False):
        rows.append(
            {
                "ville": group["city_name"].iloc[0],
                "latitude": float(group["latitude"].iloc[0]),
                "longitude": float(group["longitude"].iloc[0]),
                "entreprises": " ; ".join(f"{a} ({n})" for a, n in zip(group["actor"], group["nature"], strict=True)),
                "date": " ; ".join(dict.fromkeys(group["date_texte"])),
                "nombre": len(group),
                "transfert": bool((group["kind"] == "site_transfer").any()),
                "city": city,
            }
        )
    return pd.DataFrame(rows)


def label_side(latitude: float, longitude: float, origin: dict | None) -> str:
    """'gauche' for a city just west of the origin marker (its label would cover the marker)."""
    if origin is not None and origin["longitude"] - 2 < longitude < origin["longitude"] and abs(
        latitude - origin["latitude"]
    ) < 0.6:
        return "gauche"
    return "droite"


def article_credit(ds: Dataset, sources) -> str:
    """'Relation Client Magazine (2009)': the publication of the rows' sources, from sources.csv."""
    credits = []
    for source in dict.fromkeys(sources):
        src = ds.sources.get(source)
        if src is not None and src.publication_outlet:
            text = src.publication_outlet + (f" ({src.publication_year})" if src.publication_year else "")
            if text not in credits:
                credits.append(text)
    return ", ".join(credits) or "l'article"


def sites_title(cities: pd.DataFrame) -> str:
    """« Les nouveaux sites cités » with their count, or a neutral title when there are none."""
    if cities.empty:
        return "Les sites cités"
    n = int(cities["nombre"].sum())
    text = (f"{formatting.count_words(n, 'implantation ou transfert', 'implantations ou transferts', feminine=True)}"
            f" de sites, dans {formatting.count_words(len(cities), 'ville', feminine=True)}")
    return upper_first(text)


def sites_map(outline: dict, sites: pd.DataFrame, origin: dict | None, edition: int,
              credit: str = "l'article") -> ChartOutput:
    """Map of metropolitan France with the new sites, and the transfers from the Paris region."""
    cities = sites_by_city(sites)
    if not cities.empty:
        cities["côté"] = [label_side(a, o, origin) for a, o in zip(cities["latitude"], cities["longitude"], strict=True)]
    background = (
        alt.Chart(alt.Data(values=outline["features"]))
        .mark_geoshape(fill="#f0f0f0", stroke="#8a8a8a", strokeWidth=0.8)
        .project(type="conicConformal", parallels=[44, 49], rotate=[-3, 0])
    )
    layers = [background]
    transfers = cities[cities["transfert"]] if not cities.empty else cities
    if origin is not None and not transfers.empty:
        arrows = transfers.assign(
            lat0=origin["latitude"], lon0=origin["longitude"], origine="Région parisienne"
        )[["ville", "latitude", "longitude", "lat0", "lon0", "origine"]]
        layers.append(
            alt.Chart(arrows)
            .mark_rule(strokeDash=[5, 3], strokeWidth=1.8, color=PALETTE[3])
            .encode(latitude="lat0:Q", longitude="lon0:Q", latitude2="latitude:Q", longitude2="longitude:Q")
        )
        origin_df = pd.DataFrame([{**origin, "libellé": "Région parisienne"}])
        layers.append(
            alt.Chart(origin_df)
            .mark_point(shape="square", size=90, filled=False, color=PALETTE[3], strokeWidth=2)
            .encode(latitude="latitude:Q", longitude="longitude:Q",
                    tooltip=[alt.Tooltip("libellé:N", title="Origine des transferts")])
        )
        layers.append(
            alt.Chart(origin_df)
            .mark_text(align="center", dy=-13, fontSize=11, color=PALETTE[3], fontStyle="italic")
            .encode(latitude="latitude:Q", longitude="longitude:Q", text="libellé:N")
        )
    if not cities.empty:
        tooltip = [alt.Tooltip("ville:N", title="Ville"), alt.Tooltip("entreprises:N", title="Entreprise"),
                   alt.Tooltip("date:N", title="Date")]
        layers.append(
            alt.Chart(cities)
            .mark_circle(opacity=0.95, stroke="white", strokeWidth=1.2)
            .encode(
                latitude="latitude:Q",
                longitude="longitude:Q",
                size=alt.Size("nombre:Q", scale=alt.Scale(domain=[1, 3], range=[140, 420]), legend=None),
                color=alt.value(PALETTE[0]),
                tooltip=tooltip,
            )
        )
        # a label goes left of its point when the point lies just west of the origin marker
        for side, align, dx in (("droite", "left", 10), ("gauche", "right", -10)):
            layers.append(
                alt.Chart(cities[cities["côté"] == side])
                .mark_text(align=align, dx=dx, dy=-4, fontSize=12, fontWeight="bold")
                .encode(latitude="latitude:Q", longitude="longitude:Q", text="ville:N", tooltip=tooltip)
            )
    rows = list(zip(cities.get("ville", []), cities.get("entreprises", []), cities.get("date", []), strict=True))
    description = phrase(CHARTS, "sites_description", edition, rows if not cities.empty else [], len(sites),
                         origin is not None and not transfers.empty)
    table = cities.drop(columns=["city", "transfert", "côté"]) if not cities.empty else cities
    return chart_output(
        alt.layer(*layers).properties(height=430),
        name="offshore-carte-sites",
        title=sites_title(cities),
        source=f"{credit}, d'après les faits rapportés ; fond de carte "
        "Natural Earth (domaine public) via world-atlas ; coordonnées GeoNames",
        description=description,
        data=table,
    )
