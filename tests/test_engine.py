"""The warm in-process engine gives a notebook the outputs a Jupyter kernel gives it."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from barometre import engine
from barometre.paths import CHAPTERS_DIR, DATA_DIR


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell("x: int = 1  # a parameter")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nbformat.write(nb, path)
    return path


def _run(tmp_path: Path, *sources: str, parameters: dict | None = None) -> nbformat.NotebookNode:
    out = tmp_path / "out.ipynb"
    engine.execute_notebook(_notebook(tmp_path / "in.ipynb", *sources), out, parameters or {}, tmp_path)
    return nbformat.read(out, as_version=4)


def test_parameters_are_injected_after_the_parameters_cell(tmp_path):
    nb = _run(tmp_path, "print(x * 2)", parameters={"x": 21})
    assert "injected-parameters" in nb.cells[1].metadata["tags"]
    assert nb.cells[-1].outputs[0]["text"] == "42\n"


def test_the_same_inputs_give_the_same_notebook_to_the_byte(tmp_path):
    """Sphinx reads again a page whose notebook changed: a run with the same inputs must not."""
    source = _notebook(tmp_path / "in.ipynb", "print(x * 2)")
    for name in ("a.ipynb", "b.ipynb"):
        engine.execute_notebook(source, tmp_path / name, {"x": 21}, tmp_path)
    assert (tmp_path / "a.ipynb").read_bytes() == (tmp_path / "b.ipynb").read_bytes()


def test_streams_displays_and_the_last_value_keep_their_order(tmp_path):
    nb = _run(tmp_path, "from IPython.display import display, Markdown\n"
                        "print('a')\ndisplay(Markdown('**b**'))\nprint('c')\n'd'")
    outs = nb.cells[-1].outputs
    assert [o["output_type"] for o in outs] == ["stream", "display_data", "stream", "execute_result"]
    assert outs[1]["data"]["text/markdown"] == "**b**"
    assert outs[3]["data"]["text/plain"] == "'d'" and outs[3]["execution_count"] == nb.cells[-1].execution_count
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]


def test_each_notebook_starts_with_a_fresh_namespace(tmp_path):
    _run(tmp_path, "leftover = 1")
    with pytest.raises(engine.CellError) as info:
        _run(tmp_path, "leftover")
    assert info.value.ename == "NameError"


def test_a_notebook_does_not_inherit_the_people_the_previous_one_introduced(tmp_path):
    """A warm worker runs chapters one after the other: a page introduces its people itself."""
    line = ("from barometre import narrative\n"
            "page = narrative.new_page()\n"
            "page.say(narrative.mentions.person('Jean Régnier', 'P-DG de Comearth') + ' refuse.')")
    first = _run(tmp_path, line + "\npage.say(narrative.mentions.person('Jean Régnier', 'P-DG de Comearth'))")
    assert first.cells[-1].outputs[-1]["data"]["text/markdown"] == "Jean Régnier"  # introduced on this page
    nb = _run(tmp_path, line)
    assert nb.cells[-1].outputs[0]["data"]["text/markdown"] == "Jean Régnier (P-DG de Comearth) refuse."


def test_a_failing_cell_stops_the_notebook_and_is_named(tmp_path):
    with pytest.raises(engine.CellError) as info:
        _run(tmp_path, "y = 1", "raise ValueError('no such figure')", "print('never')")
    err = info.value
    assert (err.cell_index, err.exec_count, err.ename, err.evalue) == (3, 4, "ValueError", "no such figure")
    assert err.source.startswith("raise ValueError")
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert nb.cells[3].outputs[-1]["output_type"] == "error"
    assert nb.cells[4].outputs == [] and nb.cells[4].execution_count is None


@pytest.mark.slow
@pytest.mark.parametrize("chapter", ["value", "synthesis"])
def test_a_chapter_has_the_outputs_papermill_and_a_kernel_give_it(tmp_path, chapter):
    import papermill as pm

    params = {"edition": 2008, "data_dir": str(DATA_DIR)}
    source = CHAPTERS_DIR / f"{chapter}.ipynb"
    pm.execute_notebook(str(source), str(tmp_path / "kernel.ipynb"), parameters=params, kernel_name="python3",
                        cwd=str(CHAPTERS_DIR), progress_bar=False)
    engine.execute_notebook(source, tmp_path / "engine.ipynb", params, CHAPTERS_DIR)
    kernel, warm = (nbformat.read(tmp_path / f"{n}.ipynb", as_version=4) for n in ("kernel", "engine"))
    code = [(c.source, c.outputs) for c in kernel.cells if c.cell_type == "code"]
    assert code == [(c.source, c.outputs) for c in warm.cells if c.cell_type == "code"]
    assert sum(len(o) for _, o in code) >= 3


def test_the_callers_main_module_is_left_as_it_was(tmp_path):
    """IPython swaps ``__main__`` for its namespace while cells run; a build started afterwards in the
    same process (multiprocessing's spawn reads ``__main__.__spec__``) must find the caller's."""
    import sys

    main = sys.modules["__main__"]
    _run(tmp_path, "x = 1")
    assert sys.modules["__main__"] is main


def test_a_build_worker_writes_no_ipython_history(tmp_path):
    """IPython's shell keeps every cell in a history database in the home folder (157 MB here after
    months of builds), written by both workers at once: a build writes nothing outside the project."""
    import os
    import subprocess
    import sys

    _notebook(tmp_path / "in.ipynb", "print(x * 2)")
    script = ("from barometre import engine; import sys; "
              "engine.execute_notebook(sys.argv[1], sys.argv[2], {'x': 21}, sys.argv[3])")
    home = tmp_path / "ipython"
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"),
                           str(tmp_path)], env={**os.environ, "IPYTHONDIR": str(home)}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[-1].outputs[0]["text"] == "42\n"
    assert not list(home.rglob("history.sqlite"))
