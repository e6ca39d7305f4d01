"""« Modèle : la marge d'une heure de production »: the paths, the band and the chart."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.prices.common import MODEL_NOTE, OFFICIAL, TEMPLATES, span_text
from barometre.chapters.prices.smic import smic_mid_year
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import prices as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render


def margin_paths(inputs: model.MarginInputs, ds: Dataset, years: list[int], price: Figure, start: int,
                 end: int) -> pd.DataFrame:
    """The margin year by year for the two ends of the price range (years up to ``end``)."""
    years = [y for y in years if y <= end]
    smic = smic_mid_year(ds, years)
    cpi = ds.cpi()
    frames = {}
    for label, change in (("bas", price.bounds[0]), ("haut", price.bounds[1])):
        table = pd.DataFrame(
            {
                "year": years,
                "wage_factor": [smic[y] / smic[start] for y in years],
                "cpi_factor": [float(cpi[y]) / float(cpi[start]) for y in years],
                "price_factor": [model.linear_factor(change / 100, start, end, y) for y in years],
            }
        )
        frames[label] = model.margin_path(inputs, table)
    out = pd.DataFrame({"année": years})
    out["marge prix bas"] = frames["bas"]["margin"].to_numpy() * 100
    out["marge prix haut"] = frames["haut"]["margin"].to_numpy() * 100
    out["texte"] = [
        margin_range_text(lo, hi) for lo, hi in zip(out["marge prix bas"], out["marge prix haut"], strict=True)
    ]
    return out


def margin_range_text(a: float, b: float) -> str:
    lo, hi = sorted((a, b))
    if formatting.percent(lo) == formatting.percent(hi):
        return formatting.percent(lo)
    return f"{formatting.percent(lo)} à {formatting.percent(hi)}"


def margin_title(end_low: float, end_high: float, start_margin: float) -> str:
    """A model's result is said as the model's: these are the figures cited, taken alone."""
    if max(end_low, end_high) < 0:
        return "Sans autre facteur, les chiffres cités effaceraient la marge"
    if max(end_low, end_high) < start_margin:
        return "Sans autre facteur, les chiffres cités réduiraient la marge"
    return "Même sans autre facteur, la marge résisterait"


def margin_chart(paths: pd.DataFrame, start_margin: float, productivity_gain: float,
                 figs: list[Figure]) -> ChartOutput:
    band = alt.Chart(paths).mark_area(opacity=0.45, color=PALETTE[3]).encode(
        x=alt.X("année:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("marge prix bas:Q", title="Marge (% du chiffre d'affaires)"),
        y2="marge prix haut:Q",
        tooltip=[alt.Tooltip("année:Q", title="Année", format="d"), alt.Tooltip("texte:N", title="Marge")],
    )
    edges = alt.Chart(paths).transform_fold(["marge prix bas", "marge prix haut"], as_=["bord", "marge"]).mark_line(
        color=PALETTE[3], strokeWidth=1.5
    ).encode(x="année:Q", y="marge:Q", detail="bord:N")
    ref = alt.Chart(pd.DataFrame({"y": [start_margin * 100],
                                  "texte": [f"marge de départ : {formatting.percent(start_margin * 100)}"]}))
    rule = ref.mark_rule(strokeDash=[5, 4], color="#555").encode(y="y:Q")
    rule_text = ref.mark_text(align="left", dy=-7, color="#444").encode(y="y:Q", x=alt.value(4), text="texte:N")
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#999").encode(y="y:Q")
    first, last = paths.iloc[0], paths.iloc[-1]
    end_low, end_high = last["marge prix bas"], last["marge prix haut"]
    return chart_output(
        (zero + band + edges + rule + rule_text).properties(height=300),
        name="prix-marge",
        title=margin_title(end_low, end_high, start_margin * 100),
        source=OFFICIAL + " ; " + source_line(figs) + MODEL_NOTE,
        description=phrase(f"{TEMPLATES}/charts.md.j2", "margin_description", int(first["année"]),
                           int(last["année"]), span_text(first["texte"]), span_text(last["texte"]), productivity_gain),
        data=paths,
    )


@dataclass(frozen=True)
class SqueezeEnd:
    """The margin model at the end year, for one end of the price range."""

    price_change: float  # percent
    margin: float  # share of revenue
    personnel_share: float  # model's personnel cost / revenue at the end year
    required_gain: float | None  # yearly productivity gain that keeps the starting margin


def squeeze_summary(inputs: model.MarginInputs, ds: Dataset, price: Figure, start: int,
                    end: int) -> tuple[SqueezeEnd, SqueezeEnd]:
    """The model at ``end`` for the low and the high end of the price range."""
    smic = smic_mid_year(ds, [start, end])
    cpi = ds.cpi()
    wage, prices = smic[end] / smic[start], float(cpi[end]) / float(cpi[start])
    out = []
    for change in price.bounds:
        factor = 1 + change / 100
        personnel, _ = model.cost_shares(inputs, wage, prices, factor, end - start)
        out.append(
            SqueezeEnd(
                change,
                model.margin(inputs, wage, prices, factor, end - start),
                personnel,
                model.required_productivity_gain(inputs, wage, prices, factor, end - start),
            )
        )
    return out[0], out[1]


def margin_factors(ds: Dataset, years: list[int], price: Figure, start: int, end: int) -> pd.DataFrame:
    """The year factors of the margin model (wage, CPI, both ends of the price), for the explorer."""
    years = [y for y in years if y <= end]
    smic = smic_mid_year(ds, years)
    cpi = ds.cpi()
    return pd.DataFrame(
        {
            "year": years,
            "years": [y - start for y in years],
            "wage_factor": [smic[y] / smic[start] for y in years],
            "cpi_factor": [float(cpi[y]) / float(cpi[start]) for y in years],
            "price_factor_low": [model.linear_factor(price.bounds[0] / 100, start, end, y) for y in years],
            "price_factor_high": [model.linear_factor(price.bounds[1] / 100, start, end, y) for y in years],
        }
    )


# the sensitivity band of the starting margin, a book's assumption with no published figure: the
# « À retenir » line gives the result from half to one and a half times the margin set
START_MARGIN_BAND = (0.5, 1.5)


def margin_band_sentence(ds: Dataset, price: Figure, start: int, end: int, *, start_margin: float,
                         personnel_share: float, found: Takeaway | None = None) -> str:
    """« Avec une marge de départ de 4 à 12 % au lieu de 8 % (hypothèse du livre), il aurait fallu 5,8 à 7,5 % par
    an. » The band of ``model_takeaway``, told in the prose too (the prose gave 6 to 7,2 % and « À retenir » 5,8
    to 7,5 % for the same result, editor, stop 33); '' when the band gives no gain. ``found``: the
    ``model_takeaway`` when the caller has it already."""
    found = found or model_takeaway(ds, price, start, end, start_margin=start_margin, personnel_share=personnel_share)
    if "gain_low" not in found.findings:
        return ""
    return render(f"{TEMPLATES}/margin_band.md.j2", margins=[start_margin * k for k in START_MARGIN_BAND],
                  start_margin=start_margin, low=found.findings["gain_low"].shown,
                  high=found.findings["gain_high"].shown) + " "


def model_takeaway(ds: Dataset, price: Figure, start: int, end: int, *, start_margin: float,
                   personnel_share: float) -> Takeaway:
    """The margin model's « À retenir » line. The margin the cited figures lead to, with nothing else
    changing, is a reductio (it shows what the reasoning lacks) and is not given here; the line answers
    the inverse question instead: what yearly productivity gain keeps the starting margin, over both
    ends of the price range and a band of the starting margin (a book's assumption)."""
    smic = smic_mid_year(ds, [start, end])
    cpi = ds.cpi()
    wage, prices_ = smic[end] / smic[start], float(cpi[end]) / float(cpi[start])
    margins = [start_margin * k for k in START_MARGIN_BAND]
    gains = []
    for m in margins:
        inputs = model.MarginInputs(m, personnel_share)
        for change in price.bounds:
            gains.append(model.required_productivity_gain(inputs, wage, prices_, 1 + change / 100, end - start))
    line = functools.partial(render, f"{TEMPLATES}/model_takeaway.md.j2", start=start, end=end, margins=margins)
    if any(g is None for g in gains):
        return Takeaway(line(kind="infinite"))
    lo, hi = min(gains), max(gains)
    if hi <= 0:
        return Takeaway(line(kind="kept"))
    shown_lo, shown_hi = formatting.number(lo * 100, 1), formatting.percent(hi * 100)
    return Takeaway(line(kind="gain", low=shown_lo, high=shown_hi),
                    {"gain_low": Finding(lo, shown_lo), "gain_high": Finding(hi, shown_hi)})


@dataclass(frozen=True)
class MarginModel:
    """The margin model as the chapter states it: its inputs, its yearly paths and its text."""

    inputs: model.MarginInputs
    personnel_start: float  # the personnel share in the start year (the barometer's, or the reader's)
    paths: pd.DataFrame  # the margin year by year for both ends of the price range
    text: str  # the section's text (MyST): the hypotheses, then the results
    line: Takeaway | None = None  # the model's « À retenir » line (``model_takeaway``), computed with the text
    factors: pd.DataFrame | None = field(default=None, repr=False)  # the year factors the explorer reruns it with


def margin_model(ds: Dataset, price: Figure, personnel: Figure, years: list[int], start: int, end: int, *,
                 start_margin: float, personnel_share_start: float, productivity_gain: float) -> MarginModel:
    """« Modèle : la marge d'une heure de production »: the model run from ``start`` to ``end`` for both ends of the
    cited price, and its text (the verbs from the margin's sign and direction, the required gain when one exists)."""
    personnel_start = personnel.central / 100 if personnel_share_start < 0 else personnel_share_start
    inputs = model.MarginInputs(start_margin, personnel_start, productivity_gain)
    low_end, high_end = squeeze_summary(inputs, ds, price, start, end)
    line = model_takeaway(ds, price, start, end, start_margin=start_margin, personnel_share=personnel_start)
    paths = margin_paths(inputs, ds, years, price, start, end)
    lo_pts, hi_pts = sorted(((low_end.margin - start_margin) * 100, (high_end.margin - start_margin) * 100))
    gains = [e.required_gain for e in (low_end, high_end)]
    hypotheses_and_results = {
        "start": start, "end": end, "start_margin": start_margin, "personnel": personnel,
        "reader_share": personnel_share_start >= 0, "personnel_start": personnel_start,
        "other_share": inputs.other_share, "productivity_gain": productivity_gain,
        "margins": margin_range_text(low_end.margin * 100, high_end.margin * 100),
        "best_end": max(low_end.margin, high_end.margin), "lo_pts": lo_pts, "hi_pts": hi_pts,
        "personnel_end": margin_range_text(low_end.personnel_share * 100, high_end.personnel_share * 100),
        "gains": tuple(sorted(gains)) if all(g is not None for g in gains) else None,
        # the band « À retenir » gives, said here too: one result, one range on the page
        "band": margin_band_sentence(ds, price, start, end, start_margin=start_margin,
                                     personnel_share=personnel_start, found=line).strip(),
    }
    text = render(f"{TEMPLATES}/margin.md.j2", m=hypotheses_and_results)
    return MarginModel(inputs, personnel_start, paths, text, line, margin_factors(ds, years, price, start, end))
