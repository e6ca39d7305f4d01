"""« La concentration du marché »: the index's bounds, its reading, the consolidation and the members' share."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, lead, narrative
from barometre.chapters.prices.common import MODEL_NOTE, TEMPLATES, TOP_N, published
from barometre.charts import PALETTE, ChartOutput, chart_output, row_labels
from barometre.data import Dataset, Figure, period_end
from barometre.labels import scope_label
from barometre.models import prices as model
from barometre.narrative import cite, md_escape, source_line
from barometre.narrative.templating import phrase, render

CONSOLIDATION_KINDS = ("acquisition", "stake_acquisition")


# The HHI's classes come from data/reference/hhi_thresholds.csv (merger guidelines, with their words);
# their French names here
PIECES = f"{TEMPLATES}/_concentration.md.j2"  # the pieces of the section's text and chart


HHI_CLASS_FR = {"unconcentrated": "peu concentré", "moderately_concentrated": "modérément concentré",
                "highly_concentrated": "très concentré"}


def leader_cap(ds: Dataset, edition: int) -> Figure | None:
    """The leader's published share of a ranking (Teleperformance, 20 % of the Top 50's revenue in 2008): its share of
    the whole market, of which the ranking is a part, cannot be larger, so no firm's can (editor43: the index's upper
    bound assumed a leader at 52 % of the market); None when no edition up to ``edition`` publishes one."""
    figs = [f for f in ds.latest_by_scope("leader_market_share", edition) if f.published]
    return max(figs, key=lambda f: f.central) if figs else None


def hhi_table(top_share: Figure, top_n: int, tail_max_share: float,
              forecast: Figure | None, leader: Figure | None = None) -> pd.DataFrame:
    """HHI bounds for the market as the article describes it, and for the forecast of a few large
    players holding the same share (the book's assumption); ``leader`` caps any firm's share (``leader_cap``)."""
    rows = []
    # dated, not « Aujourd'hui »: a later edition shows an older figure
    scenarios = [(phrase(PIECES, "now_label", top_share.period, top_n), top_n)]
    if published(forecast) and int(forecast.central) != top_n:
        scenarios.append((phrase(PIECES, "forecast_label", forecast.central), int(forecast.central)))
    for label, n in scenarios:
        low, high = model.hhi_bounds(top_share.central, n, tail_max_share,
                                     leader.bounds[1] if published(leader) else None)
        rows.append({
            "situation": label,
            "acteurs": n,
            "HHI bas": low,
            "HHI haut": high,
            "texte": f"{formatting.number(low, 0)} à {formatting.number(high, 0)}",
        })
    return pd.DataFrame(rows)


def hhi_text(top: Figure, top_n: int, tail_max_share: float, hhi: pd.DataFrame, grid: list[dict],
             forecast: Figure | None, leader: Figure | None) -> str:
    """The index in words: its bounds and what each assumes, the guidelines' reading, and the floor under the
    forecast of a few large players. With a published ceiling on the leader's share (``leader_cap``), the upper
    bound gives the top firms that share each, not a leader holding nearly all of the top's."""
    now = hhi.iloc[0]
    capped = published(leader) and model.hhi_bounds(top.central, top_n, tail_max_share)[1] > now["HHI haut"]
    shown_forecast = published(forecast) and len(hhi) > 1
    return render(f"{TEMPLATES}/hhi.md.j2", top=top, n_text=formatting.small_number(top_n, 0),
                  others=formatting.small_number(top_n - 1, 0), low=now["HHI bas"], high=now["HHI haut"],
                  tail=tail_max_share, capped=capped, leader=leader,
                  leader_name=md_escape(scope_label(leader.scope)) if capped else "",
                  reading=hhi_reading(now["HHI bas"], now["HHI haut"], grid, top.period),
                  forecast=forecast if shown_forecast else None,
                  forecast_low=hhi.iloc[1]["HHI bas"] if shown_forecast else None)


def hhi_grid(ds: Dataset) -> list[dict]:
    """The classes of concentration the HHI is read against: the first guidelines of
    ``reference/hhi_thresholds.csv``, least concentrated first (empty without the file)."""
    rows = ds.hhi_thresholds()
    return [r for r in rows if r["guidelines"] == rows[0]["guidelines"]] if rows else []


def hhi_class(hhi: float, grid: list[dict]) -> str:
    """The class (``concentration``) of the grid that holds ``hhi``: from ``hhi_above`` (included)
    to ``hhi_below`` (excluded)."""
    for row in grid:
        if (row["hhi_above"] is None or hhi >= row["hhi_above"]) and (row["hhi_below"] is None or hhi < row["hhi_below"]):
            return row["concentration"]
    raise ValueError(f"no class of the HHI grid holds {hhi}")


def hhi_title(low: float, high: float, grid: list[dict]) -> str:
    """The market's class when both bounds agree, « Une concentration encore mal connue » when they
    do not, and a plain title without a grid to read them against."""
    if not grid:
        return "La concentration du marché"
    if hhi_class(low, grid) == hhi_class(high, grid):
        return f"Un marché {HHI_CLASS_FR[hhi_class(low, grid)]}"
    top = HHI_CLASS_FR[grid[-1]["concentration"]]
    if HHI_CLASS_FR[hhi_class(high, grid)] != top:  # what the range rules out
        return f"Un marché qui n'est pas {top}"
    return "Une concentration encore mal connue"


def guidelines_name(grid: list[dict]) -> str:
    """« lignes directrices américaines sur les concentrations horizontales de 1992 »: the guidelines of
    the grid as the book names them, with their year."""
    return f"{grid[0]['name_fr']} de {grid[0]['in_force_from'].year}"


def hhi_reading(low: float, high: float, grid: list[dict], period: str) -> str:
    """The HHI bounds of a share published for ``period`` read against the guidelines' classes, with
    the thresholds the guidelines give and, when the period ends in or after the year they were
    replaced, the date they were in force until. Empty without a grid."""
    if not grid:
        return ""
    until = grid[0]["in_force_until"]
    until_text = formatting.event_date(until.isoformat()) if until is not None and until.year <= period_end(period) else ""
    return phrase(PIECES, "hhi_reading", guidelines_name(grid), until_text, grid[0], grid[-1], HHI_CLASS_FR,
                  HHI_CLASS_FR[hhi_class(low, grid)], HHI_CLASS_FR[hhi_class(high, grid)])


def hhi_chart(table: pd.DataFrame, figs: list[Figure], tail_max_share: float,
              grid: list[dict] | None = None) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("situation:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("situation:N", title="Situation"), alt.Tooltip("texte:N", title="Indice HHI")],
    )
    rule = base.mark_rule(strokeWidth=12, color=PALETTE[0], opacity=0.8).encode(
        x=alt.X("HHI bas:Q", title=f"Indice HHI (0 à {formatting.number(model.HHI_MAX, 0)})",
                scale=alt.Scale(domain=[0, model.HHI_MAX])),
        x2="HHI haut:Q",
    )
    ends = alt.Chart(table).transform_fold(["HHI bas", "HHI haut"], as_=["borne", "valeur"]).mark_point(
        filled=True, size=90, color=PALETTE[0]
    ).encode(y=alt.Y("situation:N", sort=None, axis=None), x="valeur:Q")
    labels = base.mark_text(align="left", dx=10).encode(x="HHI haut:Q", text="texte:N")
    listing = list(zip(table["situation"], table["texte"], strict=True))
    layers = rule + ends + labels + row_labels(table, "situation", bar_size=12)
    limits = [r["hhi_above"] for r in grid or [] if r["hhi_above"] is not None]
    if limits:  # the guidelines' class limits: a dark mark across each range, clear of the row labels
        marks = pd.DataFrame([{"situation": s, "seuil": v} for s in table["situation"] for v in limits])
        layers = layers + alt.Chart(marks).mark_tick(orient="vertical", size=18, thickness=2, color="#333").encode(
            x="seuil:Q", y=alt.Y("situation:N", sort=None, axis=None))
    return chart_output(
        layers.properties(height=66 * len(table)),
        name="prix-concentration",
        title=hhi_title(float(table.iloc[0]["HHI bas"]), float(table.iloc[0]["HHI haut"]), grid or []),
        source=source_line(figs) + MODEL_NOTE + (f" ; seuils (traits verticaux) : {grid[0]['source_fr']}" if grid else ""),
        description=phrase(PIECES, "hhi_description", listing, tail_max_share,
                           guidelines_name(grid) if limits else "", [formatting.number(v, 0) for v in limits]),
        data=table,
    )


def consolidation_events(ds: Dataset, edition: int) -> pd.DataFrame:
    events = ds.events(edition)
    if events.empty or "kind" not in events:
        return events
    out = events[events["kind"].isin(CONSOLIDATION_KINDS)].copy()
    out["date_texte"] = out["date"].map(formatting.event_date)
    return out.sort_values("date").reset_index(drop=True)


def consolidation_phrases(moves: pd.DataFrame, stake: Figure | None) -> list[str]:
    """One MyST phrase per consolidation event; the share of a stake comes from its figure row."""

    return [phrase(PIECES, "move", m.kind, re.sub(r"\s*\(.*\)\s*$", "", str(m.target or "")).strip(), m.actor,
                   m.date_texte, stake if published(stake) else None)
            for m in moves.itertuples()]


@dataclass(frozen=True)
class MembersShare:
    """The SP2C members' share of the market, when an edition gives it after the last share of the ten largest (the
    2024 edition: « 70 à 75 % »), another measure, not a move of the ten's share: the share, the one before it and
    whether it is the same or across a break, and the members' revenue and the market's of the same year when both are
    published in one unit (the book's check, as on the claims page)."""

    coverage: Figure
    before: Figure | None
    same: bool  # the share before is the same (its bounds)
    broken: bool  # a series break lies between the two
    part: Figure | None
    whole: Figure | None
    after_top: bool  # told after the ten's share (« les dix premiers »)


def members_share(ds: Dataset, edition: int, top: Figure | None) -> MembersShare | None:
    """``MembersShare`` when the edition gives the members' share after ``top``'s year; None otherwise."""
    coverage = ds.known("sp2c_revenue_coverage", edition)
    if not published(coverage) or (top is not None and period_end(coverage.period) <= period_end(top.period)):
        return None
    earlier = [f for f in lead.series(ds, "sp2c_revenue_coverage", "market", edition)
               if period_end(f.period) < period_end(coverage.period)]
    before = earlier[-1] if earlier else None
    part, whole = (ds.known(i, edition, period=coverage.period) for i in ("sp2c_members_revenue", "market_revenue"))
    checked = published(part) and published(whole) and part.unit == whole.unit
    return MembersShare(coverage, before, before is not None and before.bounds == coverage.bounds,
                        before is not None and ds.break_between(before, coverage) is not None,
                        part if checked else None, whole if checked else None, top is not None)


def members_text(m: MembersShare | None) -> str:
    """The members' share in words ('' without it): the SP2C's word about itself, whoever relays it (« Le SP2C
    indique représenter 90 % »), the share before it in one parenthesis across a break (editor37), its year naming its
    edition when they are the same (editor45)."""
    if m is None:
        return ""
    coverage, before = m.coverage, m.before
    who = narrative.mentions.person(coverage.source_name, coverage.source_role) if coverage.source_type == "interview" \
        else "le SP2C"
    told = {"before": None, "same": False, "cited": "", "year": "", "broken": False, "note_edition": None}
    if before is not None:
        year = md_escape(formatting.period_text(before.period))
        if m.broken:  # one parenthesis (editor37: « 90 % (édition 2014) en 2014 (une rupture de série les sépare) »)
            shown = replace(before, as_of=before.edition)
            cited = cite(shown, f"en {year}") if m.same else cite(shown)
        else:  # the same share: its year, linked
            cited = narrative.cite_earlier(before, f"en {year}") if m.same else narrative.cite_earlier(before)
        note_edition = (before.edition if before.from_older_edition and str(before.period) != str(before.edition)
                        else None)
        told = {"before": before, "same": m.same, "cited": cited, "year": year, "broken": m.broken,
                "note_edition": note_edition}
    return render(f"{TEMPLATES}/members.md.j2", coverage=coverage, who=who, **told, part=m.part, whole=m.whole,
                  top_n=TOP_N if m.after_top else None) + " "


def members_share_sentence(ds: Dataset, edition: int, top: Figure | None) -> str:
    """``members_text`` of the edition's ``members_share``."""
    return members_text(members_share(ds, edition, top))
