"""« Les secteurs clients », « Le poids du personnel », the activities and the price per minute."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, narrative
from barometre.chapters.prices.common import (
    CHAPTER,
    MODEL_NOTE,
    TEMPLATES,
    euros_precise,
    ordinal,
    published,
)
from barometre.charts import PALETTE, ChartOutput, bound_direction, chart_output, row_labels
from barometre.data import Dataset, Figure, Quote, period_end
from barometre.history import trend
from barometre.labels import scope_label
from barometre.models import prices as model
from barometre.narrative import cite, source_line
from barometre.narrative.templating import phrase
from barometre.typography import elide

VOLUME_FACTORS = (0.1, 0.5, 1, 5, 10)


PIECES = f"{TEMPLATES}/_clients.md.j2"  # the pieces of the sections' text


def hotline_text(hotline: Figure) -> str:
    """The change of the technical-support share of inbound calls, as the article gives it: « la proportion
    d'appels entrants concernant la hot[line] technique a plus que doublé (+125%) » is a share that
    changed, not a number of calls; « plus que doublé » only above +100 %."""
    return phrase(PIECES, "hotline", hotline) + " "


def outbound_text(outbound: Figure) -> str:
    """The outbound calls' share, with the article's « vente et génération de leads » in French."""
    return phrase(PIECES, "outbound", outbound)


def cost_structure_table(personnel: Figure | None, salaries: Figure | None) -> pd.DataFrame:
    rows = []
    if published(personnel):
        rows.append({"indicateur": "Coût du personnel / chiffre d'affaires", "part": personnel.central,
                     "texte": formatting.figure_text(personnel), "borne": bound_direction(personnel.qualifier)})
    if published(salaries):
        rows.append({"indicateur": "Salaires / coûts de production", "part": salaries.central,
                     "texte": formatting.figure_text(salaries), "borne": bound_direction(salaries.qualifier)})
    return pd.DataFrame(rows, columns=["indicateur", "part", "texte", "borne"])


def cost_structure_title(table: pd.DataFrame) -> str:
    """« Le personnel, premier poste de coût » only when a share shows it weighs half or more."""
    if (table["part"] >= 50).any():
        return "Le personnel, premier poste de coût"
    return "Le poids du personnel dans les coûts"


def cost_structure_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Part")],
    )
    track = alt.Chart(table).mark_bar(size=30, color="#e4e4e4").encode(
        y=alt.Y("indicateur:N", sort=None, axis=None), x=alt.datum(100)
    )
    bars = base.mark_bar(size=30, color=PALETTE[0]).encode(
        x=alt.X("part:Q", title="Part (%)", scale=alt.Scale(domain=[0, 100]))
    )
    # a bound (« plus de 50 % ») is drawn up to the bound, with an arrow head showing the side the share lies
    # on (further for « plus de », « au moins »; short of it for « moins de », « au plus »); « environ » is no bound
    arrows = alt.layer(*[
        base.mark_point(shape=f"triangle-{side}", size=160, filled=True, color=PALETTE[0], xOffset=9).encode(
            x="part:Q").transform_filter(f"datum.borne == {sign}")
        for sign, side in ((1, "right"), (-1, "left"))
    ])
    labels = base.mark_text(align="right", dx=-8, color="white", fontWeight="bold").encode(
        x="part:Q", text="texte:N"
    )
    listing = list(zip(table["indicateur"], table["texte"], strict=True))
    return chart_output(
        (track + bars + arrows + labels + row_labels(table, "indicateur", bar_size=30)).properties(
            height=70 * max(len(table), 1)),
        name="prix-structure-couts",
        title=cost_structure_title(table),
        source=source_line(figs),
        description=phrase(f"{TEMPLATES}/charts.md.j2", "cost_structure_description", listing,
                           (table["borne"] == 1).any(), (table["borne"] == -1).any()),
        data=table,
    )


def activity_table(inbound: Figure | None, change: Figure | None, outbound: Figure | None,
                   edition: int) -> pd.DataFrame:
    """Revenue shares by activity, for the edition year and the year before (inbound only, derived:
    the edition's share minus its change in points)."""
    rows = []
    if published(inbound):
        year = int(inbound.period[:4]) if re.fullmatch(r"\d{4}", inbound.period) else edition
        rows.append({"année": str(year), "activité": "Appels entrants", "part": inbound.central,
                     "texte": formatting.figure_text(inbound), "origine": "baromètre", "rang": 1})
        rest = 100 - inbound.central
        if published(outbound):
            rows.append({"année": str(year), "activité": "Appels sortants (vente, prospection)", "part": outbound.central,
                         "texte": formatting.figure_text(outbound), "origine": "baromètre", "rang": 2})
            rest -= outbound.central
        rows.append({"année": str(year), "activité": "Reste (non détaillé)", "part": rest,
                     "texte": formatting.percent(rest), "origine": "complément calculé", "rang": 3})
        if published(change):
            previous = int(change.period[:4]) if re.fullmatch(r"\d{4}-\d{4}", change.period) else year - 1
            before = inbound.central - change.central
            rows.append({"année": str(previous), "activité": "Appels entrants", "part": before,
                         "texte": formatting.percent(before), "origine": "calculé : part moins évolution",
                         "rang": 1})
            rows.append({"année": str(previous), "activité": "Reste (non détaillé)", "part": 100 - before,
                         "texte": formatting.percent(100 - before), "origine": "complément calculé", "rang": 3})
    return pd.DataFrame(rows, columns=["année", "activité", "part", "texte", "origine", "rang"])


def activity_title(change: Figure | None) -> str:
    """« Les appels entrants progressent » or « reculent » from the change in points, else a topic."""
    if not published(change):
        return "Le chiffre d'affaires par activité"
    verb = narrative.direction(change.central, up="progressent", down="reculent", flat="se maintiennent")
    return f"Les appels entrants {verb}"


def activity_chart(table: pd.DataFrame, figs: list[Figure], change: Figure | None = None) -> ChartOutput:
    order = ["Appels entrants", "Appels sortants (vente, prospection)", "Reste (non détaillé)"]
    base = alt.Chart(table).encode(
        y=alt.Y("année:N", title=None, sort="descending"),
        x=alt.X("part:Q", stack="zero", title="Part du chiffre d'affaires (%)", scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=5)),
        order=alt.Order("rang:Q"),
    )
    bars = base.mark_bar(size=36).encode(
        color=alt.Color("activité:N", title=None, sort=order,
                        scale=alt.Scale(domain=order, range=[PALETTE[0], PALETTE[1], "#cfcfcf"]),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300)),
        tooltip=[alt.Tooltip("année:N", title="Année"), alt.Tooltip("activité:N", title="Activité"),
                 alt.Tooltip("texte:N", title="Part"), alt.Tooltip("origine:N", title="Origine")],
    )
    labels = base.mark_text(align="right", dx=-6, fontWeight="bold").encode(
        x=alt.X("part:Q", stack="zero"), text="texte:N",
        color=alt.condition("datum.rang == 3", alt.value("#222"), alt.value("white")),
    ).transform_filter("datum.part >= 10")
    listing = list(zip(table["année"], table["activité"], table["texte"], table["origine"], strict=True))
    return chart_output(
        (bars + labels).properties(height=150),
        name="prix-activites",
        title=activity_title(change),
        source=source_line(figs),
        description=phrase(f"{TEMPLATES}/charts.md.j2", "activity_description", listing),
        data=table.drop(columns=["rang"]),
    )


