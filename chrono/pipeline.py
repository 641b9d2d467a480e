"""normalize → tag → resolve for one document: the Python API behind `chrono tag`.

    >>> from datetime import date
    >>> [t.value for t in tag_text("وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً", date(2021, 11, 24))]
    ['2021-11-24']
"""
from __future__ import annotations

import re
from datetime import date
from itertools import repeat
from typing import NamedTuple, Optional

import chrono.grammar  # noqa: F401  (registers the rules)
from chrono.anchors import check_anchor, find_anchor
from chrono.engine import HEAD_IF_NEXT, Item, analyze_tokens, select, trigger_level
from chrono.lexicon import LEXICON
from chrono.models import Anchor, Document, DocumentTags, Settings, Timex
from chrono.normalize import normalize
from chrono.resolve import resolve
from chrono.segment import Segmentation, in_quote, in_set_aside, segment, sentence_index
from chrono.tokens import trigger_windows

# Characters that end the clause a future cue is looked for in.
_CLAUSE_ENDS = '.!?\n";:'
_WORD_RE = re.compile(r"[\u0621-\u064a]+")
_FUTURE_LOOKBACK_CHARS = 160
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
# Parsing windows: items never span more than engine.MAX_SPAN tokens, and the future-cue
# look-back reads _FUTURE_LOOKBACK tokens, so the overlap covers both.
WINDOW_TOKENS = 2000
WINDOW_OVERLAP = 40
_FUTURE_LOOKBACK = 8


def tag_text(text: str, anchor: Optional[date] = None, settings: Optional[Settings] = None) -> list[Timex]:
    """Every temporal expression of `text`, resolved against `anchor` (None: relative ones stay X)."""
    doc = Document(id="text", text=text, anchor=Anchor(date=anchor, source="cli" if anchor else "none"))
    return tag_document(doc, settings).timexes


def tag_document(doc: Document, settings: Optional[Settings] = None) -> DocumentTags:
    settings = settings or Settings()
    segmentation = segment(doc.text)
    expressions = find_expressions(doc.text)
    anchor = document_anchor(doc, expressions, segmentation)
    timexes = [
        _to_timex(i + 1, doc.text, expr, anchor.date, settings, segmentation)
        for i, expr in enumerate(expressions)
    ]
    return DocumentTags(id=doc.id, path=doc.path, anchor=anchor, encoding=doc.encoding, timexes=timexes,
                        set_aside=list(segmentation.set_aside))


class RenderedTags(NamedTuple):
    """A document's tags already serialised (DocumentTags JSON): what worker processes send back,
    since a string crosses a process boundary far cheaper than a tree of models."""

    id: str
    json: str


def tag_document_json(doc: Document, settings: Optional[Settings] = None) -> RenderedTags:
    """tag_document, rendered to compact JSON in the process that tagged it."""
    tags = tag_document(doc, settings)
    return RenderedTags(tags.id, tags.model_dump_json())


def document_anchor(doc: Document, expressions=None, segmentation=None) -> Anchor:
    """The given anchor (with warnings when the text contradicts it), or one found in the text
    (dateline, inference) when none was given. Pass the document's expressions and segmentation
    when you have them, so the text is not tagged twice."""
    if doc.anchor.date is not None:
        return _check_anchor(doc, expressions, segmentation) or doc.anchor
    return _infer_anchor(doc, expressions, segmentation) or doc.anchor


class Expression:
    """A selected item with its original-text span and its future cue."""

    __slots__ = ("item", "start", "end", "future_cue")

    def __init__(self, item: Item, start: int, end: int, future_cue: bool):
        self.item, self.start, self.end, self.future_cue = item, start, end, future_cue


def find_expressions(text: str) -> list[Expression]:
    """The selected expressions of `text`, in order, with original-text offsets.

    Only runs of trigger tokens are parsed (tokens.trigger_windows); a long run is parsed in
    overlapping windows, so memory stays flat even on a 5 MB one-line page, and each window
    keeps the expressions that start in the part it owns."""
    norm = normalize(text)
    found: list[tuple[Item, bool]] = []
    for tokens, own_from, own_to in trigger_windows(norm.text, trigger_level, WINDOW_TOKENS, WINDOW_OVERLAP,
                                                       HEAD_IF_NEXT):
        for item in select(analyze_tokens(tokens), ("tv", "block")):
            if item.cls == "tv" and own_from <= item.start < own_to:
                found.append((item, has_future_cue(norm.text, item.cstart)))
    out = []
    for item, future in with_sentence_years(found, norm.text):
        start, end = norm.span(item.cstart, item.cend)
        out.append(Expression(item, start, end, future))
    return out


