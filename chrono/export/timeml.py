"""`--format timeml`: TimeML 1.2.1 documents, one per article, written back into its text.

Two outputs, both from each document's ORIGINAL text (a chronology has none):

- `chrono tag --format timeml`: the expressions only (TIMEX3).

      <TIMEX3 tid="t1" type="DATE" value="2021-11-24">اليوم الأربعاء</TIMEX3>

- `chrono timeline --format timeml`: the chronology in TimeML. Each happening an entry holds
  is an EVENT on its trigger word in each document that mentions it, instantiated once per
  entry (MAKEINSTANCE), included in its time (TLINK IS_INCLUDED, event → TIMEX3), and ordered
  against the document's other events where the chronology orders them (TLINK BEFORE/AFTER
  between events of consecutive entries whose dates do not overlap; linear in size):

      <EVENT eid="e1" class="OCCURRENCE">وقع</EVENT> المغرب وإسرائيل <TIMEX3 tid="t1" …>اليوم الأربعاء</TIMEX3>
      <MAKEINSTANCE eiid="ei1" eventID="e1" tense="NONE" aspect="NONE" pos="OTHER" polarity="POS" comment="entry e16"/>
      <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>

  A link runs from the event met first in the text to the later one. chrono does not classify
  events, tense or part of speech: every EVENT is an OCCURRENCE, and MAKEINSTANCE says NONE and
  OTHER rather than guess. `comment` names the chronology's entry (see `chrono timeline --format json`).

The document creation time (the anchor) is the `t0` TIMEX3 in `<DCT>`. Overlapping marks
(should not happen) keep the first. Characters XML 1.0 forbids become U+FFFD. Every document
is valid against `chrono/schemas/timeml.dtd` (the TimeML 1.2.1 elements and attributes, with
the DOCID/DCT/TEXT document structure of TimeBank).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Optional, TextIO
from xml.sax.saxutils import escape, quoteattr

import regex

from chrono.export.files import atomic_write
from chrono.export.tagged import Item, Tagged, tags_model
from chrono.models import Document, DocumentTags, Entry, TimelineOutput

if TYPE_CHECKING:
    from chrono.attach import Event

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An Arabic word, as the attach stage counts words when it picks a trigger.
_WORD = regex.compile(r"\p{Arabic}[\p{Arabic}\p{Mn}]*")
# attach.py weighs a word after the date this many words more than one before it.
_WORDS_AFTER_COST = 3


def _clean(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text))


def _attr(name: str, value: str) -> str:
    return f"{name}={quoteattr(_XML_INVALID.sub('', value))}"


def _timex_tag(tid: str, type_: str, value: str, mod: str | None, extra: str = "") -> str:
    attrs = f"tid={quoteattr(tid)} type={quoteattr(type_)} value={quoteattr(_XML_INVALID.sub('', value))}"
    if mod:
        attrs += f" mod={quoteattr(mod)}"
    return f"<TIMEX3 {attrs}{extra}>"


@dataclass(frozen=True)
class _Mark:
    """A span of the text wrapped in an element: `<TIMEX3 …>text</TIMEX3>`."""

    start: int
    end: int
    open: str
    close: str


def _body(text: str, marks: Iterable[_Mark]) -> str:
    parts, position = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < position or not 0 <= mark.start < mark.end <= len(text):
            continue
        parts.append(_clean(text[position:mark.start]))
        parts.append(mark.open + _clean(text[mark.start:mark.end]) + mark.close)
        position = mark.end
    parts.append(_clean(text[position:]))
    return "".join(parts)


def _timex_marks(tags: DocumentTags) -> list[_Mark]:
    return [_Mark(t.start, t.end, _timex_tag(t.id, t.type, t.value, t.mod), "</TIMEX3>") for t in tags.timexes]


def _document(document: Document, tags: DocumentTags, marks: list[_Mark], links: list[str]) -> str:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{_clean(document.id)}</DOCID>"]
    if tags.anchor.date is not None:
        day = tags.anchor.date.isoformat()
        tag = _timex_tag("t0", "DATE", day, None, ' functionInDocument="CREATION_TIME"')
        parts.append(f"<DCT>{tag}{day}</TIMEX3></DCT>")
    parts.append("<TEXT>" + _body(document.text, marks) + "</TEXT>")
    parts.extend(links)
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"


def annotate(document: Document, tags: DocumentTags) -> str:
    """One TimeML document (XML text) for one article: its expressions (TIMEX3) only."""
    return _document(document, tags, _timex_marks(tags), [])


def documents(pairs: Iterable[tuple[Document, DocumentTags]]) -> dict[str, str]:
    """Document id → TimeML text (the golden files keep one file each)."""
    return {document.id: annotate(document, tags) for document, tags in pairs}


# ---------------------------------------------------------------- the chronology in TimeML


def trigger_span(text: str, event: Event) -> Optional[tuple[int, int]]:
    """Where the attach stage found the event's trigger: the same word of the clause, the
    nearest to the date as it counts (words before it first), without a leading و/ف it
    stripped ("ووصل" → "وصل").

    "وصل بيني غانتس إلى الرباط ليلة الثلاثاء" → the offsets of "وصل".
    """
    if event.trigger is None:
        return None
    timex = event.timex
    words = [w for w in _WORD.finditer(text, *event.clause) if not timex.start <= w.start() < timex.end]
    before = [w for w in words if w.end() <= timex.start][::-1]
    after = [w for w in words if w.start() >= timex.end]
    ranked = [(i, w) for i, w in enumerate(before)] + [(i + _WORDS_AFTER_COST, w) for i, w in enumerate(after)]
    for _, word in sorted(ranked, key=lambda pair: pair[0]):
        if word.group() == event.trigger:
            return word.start(), word.end()
        if word.group()[1:] == event.trigger and word.group()[0] in "وف":
            return word.start() + 1, word.end()
    return None


@dataclass
class _Instance:
    """One event instance: an EVENT (by its trigger) taking part in one entry."""

    eiid: str
    eid: str
    entry: Entry
    order: int  # the entry's place in the chronology
    text_position: int  # where its trigger stands in the text
    times: list[str]  # the TIMEX3 ids dating it in this document


def _instances(document: Document, tags: DocumentTags, placed: dict[tuple[str, int, int], tuple[int, Entry]]
               ) -> tuple[list[_Mark], list[_Instance]]:
    """The EVENT marks of one document and their instances, one per (trigger, entry)."""
    taken = [(t.start, t.end) for t in tags.timexes]
    events: dict[tuple[int, int], str] = {}
    instances: dict[tuple[str, str], _Instance] = {}
    from chrono.attach import attach_document  # here: `chrono tag` loads this writer, not the attach stage

    for event in attach_document(document, tags):
        found = placed.get((document.id, event.timex.start, event.timex.end))
        span = trigger_span(document.text, event)
        if found is None or span is None or any(s < span[1] and span[0] < e for s, e in taken):
            continue
        eid = events.setdefault(span, f"e{len(events) + 1}")
        order, entry = found
        key = (eid, entry.id)
        if key not in instances:
            instances[key] = _Instance(f"ei{len(instances) + 1}", eid, entry, order, span[0], [])
        if event.timex.id not in instances[key].times:
            instances[key].times.append(event.timex.id)
    marks = [_Mark(start, end, f'<EVENT eid="{eid}" class="OCCURRENCE">', "</EVENT>")
             for (start, end), eid in events.items()]
    return marks, sorted(instances.values(), key=lambda i: int(i.eiid[2:]))


def _ordered(a: Entry, b: Entry) -> bool:
    """`a` ends before `b` starts: the chronology orders them."""
    return a.end_date is not None and b.start_date is not None and a.end_date < b.start_date


def _links(instances: list[_Instance]) -> list[str]:
    """MAKEINSTANCE for each instance, IS_INCLUDED to each of its times, and BEFORE/AFTER
    between instances of consecutive entries in chronological order."""
    lines = [f'<MAKEINSTANCE eiid="{i.eiid}" eventID="{i.eid}" tense="NONE" aspect="NONE" pos="OTHER" '
             f'polarity="POS" {_attr("comment", "entry " + i.entry.id)}/>' for i in instances]
    links: list[tuple[str, str, str, str]] = []  # relType, from instance, to attribute, target
    for instance in instances:
        links.extend(("IS_INCLUDED", instance.eiid, "relatedToTime", tid) for tid in instance.times)
    chronological = sorted(instances, key=lambda i: (i.order, i.text_position))
    for earlier, later in pairwise(chronological):
        if not _ordered(earlier.entry, later.entry):
            continue
        first, second = sorted((earlier, later), key=lambda i: i.text_position)
        relation = "BEFORE" if first is earlier else "AFTER"
        links.append((relation, first.eiid, "relatedToEventInstance", second.eiid))
    lines.extend(f'<TLINK lid="l{n}" relType="{relation}" eventInstanceID="{source}" {target}="{other}"/>'
                 for n, (relation, source, target, other) in enumerate(links, 1))
    return lines


def chronology_document(document: Document, tags: DocumentTags,
                        placed: dict[tuple[str, int, int], tuple[int, Entry]]) -> str:
    """One article's TimeML with the chronology's events and links (see the module docstring).
    `placed` maps a mention (doc, start, end) to its entry and the entry's place."""
    event_marks, instances = _instances(document, tags, placed)
    return _document(document, tags, _timex_marks(tags) + event_marks, _links(instances))


