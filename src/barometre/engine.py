"""Notebook execution in warm worker processes, instead of one Jupyter kernel per chapter.

Why: with papermill and a kernel per notebook, each of the book's chapters paid the start of a
kernel and the import of pandas, Altair, vl-convert and this package (about 1,2 s each, measured
in issue 16), every build. Here each build worker imports them once (``warm``), then runs the
chapters it is given one after the other, each in a fresh IPython namespace.

What stays as with papermill:

- the parameters are injected by papermill's own ``parameterize_notebook`` (the « injected-
  parameters » cell after the ``parameters`` cell);
- each code cell runs in IPython (``InteractiveShell``), so ``display``, rich reprs
  (``_repr_mimebundle_``), myst-nb's ``glue`` and the value of a cell's last expression give the
  same outputs as in a kernel, in the order they were produced (streams, display data,
  ``execute_result``), with execution counts 1, 2, 3…;
- a failing cell stops the notebook: its error output is kept in the notebook, and
  ``CellError`` names the cell, its execution count, the exception and the cell's first line.

``tests/test_engine.py`` checks the outputs against papermill with a kernel, on the book's
chapters.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path

import nbformat

# What every chapter imports: loaded once per worker.
HEAVY_MODULES = (
    "pandas",
    "altair",
    "vl_convert",
    "IPython.display",
    "myst_nb",
    "barometre.data",
    "barometre.charts",
    "barometre.narrative",
    "barometre.history",
)


class CellError(Exception):
    """A cell raised: where, and what (the attributes papermill's execution error has)."""

    def __init__(self, cell_index: int, exec_count: int, ename: str, evalue: str, source: str):
        self.cell_index, self.exec_count = cell_index, exec_count
        self.ename, self.evalue, self.source = ename, evalue, source
        super().__init__(f"cell {cell_index}: {ename}: {evalue}")


def warm() -> None:
    """Worker initializer: import what the chapters use, and create the IPython shell."""
    for name in HEAVY_MODULES:
        importlib.import_module(name)
    main = sys.modules.get("__main__")
    try:
        _shell()
    finally:
        _restore_main(main)


def _restore_main(main) -> None:
    """IPython registers its user namespace as ``__main__``; the caller's ``__main__`` comes back
    after a notebook (multiprocessing's spawn reads ``__main__.__spec__`` in the calling process)."""
    if main is not None:
        sys.modules["__main__"] = main


_SHELL = None


def _shell():
    global _SHELL
    if _SHELL is None:
        from IPython.core.displayhook import DisplayHook
        from IPython.core.displaypub import DisplayPublisher
        from IPython.core.interactiveshell import InteractiveShell

        class Publisher(DisplayPublisher):
            def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kw):
                _emit(nbformat.v4.new_output("display_data", data=data, metadata=metadata or {}))

            def clear_output(self, wait=False):
                _OUTPUTS.clear()

        class Hook(DisplayHook):
            def write_output_prompt(self):
                pass

            def write_format_data(self, format_dict, md_dict=None):
                _emit(nbformat.v4.new_output("execute_result", data=format_dict, metadata=md_dict or {},
                                             execution_count=_COUNT[0]))

            def finish_displayhook(self):
                pass

        from traitlets.config import Config

        # no history database: a build writes nothing outside the project (IPython's history.sqlite
        # in the home folder, shared by both workers), and a worker's exit does not wait on its writer
        shell = InteractiveShell.instance(colors="nocolor", config=Config({"HistoryManager": {"enabled": False}}))
        shell.display_pub = Publisher(shell=shell, parent=shell)
        shell.displayhook = Hook(shell=shell, cache_size=0, parent=shell)
        shell.display_trap.hook = shell.displayhook
        shell.showtraceback = lambda *a, **k: None  # the error is reported as an output, below
        _SHELL = shell
    return _SHELL


_OUTPUTS: list = []
_COUNT = [0]  # the running cell's execution count (IPython moves its own on before the display hook)


def _emit(output) -> None:
    _OUTPUTS.append(output)


class _Stream:
    """sys.stdout / sys.stderr during a cell: text joins the previous output of the same stream."""

    def __init__(self, name: str):
        self.name = name

    def write(self, text: str) -> int:
        if not text:
            return 0
        last = _OUTPUTS[-1] if _OUTPUTS else None
        if last is not None and last.output_type == "stream" and last.name == self.name:
            last.text += text
        else:
            _emit(nbformat.v4.new_output("stream", name=self.name, text=text))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def execute_notebook(source: str | Path, output: str | Path, parameters: dict, cwd: str | Path) -> None:
    """Run ``source`` with ``parameters`` injected, write the executed notebook to ``output``.

    Raises ``CellError`` at the first failing cell (the notebook is written first, with the
    error output, for inspection)."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(source))  # as papermill reads it (every cell gets its tags list)
    nb = parameterize_notebook(nb, parameters, kernel_name="python3", language="python")
    for cell in nb.cells:
        # papermill gives the injected cell a random id: the same inputs would give a different
        # notebook every run, which Sphinx would read again although nothing it shows changed
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
    main = sys.modules.get("__main__")
    shell = _shell()
    shell.reset(new_session=True)  # a chapter's page object (narrative.new_page) lives in its namespace
    shell.execution_count = 1
    here = os.getcwd()
    streams = sys.stdout, sys.stderr
    os.chdir(cwd)
    failure = None
    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            _OUTPUTS.clear()
            count = _COUNT[0] = shell.execution_count
            sys.stdout, sys.stderr = _Stream("stdout"), _Stream("stderr")
            try:
                result = shell.run_cell(cell.source, store_history=True)
            finally:
                sys.stdout, sys.stderr = streams
            error = result.error_before_exec or result.error_in_exec
            if error is not None:
                _emit(nbformat.v4.new_output(
                    "error", ename=type(error).__name__, evalue=str(error),
                    traceback=traceback.format_exception(type(error), error, error.__traceback__),
                ))
            cell.execution_count = count
            cell.outputs = list(_OUTPUTS)
            if error is not None:
                failure = CellError(index, count, type(error).__name__, str(error), cell.source)
                break
    finally:
        sys.stdout, sys.stderr = streams
        os.chdir(here)
        _OUTPUTS.clear()
        _restore_main(main)
    nbformat.write(nb, str(output))
    if failure is not None:
        raise failure
