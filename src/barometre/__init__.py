"""The outsourcing barometer book's package: the data, the models, the chapters' tables, charts and
text, and the build.

Modules, by what they hold:

- ``paths``: every path of the project, anchored at its root.
- ``validation``: the executable schema of ``data/`` (pydantic) and its error report.
- ``data``: loading editions, figures with their provenance, reference series.
- ``provenance``: sidecars and checksums.
- ``formatting``: the one French formatter (babel).
- ``typography``: French typography (elision, apostrophes, spaces), for the text, the tooltips, the
  charts and the print; it imports nothing of the package.
- ``narrative``: the one way to put a number into a sentence.
- ``charts``: the one Altair theme and the chart output (web and print), a package by job.
- ``sphinx_ext``: the book's Sphinx extension, a package by job.
- ``models``: the chapters' pure models.
- ``build``: validate, execute (cached), assemble, publish.
"""

from barometre.data import Dataset, Figure, figure, load
from barometre.validation import DataValidationError

__all__ = ["DataValidationError", "Dataset", "Figure", "figure", "load"]