def placed_mentions(timeline: TimelineOutput) -> dict[tuple[str, int, int], tuple[int, Entry]]:
    """Each mention (doc, start, end) → (the entry's place in the chronology, the entry)."""
    return {(m.doc, m.start, m.end): (order, entry)
            for order, entry in enumerate(timeline.entries) for m in entry.mentions}


# ---------------------------------------------------------------- writers


def _annotated(items: Iterable[Item]) -> Iterator[tuple[Document, str]]:
    """Each document with its TimeML text; failed documents are skipped (reported elsewhere)."""
    for item in items:
        if isinstance(item, Tagged) and item.document is not None:
            yield item.document, annotate(item.document, tags_model(item.tags))


def _chronology(items: Iterable[Item], timeline: TimelineOutput) -> Iterator[tuple[Document, str]]:
    placed = placed_mentions(timeline)
    for item in items:
        if isinstance(item, Tagged) and item.document is not None:
            yield item.document, chronology_document(item.document, tags_model(item.tags), placed)


def _write_stream(documents_xml: Iterable[tuple[Document, str]], out: TextIO) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLDocuments>\n')
    for _, xml in documents_xml:
        out.write(xml.split("\n", 1)[1])  # one XML declaration for the whole stream
    out.write("</TimeMLDocuments>\n")


def _write_folder(documents_xml: Iterable[tuple[Document, str]], folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    for document, xml in documents_xml:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in document.id) or "document"
        atomic_write(os.path.join(folder, safe + ".tml"), xml)


def write_documents(items: Iterable[Item], out: TextIO) -> None:
    """All documents in one XML stream: `<TimeMLDocuments>` wrapping one `<TimeML>` each,
    written as each document comes."""
    _write_stream(_annotated(items), out)


def write_folder(items: Iterable[Item], folder: str) -> None:
    """One `<id>.tml` file per document in `folder` (`-o out/timeml/`), each written whole or not
    at all; characters a file name should not hold become "_"."""
    _write_folder(_annotated(items), folder)


def write_chronology(items: Iterable[Item], timeline: TimelineOutput, out: TextIO) -> None:
    """The chronology `timeline` of the tagged documents `items`, one `<TimeML>` each in one stream."""
    _write_stream(_chronology(items, timeline), out)


def write_chronology_folder(items: Iterable[Item], timeline: TimelineOutput, folder: str) -> None:
    """The chronology as one `<id>.tml` file per document in `folder`."""
    _write_folder(_chronology(items, timeline), folder)
