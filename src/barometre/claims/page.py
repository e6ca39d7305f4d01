"""The page « Les affirmations à l'épreuve »: what each claim says, its verdict and check in
words, the summary, the method, and the links a chapter gives to its claims."""

from __future__ import annotations

from barometre import formatting
from barometre.claims.model import CHAPTER_SHORT, CHAPTER_TITLES, VERDICT_PLURALS, Judged, Title
from barometre.claims.registry import counts, judge
from barometre.data import Dataset, Figure, Quote
from barometre.labels import scope_label
from barometre.narrative import md_escape, publication, quote_body, quotes_anchor, templating
from barometre.precision import interval
from barometre.typography import curly_apostrophes

# --------------------------------------------------------------------------- the page


PAGE = "chapters/claims/page.md.j2"


def _say(name: str, *args, **kwargs) -> str:
    """The text of macro ``name`` of the page's template (its lines joined)."""
    return templating.paragraphs(str(templating.macro(PAGE, name)(*args, **kwargs)))


def said_text(said) -> str:
    """What the claim says, as the page quotes it: the row's excerpt in guillemets, who, the edition."""
    if isinstance(said, Title):
        return _say("said_title", said)
    summary = getattr(said, "quote_type", "verbatim") == "summary"
    if isinstance(said, Quote):
        # a summary: « « … », résume X, d'après l'étude »
        return _say("said_quote", said, md_escape(quote_body(said.quote)), summary, quotes_anchor(said.edition))
    fig: Figure = said
    who = fig.source_name if fig.source_type == "barometer" else fig.attribution
    return _say("said_figure", fig, md_escape(quote_body(fig.quote)), who, publication(fig), summary)


CHECK_LABELS = {
    "check_restated": "repris ou révisé ensuite",
    "check_revenue_growth": "face au chiffre d’affaires publié",
    "check_decomposition": "face à ses parts France et offshore",
    "check_share_sum": "les parts d’un même tout",
    "check_forecast": "face au chiffre réalisé",
    "check_average_growth": "face aux croissances de chaque année",
    "check_growth_ratio": "face aux deux croissances",
    "check_salary_above_smic": "face au Smic",
    "check_net_pay_vs_smic": "face au Smic net",
    "check_smic_rise": "face aux décrets",
    "check_market_vs_insee": "face au secteur des centres d’appels de l’Insee",
    "check_pay_abroad": "face aux niveaux de prix",
    "check_share_trend": "face à la part de l’offshore ensuite",
    "check_top10_vs_top50": "face au Top 50",
    "check_share_of_revenues": "face aux deux chiffres d’affaires publiés",
    "check_province_jobs": "face aux emplois créés",
    "check_staff_growth": "face aux effectifs",
    "check_staff_parts": "France plus offshore",
    "check_jobs_vs_staff": "face aux effectifs",
    "check_graduates": "face à l’autre seuil de diplôme",
    "check_hires_vs_created": "face aux emplois créés ensuite",
}


def topic(ds: Dataset, j: Judged) -> str:
    """A claim's heading: its own words for a quote or a title; for a figure, the indicator, its scope
    and period, and what it is set against."""
    if j.claim.topic:
        return j.claim.topic
    fig: Figure = j.stated  # type: ignore[assignment]
    label = ds.indicators[fig.indicator].label_fr
    where = scope_label(fig.scope)
    # the scope once: « Part de marché des dix premiers, 2009 », not « …, dix premiers, 2009 »
    # and never « aujourd'hui » beside the year it stands for (« Économies demandées …, 2009 »)
    scope = ("" if fig.scope in ("market", "now", "current") or where.lower() in label.lower()
             else f", {where}")
    against = CHECK_LABELS.get(j.claim.check.__name__, "")
    return f"{label}{scope}, {formatting.period_text(fig.period)}" + (f" : {against}" if against else "")


def summary_text(judged: list[Judged], edition: int) -> str:
    """« Jusqu’à l’édition 2011, le livre met à l’épreuve 65 affirmations : 5 vérifiées, … »."""
    return _say("summary", edition, len(judged), list(counts(judged).items()), VERDICT_PLURALS)


NONE = "–"  # a theme with no claim of a verdict (a statistics office's « néant »)
VERDICT_TABLE_TITLE = "Les verdicts par thème"


