"""Chapter « Le débat offshore »: the tables, the map and the charts, from data and models.

The package, by section of the chapter: ``common`` (the chapter's names, the outline of France),
``growth`` (« L'activité en France et offshore »), ``sites`` (the map), ``providers`` (« Les positions
des prestataires »), ``contact_model`` (the cost-per-contact model); here, the jobs between
Île-de-France and the province, the staff and revenue shares, the article's answer, the « À retenir »
lines and the chapter's summary. The notebook reads every name from here (``ch.<name>``).
"""

from __future__ import annotations

from dataclasses import replace

from barometre import formatting, lead, narrative, themes
from barometre.chapters.offshore.common import (
    CHAPTER,
    GROWTH_SCOPES,
    KIND_FR,
    MODEL_NOTE,
    SITE_EVENT_KINDS,
    TRANSFER_ORIGIN,
    city_point,
    france_outline,
    quote,
)
from barometre.chapters.offshore.contact_model import (
    REPEAT_BAND,
    ModelSetup,
    breakeven_chart,
    breakeven_table,
    cost_chart,
    cost_sweep,
    model_setup,
    model_takeaway,
    model_text,
    parity_band_sentence,
)
from barometre.chapters.offshore.growth import (
    FRANCE_REST,
    MOVES,
    PAST_MOVES,
    PROVINCE_REST,
    SPLIT_GAP_YEARS,
    SPLIT_LABEL_CHAR,
    ZONE_OF,
    ZONES,
    abroad_words,
    growth_chart,
    growth_pair,
    growth_sentence,
    growth_table,
    growth_title,
    history_chart,
    history_table,
    location_growth_sentence,
    move,
    moved_in_past,
    moves_text,
    newer_location_growth,
    positions_and_revenue_sentence,
    share_shift,
    share_takeaway,
    share_text,
    split_chart,
    split_table,
    split_title,
    zone_growth_sentence,
    zones_sentence,
)
from barometre.chapters.offshore.providers import (
    PAST,
    POSITION_AXES,
    VOICES,
    Positions,
    Voice,
    common_publication,
    headcount_text,
    numericable_text,
    positions_chart,
    positions_intro,
    positions_table,
    provider_positions,
    rate_comparison,
    teleperformance_text,
    turnover_text,
    voice_line,
    voices,
    voices_quoted,
    webhelp_text,
)
from barometre.chapters.offshore.sites import (
    article_credit,
    label_side,
    regions_text,
    site_events,
    sites_by_city,
    sites_map,
    sites_title,
)
from barometre.data import Dataset, Figure, period_key
from barometre.history import trend
from barometre.narrative import cite, trend_text
from barometre.typography import elide, upper_first

REGIONS = {"province": "en province", "ile_de_france": "en Île-de-France"}


def regional_staff_growth(ds: Dataset, edition: int) -> list[Figure]:
    """Staff growth by region (province, Île-de-France) for the latest year an edition up to ``edition``
    publishes it ([] when none)."""
    figs = [ds.known("staff_growth", edition, scope=scope) for scope in REGIONS]
    figs = [f for f in figs if f is not None and f.published]
    if not figs:
        return []
    latest = max(period_key(f.period) for f in figs)
    return [f for f in figs if period_key(f.period) == latest]


# the places of France the staff split tells (the offshore's share of the staff is told beside its share of
# revenue, ``staff_and_revenue_sentence``)
PLACES = {"province": "en province", "ile_de_france": "en Île-de-France"}


def staff_places_text(ds: Dataset, edition: int) -> str:
    """« En 2012, 55 % des salariés des outsourceurs travaillent en province et 2 % en Île-de-France. » The split
    of the staff by place for the latest year an edition up to ``edition`` publishes it for
    the province and Île-de-France (the 2011 edition's 54 % and 3 % were only in a table, editor, stop 33);
    in the past for an older edition's; '' when none."""
    province = ds.known("staff_share", edition, scope="province")
    if province is None or not province.published:
        return ""
    figs = [ds.known("staff_share", edition, scope=scope, period=province.period) for scope in PLACES]
    figs = [f for f in figs if f is not None and f.published]
    if not any(f.scope == "ile_de_france" for f in figs):
        return ""
    past = province.from_older_edition
    verb = "travaillaient" if past else "travaillent"
    # an older edition's split: its edition named once at the end, not after each share
    shown = [replace(f, as_of=f.edition) for f in figs] if past else figs
    parts = [narrative.cite(f, then=f" des salariés des outsourceurs {verb} {PLACES[f.scope]}")
             if f.scope == "province" else f"{narrative.cite(f)} {PLACES[f.scope]}" for f in shown]
    note = narrative.vintage_note(province) if past else ""
    text = f"En {formatting.period_text(province.period)}, {formatting.enumeration(parts)}{note}."
    return text + _shares_warning(ds, edition, figs)


