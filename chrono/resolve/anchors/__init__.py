"""Anchors found in the text: a dateline at the top, else inference from what the text says.

Rules stay anchor-free, so the tagger runs once with no anchor and each expression becomes a
constraint on the unknown publication day:

- "اليوم الأربعاء", "أمس الثلاثاء", "غداً الخميس": the anchor is a Wednesday (strong);
- "نوفمبر الحالي", "من 23 إلى 25 نوفمبر الحالي": the anchor is in November (strong), and likely
  inside the range (news reports what is under way);
- a dated event told without a future cue ("في دجنبر 2020") lies on or before publication;
- "العام الماضي" next to an absolute year ("دجنبر 2020") makes the anchor year 2021 likely;
- a bare "يوم الأربعاء" in news is the latest Wednesday, most often the publication day itself.

Each candidate day is scored by the weights of the constraints it satisfies; the best day is
reported with the evidence that decided it, or the interval of tied days when the text does not
decide. `check_anchor` reports the strong constraints a given anchor breaks.

Parts: constraints (what each expression says about the publication day), inference (the day
that fits them best), dateline (a date in the first lines), corrections (a given anchor the
text moves back or contradicts); this module ties them together for the pipeline.

    >>> find_anchor(Document(id="d", text="الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ\\nوقع ...")).date
    datetime.date(2021, 11, 24)
"""
from __future__ import annotations

from typing import Optional

from chrono.models import Anchor, Document
from chrono.resolve.anchors.constraints import text_constraints
from chrono.resolve.anchors.corrections import contradicted_by_text, corrected_by_text, with_contradictions
from chrono.resolve.anchors.dateline import find_dateline
from chrono.resolve.anchors.inference import infer_anchor

__all__ = ["find_anchor", "check_anchor", "given_anchor", "correct_anchor", "find_dateline",
           "infer_anchor", "text_constraints"]


# -- public API ------------------------------------------------------------------------------
def find_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """A document without an anchor: its dateline, else an inferred day or candidate interval.
    `exprs`/`seg`: the pipeline's own expressions and segmentation of doc.text, to avoid tagging twice."""
    body = doc.text[_body_start(doc):]
    return find_dateline(body, exprs, _body_start(doc)) or infer_anchor(doc.text, _body_start(doc), exprs, seg)


def check_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """The given anchor plus warnings when strong evidence in the text contradicts it
    ('اليوم الخميس' in an article anchored on a Wednesday). None when nothing contradicts it."""
    if doc.anchor.date is None:
        return None
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    return with_contradictions(doc.anchor, strong, _dateline_of(doc, exprs))


def given_anchor(doc: Document, exprs=None, seg=None, keep: bool = False) -> Anchor:
    """A given anchor as the document is resolved against: corrected to the day the text says it
    was written (`correct_anchor`) unless `keep`, with warnings where the text still contradicts it."""
    given = doc.anchor
    if given.date is None:
        return given
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    dateline = _dateline_of(doc, exprs)
    if keep:
        return with_contradictions(given, strong, dateline) or given
    corrected = corrected_by_text(given, strong, dateline)
    anchor = corrected or given
    contradicted = None if corrected else contradicted_by_text(given, strong, dateline)
    if contradicted:
        return contradicted
    return with_contradictions(anchor, strong, dateline) or anchor


def correct_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """The day the text says it was written, when it is one or two days before the given anchor:
    archives carry crawl days, and "اليوم (الاثنين)" in a page seen on Tuesday was written on the
    Monday. None when the text does not say so clearly (see `corrected_by_text`)."""
    if doc.anchor.date is None:
        return None
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    return corrected_by_text(doc.anchor, strong, _dateline_of(doc, exprs))


def _dateline_of(doc: Document, exprs=None) -> Optional[Anchor]:
    return find_dateline(doc.text[_body_start(doc):], exprs, _body_start(doc))


# -- helpers ---------------------------------------------------------------------------------
def _body_start(doc: Document) -> int:
    start = doc.meta.get("body_start", 0) if isinstance(doc.meta, dict) else 0
    return start if isinstance(start, int) and 0 <= start <= len(doc.text) else 0
