"""Pages rewritten when their data change without their text changing: a page whose notebook
output is the same is not re-read, yet its provenance tooltips (a row's value, source and quote)
and the colophon's stamp may be stale: ``pages_to_rewrite`` has Sphinx write again the pages whose
tooltips changed, and ``pages_to_reread`` read again the colophon when the stamp did."""

from __future__ import annotations

import re

from docutils import nodes

from barometre.sphinx_ext.provenance import _tooltips

_ANCHOR = re.compile(r"#(fig-[a-z0-9-]+)")


def _page_inputs(env) -> dict[str, set[str]]:
    """What each page shows that comes from outside its own source: the anchors of the rows it
    links to (their tooltips) and ``"stamp"`` for the colophon (kept in the environment)."""
    if not hasattr(env, "barometre_page_inputs"):
        env.barometre_page_inputs = {}
    return env.barometre_page_inputs


def record_page_inputs(app, doctree) -> None:
    """Note the rows a page links to: ``{ref}`fig-…``` cross-references, links to ``…#fig-…``
    and raw HTML alike."""
    found: set[str] = set()
    for node in doctree.findall(nodes.Element):
        if isinstance(node, nodes.raw):
            found.update(_ANCHOR.findall(node.astext()))
            continue
        for attr in ("refuri", "reftarget", "refid"):
            value = node.get(attr)
            if isinstance(value, str) and "fig-" in value:
                found.add(value.rsplit("#", 1)[-1])
    inputs = _page_inputs(app.env)
    if found or app.env.docname in inputs:
        inputs[app.env.docname] = found | (inputs.get(app.env.docname, set()) & {"stamp"})


def forget_page_inputs(app, env, docname) -> None:
    _page_inputs(env).pop(docname, None)


def merge_page_inputs(app, env, docnames, other) -> None:
    theirs = _page_inputs(other)
    _page_inputs(env).update({d: theirs[d] for d in docnames if d in theirs})


def pages_to_rewrite(app, env) -> list[str]:
    """The pages Sphinx did not re-read whose provenance tooltips changed since they were written
    (the tooltips are added when a page is written, from the data as they are now)."""
    import hashlib

    now = {a: hashlib.sha256(t.encode()).hexdigest()[:16] for a, t in _tooltips(app).items()}
    before = getattr(env, "barometre_written", None)
    env.barometre_written = now
    if before is None:  # a fresh environment: every page is read and written anyway
        return []
    changed = {k for k in set(now) | set(before) if now.get(k) != before.get(k)}
    return sorted(d for d, used in _page_inputs(env).items() if used & changed and d in env.found_docs)


def pages_to_reread(app, env, added, changed, removed) -> list[str]:
    """The pages whose text comes from the build stamp (the colophon's directive) when the stamp
    changed; every page once when the environment predates the record of page inputs."""
    stamp, before = app.config.barometre_build_stamp, getattr(env, "barometre_stamp", None)
    env.barometre_stamp = stamp
    if not hasattr(env, "barometre_page_inputs"):
        env.barometre_page_inputs = {}
        return sorted(env.found_docs - added)
    if stamp == before:
        return []
    return sorted(d for d, used in _page_inputs(env).items() if "stamp" in used and d in env.found_docs)