def price_step_table(decimals: int, minutes_per_year: float) -> pd.DataFrame:
    """What one step of the price per minute is worth a year, for volumes around the reader's."""
    step = model.price_step(decimals)
    rows = []
    for factor in VOLUME_FACTORS:
        minutes = minutes_per_year * factor
        value = model.step_value_per_year(decimals, minutes)
        rows.append({
            "minutes par an": minutes,
            "volume": formatting.number(minutes / 1e6, 1) + " million" + ("s" if minutes >= 2e6 else ""),
            "euros par an": value,
            "texte": formatting.euros(value) if value >= 1 else euros_precise(value, decimals),
            "retenu": factor == 1,
            "pas de prix": euros_precise(step, decimals),
        })
    return pd.DataFrame(rows)


def price_step_chart(table: pd.DataFrame, decimals_fig: Figure) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("volume:N", title="Minutes par an", sort=None, axis=alt.Axis(labelLimit=220)),
        tooltip=[alt.Tooltip("volume:N", title="Minutes par an"), alt.Tooltip("texte:N", title="Valeur du pas")],
    )
    bars = base.mark_bar(size=24).encode(
        x=alt.X("euros par an:Q", title="€ par an", axis=alt.Axis(tickCount=3),
                scale=alt.Scale(domain=[0, float(table["euros par an"].max()) * 1.7])),
        color=alt.condition("datum.retenu", alt.value(PALETTE[0]), alt.value("#9ec3de")),
    )
    labels = base.mark_text(align="left", dx=6).encode(x="euros par an:Q", text="texte:N")
    step = table["pas de prix"].iloc[0]
    listing = list(zip(table["volume"], table["texte"], strict=True))
    return chart_output(
        (bars + labels).properties(height=40 * len(table) + 30),
        name="prix-trois-decimales",
        title=f"Ce que vaut la {ordinal(int(decimals_fig.central))} décimale",
        source=source_line([decimals_fig]) + MODEL_NOTE,
        description=phrase(f"{TEMPLATES}/charts.md.j2", "price_step_description", step, listing),
        data=table.drop(columns=["retenu"]),
    )