def with_sentence_years(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A day and month without a year take the year written earlier in the same sentence:
    'تعود الأزمة إلى عام 2019 عندما بدأت الاحتجاجات في 17 تشرين الأول' → 2019-10-17.
    (HeidelTime does the same with the last mentioned year; it beats guessing from the anchor.)"""
    year, last_end = None, 0
    out = []
    for item, future in found:
        if _SENTENCE_END_RE.search(normalized, last_end, item.cstart):
            year = None
        v = item.value
        if v.kind == "date" and v.year is not None and v.calendar == "gregorian" and not v.rel_unit:
            year = v.year
        elif (year is not None and v.kind in ("date", "time") and v.month is not None and v.year is None
              and v.cue is None and not v.rel_unit and v.calendar == "gregorian"):
            item = Item(item.cls, v.with_(year=year), item.start, item.end, item.cstart, item.cend,
                        item.rule + "+sentence_year", item.children, item.prefix, item.weight)
        out.append((item, future))
        last_end = item.cend
    return out


def has_future_cue(normalized: str, start: int) -> bool:
    """A future marker in the same clause before the expression: 'سيلتقي غانتس ... يوم الخميس'."""
    lo = max(0, start - _FUTURE_LOOKBACK_CHARS)
    # the clause starts after the last clause end within the look-back (rfind: one C scan each)
    clause_start = max(lo, max(map(normalized.rfind, _CLAUSE_ENDS, repeat(lo), repeat(start))) + 1)
    clause = normalized[clause_start:start]
    if not _FUTURE_HINT.search(clause):
        return False  # most clauses: no word that could be a cue, decided in one C scan
    for word in reversed(_WORD_RE.findall(clause)[-_FUTURE_LOOKBACK:]):
        if word in LEXICON.future_cue_words or _is_future_verb(word):
            return True
    return False


# What any future cue contains: a word starting (after و/ف) with سي/ست/سن, or a cue word.
_FUTURE_HINT = re.compile("(?<![\u0621-\u064a])[وف]?س[يتن]|"
                          + "|".join(sorted(map(re.escape, LEXICON.future_cue_words))))


def _is_future_verb(word: str) -> bool:
    """سيلتقي، ستعقد، سنوقع، وسيجري: the prefix سـ on an imperfect verb (not سياسة، سيارة، ستة)."""
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    return (len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in LEXICON.guard_words["not_future_verbs"])


def _to_timex(n: int, text: str, expr: Expression, anchor: Optional[date], settings: Settings,
              segmentation) -> Timex:
    value = expr.item.value
    r = resolve(value, anchor, settings.prefer, expr.future_cue)
    flags = list(r.flags)
    set_aside = _set_aside_reason(segmentation, expr.start)
    if set_aside:
        flags.append(f"set aside: {set_aside}")
    return Timex(
        id=f"t{n}", start=expr.start, end=expr.end, text=text[expr.start:expr.end], type=r.type, value=r.value,
        granularity=r.granularity, start_date=r.start_date, end_date=r.end_date, mod=r.mod,
        calendar=r.calendar, hijri_value=r.hijri_value, rule=expr.item.rule,
        in_quote=in_quote(segmentation, expr.start, expr.end), underspecified=value.canonical(), flags=flags,
        sentence=sentence_index(segmentation, expr.start),
    )


# -- helpers -----------------------------------------------------------------------------------------

def _set_aside_reason(seg: Segmentation, offset: int) -> Optional[str]:
    part = in_set_aside(seg, offset, offset + 1)
    return part.reason if part else None


def _check_anchor(doc: Document, expressions, segmentation) -> Optional[Anchor]:
    """A given anchor with warnings when the text contradicts it ('اليوم الخميس' on a Wednesday)."""
    return check_anchor(doc, expressions, segmentation)


def _infer_anchor(doc: Document, expressions, segmentation) -> Optional[Anchor]:
    return find_anchor(doc, expressions, segmentation)
