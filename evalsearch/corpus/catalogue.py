"""The lessons catalogue: every lesson of a corpus, near-duplicates merged, grouped by theme.

``build_catalogue(documents)`` collects the lessons of many reports. Final
evaluations repeat the lessons of the mid-term evaluation and cross-project
reports repeat the projects' own lessons, so lessons whose texts are nearly
the same (rapidfuzz, ``DEFAULT_SIMILARITY``) are clustered into one entry
that keeps every source: report, project, page and section. Each entry has
the themes of ``evalsearch.danish.themes`` (its lessons' themes, or those of
a taxonomy the user passes) and is listed under each of them.

Rendering: ``catalogue_to_markdown``, ``catalogue_to_json``,
``catalogue_to_csv`` here; ``catalogue_html.catalogue_to_html`` for the
self-contained web page. Report-facing labels are Danish.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from evalsearch.choices import pick
from evalsearch.corpus.export import rows_to_csv
from evalsearch.danish.themes import UNTHEMED, Theme, default_themes, themes_of
from evalsearch.model import Document, Lesson
from evalsearch.naming import page_link
from evalsearch.wording import count_label, some_names

#: lessons this similar (rapidfuzz ratio, 0-100, after normalising) are one entry
DEFAULT_SIMILARITY = 88.0
#: a shorter lesson of at least this many words is merged into a longer one that opens with it
DEFAULT_MIN_CONTAINED_WORDS = 15
MAX_THEMES = 3
#: reports without lessons named in the summary line; the rest are counted
SUMMARY_NAMES = 5
_CHUNK = 1000
#: near-duplicates are looked for among lessons whose first this many characters match
OPENING_CHARS = 120
CSV_COLUMNS = (
    "themes", "text", "heading", "doc_id", "title", "project", "page", "section", "section_title",
    "in_lessons_chapter", "path",
)


@dataclass(frozen=True)
class LessonSource:
    """Where one lesson stands: the report, its project, the page and section."""

    doc_id: str
    title: str | None
    project: str | None
    path: str
    page: int
    section: str | None
    section_title: str | None
    heading: str | None
    in_lessons_chapter: bool
    text: str

    @property
    def link(self) -> str:
        """A link that opens the PDF at the lesson's page."""
        return page_link(self.path, self.page)


@dataclass(frozen=True)
class CatalogueEntry:
    """One lesson of the catalogue, with every report that states it."""

    text: str
    heading: str | None
    themes: tuple[str, ...]
    sources: tuple[LessonSource, ...]

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "heading": self.heading,
            "themes": list(self.themes),
            "sources": [asdict(s) | {"link": s.link} for s in self.sources],
        }


@dataclass(frozen=True)
class Catalogue:
    """The entries, the themes in taxonomy order, and the doc_ids of every report read (``read``)."""

    entries: tuple[CatalogueEntry, ...]
    themes: tuple[Theme, ...]
    read: tuple[str, ...] = ()
    #: the one theme the catalogue was restricted to (``only_theme``), or None
    theme: str | None = None

    def by_theme(self) -> list[tuple[str, str, list[CatalogueEntry]]]:
        """(theme name, description, entries) for every theme that has entries, taxonomy order.

        Within a theme, the entries for which it is the main theme come first.
        """
        groups = [
            (t.name, t.description, sorted((e for e in self.entries if t.name in e.themes), key=lambda e: e.themes.index(t.name)))
            for t in self.themes
        ]
        other = [e for e in self.entries if not e.themes]
        if other:
            groups.append((UNTHEMED, "Erfaringer uden for temaerne", other))
        return [(name, desc, entries) for name, desc, entries in groups if entries]

    @property
    def documents(self) -> list[str]:
        """The reports that the entries come from."""
        return sorted({s.doc_id for e in self.entries for s in e.sources})

    @property
    def without_lessons(self) -> list[str]:
        """The reports read that none of the entries comes from."""
        return sorted(set(self.read) - set(self.documents))

    def only_theme(self, name: str) -> "Catalogue":
        """The catalogue restricted to one theme (case-insensitive): its entries, grouped under it alone."""
        wanted = resolve_theme(name, self.themes)
        if wanted == UNTHEMED:
            return Catalogue(tuple(e for e in self.entries if not e.themes), (), self.read, wanted)
        return Catalogue(tuple(e for e in self.entries if wanted in e.themes),
                         tuple(t for t in self.themes if t.name == wanted), self.read, wanted)


def resolve_theme(name: str, themes: tuple[Theme, ...]) -> str:
    """The taxonomy's spelling of a theme name, or of the one theme it is part of ("ledelse");
    UsageError naming the nearest themes when none fits."""
    return pick(name, [t.name for t in themes] + [UNTHEMED], "theme", where="the theme list")