@dataclass(frozen=True)
class TelecomShare:
    """The telecoms' share of the outsourcers' revenue as known in an edition: the latest and the year before, each
    place's (France, offshore) figure of the same year and its own earlier one, the tense, and the editions named
    once at the end when many figures are older editions'."""

    latest: Figure
    previous: Figure | None
    past: bool  # an older edition's figure: told in the past
    places: tuple[tuple[str, Figure | None, Figure | None], ...]  # (scope, its figure, its figure of latest's year)
    editions: tuple[str, ...]  # the editions named once at the end ('' each: a note on each figure)


def telecom_share(ds: Dataset, edition: int) -> TelecomShare | None:
    """The telecoms' share (``TelecomShare``); None when no edition up to ``edition`` publishes it."""
    found = trend(ds, "telecom_revenue_share", edition)
    if found is None:
        return None
    latest, previous = found
    places = {scope: (ds.known("telecom_revenue_share", edition, scope=scope),
                      ds.known("telecom_revenue_share", edition, scope=scope, period=latest.period))
              for scope in ("france", "offshore")}
    used = [f for f in (latest, previous, *(x for pair in places.values() for x in pair)) if published(f)]
    editions = sorted({f.edition for f in used})
    past = latest.from_older_edition  # the tense is the figures', whatever their notes
    # many figures of older editions: one note at the end (« (éditions 2011, 2012 et 2014) ») rather than a tag on
    # each (seven in one sentence in the 2024 book, editor, stop 33); each figure keeps its link
    once = sum(f.from_older_edition for f in used) >= 3
    if once:
        latest, previous = (replace(f, as_of=f.edition) if f is not None else None for f in (latest, previous))
        places = {k: tuple(replace(f, as_of=f.edition) if f is not None else None for f in v) for k, v in places.items()}
    return TelecomShare(latest, previous, past, tuple((scope, *places[scope]) for scope in ("france", "offshore")),
                        tuple(str(e) for e in editions) if once else ())


