"""Issue 2: every shared PDF reads as clean text — no page furniture, no margin note in a
paragraph, no word left broken by a line-end hyphen — and its sections match the contents."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pdfplumber
import pytest
from rapidfuzz import fuzz

from paths import CORPUS, DOC_IDS, GOLD
from evalsearch.extract.render import document_to_text

BROKEN = re.compile(r"([A-Za-zÆØÅæøå]{2,})-\s+([a-zæøå]{2,})")


def raw_running_lines(doc_id: str) -> set[str]:
    """Top- and bottom-most printed lines that recur, digits ignored: read straight from pdfplumber."""
    counts: Counter[str] = Counter()
    with pdfplumber.open(CORPUS / f"{doc_id}.pdf") as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines()
            for line in (lines[:1] + lines[-1:]) if lines else []:
                key = re.sub(r"\d+", "", line["text"]).strip()
                if len(key) > 5:
                    counts[key] += 1
            page.close()
    return {k for k, c in counts.items() if c >= 3}


def raw_margin_notes(doc_id: str) -> list[tuple[int, float, str]]:
    """Multi-word runs printed in the left column beside the body text, straight from pdfplumber."""
    notes = []
    with pdfplumber.open(CORPUS / f"{doc_id}.pdf") as pdf:
        lefts = Counter()
        pages_words = []
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size"])
            pages_words.append(words)
            lefts.update(round(w["x0"]) for w in words)
            page.close()
        body_left = lefts.most_common(1)[0][0]
        for page_number, words in enumerate(pages_words, start=1):
            rows: dict[int, list] = {}
            for w in words:
                rows.setdefault(round(w["top"]), []).append(w)
            for row in rows.values():
                row.sort(key=lambda w: w["x0"])
                fragment = [row[0]]
                for w in row[1:]:
                    if w["x0"] - fragment[-1]["x1"] > 20:
                        break
                    fragment.append(w)
                text = " ".join(w["text"] for w in fragment)
                if (
                    fragment[-1]["x1"] < body_left - 10
                    and len(fragment) < len(row)
                    and abs(row[len(fragment)]["x0"] - body_left) < 3
                    and row[len(fragment)]["size"] > fragment[0]["size"]
                    and fragment[0]["size"] < 8.5
                    and len(text.split()) >= 2
                    and not text[0].isdigit()
                    and "›" not in text
                ):
                    notes.append((page_number, fragment[0]["top"], text))
    return notes


@pytest.fixture(scope="session")
def texts(extracted) -> dict[str, str]:
    return {doc_id: document_to_text(doc) for doc_id, doc in extracted.items()}


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_running_header_line(doc_id, extracted):
    headers = raw_running_lines(doc_id)
    assert headers, "the shared reports all have running headers"
    for block in extracted[doc_id].blocks:
        if block.role in ("table", "heading"):
            continue  # a report's title heading may repeat its running header in bigger type
        for header in headers:
            assert header not in block.text, f"page {block.page}: running header {header!r} in {block.text[:80]!r}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_bare_page_number(doc_id, extracted):
    for block in extracted[doc_id].blocks:
        assert not re.fullmatch(r"(side\s*)?\d+(\s*(/|af)\s*\d+)?", block.text.strip(), re.IGNORECASE), (
            f"page {block.page}: bare page number {block.text!r}"
        )


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_margin_notes_are_labels_not_text(doc_id, extracted, texts):
    notes = raw_margin_notes(doc_id)
    blocks = [b for b in extracted[doc_id].blocks if b.role in ("paragraph", "bullet")]
    labels = " ".join(b.label or "" for b in extracted[doc_id].blocks)
    for page, top, note in notes:
        if note.endswith("-"):
            note = note.rsplit(" ", 1)[0]  # a note line that ends in a hyphenated word fragment
        beside = [b for b in blocks if b.page == page and b.bbox[1] - 3 <= top <= b.bbox[3]]
        assert not any(note in b.text[: len(note) + 40] for b in beside), f"page {page}: margin note {note!r} in text"
        assert note in labels, f"margin note {note!r} is not kept as a label"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_gold_texts_not_broken_by_line_end_hyphen(doc_id, gold, texts):
    record = gold[doc_id]
    gold_texts = [lesson["text"] for lesson in record["lessons"]]
    gold_texts += [cell for t in record["goal_tables"] for row in t["rows"] for cell in row["cells"]]
    gold_words = {w.lower() for t in gold_texts for w in re.findall(r"[A-Za-zÆØÅæøå]+", t)}
    for m in BROKEN.finditer(texts[doc_id]):
        joined = (m.group(1) + m.group(2)).lower()
        assert joined not in gold_words, f"{m.group(0)!r} is a broken {joined!r}"


DOCS_WITH_CONTENTS = [d for d in DOC_IDS if json.loads((GOLD / f"{d}.json").read_text())["sections"]]


@pytest.mark.parametrize("doc_id", DOCS_WITH_CONTENTS)
def test_sections_match_contents(doc_id, gold, extracted_dicts):
    expected = gold[doc_id]["sections"]
    got = [(s["number"], s["title"]) for s in extracted_dicts[doc_id]["sections"]]
    depth = max(len(s["number"].split(".")) for s in expected if s["number"][0].isdigit())
    got = [g for g in got if g[0] and (not g[0][0].isdigit() or len(g[0].split(".")) <= depth)]
    matched = sum(
        1 for s in expected if any(s["number"] == n and fuzz.ratio(s["title"], t) >= 88 for n, t in got)
    )
    precision = matched / len(got) if got else 0
    recall = matched / len(expected)
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    assert f1 >= 0.95, f"sections F1 {f1:.2f}: got {got}"


def test_score_tool_agrees_on_sections(tmp_path, extracted_dicts):
    for doc_id, record in extracted_dicts.items():  # only the sections: the other metrics are not ours
        (tmp_path / f"{doc_id}.json").write_text(json.dumps({"sections": record["sections"]}, ensure_ascii=False))
    out = subprocess.run(
        [sys.executable, str(GOLD.parent / "tools" / "score.py"), "extract", "--gold", str(GOLD), "--pred", str(tmp_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    scored = [line for line in out.splitlines()
              if line.startswith("doc ") and '"sections": "' in line and "n/a" not in line]
    assert len(scored) == len(DOCS_WITH_CONTENTS)
    for line in scored:
        got, total, pred = map(int, re.search(r'"sections": "(\d+)/(\d+) \(pred (\d+)\)', line).group(1, 2, 3))
        assert got >= 0.95 * total and got >= 0.95 * pred, line