def project_label(document: Document) -> str | None:
    """The project a report is about, or "N projekter" for a cross-project report."""
    names = [p.name for p in document.projects if p.name]
    if len(names) == 1:
        return names[0]
    if len(names) > 1:
        return f"{len(names)} projekter"
    return None


def lesson_sources(documents: Iterable[Document]) -> list[tuple[Lesson, LessonSource]]:
    """Every lesson of the documents with its source, in document and reading order."""
    out = []
    for doc in documents:
        project = project_label(doc)
        for lesson in doc.lessons:
            source = LessonSource(
                doc.doc_id, doc.title, project, doc.source.path, lesson.page, lesson.section,
                lesson.section_title, lesson.heading, lesson.in_lessons_chapter, lesson.text,
            )
            out.append((lesson, source))
    return out


def normalise(text: str) -> str:
    """Lowercase, single spaces, no punctuation but letters and digits: the form lessons are compared in."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _similar(a: str, b: str, similarity: float) -> bool:
    """Nearly the same text, or a substantial text whose opening the other restates and extends."""
    if fuzz.ratio(a, b) >= similarity:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= DEFAULT_MIN_CONTAINED_WORDS and fuzz.ratio(short, long_[: len(short)]) >= similarity


def cluster_texts(texts: list[str], similarity: float = DEFAULT_SIMILARITY) -> list[list[int]]:
    """Group near-duplicate texts; RETURNS the groups as lists of indexes, in first-seen order.

    >>> a = "Det er vigtigt at have ledelsen i de deltagende kommuner med fra start, så de får ejerskab til projektet."
    >>> cluster_texts([a, a.replace("vigtigt", "afgørende"), a + " Det gælder også jobcentrene.", "Noget helt andet."])
    [[0, 1, 2], [3]]
    """
    norm = [normalise(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # candidates: texts whose openings match (fast, one rapidfuzz matrix per chunk); _similar decides
    openings = [t[:OPENING_CHARS] for t in norm]
    for start in range(0, len(norm), _CHUNK):
        block = cdist(openings[start : start + _CHUNK], openings, scorer=fuzz.ratio, score_cutoff=similarity - 5, workers=-1)
        for row, scores in enumerate(block):
            i = start + row
            for j in (scores > 0).nonzero()[0]:
                j = int(j)
                if j > i and find(i) != find(j) and _similar(norm[i], norm[j], similarity):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def build_catalogue(
    documents: Iterable[Document], themes: tuple[Theme, ...] | None = None, similarity: float = DEFAULT_SIMILARITY
) -> Catalogue:
    """Collect, cluster and theme the lessons of many documents.

    Args:
        documents (Iterable[Document]): extracted reports.
        themes (tuple[Theme, ...] | None): a taxonomy to theme the lessons with;
            None keeps the themes the extraction gave (the shipped taxonomy).
        similarity (float): rapidfuzz ratio (0-100) at which two lessons are one.

    RETURNS (Catalogue): one entry per cluster; the entry's text is its longest
        lesson, its sources every lesson of the cluster.
    """
    custom = themes is not None
    taxonomy = themes or default_themes()
    documents = list(documents)
    pairs = lesson_sources(documents)
    entries = []
    for group in cluster_texts([source.text for _, source in pairs], similarity):
        members = [pairs[i] for i in group]
        lead_lesson, _ = max(members, key=lambda m: len(m[0].text))
        counts: dict[str, int] = {}
        for lesson, _ in members:
            found = themes_of(lesson.text, taxonomy, MAX_THEMES, heading=lesson.heading) if custom else lesson.themes
            for rank, name in enumerate(found):
                counts[name] = counts.get(name, 0) + (MAX_THEMES - rank)
        ranked = tuple(sorted(counts, key=lambda n: -counts[n])[:MAX_THEMES])
        heading = next((lesson.heading for lesson, _ in members if lesson.heading), None)
        entries.append(CatalogueEntry(lead_lesson.text, heading, ranked, tuple(s for _, s in members)))
    return Catalogue(tuple(entries), taxonomy, tuple(doc.doc_id for doc in documents))


def theme_counts(catalogue: Catalogue) -> dict[str, int]:
    """Theme name → number of entries listed under it."""
    return {name: len(entries) for name, _, entries in catalogue.by_theme()}


def catalogue_to_json(catalogue: Catalogue) -> str:
    """The catalogue as JSON: theme counts, then every entry with its themes and sources."""
    data = {
        "theme": catalogue.theme,
        "documents": catalogue.documents,
        "without_lessons": catalogue.without_lessons,
        "themes": [{"theme": name, "count": len(entries)} for name, _, entries in catalogue.by_theme()],
        "lessons": [e.to_dict() for e in catalogue.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def catalogue_to_csv(catalogue: Catalogue, *, excel: bool = False) -> str:
    """The catalogue as CSV: one row per lesson source, the entry's themes joined by "; ".

    ``excel``: as Danish Excel opens it (``export.rows_to_csv``).
    """
    rows = [
        {
            "themes": "; ".join(entry.themes), "text": s.text, "heading": s.heading, "doc_id": s.doc_id,
            "title": s.title, "project": s.project, "page": s.page, "section": s.section,
            "section_title": s.section_title, "in_lessons_chapter": "ja" if s.in_lessons_chapter else "nej",
            "path": s.path,
        }
        for entry in catalogue.entries
        for s in entry.sources
    ]
    return rows_to_csv(rows, CSV_COLUMNS, excel=excel)


#: marks that Markdown reads as markup (emphasis, code, links, HTML) wherever they stand
_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]<>])")


def markdown_text(text: str) -> str:
    r"""Text from a report or a theme file as Markdown shows it as written, not as markup.

    >>> print(markdown_text("<b>Ledelse</b> og *opbakning*"))
    \<b\>Ledelse\</b\> og \*opbakning\*
    """
    return _MARKDOWN_MARKS.sub(r"\\\1", text)


def _source_line(s: LessonSource) -> str:
    where = [f"s. {s.page}"]
    if s.section or s.section_title:
        where.append("afsnit " + markdown_text(" ".join(x for x in (s.section, s.section_title) if x)))
    project = f" ({markdown_text(s.project)})" if s.project else ""
    return f"*{markdown_text(s.title or s.doc_id)}*{project}, {', '.join(where)} — [PDF]({s.link})"


def summary_line(catalogue: Catalogue) -> str:
    """The catalogue's size in Danish, naming the reports read that gave no lesson.

    "43 erfaringer fra 4 rapporter"; "12 erfaringer fra 2 af 3 rapporter; ingen fundet i:
    rapport-c". A report without lessons may hold them where the reader does not look for them,
    and "fra 2 rapporter" alone would hide that a third was read. A catalogue of one theme says
    so ('4 erfaringer under temaet "forankring" fra …; ingen under temaet i: …'): the reports
    named hold lessons, only none of that theme.
    """
    lessons = count_label(len(catalogue.entries), "erfaring", "erfaringer")
    theme = f' under temaet "{catalogue.theme}"' if catalogue.theme else ""
    found, missing = catalogue.documents, catalogue.without_lessons
    if not missing:
        return f"{lessons}{theme} fra {count_label(len(found), 'rapport', 'rapporter')}"
    shown = some_names(missing, SUMMARY_NAMES, "og {n} andre")
    none = "ingen under temaet i" if theme else "ingen fundet i"
    return (f"{lessons}{theme} fra {len(found)} af {count_label(len(found) + len(missing), 'rapport', 'rapporter')}; "
            f"{none}: {shown}")


def unique_anchors(anchors: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """The anchors in order, a repeat made unique as GitHub does: "ledelse", "ledelse-1", ….

    >>> unique_anchors(["ledelse-x", "ledelse-x", "temaer"], taken=["temaer"])
    ['ledelse-x', 'ledelse-x-1', 'temaer-1']
    """
    used = set(taken)
    out = []
    for anchor in anchors:
        unique, n = anchor, 0
        while unique in used:
            n += 1
            unique = f"{anchor}-{n}"
        used.add(unique)
        out.append(unique)
    return out


def _github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, marks dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def catalogue_to_markdown(catalogue: Catalogue) -> str:
    """The catalogue as Markdown: a theme index with counts, then each theme's lessons and sources."""
    groups = catalogue.by_theme()
    lines = [
        "# Erfaringskatalog",
        "",
        f"{summary_line(catalogue)}.",
    ]
    if groups:
        lines += ["", "## Temaer", ""]
    anchors = unique_anchors((_github_anchor(name) for name, _, _ in groups), taken=("erfaringskatalog", "temaer"))
    lines += [f"- [{markdown_text(name)}](#{anchor}) ({len(entries)})" for (name, _, entries), anchor in zip(groups, anchors)]
    for name, description, entries in groups:
        lines += ["", f"## {markdown_text(name)}", ""]
        if description:
            lines += [f"_{markdown_text(description)}_", ""]
        for entry in entries:
            head = f"**{markdown_text(entry.heading)}** " if entry.heading else ""
            lines.append(f"- {head}{markdown_text(entry.text)}")
            lines += [f"  - {_source_line(s)}" for s in entry.sources]
    return "\n".join(lines) + "\n"