def telecom_text(share: TelecomShare | None) -> str:
    """« Les télécoms font 60 % du chiffre d'affaires des outsourceurs en 2011, contre 58 % en 2010 ; leur
    part est de 55 % en France et de 75 % à l'offshore. » The sector's largest client, where the price war is
    fought (the 2011 chapter told it only in its table); each part dated when it is not the total's year, each
    verb in the past for an older edition's figure. '' without the share."""
    if share is None:
        return ""
    latest, previous = share.latest, share.previous
    same_year, later = [], []
    for scope, fig, then in share.places:
        if not published(fig):
            continue
        if fig.period == latest.period:
            same_year.append((scope, narrative.de(fig)))
        elif published(then):  # each place's own series: « à l'offshore, de 75 % en 2011 à 62 % en 2014 »
            later.append((scope, elide("de", formatting.figure_text(then)) + narrative.cite_earlier(then), then.period,
                          narrative.cite_earlier(fig), fig.period))
        else:
            later.append((scope, "", "", narrative.cite_earlier(fig), fig.period))
    return phrase(PIECES, "telecoms", latest, share.past,
                  (narrative.cite_earlier(previous), previous.period) if previous is not None else None,
                  same_year, later, list(share.editions))


def telecom_sentence(ds: Dataset, edition: int) -> str:
    """``telecom_text`` of the edition's telecoms' share."""
    return telecom_text(telecom_share(ds, edition))


OTHER_SECTORS = (("tourism_revenue_share", "le tourisme"), ("services_revenue_share", "les entreprises de services"))


TELECOMS_WORD = re.compile(r"t[ée]l[ée]com", re.IGNORECASE)


@dataclass(frozen=True)
class TelecomVoices:
    """The edition's words on the telecoms, told after their share in the book of the edition that publishes both:
    its quotes, each cut of the share told just before, and whether the telecoms are the first client (more than
    half of the revenue)."""

    first_client: bool
    quotes: tuple[Quote, ...]  # trimmed of the share (« Ainsi, … qui représente 60 % … » is not told again)
    interviews: tuple[bool, ...]  # each quote a person's (else the barometer's own words)
    told: frozenset[str]  # the quotes' ids (left out of the list of voices)


