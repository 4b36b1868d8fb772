"""The lessons catalogue as one self-contained web page.

The page (template ``catalogue.html`` beside this module) needs no network:
its style and its filter script are inline. It has a theme index with the
number of lessons per theme, one section per theme, a filter box that hides
the lessons not containing every word typed (and updates the counts), and for
each lesson links that open the source PDF at its page (``file://…#page=N``).
Every text from the reports is HTML-escaped.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from pathlib import Path
from string import Template

from evalsearch import __version__
from evalsearch.corpus.catalogue import Catalogue, CatalogueEntry, LessonSource, summary_line, unique_anchors
from evalsearch.wording import count_label

TEMPLATE_FILE = Path(__file__).with_name("catalogue.html")


@cache
def _template() -> Template:
    return Template(TEMPLATE_FILE.read_text(encoding="utf-8"))


def theme_slug(name: str) -> str:
    """The id of a theme's section: "ledelse og opbakning" → "tema-ledelse-og-opbakning".

    >>> theme_slug("Ledelse og opbakning")
    'tema-ledelse-og-opbakning'
    """
    return "tema-" + re.sub(r"[^a-z0-9æøå]+", "-", name.lower()).strip("-")


def _source_html(s: LessonSource) -> str:
    where = [f"s. {s.page}"]
    if s.section or s.section_title:
        where.append("afsnit " + escape(" ".join(x for x in (s.section, s.section_title) if x)))
    project = f" ({escape(s.project)})" if s.project else ""
    title = escape(s.title or s.doc_id)
    link = f'<a href="{escape(s.link, quote=True)}">PDF, s. {s.page}</a>'
    return f"<li><cite>{title}</cite>{project}, {', '.join(where)} · {link}</li>"


def _entry_html(entry: CatalogueEntry, number: int) -> str:
    parts = [f'<li class="lesson" data-entry="{number}">']
    if entry.heading:
        parts.append(f'<p class="heading">{escape(entry.heading)}</p>')
    parts.append(f'<p class="text">{escape(entry.text)}</p>')
    if len(entry.themes) > 1:
        tags = "".join(f'<span class="tag">{escape(t)}</span>' for t in entry.themes)
        parts.append(f'<p class="tags">{tags}</p>')
    parts.append('<ul class="sources">' + "".join(_source_html(s) for s in entry.sources) + "</ul>")
    parts.append("</li>")
    return "".join(parts)


def catalogue_to_html(catalogue: Catalogue) -> str:
    """Render the catalogue as one self-contained HTML page.

    Args:
        catalogue (Catalogue): the catalogue to show.

    RETURNS (str): the page; it loads nothing from the network.
    """
    numbers = {id(e): i for i, e in enumerate(catalogue.entries, 1)}
    index_items: list[str] = []
    sections: list[str] = []
    groups = catalogue.by_theme()
    slugs = unique_anchors(theme_slug(name) for name, _, _ in groups)
    for (name, description, entries), slug in zip(groups, slugs):
        index_items.append(
            f'<li data-theme="{slug}"><a href="#{slug}">{escape(name)}</a> <span class="count">{len(entries)}</span></li>'
        )
        body = "".join(_entry_html(e, numbers[id(e)]) for e in entries)
        desc = f'<p class="desc">{escape(description)}</p>' if description else ""
        sections.append(
            f'<section class="theme" id="{slug}" data-theme="{slug}">'
            f'<h2>{escape(name)} <span class="count">{len(entries)}</span></h2>{desc}'
            f'<ol class="lessons">{body}</ol></section>'
        )
    summary = f"Ordnet efter tema: {summary_line(catalogue)}."
    if not sections:
        sections.append('<p class="empty">Ingen erfaringer fundet.</p>')
    return _template().substitute(
        version=escape(__version__),
        summary=escape(summary),
        total_label=count_label(len(catalogue.entries), "erfaring", "erfaringer"),
        index="\n".join(index_items),
        sections="\n".join(sections),
    )
