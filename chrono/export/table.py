"""The terminal view (`chrono timeline` without `--format`): a header, one line per entry,
then what its marks mean.

    id   date               conflicts  label                                         sources
    e8   ⁧10 ديسمبر 2020⁩     ≠e9        ⁧أعادت بموجبه الرباط علاقاتها الدبلوماسية ...⁩  000 001 …
    e16  ⁧24 نوفمبر 2021⁩                ⁧وقع المغرب وإسرائيل، أول اتفاق للتعاون ...⁩    000 001 002 003
    24 entries from 5 documents
    ≠e9: the same happening is dated differently in entry e9 (both are kept; see them with --format html)
    sources: the documents that mention the entry, by the number their file name starts with

The id is the entry's id in every other format (`--format json`, the HTML page's #entry-e8).

Right-to-left text, three modes (`bidi=`):
- "isolate" (default): each cell holding Arabic is wrapped in RLI … PDI (U+2067, U+2069). Terminals
  that implement the Unicode bidi algorithm (GNOME Terminal/VTE ≥ 0.76, Konsole, mlterm, iTerm2)
  then show the label right-to-left without disturbing the date and source columns; the
  isolates are invisible everywhere else, and the logical text stays copy-pasteable.
- "reorder": for terminals without bidi (xterm, the Linux console, most CI logs), each Arabic
  cell is reversed into visual order here (word order and letters; digit runs stay left-to-right).
  Letters are not reshaped, so the result is readable but not typographically joined.
- "none": logical order, untouched (for piping into other tools).
"""
from __future__ import annotations

import unicodedata

import regex

from chrono.export.display import arabic_date
from chrono.models import StoryQuery, TimelineOutput

RLI, PDI = "\u2067", "\u2069"
_RTL_CHAR = regex.compile(r"[\p{Arabic}\p{Hebrew}]")
_DIGITS = regex.compile(r"\d+(?:[.,:/-]\d+)*")
_MIRROR = str.maketrans("()«»[]{}<>", ")(»«][}{><")


def _visual(run: str) -> str:
    """Visual (left-to-right screen) order of one RTL run; digit groups keep their order."""
    pieces = []
    for chunk in regex.split(r"(\d+(?:[.,:/-]\d+)*)", run):
        if _DIGITS.fullmatch(chunk or "x"):
            pieces.append(chunk)
        else:
            pieces.append(chunk[::-1].translate(_MIRROR))
    return "".join(reversed(pieces))


def bidi_text(text: str, mode: str = "isolate") -> str:
    """A cell with Arabic in it is a right-to-left paragraph of its own.

    isolate: "وقع المغرب 2021" → RLI + text + PDI (the terminal's bidi puts 2021 on the left);
    reorder: → "2021 برغملا عقو" (visual order computed here); none: unchanged.
    """
    if mode == "none" or not _RTL_CHAR.search(text):
        return text
    if mode == "reorder":
        return _visual(text)
    return RLI + text + PDI


def _width(text: str) -> int:
    """Terminal cells: combining marks and bidi controls take none, wide CJK two."""
    cells = 0
    for char in text:
        if unicodedata.combining(char) or char in (RLI, PDI, "\u200f", "\u200e"):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _short(doc_id: str) -> str:
    """"001_76ae0159d87ba1ac" → "001" when the id has a numeric prefix, else the id."""
    head = doc_id.split("_", 1)[0]
    return head if head.isdigit() else doc_id


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


HEADER = ("id", "date", "conflicts", "label", "sources")


def _legend(timeline: TimelineOutput) -> list[str]:
    """What the marks mean, for those the table shows."""
    lines = []
    conflicted = next((e for e in timeline.entries if e.conflicts), None)
    if conflicted is not None:
        other = conflicted.conflicts[0].entry
        lines.append(f"≠{other}: the same happening is dated differently in entry {other} "
                     "(both are kept; see them with --format html)")
    shortened = any(_short(s) != s for e in timeline.entries for s in e.sources)
    if shortened:
        lines.append("sources: the documents that mention the entry, by the number their file name starts with")
    else:
        lines.append("sources: the documents that mention the entry")
    return lines


def _story_lines(query: StoryQuery, bidi: str) -> list[str]:
    """`--about`: the query, then the articles kept with their scores, best first."""
    lines = [f"about: {bidi_text(query.text, bidi)}  ({len(query.kept)} of {query.considered} articles kept: "
             f"top {query.top}, at least {query.min_score:g} of the best score)"]
    lines.extend(f"  {kept.score:8.2f}  {kept.id}" for kept in query.kept)
    return lines + [""]


def render(timeline: TimelineOutput, bidi: str = "isolate", label_width: int = 60) -> str:
    """The table as text: the story's query and kept articles (when the chronology was asked
    `--about` one story), a header, one entry per line, the count, what the marks mean, errors
    listed at the end."""
    rows = []
    for entry in timeline.entries:
        rows.append((entry.id, bidi_text(arabic_date(entry), bidi), " ".join("≠" + c.entry for c in entry.conflicts),
                     bidi_text(_clip(entry.label, label_width), bidi), " ".join(_short(s) for s in entry.sources)))
    widths = [max([_width(row[i]) for row in rows] + [len(HEADER[i])]) for i in range(4)]
    lines = _story_lines(timeline.query, bidi) if timeline.query else []
    for row in [HEADER, *rows]:
        # Four padded columns; the fifth (the sources) is last on the line and stays as it is.
        cells = [_pad(cell, width) for cell, width in zip(row[:4], widths, strict=True)] + [row[4]]
        lines.append("  ".join(cells).rstrip())
    lines.append(f"{len(timeline.entries)} entries from {len(timeline.documents)} documents")
    if timeline.entries:
        lines.extend(_legend(timeline))
    for error in timeline.errors:
        lines.append(f"error: {error.path}: {error.reason}")
    return "\n".join(lines) + "\n"
