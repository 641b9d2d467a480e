"""Page furniture: lines of a news page that are not the story, each set aside with its reason.

A related-article teaser ("اقرأ أيضاً: ..."), a breadcrumb ("الرئيسية » تقارير"), a follow link
("تابعنا عبر ..."), a short line with no Arabic word ("TT"), a line printed twice, a wire filing
time at a line's edge ("17:42 ت م"), and the comment form at the bottom ("ترك الرد") with
everything after it.
"""
from __future__ import annotations

import regex

from chrono.models import SetAside
from chrono.segment.sentences import trimmed

_COMMENT_FORM = regex.compile(
    r"^\s*(?:ترك الرد|اترك (?:ردا|رداً|تعليقا|تعليقاً)|أضف تعليق|اضف تعليق|من فضلك ادخل|التعليقات|"
    r"هذا الموقع يستخدم Akismet)"
)
_TEASER = regex.compile(
    r"^\s*[«\"]?(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا|ايضاً|المزيد)"
    r"|^\s*(?:قد يعجبك|قد يهمك|مواضيع ذات صلة|أخبار ذات صلة|الأكثر قراءة)"
)
_FOLLOW = regex.compile(r"تابعنا|تابعونا|follow us", regex.IGNORECASE)
_BREADCRUMB = regex.compile(r"^\s*(?:الرئيسية|الصفحة الرئيسية)\s*[»>/]")
# Page furniture: a short line with no Arabic word ("TT", share-button labels).
FURNITURE_LINE = regex.compile(r"^[^\p{Arabic}\d]{1,12}$")

# A wire service's filing time at a line's edge ("17:42 ت م", "10:05 (توقيت مكة)", "ت غ" for GMT):
# page furniture, the time the item was filed, not a time in the story.
_ZONE = r"(?:ت\s*\.?\s*[مغ](?!\p{Arabic})|\(?\s*(?:ب?توقيت مكة(?: المكرمة)?|بتوقيت غرينتش|ت\s*\.?\s*[مغ])\s*\))"
_STAMP = r"(?P<stamp>\(?\d{1,2}[:.]\d{2}\s*" + _ZONE + r"\)?)"
# at the start of a line, after at most two words (a dateline's place: "الرياض 17:42 ت م -"), or at its end;
# each is looked for in the line's first or last characters only
_STAMP_AT_START = regex.compile(r"\s*(?:\p{Arabic}+\s+){0,2}" + _STAMP + r"(?=\s*[-–:])")
_STAMP_AT_END = regex.compile(_STAMP + r"\s*$")
_STAMP_REACH = 60

_MAX_FOLLOW_LINE = 80
_MAX_REPEATED_LINE = 200


def set_aside_region(text: str, start: int, end: int, reason: str) -> SetAside | None:
    """text[start:end], whitespace-trimmed, set aside for `reason` ("teaser: related-article
    link" for "اقرأ أيضاً: ..."); None when only whitespace is left."""
    span = trimmed(text, start, end)
    if span is None:
        return None
    return SetAside(start=span.start, end=span.end, reason=reason, text=text[span.start:span.end])


def _line_reason(line: str, seen: set[str]) -> str | None:
    """Why one line is page furniture, or None for story text.

    Examples: "اقرأ أيضاً: باحث مقدسي ..." → teaser; "«تابعنا عبر قناتنا في YOUTUBE»" → follow
    link; "الرئيسية » تقارير » ..." → breadcrumb; "TT" → page furniture; a caption or headline
    printed a second time → repeated.
    """
    stripped = line.strip()
    if not stripped:
        return None
    if _TEASER.search(stripped):
        return "teaser: related-article link"
    if _BREADCRUMB.search(stripped):
        return "breadcrumb: site navigation"
    if len(stripped) <= _MAX_FOLLOW_LINE and _FOLLOW.search(stripped):
        return "follow link"
    if FURNITURE_LINE.match(stripped):
        return "page furniture"
    if len(stripped) <= _MAX_REPEATED_LINE and stripped in seen:
        return "repeated line: headline or image caption printed twice"
    return None


def _wire_stamps(text: str, start: int, line: str) -> list[SetAside]:
    """The wire filing times at the edges of the line that starts at `start` ("17:42 ت م")."""
    head = _STAMP_AT_START.match(line, 0, _STAMP_REACH)
    tail_from = max(0, len(line) - _STAMP_REACH)
    tail = _STAMP_AT_END.search(line, tail_from)
    spans = {m.span("stamp") for m in (head, tail) if m}
    return [a for begin, end in sorted(spans)
            if (a := set_aside_region(text, start + begin, start + end, "page furniture: wire time stamp"))]


def find_furniture(text: str, lines: list[tuple[int, int]]) -> tuple[list[SetAside], int]:
    """Line-level furniture, and where a trailing comment form starts (len(text) if none).

    A comment form ("ترك الرد", "أضف تعليق", "من فضلك ادخل تعليقك") sits at the bottom of a
    page: from its first short marker line to the end of the text everything is set aside.
    """
    found: list[SetAside] = []
    seen: set[str] = set()
    for start, end in lines:
        line = text[start:end]
        stripped = line.strip()
        if stripped and len(stripped) <= 120 and _COMMENT_FORM.search(stripped):
            return found, start
        reason = _line_reason(line, seen)
        if reason:
            aside = set_aside_region(text, start, end, reason)
            if aside:
                found.append(aside)
        else:
            found.extend(_wire_stamps(text, start, line))
        if stripped:
            seen.add(stripped)
    return found, len(text)