def _shares_warning(ds: Dataset, edition: int, figs: list[Figure]) -> str:
    """« Avec les 39 % de l'offshore, ces parts ne font que 96 % … » when the staff's shares by place of one year
    (province, Île-de-France and the offshore) cannot add up to 100 % even with their rounding (editor37/38: the
    2011 split was told with no warning, while the claims page calls it « incohérente »); '' otherwise."""
    from barometre.precision import interval

    offshore = ds.known("staff_share", edition, scope="offshore", period=figs[0].period)
    if offshore is None or not offshore.published:
        return ""
    parts = [*figs, offshore]
    low = sum(interval(f)[0] for f in parts)
    high = sum(interval(f)[1] for f in parts)
    if low <= 100 <= high:
        return ""
    total = formatting.percent(sum(f.central for f in parts), 0)
    return (f" Avec les {narrative.cite(replace(offshore, as_of=offshore.edition))} de l'offshore, "
            f"ces parts ne font que {total} : les sources ne disent pas où travaille le reste (voir "
            "{doc}`« Les affirmations à l'épreuve » <claims>`)."
            if high < 100 else
            f" Avec les {narrative.cite(replace(offshore, as_of=offshore.edition))} de l'offshore, ces parts font "
            f"{total}, plus que le tout (voir {{doc}}`« Les affirmations à l'épreuve » <claims>`).")


def new_jobs_text(ds: Dataset, edition: int, *, year_told: str | None = None) -> str:
    """Where the outsourcers' jobs go (MyST Markdown, '' when nothing is known). The staff growth by region
    leads when an edition publishes it for a year at least as recent as the share of new jobs created in the
    province (the newer figure of the family); a figure from an older edition is told in the past with its
    year, never as current: « En 2011, les effectifs progressent de 16 % en province et reculent de 19 % en
    Île-de-France. En 2008, 75 % des nouveaux emplois avaient été créés en province. »"""
    found = trend(ds, "new_jobs_province_share", edition, scope="province")
    share = found[0] if found is not None else None
    growth = regional_staff_growth(ds, edition)
    sentences = []
    if growth and (share is None or period_key(growth[0].period) >= period_key(share.period)):
        past = growth[0].from_older_edition
        moves, verbs = [], []
        growth, note = narrative.one_note(growth)  # one edition's regions: its note once, at the end
        for f in growth:
            up = f.central >= 0
            verb = ("progressaient" if up else "reculaient") if past else ("progressent" if up else "reculent")
            said = f"{narrative.de(f, magnitude=True)} {REGIONS[f.scope]}"
            moves.append(said if verbs and verbs[-1] == verb else f"{verb} {said}")  # « reculent de 6 % … et de 18 % »
            verbs.append(verb)
        # the year just told by the staff split (``staff_places_text``) is not said again
        opening = ("Sur un an, les" if year_told == growth[0].period
                   else f"En {formatting.period_text(growth[0].period)}, les")
        sentences.append(f"{opening} effectifs des outsourceurs {formatting.enumeration(moves)}{note}.")
        if share is not None:
            sentences.append(f"En {formatting.period_text(share.period)}, {narrative.cite(share)} des nouveaux emplois "
                             "des outsourceurs avaient été créés en province, hors de l’Île-de-France.")
    elif share is not None:
        low, high = share.bounds
        if share.from_older_edition:
            where = ("surtout en province" if low > 50 else "surtout hors de la province" if high < 50
                     else "à peu près autant en province qu’ailleurs")
            sentences.append(f"En {formatting.period_text(share.period)}, les nouveaux emplois des outsourceurs se "
                             f"créaient {where} : {narrative.cite(share)} d’entre eux l’étaient en province, hors "
                             "de l’Île-de-France.")
        else:
            where = ("surtout en province" if low > 50 else "surtout hors de la province" if high < 50
                     else "à peu près autant en province qu'ailleurs")
            sentences.append(f"Les nouveaux emplois des outsourceurs se créent {where} : la part créée en province, "
                             f"hors de l'Île-de-France, s'établit à {trend_text(*found)}.")
    return " ".join(sentences)


