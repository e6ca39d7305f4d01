"""`make test` starts by checking the installed packages against the exact pins."""

from __future__ import annotations

from barometre.environment import check_pins, read_pins


def test_the_environment_matches_the_pins():
    assert check_pins() == []


def test_requirements_are_exact_pins_including_jupyter_book_1():
    pins = read_pins()
    assert pins["jupyter-book"] == "1.0.4.post1"
    assert {"papermill", "altair", "pandas", "vl-convert-python", "pydantic", "babel"} <= set(pins)


def test_a_package_at_another_version_is_reported_by_name(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("pandas==0.0.1\nno-such-package-xyz==1.0\n", encoding="utf-8")
    problems = check_pins(req)
    assert any(p.startswith("pandas: ") and "pinned 0.0.1" in p for p in problems)
    assert "no-such-package-xyz: not installed (pinned 1.0)" in problems
