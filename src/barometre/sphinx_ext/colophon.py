"""The colophon's directive: the whole build stamp, data checksum included."""

from __future__ import annotations

from docutils import nodes

from barometre.sphinx_ext.rewrite import _page_inputs


def _colophon_directive():
    from docutils.parsers.rst import Directive

    class Colophon(Directive):
        has_content = False

        def run(self):
            env = self.state.document.settings.env
            _page_inputs(env).setdefault(env.docname, set()).add("stamp")  # rewritten when it changes
            stamp = env.config.barometre_build_stamp or "construction hors du script de build"
            items = nodes.bullet_list()
            for part in stamp.split(" ; "):
                label, _, value = part.partition(" ")
                para = nodes.paragraph()
                para += nodes.strong(text=label.capitalize() + " ")
                para += nodes.literal(text=value)
                items += nodes.list_item("", para)
            return [items]

    return Colophon
