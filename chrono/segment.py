"""Segmentation of a news page: sentences, quotes, and the parts that are not the story.

Every offset points into the ORIGINAL text (no normalisation happens here), so the tagger can
call `segment(doc.text)` and compare its own original-text offsets directly.

    >>> seg = segment("وقعت مملكة المغرب وإسرائيل مذكرة تفاهم في ظل توتر مع الجزائر.وشملت المذكرة التعاون.")
    >>> len(seg.sentences)
    2

All scans are single passes with regexes (linear time); nothing here can raise on a string.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex

from chrono.lexicon import LEXICON
from chrono.models import SetAside
from chrono.normalize import fold, strip_proclitic

__all__ = [
    "Segmentation", "segment", "sentence_index", "in_quote", "in_set_aside", "content_words",
    "APPENDED_ARTICLE", "appended_articles", "article_body_start",
]


class Span(NamedTuple):
    """[start, end) in the original text. A tuple, not a pydantic model: a page has hundreds of
    sentences and lines, and these never leave the process (models.Span is the output form)."""

    start: int
    end: int


@dataclass
class Segmentation:
    """The story's structure, offsets into the original text (end exclusive).

    `sentences` and `paragraphs` cover the whole text, set-aside regions included (the tagger
    still sees them; the merge drops what falls in `set_aside`). `quotes` are the spans between
    quote marks (marks excluded) plus unquoted reported speech after "قال ...:".
    """

    sentences: list[Span] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _quote_union: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _text: str = field(default="", repr=False)
    _lines: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _paragraphs: list[Span] | None = field(default=None, repr=False)

    @property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines, trimmed; split when first asked for (tagging never needs them)."""
        if self._paragraphs is None:
            self._paragraphs = split_paragraphs(self._text, self._lines)
        return self._paragraphs


# ---------------------------------------------------------------- sentences

# A sentence ends at ". ؟ ? ! …" (plus any closing quotes/brackets right after it) or a newline.
_TERMINAL = regex.compile(r"[.!?؟…]+[»”\"')\]]*|\n")
_CLOSERS = "»”\"')]"


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    """A dot inside an abbreviation: each part is one letter, "د.ب.أ" "ق.م" "أ.ف.ب".

    True when the word before the dot is a single letter (start of text, space, "(" or another
    abbreviation dot before it), e.g. the first dot of "(د.ب.أ)" and the dot of "ق.م".
    """
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    before = text[dot - 2] if dot >= 2 else " "
    return not before.isalpha() and not before.isdigit()