def summary(ds: Dataset, edition: int):
    """The chapter's key figure and takeaway, from what the editions up to ``edition`` publish: the growth
    in France against offshore (directions computed), else France's share of revenue, else a neutral line."""
    from barometre.narrative import ChapterSummary

    label = ds.indicators["revenue_growth"].label_fr
    pair = growth_pair(ds, edition)
    newer = newer_location_growth(ds, edition, pair)
    found = trend(ds, "france_revenue_share", edition)
    share_now = found is not None and not found[0].from_older_edition
    growth_now = bool(newer) and not newer[0].from_older_edition
    if newer and (share_now or growth_now):
        # the edition gives France's share or its growth, but no growth offshore: the last pair (2014) is
        # history, and the summary tells what the edition publishes
        parts = []
        answer = article_answer(ds, edition)  # the article's question answered leads (editor37: « sous la moitié »)
        first = themes.article_edition(ds)
        then = ds.known("france_revenue_share", edition, period=str(first)) if first is not None else None
        # the latest move is told too when it goes against the long one (France regaining ground after 2021)
        against = (then is not None and found[1] is not None
                   and (found[0].central - then.central) * (found[0].central - found[1].central) < 0)
        if share_now and (not answer or against):
            parts.append(share_takeaway(*found))
        if growth_now:
            parts.append(f"croissance en {formatting.period_text(newer[0].period)} : {moves_text(newer)}")
        text = " ; ".join(parts)
        if answer:
            text = answer + (" " + upper_first(text) if text else "")
            text = text[:-1] if text.endswith(".") else text
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=found[0].label if share_now else f"{label} en France",
            key_figure=(trend_text(found[0], None) if share_now else  # the key alone: the takeaway compares it
                        f"{narrative.cite(newer[0], signed=True)} en {formatting.period_text(newer[0].period)}"),
            takeaway=upper_first(text) + ".",
        )
    province = ds.known("new_jobs_province_share", edition, scope="province")
    if pair is not None:
        france, offshore = pair
        takeaway = f"{growth_title(france, offshore)} : {narrative.cite(france, signed=True)} en France, " \
                   f"{narrative.cite(offshore, signed=True)} offshore"
        regional = regional_staff_growth(ds, edition)
        if regional and (province is None or period_key(regional[0].period) >= period_key(province.period)):
            # the year once: not again when the growth's opening has just said it (editor40/42: « En 2011, … en 2011 »)
            same_year = regional[0].period == france.period and growth_title(france, offshore).startswith("En ")
            takeaway += " ; effectifs " + ", ".join(
                f"{narrative.cite(f, signed=True)} {REGIONS[f.scope]}" for f in regional) + \
                ("" if same_year else f" en {formatting.period_text(regional[0].period)}")
        elif province is not None:
            takeaway += (f" ; {narrative.cite(province)} des nouveaux emplois créés en province en "
                         f"{formatting.period_text(province.period)}")
        # the chapter's subject is the offshore: its growth is the key figure, France's is in the takeaway
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=f"{label} offshore",
            key_figure=f"{narrative.cite(offshore, signed=True)} en {formatting.period_text(offshore.period)}",
            takeaway=takeaway + ".",
        )
    if found is not None:
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=found[0].label,
            key_figure=trend_text(found[0], None),  # the key alone: the takeaway compares it
            takeaway=share_takeaway(*found) + ".",
        )
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=label,
        key_figure=f"aucun chiffre jusqu’à l’édition {edition}",
        takeaway=narrative.not_in_edition([f"{label} (France et offshore)",
                                           ds.indicators["france_revenue_share"].label_fr], edition),
    )


def staff_and_revenue(ds: Dataset, edition: int) -> tuple[Figure, Figure] | None:
    """The offshore share of the outsourcers' staff and of their revenue for the latest year an edition up
    to ``edition`` publishes both (None when no year has both)."""
    for staff in reversed(lead.series(ds, "staff_share", "offshore", edition)):
        revenue = ds.known("offshore_revenue_share", edition, period=staff.period)
        if revenue is not None and revenue.published and not (staff.is_range or revenue.is_range):
            return staff, revenue
    return None


