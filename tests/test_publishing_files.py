"""Ready to publish and to cite: the licence files, CITATION.cff against the CFF schema, the GitHub
Pages workflow against the GitHub workflow schema, the README's « Publier », the site address, the
link checker and ``make publish``'s refusals. Offline: the schemas are vendored in tests/schemas/."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from barometre.paths import DATA_DIR, ROOT

SCHEMAS = Path(__file__).parent / "schemas"
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


class Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub reads a workflow (YAML 1.2 booleans: ``on:`` is a key, not ``True``)."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def errors(instance, name: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema(name), format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(instance)]


# --------------------------------------------------------------------------- licences


def test_the_code_is_under_the_mit_licence_and_the_text_and_data_under_the_open_licence():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in code
    data = (ROOT / "LICENCE-DONNEES.md").read_text(encoding="utf-8")
    assert "Licence Ouverte / Open Licence, version 2.0" in data and "etalab-2.0" in data
    assert "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" in data
    assert "L122-5" in data and "Code de la propriété intellectuelle" in data  # press excerpts: not ours
    assert "`licence`" in data and "*.meta.yaml" in data  # each reference series: its own licence


def test_the_readme_states_the_licences_and_why_mit():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Licences", 1)[1].split("\n## ", 1)[0]
    for needle in ("MIT", "LICENSE", "Licence Ouverte / Etalab 2.0", "LICENCE-DONNEES.md", "L122-5", "sidecar"):
        assert needle in section, needle
    assert "why" in section.lower() or "because" in section.lower()


def sidecars() -> list[tuple[str, dict]]:
    return [(p.relative_to(DATA_DIR).as_posix(), yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in sorted(DATA_DIR.rglob("*.meta.yaml"))]


@pytest.mark.parametrize(("name", "meta"), sidecars(), ids=[n for n, _ in sidecars()])
def test_every_sidecar_names_the_licence_that_fits_its_source(name, meta):
    licence = " ".join(str(meta.get("licence", "")).split())
    producer = str(meta.get("producer", ""))
    assert licence, name
    if name.startswith(("editions/", "events/", "quotes/")):
        # figures transcribed from the press: excerpts under the right of quotation
        assert "L122-5" in licence, (name, licence)
    elif name.startswith("reference/"):
        # a reference series keeps its source's licence: a named licence or the source's reuse terms
        assert re.search(r"Etalab 2\.0|CC BY 4\.0|public domain|source is acknowledged|AGPL|Licence Ouverte",
                         licence, re.I), (name, licence)
        # the colophon names it to French readers, in French (title_fr, licence_fr)
        assert meta.get("title_fr") and meta.get("licence_fr"), name
    elif producer.lower().startswith("this project") and "L122-5" not in licence:
        assert "Etalab 2.0" in licence, (name, licence)  # the project's own text: the open licence


# --------------------------------------------------------------------------- citation


def test_citation_cff_is_valid_against_the_cff_schema_and_names_the_book_and_its_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert errors(cff, "citation-file-format-1.2.0.json") == []
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert cff["title"] == config["title"]
    assert cff["authors"] == [{"name": config["author"]}]
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert cff["version"] == version
    assert cff["license"] == "etalab-2.0" and cff["preferred-citation"]["type"] == "book"


def test_the_cff_check_refuses_a_citation_without_authors_or_with_a_bad_licence():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert errors({k: v for k, v in cff.items() if k != "authors"}, "citation-file-format-1.2.0.json")
    assert errors({**cff, "license": "Licence Ouverte"}, "citation-file-format-1.2.0.json")


def test_the_vendored_schemas_are_the_files_their_provenance_names():
    table = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for path in sorted(SCHEMAS.glob("*.json")):
        row = next(line for line in table.splitlines() if line.startswith(f"| `{path.name}`"))
        recorded = re.findall(r"sha256 `([0-9a-f]{64})`", row)[-1]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded, path.name


# --------------------------------------------------------------------------- the workflow


def workflow() -> dict:
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=Yaml12Loader)


def test_the_workflow_is_yaml_and_valid_against_the_github_workflow_schema():
    flow = workflow()
    assert "on" in flow and True not in flow
    assert errors(flow, "github-workflow.json") == []


def test_the_workflow_schema_check_can_fail():
    flow = workflow()
    flow["jobs"]["build"]["steps"][0]["usses"] = "actions/checkout@v4"
    assert errors(flow, "github-workflow.json")
    assert errors({**flow, "jobs": {"build": {"steps": []}}}, "github-workflow.json")  # no runs-on


def test_the_workflow_tests_builds_the_whole_site_and_deploys_it_to_pages():
    flow = workflow()
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [s.get("run", "") for s in build["steps"]]
    assert runs.index("make test") < runs.index("make site PDF=1") < runs.index("make publish DEST=_site")
    site_step = next(s for s in build["steps"] if s.get("run") == "make site PDF=1")
    pages = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    assert site_step["env"]["BAROMETRE_BASEURL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    # every action pinned to a released version, none to a moving branch
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@v\d+(\.\d+)*", u) for u in uses), uses


def test_every_make_target_the_workflow_calls_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    called = {m for s in workflow()["jobs"]["build"]["steps"] for m in re.findall(r"\bmake ([a-z-]+)", s.get("run", ""))}
    assert called >= {"test", "site", "publish"}
    assert called <= targets, called - targets


def test_the_readme_publish_section_is_the_two_ways_exactly():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publier", 1)[1].split("\n## ", 1)[0]
    assert ".github/workflows/publish.yml" in section and "make publish DEST=" in section
    assert "BAROMETRE_BASEURL" in section
    assert "Publish** `_build/html`" not in readme  # the old advice published one edition only


# --------------------------------------------------------------------------- site address


@pytest.mark.parametrize("address", ["https://example.org/barometre/", "http://www.example.com", "ftp://host/x",
                                     "barometre.fr/livre"])
def test_a_placeholder_or_malformed_site_address_is_refused_with_a_clear_message(address):
    from barometre.reuse import BaseUrlError, site_baseurl

    with pytest.raises(BaseUrlError, match="BAROMETRE_BASEURL"):
        site_baseurl({"BAROMETRE_BASEURL": address})


def test_the_site_address_comes_from_the_deployment_before_the_configuration(tmp_path, monkeypatch):
    from barometre.build import Builder, BuildError

    builder = Builder(data_dir=DATA_DIR, build_dir=tmp_path / "_build", echo=lambda m: None)
    monkeypatch.setenv("BAROMETRE_BASEURL", "https://owner.github.io/barometre")
    assert builder._site_address({"html": {"baseurl": "https://self.hosted.fr/b/"}}) == "https://owner.github.io/barometre/"
    monkeypatch.delenv("BAROMETRE_BASEURL")
    assert builder._site_address({"html": {"baseurl": "https://self.hosted.fr/b"}}) == "https://self.hosted.fr/b/"
    assert builder._site_address({"html": {"baseurl": ""}}) == ""
    monkeypatch.setenv("BAROMETRE_BASEURL", "https://example.org/")
    with pytest.raises(BuildError, match="Nothing was built or published"):
        builder._site_address({"html": {"baseurl": ""}})


def test_the_committed_configuration_holds_no_placeholder_address():
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert "example.org" not in config
    assert yaml.safe_load(config)["html"]["baseurl"] == ""


# --------------------------------------------------------------------------- links and make publish


def small_site(root: Path) -> Path:
    """A site as make site lays it out: the archive page and one folder per edition."""
    site = root / "site"
    for edition in (2007, 2008):
        (site / str(edition) / "chapters").mkdir(parents=True)
        (site / str(edition) / "index.html").write_text(
            f'<a href="chapters/sources.html#fig-{edition}">annexe</a> <a href="../index.html">toutes</a>'
            f' <a href="https://www.legifrance.gouv.fr/">loi</a> <a href="#top" id="top">haut</a>', encoding="utf-8")
        (site / str(edition) / "chapters" / "sources.html").write_text(
            f'<h1 id="fig-{edition}">Annexe</h1><a href="../../{4015 - edition}/index.html">autre</a>'
            '<a href="mailto:x@y.fr">mail</a><img src="data:image/png;base64,AAA">', encoding="utf-8")
        (site / str(edition) / f"barometre-outsourcing-{edition}.pdf").write_bytes(b"%PDF-1.5")
    (site / "index.html").write_text('<a href="2007/index.html">2007</a><a href="2008/">2008</a>'
                                     '<a href="2008/barometre-outsourcing-2008.pdf">PDF</a>', encoding="utf-8")
    return site


def test_the_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    from barometre.linkcheck import external_links, internal_problems

    site = small_site(tmp_path)
    assert internal_problems(site) == []
    page = site / "2008" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + '<a href="chapters/sources.html#nowhere">x</a>'
                    '<a href="chapters/gone.html">y</a><a href="../../outside.html">z</a>', encoding="utf-8")
    problems = internal_problems(site)
    assert any("#nowhere" in p and "no anchor" in p for p in problems), problems
    assert any("gone.html" in p and "no such file" in p for p in problems), problems
    assert any("outside.html" in p and "out of the site" in p for p in problems), problems
    assert len(problems) == 3
    assert list(external_links(site)) == ["https://www.legifrance.gouv.fr/"]


def data_with(tmp_path: Path, editions: tuple[int, ...]) -> Path:
    data = tmp_path / f"data-{len(editions)}"
    (data / "editions").mkdir(parents=True, exist_ok=True)
    for e in editions:
        (data / "editions" / f"{e}.csv").write_text("indicator\n", encoding="utf-8")
    return data


def test_publish_copies_a_complete_site_into_a_new_folder_and_replaces_its_own_publication(tmp_path):
    from barometre.deploy import MARKER, publish_to

    site = small_site(tmp_path)
    dest = tmp_path / "www" / "barometre"
    publish_to(dest, site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)
    assert (dest / "2008" / "chapters" / "sources.html").is_file() and (dest / MARKER).is_file()
    (site / "2008" / "index.html").write_text('<a href="../index.html">nouveau</a>', encoding="utf-8")
    publish_to(dest, site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)
    assert "nouveau" in (dest / "2008" / "index.html").read_text(encoding="utf-8")
    assert not list(dest.parent.glob(".barometre.publishing-*"))


def test_publish_refuses_an_incomplete_site_and_leaves_the_destination_untouched(tmp_path):
    from barometre.deploy import PublishError, publish_to

    site = small_site(tmp_path)
    dest = tmp_path / "www"
    with pytest.raises(PublishError, match="edition 2009 is not built") as info:
        publish_to(dest, site, data_with(tmp_path, (2007, 2008, 2009)), echo=lambda m: None)
    assert "nothing was published" in str(info.value) and not dest.exists()
    (site / "2007" / "barometre-outsourcing-2007.pdf").unlink()
    with pytest.raises(PublishError, match=r"edition 2007 has no PDF .*make site PDF=1"):
        publish_to(dest, site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)
    (site / "2007" / "barometre-outsourcing-2007.pdf").write_bytes(b"%PDF-1.5")
    (site / "2008" / "index.html").write_text('<meta property="og:url" content="https://example.org/2008/">'
                                              '<a href="chapters/x.html">x</a>', encoding="utf-8")
    with pytest.raises(PublishError) as info:
        publish_to(dest, site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)
    assert "placeholder address example.org" in str(info.value) and "chapters/x.html" in str(info.value)
    with pytest.raises(PublishError, match=r"no index\.html"):
        publish_to(dest, tmp_path / "nothing", data_with(tmp_path, (2008,)), echo=lambda m: None)


def test_publish_refuses_a_folder_that_holds_other_files(tmp_path):
    from barometre.deploy import PublishError, publish_to

    site = small_site(tmp_path)
    dest = tmp_path / "home"
    dest.mkdir()
    (dest / "thesis.tex").write_text("mine", encoding="utf-8")
    with pytest.raises(PublishError, match="not empty"):
        publish_to(dest, site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)
    assert [p.name for p in dest.iterdir()] == ["thesis.tex"]
    with pytest.raises(PublishError, match="the built site"):
        publish_to(site / "2008" / "copy", site, data_with(tmp_path, (2007, 2008)), echo=lambda m: None)


def test_make_publish_checks_its_destination_before_running_anything():
    def make(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "-n", "ENV_SYNC=:", *args], cwd=ROOT, capture_output=True, text=True)

    for bad in ("/tmp/x;touch y", "/tmp/a b", "/tmp/a|b", "/tmp/`id`"):
        result = make("publish", f"DEST={bad}")
        assert result.returncode != 0 and "DEST must be a folder path" in result.stderr, (bad, result.stderr)
    ok = make("publish", "DEST=/srv/www/barometre")
    assert ok.returncode == 0 and 'publish --dest "$DEST"' in ok.stdout
    usage = subprocess.run(["make", "ENV_SYNC=:", "publish"], cwd=ROOT, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin"})
    assert usage.returncode != 0 and "usage: make publish DEST=" in usage.stderr


def test_the_outside_link_check_reports_a_dead_address_and_says_when_there_is_no_network(tmp_path):
    import http.server
    import threading

    from barometre.linkcheck import NoNetwork, check_external

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        do_GET = do_HEAD

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text(f'<a href="{base}/ok">a</a><a href="{base}/gone">b</a>', encoding="utf-8")
        broken = check_external(site, echo=lambda m: None)
        assert len(broken) == 1 and "/gone (HTTP 404)" in broken[0] and "index.html" in broken[0]
    finally:
        server.shutdown()
        server.server_close()
    (site / "index.html").write_text(f'<a href="{base}/ok">a</a>', encoding="utf-8")  # the server is gone
    with pytest.raises(NoNetwork, match="no network"):
        check_external(site, echo=lambda m: None)


def test_the_colophon_gets_the_pdfs_link_with_its_name_and_size(tmp_path):
    """``publishing.add_pdf`` writes the link where the colophon marks its place (a template's argument named like
    ``render_html``'s own stopped every PDF build: its fresh-clone ``make test`` failed, stop 39)."""
    from barometre.publishing import PDF_MARK, add_pdf, pdf_name

    colophon = tmp_path / "chapters" / "colophon.html"
    colophon.parent.mkdir()
    colophon.write_text(f"<p>avant</p>{PDF_MARK}<p>après</p>", encoding="utf-8")
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF" + b"0" * 1_250_000)
    add_pdf(tmp_path, 2024, pdf)
    text = colophon.read_text(encoding="utf-8")
    assert PDF_MARK not in text and f'href="../{pdf_name(2024)}" download>{pdf_name(2024)}</a> (1,3\u00a0Mo)' in text