def _is_boundary(text: str, match: regex.Match) -> bool:
    """Whether a terminal-punctuation run really ends a sentence.

    Not boundaries: decimals "3.5", abbreviations "د.ب.أ", ellipsis ".." inside a line
    ("الأمن السيبراني والاستخبارات.. مفاتيح"), Latin dotted names "www.example.com".
    A dot glued to the next Arabic word IS a boundary ("الجزائر.وشملت").
    """
    punct = match.group()
    if punct == "\n":
        return True
    start, end = match.span()
    after = text[end] if end < len(text) else "\n"
    if punct.rstrip(_CLOSERS) == ".":
        if start > 0 and text[start - 1].isdigit() and after.isdigit():
            return False
        if _is_abbreviation_dot(text, start):
            return False
        if after.isascii() and after.isalnum():
            return False  # domain names, "e.g", version numbers
    return not (punct.startswith("..") and after not in "\n")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without its leading and trailing whitespace, None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, whitespace-trimmed, never empty.

    Example: "...مع الجزائر.وشملت المذكرة..." gives two sentences split after the dot.
    """
    spans: list[Span] = []
    start = 0
    for match in _TERMINAL.finditer(text):
        if match.group() == "\n":  # most matches: always a boundary
            end = match.start()
        elif _is_boundary(text, match):
            end = match.end()
        else:
            continue
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = match.end()
    tail = _trimmed(text, start, len(text))
    if tail is not None:
        spans.append(tail)
    return spans


def split_paragraphs(text: str, lines: list[tuple[int, int]] | None = None) -> list[Span]:
    """Non-blank lines (news pages put one paragraph per line), trimmed."""
    spans = []
    for start, end in lines if lines is not None else _line_spans(text):
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
    return spans


# ---------------------------------------------------------------- quotes

_QUOTE_MARK = re.compile(r"[«»“”\"„]")  # `re`, not `regex`: 1.5 times faster on this plain set
# Unquoted speech after a speech verb and a colon: "وقال في تغريدته: لقد اتخذنا خطوة تاريخية".
_SPEECH_COLON = regex.compile(
    r"(?:^|[\s(])[وف]?(?:قال|قالت|أضاف|أضافت|تابع|أكد|أكدت|أوضح|شدد|ذكر|كتب|غرد)[^\n.:؟!]{0,60}:[ \t]*"
)


def find_quotes(text: str) -> list[Span]:
    """Spans inside quote marks (marks excluded); unbalanced marks are dropped, never guessed.

    Pairs: « » (nesting allowed), “ ” and straight " (toggle). A "”" with nothing open opens
    (pages write ”وطن” with the closing mark twice). Open quotes do not cross a newline, so one
    stray « cannot turn the rest of the page into speech.
    Example: 'وقال في تغريدته: «لقد اتخذنا خطوة تاريخية اليوم».' → the span of 'لقد ... اليوم'.
    """
    spans: list[Span] = []
    guillemets: list[int] = []  # stack of positions after «
    curly: int | None = None  # position after the open “/”/„/"
    last = 0  # the previous mark's position: an open quote ends at a newline between two marks
    for match in _QUOTE_MARK.finditer(text):
        mark, pos = match.group(), match.start()
        if (guillemets or curly is not None) and text.find("\n", last, pos) >= 0:
            guillemets.clear()
            curly = None
        last = pos
        if mark == "«":
            guillemets.append(pos + 1)
        elif mark == "»":
            if guillemets:
                spans.append(Span(guillemets.pop(), pos))
        elif mark in "“„":
            curly = pos + 1
        elif curly is not None:  # ” or " closing
            spans.append(Span(curly, pos))
            curly = None
        else:  # ” or " with nothing open
            curly = pos + 1
    spans.extend(_colon_speech(text, spans))
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _colon_speech(text: str, quoted: list[Span]) -> list[Span]:
    """Speech after "قال ...:" without quote marks runs to the end of its sentence."""
    quoted_starts = {s.start for s in quoted}
    found = []
    for match in _SPEECH_COLON.finditer(text):
        begin = match.end()
        if begin >= len(text) or text[begin] in "«“”\"„" or begin + 1 in quoted_starts:
            continue
        stop = _TERMINAL.search(text, begin)
        end = stop.start() if stop else len(text)
        if end > begin:
            found.append(Span(begin, end))
    return found


# ---------------------------------------------------------------- set aside

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
_FURNITURE = regex.compile(r"^[^\p{Arabic}\d]{1,12}$")

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


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _aside(text: str, start: int, end: int, reason: str) -> SetAside | None:
    span = _trimmed(text, start, end)
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
    if _FURNITURE.match(stripped):
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
            if (a := _aside(text, start + begin, start + end, "page furniture: wire time stamp"))]


def _furniture(text: str, lines: list[tuple[int, int]]) -> tuple[list[SetAside], int]:
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
            aside = _aside(text, start, end, reason)
            if aside:
                found.append(aside)
        else:
            found.extend(_wire_stamps(text, start, line))
        if stripped:
            seen.add(stripped)
    return found, len(text)


# Content words for topic comparison: Arabic words of 3+ letters, minus function words (folded).
_WORD = regex.compile(r"\p{Arabic}{3,}")
_FUNCTION_WORDS = frozenset(fold(w) for w in LEXICON.data.topic.function_words)


def content_words(text: str, limit: int | None = None, start: int = 0, stop: int | None = None,
                  ends: list[int] | None = None) -> list[str]:
    """Folded content words (chrono.normalize.fold) of text[start:stop] without their proclitics,
    in order: "والرباط" → "رباط", "بالجزائر" → "جزاير". Only the first `limit` are read, so the
    cost does not grow with the page.
    `ends`, when given, receives where each word ends in `text`."""
    words: list[str] = []
    if limit is not None and limit <= 0:
        return words
    cache = _CONTENT_FORMS
    for match in _WORD.finditer(text, start, len(text) if stop is None else stop):
        written = match.group()
        word = cache.get(written)
        if word is None:
            word = _content_form(written)
            if len(cache) < 100_000:  # bounded: a huge vocabulary keeps memory flat
                cache[written] = word
        if word:
            words.append(word)
            if ends is not None:
                ends.append(match.end())
            if limit is not None and len(words) >= limit:
                break
    return words


_CONTENT_FORMS: dict[str, str] = {}  # written word → its content form, "" for a function word


def _content_form(written: str) -> str:
    """"والرباط" → "رباط"; "" for a function word, with or without its clitic ("وفي", "عليها")."""
    word = fold(written)
    if word in _FUNCTION_WORDS:
        return ""
    # a one-letter clitic needs only three letters left here ("وزير" → "زير"): what the topic
    # comparison was tuned with (a minimum of four changes the set-aside of 22 of 3,000 articles)
    word = strip_proclitic(word, min_stem_after_letter=3)
    return "" if word in _FUNCTION_WORDS else word


_LEAD_WORDS = 80
_MIN_STORY_WORDS = 60
_TOPIC_OVERLAP_MAX = 0.2
_RESTART_LOOKAHEAD = 6
_HEADLINE_MAX_CHARS = 150
_HEADLINE_MAX_WORDS = 20
_MIN_BODY_WORDS = 5  # words after a dateline on its own line: a story opens there
APPENDED_ARTICLE = "appended article"  # the reason every appended-article region starts with

# A dateline or byline opening an article: up to four short parts joined by dashes, then ":" or a
# dash, then the story: "واشنطن - «رويترز»: قال ...", "ميونيخ (ألمانيا) - «د.ب.أ»: رفضت ...",
# "فلان الفلاني- سبق- جدة: أعلنت ...", "(واس) - ...", "بغداد - 3 مارس 2019 (رويترز) - ...". One part
# must be a credit (who reports it) or a date.
_DIGIT = r"[0-9\u0660-\u0669]"
_BRACKETED = r"\([^)\n]{1,25}\)"
_DATE = (rf"(?:{_DIGIT}{{1,2}} \p{{Arabic}}+(?: {_BRACKETED})? {_DIGIT}{{4}}"
         rf"|{_DIGIT}{{1,4}}/{_DIGIT}{{1,2}}/{_DIGIT}{{1,4}})(?: ?{_BRACKETED})?")
_DATE_PART = regex.compile(_DATE)
_BRACKETED_PART = regex.compile(_BRACKETED + "$")
_HEAD_PART = (rf"(?:«[^»\n]{{1,30}}»|{_BRACKETED}|{_DATE}"
              rf"|[\p{{Arabic}}.]+(?: [\p{{Arabic}}.]+){{0,2}}(?: ?{_BRACKETED})?)")
_DATELINE_HEAD = regex.compile(
    rf"^[\s*•·\-–]*(?P<parts>{_HEAD_PART}(?:\s*[-–—]\s*{_HEAD_PART}){{0,3}})\s*(?::|[-–—](?=\s))"
)
_HEAD_SEPARATOR = regex.compile(r"\s*[-–—]\s*")
_HEAD_END = re.compile(r"[:\-–—]")
_DATELINE_MAX_CHARS = 160  # four parts of a few words each, and their separators
_NOT_LETTER = regex.compile(r"[^\p{Arabic}]|[\u064B-\u0652\u0640]")  # spaces, marks, dots, harakat, tatweel
_BULLETS = "*•·-–"


def _credit_key(words: str) -> str:
    """"«د.ب.أ»" → "دبا", "أ ف ب" → "افب": letters only, folded, so every spelling of a credit meets."""
    return _NOT_LETTER.sub("", fold(words))


_CREDITS = frozenset(_credit_key(w) for w in LEXICON.data.topic.credit_words)


def _is_credit(part: str) -> bool:
    """A dateline part naming who reports or when: "«رويترز»", "(واس)", "سبق", "متابعات",
    "3 مارس 2019"; for a part of several words any one of them ("سبق" in "سبق الإلكترونية")."""
    if _DATE_PART.fullmatch(part.strip()):
        return True
    inner = part.strip().strip("«»()")
    if _credit_key(inner) in _CREDITS:
        return True
    return any(_credit_key(word) in _CREDITS for word in inner.split())


def _sole_part_credit(part: str) -> bool:
    """A dateline of one part: a date, a credit ("(رويترز) -", "واس:"), or a place with its credit
    in brackets ("جدة (رويترز) -"); a few words with a credit among them ("كتب الشاعر:") are not."""
    if _DATE_PART.fullmatch(part) or _credit_key(part.strip("«»() ")) in _CREDITS:
        return True
    bracket = _BRACKETED_PART.search(part)
    return bracket is not None and _credit_key(bracket.group()) in _CREDITS


def _dateline_head(line: str) -> bool:
    """Whether a line opens an article with a dateline or byline, the story on the same line.

    "* لندن - «الشرق الأوسط»: امتنعت ..." and "سبق- الرياض: عقد ..." do; "وقال الوزير: إن ..."
    (no credit) and a caption "... (رويترز)" (nothing after it) do not. A single part must be a
    credit or a date by itself ("(رويترز) - ..."), so "كتب الشاعر في ديوانه: ..." is no byline.
    """
    if _HEAD_END.search(line, 0, _DATELINE_MAX_CHARS) is None:
        return False  # most paragraphs: no colon or dash near the start, the regex is not needed
    match = _DATELINE_HEAD.match(line)
    if match is None or len(line[match.end():].split()) < _MIN_BODY_WORDS:
        return False
    parts = [p for p in _HEAD_SEPARATOR.split(match.group("parts")) if p.strip()]
    if len(parts) == 1:
        return _sole_part_credit(parts[0].strip())
    return any(_is_credit(p) for p in parts)


def _headline_like(stripped: str) -> bool:
    """A short line that does not end like a sentence: a headline, subheading or caption."""
    return (len(stripped) <= _HEADLINE_MAX_CHARS and len(stripped.split()) <= _HEADLINE_MAX_WORDS
            and stripped[-1] not in ".!?؟:،,؛" and _WORD.search(stripped) is not None)


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
    `_dateline_head`), with the short headline line right above it when there is one. Only after
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
        elif _dateline_head(line):
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


def _appended_article(text: str, lines: list[tuple[int, int]], stop: int) -> SetAside | None:
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
            return _aside(text, start, stop, f"{APPENDED_ARTICLE}: its own {head.kind} and a different topic "
                                             f"(overlap {overlap:.2f}), from '{headline[:60]}'")
    return None


def find_set_aside(text: str, lines: list[tuple[int, int]] | None = None) -> list[SetAside]:
    """Regions that are not the story, each with its reason, sorted and non-overlapping."""
    lines = _line_spans(text) if lines is None else lines
    furniture, comment_start = _furniture(text, lines)
    appended = _appended_article(text, lines, comment_start)
    found = [a for a in furniture if appended is None or a.end <= appended.start]
    if appended is not None:
        found.append(appended)
    if comment_start < len(text):
        tail = _aside(text, comment_start, len(text), "comment form")
        if tail:
            found.append(tail)
    found.sort(key=lambda a: (a.start, a.end))
    return found


# ---------------------------------------------------------------- API

@lru_cache(maxsize=8)
def segment(text: str) -> Segmentation:
    """Sentences, paragraphs, quotes and set-aside regions of one article's original text.

    Cached for the last few texts: `chrono timeline` tags a document and then attaches its events,
    and both need the segmentation of the same text. The result is shared: never modify it."""
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    lines = _line_spans(text)
    return Segmentation(
        sentences=sentences,
        quotes=quotes,
        set_aside=find_set_aside(text, lines),
        _text=text,
        _lines=lines,
        _sentence_starts=[s.start for s in sentences],
        _quote_union=_union(quotes),
    )


def _union(spans: list[Span]) -> list[tuple[int, int]]:
    """Sorted, disjoint cover of possibly nested spans (quotes inside quotes)."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged


def sentence_index(seg: Segmentation, offset: int) -> int | None:
    """Index of the sentence containing `offset`, or None (blank space between sentences)."""
    starts = seg._sentence_starts or [s.start for s in seg.sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    span = seg.sentences[index]
    return index if span.start <= offset < span.end else None


def in_quote(seg: Segmentation, start: int, end: int) -> bool:
    """Whether [start, end) lies inside one quote span: «لقد اتخذنا خطوة تاريخية اليوم»."""
    union = seg._quote_union or _union(seg.quotes)
    index = bisect.bisect_right(union, (start, float("inf"))) - 1
    return index >= 0 and union[index][0] <= start and end <= union[index][1]


def in_set_aside(seg: Segmentation, start: int, end: int) -> SetAside | None:
    """The set-aside region overlapping [start, end), if any."""
    if not seg.set_aside:
        return None  # most pages
    starts = [region.start for region in seg.set_aside]  # few regions per page
    index = bisect.bisect_left(starts, end) - 1
    if index >= 0 and seg.set_aside[index].end > start:
        return seg.set_aside[index]
    return None


def appended_articles(seg: Segmentation) -> list[SetAside]:
    """The set-aside regions that are another article appended to the page (seed 004's
    "بغداد لتكثيف العمل الدبلوماسي..."): the page's anchor does not date them."""
    return [region for region in seg.set_aside if region.reason.startswith(APPENDED_ARTICLE)]


def article_body_start(text: str, region: SetAside) -> int:
    """Where an appended article's story begins, after its head block: the headline and captions
    its page template prints twice, and furniture such as "TT". Its dateline, if any, is there.

    For 004's appended article: after "بغداد لتكثيف... / عناصر من الأمن... (د.ب.أ) ×2 / TT /
    بغداد لتكثيف... / عناصر من الأمن... ×2", at "قال وزير الخارجية العراقي...".
    """
    body = region.start
    seen: set[str] = set()
    for start, end in _line_spans(text[region.start:region.end]):
        stripped = text[region.start + start:region.start + end].strip()
        if not stripped:
            continue
        if _story_paragraph(stripped) or len(seen) > 2 * _RESTART_LOOKAHEAD:
            break  # the head block ends where the story begins
        if stripped in seen or _FURNITURE.match(stripped):
            body = region.start + end
        seen.add(stripped)
    return body