def newer_staff_share(ds: Dataset, edition: int, staff: Figure) -> Figure | None:
    """The offshore share of the staff for a later year than ``staff`` (the 2014 edition's « environ 50 % »
    after the 2012 pair), published without the share of revenue that year; None when there is none."""
    newer = ds.known("staff_share", edition, scope="offshore")
    if newer is None or not newer.published or period_key(newer.period) <= period_key(staff.period):
        return None
    return newer


def staff_and_revenue_sentence(staff: Figure, revenue: Figure, newer: Figure | None = None) -> str:
    """« En 2011, l'offshore emploie 39 % des effectifs des outsourceurs mais ne réalise que 23 % de leur
    chiffre d'affaires : un salarié offshore y produit en moyenne 47 % du chiffre d'affaires d'un salarié en France
    (calcul du livre). » The offshore debate in two shares: labour abroad is cheaper,
    so the same revenue takes more people. In the past when the figures come from an older edition."""
    s, r = staff.central, revenue.central
    past = staff.from_older_edition or revenue.from_older_edition
    employ, make, produce = (("employait", "réalisait", "produisait") if past else ("emploie", "réalise", "produit"))
    told = narrative.cite_earlier  # the year is in the sentence: an edition's note, never « dernier chiffre publié »
    text = (f"En {formatting.period_text(staff.period)}, l’offshore {employ} {told(staff)} des effectifs des "
            f"outsourceurs")
    later = "" if newer is None else (
        f" En {formatting.period_text(newer.period)}, dernière année publiée, la part de l’offshore dans les effectifs "
        f"{'était' if newer.from_older_edition else 'est'} {elide('de', formatting.figure_text(newer))}{told(newer)}, "
        "sans part du chiffre d’affaires publiée pour cette année.")
    if not (0 < s < 100 and 0 < r < 100) or r == s:
        return text + f" et {make} {told(revenue)} de leur chiffre d’affaires." + later
    ratio = (r / s) / ((100 - r) / (100 - s))  # revenue per head offshore against France
    less = ratio < 1
    link = "mais ne " + make + " que" if less else "et " + make
    # a share of a French salary's revenue, not « 2,1 fois moins » (editors 37 and 38)
    compared = (f"{formatting.percent(ratio * 100, 0)} du chiffre d’affaires d’un salarié en France" if less else
                f"{formatting.small_number(ratio, 1)} fois plus de chiffre d’affaires qu’un salarié en France")
    return (text + f" {link} {told(revenue)} de leur chiffre d’affaires : un salarié offshore {produce} "
            f"en moyenne {compared} (calcul du livre)." + later)


def article_answer(ds: Dataset, edition: int) -> str:
    """The article's question answered with the latest data, as the section's first sentence in a later book
    (editor37: the 2024 chapter opened on 2024's +2 % in France, not on the shift it documents): « En 2008, 80 %
    du chiffre d'affaires des outsourceurs était réalisé en France ; en 2024, 46 % : la production hors de
    France l'emporte depuis 2021. » The article's year is its edition's (``themes.article_edition``); the
    conclusion follows the series (under half since a year, or the share's change in points). '' in the
    article's own book, or when either year is not published."""
    from barometre.arc import half_crossed

    first = themes.article_edition(ds)
    if first is None or edition <= first:
        return ""
    points = [replace(f, as_of=f.edition) for f in lead.series(ds, "france_revenue_share", "market", edition)]
    then = next((f for f in points if f.period == str(first)), None)
    now = points[-1] if points else None
    if then is None or now is None or now is then:
        return ""
    text = (f"En {then.period}, {narrative.cite(then)} du chiffre d’affaires des outsourceurs était réalisé en France ; "
            f"en {now.period}, {narrative.cite(now)}")
    # across a change of study the two shares compare as orders of magnitude (the arc's caution, said here too)
    caution = (" (deux études différentes : un ordre de grandeur)" if ds.break_between(then, now) is not None
               else "")
    half = half_crossed(points)
    if half is not None:
        since = f"en {half.period}" if half is now else f"depuis {half.period}"  # « depuis 2021 » in 2021 read oddly
        return text + f" : la production hors de France l’emporte {since}{caution}."
    change = now.central - then.central
    moved = narrative.direction(change, up="progresse", down="recule", flat="ne bouge pas")
    if moved == "ne bouge pas":
        return text + f" : la part de la France ne bouge pas{caution}."
    return text + f" : la part de la France {moved} de {formatting.points(abs(change), 1, signed=False)}{caution}."


