"""The outsourcing barometer book: everything but the prose.

Modules, by what they hold:

- ``paths``: every path of the project, anchored at its root.
- ``validation``: the executable schema of ``data/`` (pydantic) and its error report.
- ``data``: loading editions, figures with their provenance, reference series.
- ``provenance``: sidecars and checksums.
- ``formatting``: the one French formatter (babel).
- ``narrative``: the one way to put a number into a sentence.
- ``charts``: the one Altair theme and the chart output (interactive + static).
- ``models``: the chapters' pure models.
- ``build``: validate, execute (cached), assemble, publish.
"""

from barometre.data import Dataset, Figure, figure, load
from barometre.validation import DataValidationError

__all__ = ["DataValidationError", "Dataset", "Figure", "figure", "load"]