def verdict_table(judged: list[Judged]) -> str:
    """The verdicts counted by theme (issue 27: the claims chapter opened on a sentence, then eleven pages of
    entries): a table, a row per verdict the page gives (in the verdicts' order), a column per theme in the
    page's order, the totals last (« Total », « Ensemble »); each count computed from the claims' verdicts
    (``registry.counts``), « – » for none. A MyST table with its title (« Tableau N » in print); '' when no claim
    is judged. Printed only: the web page's sentence gives the counts."""
    if not judged:
        return ""
    groups = [(curly_apostrophes(CHAPTER_SHORT.get(chapter, title)), [j for j in judged if j.claim.chapter == chapter])
              for chapter, title in CHAPTER_TITLES.items()]
    groups = [(title, group) for title, group in groups if group]
    others = [j for j in judged if j.claim.chapter not in CHAPTER_TITLES]
    if others:  # a claim of no listed theme still counts
        groups.append(("Autres", others))
    by_theme = [counts(group) for _, group in groups]

    def cell(n: int, strong: bool = False) -> str:
        text = formatting.number(n, 0) if n else NONE
        return f"**{text}**" if strong else text

    head = ["Verdict", *(title for title, _ in groups), "Ensemble"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join([":---", *["---:"] * (len(head) - 1)]) + "|"]
    total = counts(judged)
    for verdict, n in total.items():
        name = VERDICT_PLURALS[verdict][:1].upper() + VERDICT_PLURALS[verdict][1:]
        lines.append("| " + " | ".join([name, *(cell(c.get(verdict, 0)) for c in by_theme), cell(n)]) + " |")
    lines.append("| " + " | ".join(["**Total**", *(cell(len(group), True) for _, group in groups),
                                    cell(len(judged), True)]) + " |")
    # in print only: its seven columns overflow a phone's width (tests/test_browser.py), where the page's sentence
    # above gives the same counts
    return ("````{only} latex\n"
            f"```{{table}} {VERDICT_TABLE_TITLE}\n:name: claims-verdict-table\n\n" + "\n".join(lines) + "\n```\n````")


def method_text(ds: Dataset, edition: int) -> str:
    """How the verdicts are reached, with a rounding example taken from the data (a share or growth
    published as a whole number, when the edition has one)."""
    example = None
    for f in ds.figures(edition):
        if f.published and f.unit in ("percent", "percent_change") and f.qualifier == "exact" \
                and float(f.central).is_integer() and f.central > 0:
            example = f
            break
    lo, hi = interval(example) if example is not None else (None, None)
    return _say("method", edition, example, lo, hi)


def claims_markdown(ds: Dataset, edition: int) -> str:
    """The page: a summary of the verdicts and their table by theme, then each claim by theme with its verdict
    and evidence."""
    judged = judge(ds, edition)
    if not judged:
        return _say("nothing_yet", edition)
    parts = [method_text(ds, edition), summary_text(judged, edition), verdict_table(judged)]
    for chapter, title in CHAPTER_TITLES.items():
        group = [j for j in judged if j.claim.chapter == chapter]
        if not group:
            continue
        parts.append(f"## {title}")
        told: dict[str, str] = {}  # evidence already printed on the page → the topic it was printed under
        for j in group:
            # two claims checked against the same figures get one evidence, and the second points back to it
            text = j.verdict.evidence
            evidence = _say("same_figures", told[text]) if text in told else text
            # a role's text is literal: no Markdown escapes in it (« La crise\, moteur … » showed its backslash)
            plain = topic(ds, j).replace("`", "’").replace("<", "‹").replace(">", "›")
            told.setdefault(text, f"{{ref}}`« {plain} » <{j.anchor}>`")
            # the entry's lines are MyST's: its target, then hard line breaks (not joined into a paragraph)
            parts.append(str(templating.macro(PAGE, "entry")(j.anchor, topic(ds, j), said_text(j.stated),
                                                             j.verdict.verdict, evidence)))
    return "\n\n".join(parts)


def links_for(ds: Dataset, edition: int, chapter: str, facts: object | None = None) -> str:
    """One line for a chapter: its claims' verdicts, each linked to the claims page ('' when none). A chapter that
    has its facts passes them (``facts``): its claims that read them are then judged on the same computation."""
    judged = judge(ds, edition, chapter, None if facts is None else {chapter: facts})
    if not judged:
        return ""
    return _say("links", judged[0].anchor, list(counts(judged).items()), VERDICT_PLURALS)