STALE_YEARS = narrative.STALE_YEARS
stale = narrative.stale  # the chapter's takeaways and sentences leave out a figure this old


def staff_and_revenue_takeaway(pair: tuple[Figure, Figure] | None) -> str:
    """« - En 2012, l'offshore employait 42 % des salariés pour 25 % du chiffre d'affaires (édition 2012). »: the
    debate in two shares, as a takeaway (editor37); dated and in the past for an older edition's pair."""
    if pair is None:
        return ""
    staff, revenue = pair
    older = staff.from_older_edition
    plain = [replace(f, as_of=f.edition) if older else f for f in pair]
    # the year said names its own edition (``narrative.vintage_note``): « En 2012, … (édition 2012) » said it twice
    note = (f" (édition\u00a0{staff.edition})" if older and staff.edition == revenue.edition
            and str(staff.period) != str(staff.edition) else "")
    return (f"- En {formatting.period_text(staff.period)}, l'offshore {'employait' if older else 'emploie'} "
            f"{narrative.cite(plain[0])} des salariés pour {narrative.cite(plain[1])} du chiffre d'affaires{note}.")


def sites_text(ds: Dataset, edition: int) -> str:
    """The production sites, told once an edition publishes them (editor37: in the 2011 table only): « En 2011,
    33 % des sites de production des outsourceurs sont à l'offshore, contre 30 % en 2010 ; le nombre de sites
    recule de 1 % ; les sites de province comptent en moyenne 378 positions, contre 313 en 2010. » Each clause
    from its own figure (any may be missing); '' when none is published within ``STALE_YEARS`` of the edition."""
    clauses = []
    share = trend(ds, "sites_share", edition, scope="offshore")
    year = None
    if share is not None and not stale(share[0], edition):
        now, before = share
        year = now.period
        verb = narrative.tensed(now, "sont", "étaient")
        text = f"{narrative.cite(now)} des sites de production des outsourceurs {verb} à l'offshore"
        if before is not None:
            text += f", contre {narrative.cite_earlier(before)} en {formatting.period_text(before.period)}"
        clauses.append(text)
    growth = ds.known("sites_growth", edition, scope="market")
    if growth is not None and growth.published and not stale(growth, edition) and year in (None, growth.period):
        year = year or growth.period
        moved = narrative.direction(growth.central, up="progresse", down="recule", flat="ne change pas")
        if growth.from_older_edition:  # in the past, as the other clauses
            moved = {"progresse": "progressait", "recule": "reculait", "ne change pas": "ne changeait pas"}[moved]
        size = "" if "change" in moved else f" {narrative.de(growth, magnitude=True)}"
        clauses.append(f"le nombre de sites {moved}{size}")
    positions = trend(ds, "positions_per_site", edition, scope="province")
    if positions is not None and not stale(positions[0], edition) and year in (None, positions[0].period):
        now, before = positions
        year = year or now.period
        verb = narrative.tensed(now, "comptent", "comptaient")
        text = f"les sites de province {verb} en moyenne {narrative.cite(now, then=' positions')}"
        if before is not None:
            text += f", contre {narrative.cite_earlier(before)} en {formatting.period_text(before.period)}"
        clauses.append(text)
    if not clauses:
        return ""
    return f"En {formatting.period_text(year)}, " + " ; ".join(clauses) + "."


