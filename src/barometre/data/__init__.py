"""Loading the data: editions as vintages of one series, figures with their provenance.

``load()`` validates the whole ``data/`` folder (see ``validation``) and returns
a ``Dataset``.

**Editions are vintages.** An observation is indicator × period × scope,
published in an edition (``data/editions/<edition>.csv``), from a source, with a
quote. A book of edition E asks for "the latest value of X for period P as known
in edition E" (``Dataset.known``): the newest edition up to E that publishes it
wins, so a revised value replaces the earlier one, and a figure the edition does
not republish comes from the last edition that did (the Figure then carries
``as_of`` = E and its own ``edition``, and ``narrative.cite`` says so). The whole
history of X is ``Dataset.series``; ``Dataset.revisions`` lists the values a
later edition changed and ``Dataset.disagreements`` the figures two sources of
the same edition give differently (the first row in the file is the primary one).

**Declared inputs.** A chapter declares what it reads in the registry
(``barometre.book``). The build keys its cache on those rows and files
(``Dataset.inputs_key``) and runs the chapter under ``declared(...)``: its
``Dataset`` then refuses any other read with ``UndeclaredInput``. Nothing is
recorded while a chapter runs, so the cache has no side channel to trust.

The package, by job: ``figures`` (``Figure``, ``Quote``, ``Study``, ``SeriesBreak``: the rows as
objects), ``dataset`` (``Dataset``: vintages, declared inputs, the cache key), ``references`` (what a
``Dataset`` reads beside the editions: events, cities, quotes, reference series); here, ``load`` and
``declared``. The public names are re-exported here: ``from barometre.data import ...``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from barometre.data.dataset import (
    Dataset,
)
from barometre.data.figures import (
    FRF_PER_EUR,
    RELATED_OUTCOMES,
    Figure,
    FigureNotFound,
    Quote,
    SeriesBreak,
    Study,
    UndeclaredInput,
    attribution,
    figure_from_row,
    pd,
    period_end,
    period_key,
    same_value,
)
from barometre.data.references import (
    ReferenceReads,
)
from barometre.paths import DATA_DIR
from barometre.validation import validate

_CACHE: dict[tuple[str, tuple], Dataset] = {}


def _fingerprint(data_dir: Path) -> tuple:
    """Every entry of the folder as it is, links and special files included (``lstat``: a file replaced by a
    link to a copy, or a FIFO added, changes it, so the next ``load`` validates again)."""
    return tuple((str(p), st.st_mode, st.st_mtime_ns, st.st_size)
                 for p in sorted(data_dir.rglob("*")) for st in [p.lstat()])


_DECLARED: list[tuple[object, str]] = []  # (inputs, chapter) while the build runs a chapter


@contextlib.contextmanager
def declared(inputs, chapter: str) -> Iterator[None]:
    """While the build runs ``chapter``: every ``load()`` gives a Dataset that reads only ``inputs``."""
    _DECLARED.append((inputs, chapter))
    try:
        yield
    finally:
        _DECLARED.pop()


def load(data_dir: Path | str = DATA_DIR) -> Dataset:
    """Validate ``data_dir`` and return the Dataset (raises DataValidationError); inside ``declared``,
    a Dataset restricted to the chapter's declared inputs."""
    data_dir = Path(data_dir).resolve()
    key = (str(data_dir), _fingerprint(data_dir))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Dataset(validate(data_dir))
    if _DECLARED:
        return _CACHE[key].restricted(*_DECLARED[-1])
    return _CACHE[key]


def figure(
    indicator: str,
    edition: int | None = None,
    *,
    scope: str | None = None,
    period: str | int | None = None,
    data_dir: Path | str = DATA_DIR,
) -> Figure:
    """``figure("revenue_growth", edition=2008)``: one figure with its value, quote and source."""
    return load(data_dir).figure(indicator, edition, scope=scope, period=period)


__all__ = [
    "FRF_PER_EUR",
    "RELATED_OUTCOMES",
    "Dataset",
    "Figure",
    "FigureNotFound",
    "Quote",
    "ReferenceReads",
    "SeriesBreak",
    "Study",
    "UndeclaredInput",
    "attribution",
    "declared",
    "figure",
    "figure_from_row",
    "load",
    "pd",
    "period_end",
    "period_key",
    "same_value",
]
