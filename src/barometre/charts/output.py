"""The chart output every chapter displays: one object, a web form and a print form."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from barometre.charts import web
from barometre.charts.printing import _to_pdf, print_parts_of, print_spec_of
from barometre.charts.theme import PAGE_MIME, PRINT_MIME, wrap_title


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        raise ValueError("a chart needs a name made of letters or digits, e.g. 'croissance'")
    return slug


@dataclass
class ChartOutput:
    """A chart with its title, source line, description and the rows behind it."""

    chart: alt.TopLevelMixin
    name: str
    title: str
    source: str
    description: str
    data: pd.DataFrame | None = None
    interactive_note: str = ""
    printable: bool = True  # False: the chart needs a browser (an explorer) and the PDF leaves it out
    sliders: dict[str, str] = field(default_factory=dict)  # parameter name -> how the page writes its value
    print_chart: alt.TopLevelMixin | None = None  # the chart laid out for the page, when it differs from the web's
    _spec: dict = field(init=False, repr=False)
    _print: dict | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        for attr in ("title", "source", "description"):
            if not str(getattr(self, attr)).strip():
                raise ValueError(f"chart {self.name!r} needs a {attr}: every chart is titled, sourced and described")
        self.name = _slug(self.name)
        # Altair's own validation and its deep copies (``properties`` copies the whole chart, ``to_dict``
        # again, and a copied layer re-copies its layers) cost more than a second for a chapter's small
        # multiples. The spec is taken once, unvalidated, and titled as a dict; every spec the book
        # publishes is validated against the Vega-Lite schema by the tests (test_charts.py).
        spec = self.chart.to_dict(validate=False)
        spec["title"] = wrap_title(self.title)
        spec["description"] = self.description
        self._spec = spec
        if self.print_chart is not None:
            self._print = self.print_chart.to_dict(validate=False)

    @property
    def spec(self) -> dict:
        return self._spec

    def web_spec(self) -> dict:
        """The interactive spec (``web.web_spec``)."""
        return web.web_spec(self)

    def web_patch(self) -> list[dict] | None:
        """What the page changes in the compiled chart (``web.web_patch``)."""
        return web.web_patch(self)

    def print_spec(self) -> dict:
        """The chart as the PDF prints it (``print_spec_of``)."""
        return print_spec_of(self._print or self._spec)

    def print_parts(self) -> list[dict]:
        """The print spec, cut into page-high parts when it is taller than a page."""
        return print_parts_of(self._print or self._spec)

    def pdfs(self) -> list[bytes]:
        """The print form (vector PDF, fonts embedded) at the size it is printed, one per part."""
        return [_to_pdf(part) for part in self.print_parts()]

    def print_form(self) -> dict:
        """What the PDF needs, and nothing drawn yet: the chart's spec, its caption and source.
        The LaTeX builder draws it (``print_pdfs``, called by ``sphinx_ext.printing.PrintFigure``), so the
        HTML build, which never prints, never pays for the drawing."""
        if not self.printable:
            return {"omit": True, "name": self.name}
        return {"name": self.name, "caption": self.title, "source": f"Source : {self.source}",
                "spec": self._print or self._spec}

    def csv(self) -> str:
        """The rows behind the chart, as the reader downloads them: French headers, with units
        (``charts.csv_headers``)."""
        if self.data is None:
            return ""
        from barometre.charts.csv_headers import for_download

        return for_download(self.name, self.data).to_csv(index=False, lineterminator="\n")

    def html(self) -> str:
        """The interactive figure (``web.chart_html``)."""
        return web.chart_html(self)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """The page's figure (``PAGE_MIME``: HTML calling the site's own Vega bundle), the print form,
        the Vega-Lite spec for Jupyter and a line of text. The book's HTML builder takes the page's
        figure (``sphinx_ext.charts.ChartPage``) and its LaTeX builder the print form
        (``sphinx_ext.printing``): neither reads the Vega-Lite forms, and Jupyter knows neither of theirs.

        The spec goes twice: under its own version's type (``vegalite_mime``, Vega-Lite 6), and under
        ``JUPYTER_VEGALITE_MIME`` (Vega-Lite 5), the newest type JupyterLab 4 and VS Code draw with
        their own Vega (see ``JUPYTER_VEGALITE_MIME``). The page's figure is not ``text/html``:
        JupyterLab ranks ``text/html`` above its Vega renderer and would show that HTML, whose script
        calls a global only the site defines, and no chart (seen in JupyterLab 4.6.6)."""
        spec = web.jupyter_spec(self)
        return {
            PAGE_MIME: self.html(),
            PRINT_MIME: self.print_form(),
            vegalite_mime(self._spec): spec,
            JUPYTER_VEGALITE_MIME: {**spec, "$schema": JUPYTER_VEGALITE_SCHEMA},
            "text/plain": f"{self.title}. {self.description} Source : {self.source}",
        }


# The Vega-Lite MIME type JupyterLab and VS Code draw. JupyterLab 4 (@jupyterlab/vega5-extension, with
# Vega 5 and Vega-Lite 5) registers application/vnd.vegalite.v3/v4/v5+json only, and VS Code's notebook
# renderers follow it (their « Vega 6 support » issue, microsoft/vscode-notebook-renderers#241, was
# closed as not planned in 2025): an output with only the v6 type draws in neither. The book's specs
# use nothing Vega-Lite 6 added: each draws the same under Vega-Lite 5.8 as under 6 (tests:
# test_charts.py on a chart, test_notebooks_in_jupyter.py on every chart of an executed chapter), so
# the spec is given under the v5 type with the v5 schema (vega-embed checks ``$schema`` against its
# Vega-Lite and warns when they differ).
JUPYTER_VEGALITE_MIME = "application/vnd.vegalite.v5+json"
JUPYTER_VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def vegalite_mime(spec: dict) -> str:
    """The Vega-Lite MIME type of the spec's major version, as Altair names it for its own charts
    (``application/vnd.vegalite.v6+json`` for a ``…/vega-lite/v6.4.1.json`` schema)."""
    match = re.search(r"/vega-lite/v(\d+)", str(spec.get("$schema", "")))
    if match is None:
        raise ValueError(f"a chart's spec names no Vega-Lite schema version ($schema: {spec.get('$schema')!r})")
    return f"application/vnd.vegalite.v{match.group(1)}+json"


class SpecChart:
    """A chart written directly as its Vega-Lite dict, with the two calls the book makes of an Altair
    chart (``to_dict``, ``properties``). Altair copies a layered concatenation deeply at each step
    (each copied layer re-copies its layers): for a chapter's small multiples that cost two seconds
    in every build (``history.history_chart``)."""

    def __init__(self, spec: dict) -> None:
        self._spec = spec

    @classmethod
    def of(cls, **spec) -> SpecChart:
        """A top-level chart: Altair's schema address and the book's theme (the active one) added."""
        top = alt.Chart(pd.DataFrame({"x": [0]})).mark_point().to_dict(validate=False)
        return cls({"$schema": top["$schema"], "config": top["config"], **spec})

    def to_dict(self, validate: bool = True) -> dict:
        spec = json.loads(json.dumps(self._spec))
        if validate:  # as Altair validates: against the Vega-Lite schema it ships
            from altair.utils.schemapi import validate_jsonschema
            from altair.vegalite.v6.schema.core import load_schema

            validate_jsonschema(spec, load_schema())
        return spec

    def properties(self, **kwargs) -> SpecChart:
        return SpecChart({**self._spec, **kwargs})


def chart_output(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    title: str,
    source: str,
    description: str,
    data: pd.DataFrame | None = None,
    interactive_note: str = "",
    printable: bool = True,
    sliders: dict[str, str] | None = None,
    print_chart: alt.TopLevelMixin | None = None,
) -> ChartOutput:
    """Wrap an Altair chart for display: ``display(chart_output(...))`` in a chapter."""
    return ChartOutput(chart, name, title, source, description, data, interactive_note, printable,
                       dict(sliders or {}), print_chart)