__all__ = [
    "CHAPTER",
    "FRANCE_REST",
    "GROWTH_SCOPES",
    "KIND_FR",
    "MODEL_NOTE",
    "MOVES",
    "PAST",
    "PAST_MOVES",
    "PLACES",
    "POSITION_AXES",
    "PROVINCE_REST",
    "REGIONS",
    "REPEAT_BAND",
    "SITE_EVENT_KINDS",
    "SPLIT_GAP_YEARS",
    "SPLIT_LABEL_CHAR",
    "STALE_YEARS",
    "TRANSFER_ORIGIN",
    "VOICES",
    "ZONES",
    "ZONE_OF",
    "ModelSetup",
    "Positions",
    "Voice",
    "abroad_words",
    "article_answer",
    "article_credit",
    "breakeven_chart",
    "breakeven_table",
    "city_point",
    "common_publication",
    "cost_chart",
    "cost_sweep",
    "france_outline",
    "growth_chart",
    "growth_pair",
    "growth_sentence",
    "growth_table",
    "growth_title",
    "headcount_text",
    "history_chart",
    "history_table",
    "label_side",
    "location_growth_sentence",
    "model_setup",
    "model_takeaway",
    "model_text",
    "move",
    "moved_in_past",
    "moves_text",
    "new_jobs_text",
    "newer_location_growth",
    "newer_staff_share",
    "numericable_text",
    "parity_band_sentence",
    "positions_and_revenue_sentence",
    "positions_chart",
    "positions_intro",
    "positions_table",
    "provider_positions",
    "quote",
    "rate_comparison",
    "regional_staff_growth",
    "regions_text",
    "share_shift",
    "share_takeaway",
    "share_text",
    "site_events",
    "sites_by_city",
    "sites_map",
    "sites_text",
    "sites_title",
    "split_chart",
    "split_table",
    "split_title",
    "staff_and_revenue",
    "staff_and_revenue_sentence",
    "staff_and_revenue_takeaway",
    "staff_places_text",
    "stale",
    "summary",
    "takeaway_lines",
    "teleperformance_text",
    "turnover_text",
    "voice_line",
    "voices",
    "voices_quoted",
    "webhelp_text",
    "zone_growth_sentence",
    "zones_sentence",
]


def takeaway_lines(ds: Dataset, edition: int, *, share, newer: list[Figure], pair, pair_shares, province,
                   sites, setup) -> list[str]:
    """The « À retenir » lines of the page, from what its sections found: France's share of revenue
    (``trend``), the newer growths, the France/offshore pair, the staff and revenue shares, the province's
    new jobs, the sites cited and the model's set-up (each None or empty when the edition has none)."""
    summary = []
    if share is not None:
        share_now, share_before = share
        summary.append(f"- Part de la France dans le chiffre d'affaires : {trend_text(share_now, share_before)}.")
    if newer:
        summary.append(f"- Croissance en {formatting.period_text(newer[0].period)} : {moves_text(newer)}.")
    if pair is not None:  # the last pair is history once France has a newer growth: dated, in the past
        growth_fr, growth_off = pair
        head = (f"En {formatting.period_text(growth_fr.period)}, dernière année publiée pour l'ensemble de l'offshore" if newer
                else growth_title(growth_fr, growth_off))
        told = narrative.cite_earlier if newer else cite  # not « dernier chiffre publié »: France has a newer one
        summary.insert(0 if not newer else len(summary), f"- {head} : {told(growth_fr, signed=True)} en France, "
                       f"{told(growth_off, signed=True)} offshore.")
    regional = regional_staff_growth(ds, edition)  # the newer figure of the family, before the older one
    if regional:
        regions, note = narrative.one_note(regional)  # one edition's regions: its note once
        summary.append("- Effectifs " + ", ".join(f"{cite(f, signed=True)} {REGIONS[f.scope]}" for f in regions)
                       + f" en {formatting.period_text(regional[0].period)}{note}.")
    if pair_shares is not None:  # the debate in two shares
        summary.append(staff_and_revenue_takeaway(pair_shares))
    if province is not None and not stale(province, edition):  # 2008's new jobs are history in a later book
        summary.append(f"- Nouveaux emplois créés en province : {cite(province)} en {formatting.period_text(province.period)}.")
    if not sites.empty:
        count = formatting.count_words(len(sites), "implantation ou transfert", "implantations ou transferts", feminine=True)
        summary.append(f"- Sites cités dans l'édition : {count}.")
    if setup is not None:
        summary.append(
            model_takeaway(
                setup.premium_fig,
                rate_gap=setup.inputs.rate_gap,
                onshore_contacts_per_hour=setup.inputs.onshore_contacts_per_hour,
                offshore_contacts_per_hour=setup.inputs.offshore_contacts_per_hour,
                onshore_repeat_rate=setup.inputs.onshore_repeat_rate,
                offshore_repeat_rate=setup.inputs.offshore_repeat_rate,
            ).text
        )
    return summary
