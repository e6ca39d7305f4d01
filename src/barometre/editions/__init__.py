"""The yearly rerun: a new edition's files, spreadsheet import, and the check against
the previous edition.

The analyst's year, in four steps:

1. ``python -m barometre new-edition --year 2009`` writes ``data/editions/2009.csv``
   (one row per barometer figure of the latest edition whose period is that edition's
   data year, moved on to the new year; fixed dates and the speakers' figures are not
   copied; values, quote and source empty, notes ``TO FILL``; a figure the new edition
   does not publish is simply deleted), ``data/events/2009.csv`` (header only) and their
   sidecars (fields ``TO FILL``). The template does not validate: validation names every row
   still to fill. Or, when the figures arrive as a spreadsheet,
   ``python -m barometre import-xlsx barometre-2009.xlsx --year 2009`` transcribes its
   first visible sheet (or the one named with ``--sheet``) into ``data/editions/2009.csv`` (every
   problem named by its cell).
2. ``python -m barometre compare`` checks the new edition against the previous one
   (``compare_editions``) and prints what changed:

   - **errors** (the build stops): a unit that changed (an indicator keeps its unit: a
     new unit is a new indicator); a ``TO FILL`` left in the edition's rows or sidecars.
     Editions are vintages and may be sparse: an indicator the new edition does not
     republish is listed (the book shows its last published value, naming its edition),
     not an error;
   - **warnings** (the build goes on, the analyst checks): a figure that moved beyond a
     plausible bound since the previous edition: more than ``points`` (20) points for
     units expressed in percent (``percent``, ``percent_change``, ``percentage_points``),
     or a fall of more than half of its value (15 % → 4,2 %); a relative change above
     ``threshold`` (50 %) for the other units;
   - **revisions**: a figure of the same indicator, scope and period in both editions
     with a different value (the new edition revised it);
   - **changes**: every figure that moved since the previous edition.
3. ``make book`` (the build runs the same comparison first).
4. Publish ``_build/html``.

**Confirming a jump.** A jump is confirmed by writing the word ``confirmed`` in the
``note`` of the new edition's row, with the reason, e.g. ``Jump confirmed: the
barometer changed its panel (p. 4).`` The confirmation then lives with the figure,
is covered by the file's checksum, and shows in the sources annex; a confirmed jump
is listed among the changes but no longer warns. (A separate ``<year>.confirm.yaml``
was not chosen: every file of ``data/`` needs a provenance sidecar, and the reason
of a confirmation belongs next to the figure.)

**Pairing figures across editions.** A figure of the new edition is compared with
the previous edition's figure of the same indicator and scope whose period, moved on
by the number of years between the editions, equals its own (``2008`` in 2008 with
``2009`` in 2009, ``2007-2008`` with ``2008-2009``, ``2009-07`` with ``2010-07``);
failing that, when each edition holds a single such figure (``2000-2008`` with
``2000-2009``), with that one. A figure whose (indicator, scope, period) is in both
editions is a revision candidate, not a change.
"""

# The procedure's parts live in their own modules (common, template, spreadsheet, compare: the check,
# report: what it finds, changes: the « Ce qui a changé » page); this package gives their public names.
from barometre.editions.changes import changes_markdown, disagreements_markdown, forecasts_markdown
from barometre.editions.common import (
    CONFIRMED,
    DEFAULT_POINTS,
    DEFAULT_THRESHOLD,
    EDITION_COLUMNS,
    EVENT_COLUMNS,
    NUMERIC_COLUMNS,
    PERCENT_UNITS,
    TEMPLATE_SIDECAR,
    TO_FILL,
    EditionError,
    Issue,
    data_period,
    edition_years,
    shift_period,
)
from barometre.editions.compare import compare_editions, write_report
from barometre.editions.report import Change, EditionReport, Revision
from barometre.editions.spreadsheet import (
    import_xlsx,
    is_unfilled_template,
)
from barometre.editions.template import (
    new_edition_template,
)

__all__ = [
    "CONFIRMED",
    "DEFAULT_POINTS",
    "DEFAULT_THRESHOLD",
    "EDITION_COLUMNS",
    "EVENT_COLUMNS",
    "NUMERIC_COLUMNS",
    "PERCENT_UNITS",
    "TEMPLATE_SIDECAR",
    "TO_FILL",
    "Change",
    "EditionError",
    "EditionReport",
    "Issue",
    "Revision",
    "changes_markdown",
    "compare_editions",
    "data_period",
    "disagreements_markdown",
    "edition_years",
    "forecasts_markdown",
    "import_xlsx",
    "is_unfilled_template",
    "new_edition_template",
    "shift_period",
    "write_report",
]