def telecom_voices_facts(ds: Dataset, edition: int) -> TelecomVoices | None:
    """``TelecomVoices`` in the edition's own book (a later book tells them in « Depuis l'article »); None
    otherwise."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if not published(telecoms) or telecoms.from_older_edition:
        return None
    said = [q for q in ds.quotes(edition, CHAPTER) if TELECOMS_WORD.search(q.quote)]
    if not said:
        return None
    interviews = tuple(q.source not in ds.sources or ds.sources[q.source].type == "interview" for q in said)
    return TelecomVoices(telecoms.central > 50,
                         tuple(replace(q, quote=narrative.trimmed(q.quote, [telecoms])) for q in said),
                         interviews, frozenset(q.quote_id for q in said))


def telecom_voices_text(voices: TelecomVoices | None) -> str:
    """« Sur ce premier client, Laurent Uberti dit : « … ». » (editor38/39: Laurent Uberti's « … le secteur des
    télécoms … doit faire face à une crise sans précédent … » stood alone at the page's foot, far from the 60 %);
    « premier client » only when the telecoms weigh more than half of the revenue; '' without the voices."""
    if voices is None:
        return ""
    told = [(narrative.quote(q, attribution=False),
             narrative.mentions.person(q.source_name, q.source_role) if interview else "le baromètre")
            for q, interview in zip(voices.quotes, voices.interviews, strict=True)]
    return phrase(PIECES, "telecom_voices", voices.first_client, told)


def telecom_voices(ds: Dataset, edition: int) -> tuple[str, frozenset[str]]:
    """The text of the edition's words on the telecoms and the quotes it tells; ('', ∅) without them."""
    voices = telecom_voices_facts(ds, edition)
    return telecom_voices_text(voices), voices.told if voices is not None else frozenset()


@dataclass(frozen=True)
class OtherSectors:
    """The other client sectors whose share the telecoms' edition publishes for the same year, with their words
    (« le tourisme »)."""

    past: bool  # the telecoms' figure is an older edition's: told in the past
    sectors: tuple[tuple[Figure, str], ...]


def other_sectors_facts(ds: Dataset, edition: int) -> OtherSectors | None:
    """``OtherSectors`` within two years of the edition, each smaller than the telecoms; None otherwise."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if not published(telecoms) or narrative.stale(telecoms, edition):
        return None
    found = [(ds.known(i, edition, period=telecoms.period), words) for i, words in OTHER_SECTORS
             if i in ds.indicators]
    found = [(f, words) for f, words in found if published(f) and f.central < telecoms.central]
    return OtherSectors(telecoms.from_older_edition, tuple(found)) if found else None


def other_sectors_text(others: OtherSectors | None) -> str:
    """« Loin derrière viennent le tourisme (6 %) et les entreprises de services (6 %). » (editor37/38/39: the 2011
    edition's 6 % and 6 % were in the table only); '' without them."""
    if others is None:
        return ""
    figs, note = narrative.one_note([f for f, _ in others.sectors])
    items = [f"{words} ({cite(f)})" for f, (_, words) in zip(figs, others.sectors, strict=True)]
    return phrase(PIECES, "other_sectors", others.past, items, note)


def other_sectors_sentence(ds: Dataset, edition: int) -> str:
    return other_sectors_text(other_sectors_facts(ds, edition))


def inbound_contacts(ds: Dataset, edition: int) -> Figure | None:
    """The share of inbound contacts in its edition's book (a measure of contacts, not of revenue); None otherwise."""
    fig = ds.known("inbound_contact_share", edition)
    return fig if published(fig) and not fig.from_older_edition else None


def inbound_contacts_text(fig: Figure | None) -> str:
    """« En 2011, plus de 80 % des contacts traités sont entrants, selon Laurent Uberti (président du SP2C). »
    (editor37: in the 2011 table only); '' without it."""
    return phrase(PIECES, "inbound_contacts", fig, fig.source_type == "interview") if fig is not None else ""


def inbound_contacts_sentence(ds: Dataset, edition: int) -> str:
    return inbound_contacts_text(inbound_contacts(ds, edition))


def growing_sectors(ds: Dataset, edition: int) -> tuple[Figure, ...]:
    """The client sectors' growth the latest edition up to ``edition`` that gives it publishes, fastest first (the
    diversification away from the telecoms); () when none does."""
    return tuple(sorted(narrative.latest_parts(ds, "sector_revenue_growth", edition), key=lambda f: -f.central))


def sectors_text(figs: tuple[Figure, ...]) -> str:
    """« Entre 2015 et 2016, d'autres secteurs clients progressent : la santé (environ +100 %), l'e-commerce
    (environ +30 %) et le tourisme (environ +30 %). » In the past for an older edition's figures; '' without."""
    if not figs:
        return ""
    # no article (the labels have no gender), no parenthesis (an older edition's note has its own); the figures of
    # one older edition carry its note once, at the end (editor37: « (édition 2016) » three times in a row)
    shown, note = narrative.one_note(list(figs))
    items = [f"{scope_label(f.scope)}, {cite(f, signed=True)}" for f in shown]
    verb = narrative.by_signs(list(figs), ("progressent", "progressaient"), ("reculent", "reculaient"),
                              ("évoluent ainsi", "évoluaient ainsi"))
    return phrase(PIECES, "sectors", figs[0].period, verb, items, note)


def sectors_sentence(ds: Dataset, edition: int) -> str:
    return sectors_text(growing_sectors(ds, edition))


@dataclass(frozen=True)
class Clients:
    """« Les secteurs clients »: the telecoms' share and the words on them, the other sectors, the sectors that grow
    and the inbound contacts."""

    telecoms: TelecomShare | None
    voices: TelecomVoices | None
    others: OtherSectors | None
    growing: tuple[Figure, ...]
    contacts: Figure | None

    @property
    def told_quotes(self) -> frozenset[str]:
        """The quotes the section tells (left out of the list of voices)."""
        return self.voices.told if self.voices is not None else frozenset()


def clients(ds: Dataset, edition: int, telecoms: TelecomShare | None) -> Clients:
    return Clients(telecoms, telecom_voices_facts(ds, edition), other_sectors_facts(ds, edition),
                   growing_sectors(ds, edition), inbound_contacts(ds, edition))


def clients_text(c: Clients) -> str:
    """The section's text: the telecoms, the other sectors, the words on the telecoms, the sectors that grow, the
    inbound contacts ('' when the edition tells none)."""
    return " ".join(t for t in (telecom_text(c.telecoms), other_sectors_text(c.others), telecom_voices_text(c.voices),
                                sectors_text(c.growing), inbound_contacts_text(c.contacts)) if t)


@dataclass(frozen=True)
class Channels:
    """The revenue by channel and the growth of the channels that later editions publish, newer than the calls'
    shares (the 2008 inbound share): the phone's share with the digital channels' of its year, the channels'
    growth."""

    phone: Figure | None
    digital: Figure | None
    growth: tuple[Figure, ...]


def channels(ds: Dataset, edition: int, since: Figure | None = None) -> Channels:
    """``Channels`` newer than ``since`` (editor39: the 2024 section stopped in 2008)."""
    after = period_end(since.period) if published(since) else 0
    phone = ds.known("phone_revenue_share", edition)
    phone = phone if published(phone) and period_end(phone.period) > after else None
    digital = ds.known("digital_channels_revenue_share", edition, period=phone.period) if phone is not None else None
    growth = narrative.latest_parts(ds, "channel_activity_growth", edition)
    return Channels(phone, digital if published(digital) else None,
                    tuple(growth) if growth and period_end(growth[0].period) > after else ())


def channels_text(c: Channels) -> str:
    """« En 2014, le téléphone fait 86 % du chiffre d'affaires des prestataires, les canaux digitaux moins de 1 %. En
    2019, leur activité progresse sur les canaux que cite le baromètre : réseaux sociaux, +36 % ; SMS, +43 %. » Each
    verb from the figures' signs and editions; '' when nothing newer is published."""
    sentences = []
    if c.phone is not None:
        figs, note = narrative.one_note([f for f in (c.phone, c.digital) if f is not None])
        note = "" if str(c.phone.period) == str(c.phone.edition) else note  # « En 2014 » names the edition
        sentences.append(phrase(PIECES, "phone", c.phone, figs, note))
    growth = list(c.growth)
    if growth:
        shown, note = narrative.one_note(growth)
        note = "" if str(growth[0].period) == str(growth[0].edition) else note
        verb = narrative.by_signs(growth, ("progresse", "progressait"), ("recule", "reculait"),
                                  ("évolue ainsi", "évoluait ainsi"))
        items = [f"{scope_label(f.scope)}, {cite(f, signed=True)}" for f in shown]
        sentences.append(phrase(PIECES, "channels", growth[0].period, not sentences, verb, items, note))
    return " ".join(sentences)


def activity_text(activity: pd.DataFrame, c: Channels, inbound: Figure | None, inbound_change: Figure | None,
                  outbound: Figure | None, hotline: Figure | None) -> str:
    """« Le chiffre d'affaires par activité » in words: the later editions' channels first, then the inbound calls'
    share (and the year before, derived from its change), the hotline's and the outbound calls' ("" when none)."""
    text = channels_text(c)  # the later editions' channels lead (editor39)
    text += "\n\n" if text else ""
    if not activity.empty:
        before = None
        if published(inbound_change):
            rows = activity[(activity["activité"] == "Appels entrants") & (activity["année"] != inbound.period)]
            before = (rows["année"].iloc[0], rows["part"].iloc[0])
        text += phrase(PIECES, "inbound", inbound, inbound_change, before) + " "
    if published(hotline):
        text += hotline_text(hotline)
    if published(outbound):
        text += outbound_text(outbound)
    return text
