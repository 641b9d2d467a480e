"""Appended articles: an unrelated article a page printed after the story (seed 004's
"بغداد لتكثيف العمل الدبلوماسي...").

A restart counts when it carries an article's own head (a headline block printed twice, or a
dateline) after enough story, and its words share almost nothing with the story's lead. The
region runs from the restart to the comment form, if any; `article_body_start` finds where its
own story begins, after the head block.
"""
from __future__ import annotations

from typing import NamedTuple

from chrono.models import SetAside
from chrono.segment.datelines import dateline_head
from chrono.segment.furniture import FURNITURE_LINE, set_aside_region
from chrono.segment.sentences import line_spans
from chrono.segment.words import ARABIC_WORD, content_words

_LEAD_WORDS = 80
_MIN_STORY_WORDS = 60
_TOPIC_OVERLAP_MAX = 0.2
_RESTART_LOOKAHEAD = 6
_HEADLINE_MAX_CHARS = 150
_HEADLINE_MAX_WORDS = 20
APPENDED_ARTICLE = "appended article"  # the reason every appended-article region starts with
_BULLETS = "*•·-–"


def _headline_like(stripped: str) -> bool:
    """A short line that does not end like a sentence: a headline, subheading or caption."""
    return (len(stripped) <= _HEADLINE_MAX_CHARS and len(stripped.split()) <= _HEADLINE_MAX_WORDS
            and stripped[-1] not in ".!?؟:،,؛" and ARABIC_WORD.search(stripped) is not None)


def _story_paragraph(stripped: str) -> bool:
    """A line of story: longer than a headline, or a sentence ending with a full stop, and not a
    bulleted item. A short question or exclamation ("هل استقال الوزير فعلاً؟") and a bulleted row
    of pull quotes ("- فلان: ... - فلانة: ...") are as often the page's head above the story."""
    if stripped[0] in _BULLETS:
        return False
    return len(stripped.split()) > _HEADLINE_MAX_WORDS or stripped.rstrip("»”\"')").endswith((".", "؛"))


class _Head(NamedTuple):
    """Where a possible second article starts (line index) and what makes it look like one."""

    line: int
    kind: str  # "headline block" or "dateline"


def _headline_block(stripped: list[str], nonblank: list[int], position: int, earlier: set[str]) -> bool:
    """The page template's head of a new article: its headline printed again a few lines on, with
    a photo caption or page furniture between ("headline / caption / TT / headline / caption").

    Not a head: a caption printed twice in a row (nothing between), or a line the page printed
    before, such as the story's own headline repeated further down.
    """
    line = stripped[nonblank[position]]
    if line in earlier or not _headline_like(line):
        return False
    following = [stripped[i] for i in nonblank[position + 1:position + 1 + _RESTART_LOOKAHEAD]]
    return bool(following) and following[0] != line and line in following[1:]


def _article_heads(text: str, lines: list[tuple[int, int]], stop: int) -> list[_Head]:
    """Lines where a second article may start, because it carries an article's own head.

    A headline block (see `_headline_block`), or a dateline/byline paragraph (see
    `dateline_head`), with the short headline line right above it when there is one. Only after
    the story has begun (a paragraph that is more than a headline): before that, a dateline is
    the page's own ("فلان- سبق- الرياض:" under a list of pull quotes). Dateline heads are kept only
    when they are not the items of a page: a page that opens with a dateline, or that has two or
    more of them, is a digest of briefs ("موجز"), each item as much the page's as the first
    (unrelated to the others by design, dated by the page), so none of them is an appended
    article. Subheadings, captions and lists of links carry neither head.
    """
    stripped = [text[start:end].strip() for start, end in lines]
    nonblank = [i for i, line in enumerate(stripped) if line and lines[i][0] < stop]
    heads: list[_Head] = []
    datelines: list[_Head] = []
    opening_dateline = False
    story_started = False
    earlier: set[str] = set()
    for position, index in enumerate(nonblank):
        line = stripped[index]
        if story_started and _headline_block(stripped, nonblank, position, earlier):
            heads.append(_Head(index, "headline block"))
        elif dateline_head(line):
            if not story_started:
                opening_dateline = True
            else:
                above = nonblank[position - 1]
                datelines.append(_Head(above if _headline_like(stripped[above]) else index, "dateline"))
        story_started = story_started or _story_paragraph(line)
        earlier.add(line)
    if len(datelines) == 1 and not opening_dateline:
        heads.append(datelines[0])
    return sorted(heads)


def appended_article(text: str, lines: list[tuple[int, int]], stop: int) -> SetAside | None:
    """An unrelated article that the page appended after the story.

    Two conditions. (1) The restart carries an article's own head (see `_article_heads`) after at
    least `_MIN_STORY_WORDS` content words of story: a feature's subheadings, a photo caption,
    a repeated headline or a list of related links do not. (2) A topic shift: the overlap
    coefficient between the content words of the story's lead (its first `_LEAD_WORDS` words:
    headline and opening) and the first `_LEAD_WORDS` words after the restart is at most
    `_TOPIC_OVERLAP_MAX`. A follow-up on the same subject shares names and places with the lead
    ("غانتس", "الرباط") and stays; 004's appended "بغداد لتكثيف العمل الدبلوماسي..." shares almost none.
    Everything from the restart up to the comment form (if any) is set aside.
    """
    heads = _article_heads(text, lines, stop)
    if not heads:
        return None
    lead_ends: list[int] = []  # where each of the lead's words ends
    lead = set(content_words(text, _LEAD_WORDS, 0, stop, lead_ends))
    for head in heads:
        start = lines[head.line][0]
        # enough story before the restart: its _MIN_STORY_WORDS-th content word ends before it
        # (_LEAD_WORDS ≥ _MIN_STORY_WORDS, so the lead holds that word if the text does)
        if len(lead_ends) < _MIN_STORY_WORDS or lead_ends[_MIN_STORY_WORDS - 1] > start:
            continue
        tail = set(content_words(text, _LEAD_WORDS, start, stop))
        if len(tail) < 10 or not lead:
            continue
        overlap = len(lead & tail) / min(len(lead), len(tail))
        if overlap <= _TOPIC_OVERLAP_MAX:
            headline = text[start:lines[head.line][1]].strip()
            reason = (f"{APPENDED_ARTICLE}: its own {head.kind} and a different topic "
                      f"(overlap {overlap:.2f}), from '{headline[:60]}'")
            return set_aside_region(text, start, stop, reason)
    return None


def article_body_start(text: str, region: SetAside) -> int:
    """Where an appended article's story begins, after its head block: the headline and captions
    its page template prints twice, and furniture such as "TT". Its dateline, if any, is there.

    For 004's appended article: after "بغداد لتكثيف... / عناصر من الأمن... (د.ب.أ) ×2 / TT /
    بغداد لتكثيف... / عناصر من الأمن... ×2", at "قال وزير الخارجية العراقي...".
    """
    body = region.start
    seen: set[str] = set()
    for start, end in line_spans(text[region.start:region.end]):
        stripped = text[region.start + start:region.start + end].strip()
        if not stripped:
            continue
        if _story_paragraph(stripped) or len(seen) > 2 * _RESTART_LOOKAHEAD:
            break  # the head block ends where the story begins
        if stripped in seen or FURNITURE_LINE.match(stripped):
            body = region.start + end
        seen.add(stripped)
    return body
