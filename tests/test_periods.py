"""The period grammar (barometre.periods) is the one reader of periods."""

from __future__ import annotations

import pytest

from barometre import periods
from barometre.formatting import period_text


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("2008", "year", 2008, 2008), ("2009-07", "month", 2009, 2009), ("2007-2008", "span", 2007, 2008),
])
def test_a_period_is_a_year_a_month_or_a_span(text, kind, start, end):
    p = periods.parse(text)
    assert (p.kind, p.start, p.end, str(p)) == (kind, start, end, text)


@pytest.mark.parametrize("text", ["08", "2009-13", "2009-00", "2008-2007", "2008-2008", "2008/09", "", "bientôt"])
def test_anything_else_is_refused_with_the_grammar(text):
    with pytest.raises(ValueError, match="a year \\(2008\\), a month \\(2009-07\\) or a span of years"):
        periods.parse(text)


def test_periods_are_ordered_by_the_year_they_end_in():
    assert sorted(["2009", "2007-2008", "2008-07", "2000-2009"], key=periods.key) == [
        "2007-2008", "2008-07", "2000-2009", "2009"]


def test_the_template_moves_data_periods_and_keeps_fixed_dates():
    assert periods.shift("2009-07", 1) == "2010-07" and periods.shift("2007-2008", 1) == "2008-2009"
    assert periods.data_period("2008", 2008, 2009) == "2009"
    assert periods.data_period("2007-2008", 2008, 2009) == "2008-2009"
    assert periods.data_period("2000-2008", 2008, 2009) == "2000-2009"
    assert periods.data_period("2009-07", 2008, 2009) is None
    assert periods.data_period("2003", 2008, 2009) is None


def test_the_formatter_and_the_validation_read_the_same_grammar():
    from barometre.validation import _period

    assert period_text("2009-07") == "juillet 2009" and period_text("2007-2008") == "entre 2007 et 2008"
    assert _period("2009-07") == "2009-07"
    with pytest.raises(ValueError, match="span of years"):
        _period("2009-13")
