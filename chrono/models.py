"""The contract: every stage hands these models to the next, and users get them as JSON.

Dates are ISO strings in JSON (pydantic serialises `datetime.date` that way). Field order is the
output order, so keep it stable: golden files depend on it.

A TIMEX3 value travels as its string (the JSON contract), and its parts as data: `typed_value`
on Timex, Entry and Mention, `anchored` on Timex (see "The typed view of a value" below). Later
stages (attach, merge, export) read those, never the strings.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "month", "week", "day",
    "part_of_day", "hour", "minute",
]
# TIMEX3 mods: parts of a period, approximation, open intervals, and the bounds of a quantity
# ("أقل من 5 سنوات" LESS_THAN, "أكثر من خمسين عاما" MORE_THAN, "لا تقل عن 10 أيام" EQUAL_OR_MORE)
Mod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
              "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"]
AnchorSource = Literal["cli", "manifest", "jsonl", "front_matter", "dateline", "inferred", "corrected",
                       "contradicted", "none"]
Prefer = Literal["news", "past", "future"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- the typed view of a value
#
# The one place where a TIMEX3 value string and the canonical underspecified form are read.
# Why here, and read from the strings: the strings are what the resolver returns and what the
# JSON contract carries, so a model built by the pipeline and the same model read back from
# JSON (`chrono tag` output, worker processes, a Dask cluster) have the same view by
# construction. A view stored beside the fields instead (a private attribute filled by the
# pipeline) would be a second truth that pickling, `model_copy(update=...)` and JSON would all
# have to keep in step, and pydantic compares private attributes in `==`. Each distinct string
# is read once (`lru_cache`): news repeats the same few thousand values.

ValueShape = Literal[
    "day", "part_of_day", "clock", "week", "weekday", "month", "quarter", "half", "season", "year",
    "decade", "century", "reference", "duration", "other",
]

_DIGITS = "[0-9X]"
_POINT_DATE = re.compile(
    rf"(?P<bc>BC)?(?P<year>{_DIGITS}{{4}})"
    rf"(?:-(?:W(?P<week>{_DIGITS}{{2}})(?:-(?P<weekday>[1-7]))?|Q(?P<quarter>[1-4X])|H(?P<half>[12])"
    rf"|(?P<season>SP|SU|FA|WI)|(?P<month>{_DIGITS}{{2}})(?:-(?P<day>{_DIGITS}{{2}}))?))?"
    rf"|(?P<decade>{_DIGITS}{{3}})|(?P<century>{_DIGITS}{{2}})"
)
_POINT_TIME = re.compile(r"(?P<part>MO|MI|AF|EV|NI)|(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::[0-9]{2})?")
_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _number(text: Optional[str]) -> Optional[int]:
    """"2021" → 2021; "XXXX" (unknown) or absent → None."""
    return int(text) if text and text.isdigit() else None


@dataclass(frozen=True)
class ValuePoint:
    """One TIMEX3 point (a value, or one end of a range) as data; None where a part is absent or
    unknown ("X").

        "2021-11-23TNI" → shape "part_of_day", year 2021, month 11, day 23, part_of_day "NI"
        "XXXX-12-10"    → shape "day", year None, month 12, day 10, unknown True
        "199"           → shape "decade", decade 199 (the 1990s); "20" → century 20 (1900-1999)
    """

    text: str
    shape: ValueShape
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    week: Optional[int] = None
    weekday: Optional[int] = None  # ISO 1=Monday … 7=Sunday ("XXXX-WXX-3", a weekday without anchor)
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None  # SP SU FA WI
    decade: Optional[int] = None
    century: Optional[int] = None
    part_of_day: Optional[str] = None  # MO MI AF EV NI
    hour: Optional[int] = None
    minute: Optional[int] = None
    bc: bool = False
    unknown: bool = False  # some digit of the date is X: it names no calendar day or period

    @staticmethod
    def read(text: str) -> ValuePoint:
        if text in _REFERENCES:
            return ValuePoint(text, "reference")
        if text.startswith("P"):
            return ValuePoint(text, "duration", unknown="X" in text)
        date_part, has_time, time_part = text.partition("T")
        date_match = _POINT_DATE.fullmatch(date_part)
        time_match = _POINT_TIME.fullmatch(time_part) if has_time else None
        on_a_day = date_match is not None and (date_match["day"] or date_match["weekday"])
        if date_match is None or (has_time and (time_match is None or not on_a_day)):
            return ValuePoint(text, "other", unknown="X" in date_part)
        parts = date_match.groupdict()
        time = time_match.groupdict() if time_match else {}
        return ValuePoint(
            text, _shape(parts, time), year=_number(parts["year"]), month=_number(parts["month"]),
            day=_number(parts["day"]), week=_number(parts["week"]), weekday=_number(parts["weekday"]),
            quarter=_number(parts["quarter"]), half=_number(parts["half"]), season=parts["season"],
            decade=_number(parts["decade"]), century=_number(parts["century"]),
            part_of_day=time.get("part"), hour=_number(time.get("hour")), minute=_number(time.get("minute")),
            bc=bool(parts["bc"]), unknown="X" in date_part,
        )


def _shape(parts: dict, time: dict) -> ValueShape:
    if time:
        return "part_of_day" if time["part"] else "clock"
    for name in ("day", "weekday", "week", "month", "quarter", "half", "season", "decade", "century"):
        if parts[name] is not None:
            return name
    return "year"


@dataclass(frozen=True)
class TypedValue:
    """A TIMEX3 value as data: its two ends, which are the same point unless it is a range.

        "2021-11-23/2021-11-25" ("من 23 إلى 25 نوفمبر") → is_range, start.day 23, end.day 25
        "2022-04-02/2022-05-01" ("رمضان 1443", a Hijri month in Gregorian days) → is_range too
        "2020-12-10" → start is end, shape "day"
    """

    value: str
    start: ValuePoint
    end: ValuePoint
    is_range: bool

    @property
    def is_reference(self) -> bool:
        """An end is PRESENT_REF, PAST_REF or FUTURE_REF ("حاليا", "سابقا"): no calendar interval."""
        return "reference" in (self.start.shape, self.end.shape)

    @property
    def unknown(self) -> bool:
        """An end names no calendar day or period ("XXXX-12-10": no anchor gave the year)."""
        return self.start.unknown or self.end.unknown


@lru_cache(maxsize=16384)
def read_value(value: str) -> TypedValue:
    """The typed view of a TIMEX3 value string; a "/" separates the two ends of a range."""
    first, slash, last = value.partition("/")
    start = ValuePoint.read(first)
    if not slash:
        return TypedValue(value, start, start, False)
    return TypedValue(value, start, ValuePoint.read(last), True)


# The canonical underspecified form is chrono/tagger/values.py's: "kind key=value ...", a range's
# ends nested in parentheses ("range range_start=(date year=2021 month=11 day=23) range_end=(date
# day=25)"). The contract does not import the tagger (that would load its grammar and lexicon
# for every reader of a JSON file), so the field names are read here; tests/test_typed_values.py
# checks this reading against `chrono.tagger.values.parse_canonical` over the expression corpus.
_CANONICAL_FIELD = re.compile(r"(?:^|[ (])([a-z_]+)=")
_YEAR_FIELDS = frozenset({"year", "hijri_year"})
_FOUR_DIGITS = re.compile(r"\d{4}")


def _anchored(underspecified: str, text: str) -> bool:
    if underspecified:
        return not _names_a_year(underspecified)
    return _FOUR_DIGITS.search(text) is None


@lru_cache(maxsize=16384)
def _names_a_year(underspecified: str) -> bool:
    """A year field at any depth: "date day=24 month=11 year=2021", "date hijri_year=1443 ...",
    or a range with one in an end; "date rel_unit=day rel_offset=-1" ("أمس") has none."""
    return not _YEAR_FIELDS.isdisjoint(_CANONICAL_FIELD.findall(underspecified))


class Settings(_Model):
    """How relative expressions are resolved. `keep_anchor`: resolve against the given
    anchor even when the text's own weekdays say it was written a day or two earlier."""

    prefer: Prefer = "news"
    keep_anchor: bool = False


class Anchor(_Model):
    """A document's reference day. `date` is None when nothing gave one.

    When the text corrects the given day ("اليوم الاثنين" in a page dated Tuesday), `date` is the
    text's day, `given` the day the input gave, `source` "corrected" and `evidence` the expressions.
    When the text says it was written further back than a correction may move it ("اليوم (الجمعة)"
    in a page dated the Tuesday after, "سبتمبر الجاري" in July), `date` is None, `given` the day the
    input gave and `source` "contradicted": relative expressions stay unresolved.
    `given` appears in the JSON only in these two cases."""

    date: Optional[_dt.date] = None
    given: Optional[_dt.date] = None
    source: AnchorSource = "none"
    confidence: float = 0.0
    evidence: str = ""
    # When inference cannot decide one day: the inclusive interval of candidate days.
    candidates: Optional[tuple[_dt.date, _dt.date]] = None
    warnings: list[str] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _given_only_when_corrected(self, handler):
        """Keep every other document's anchor JSON as it was: no "given": null."""
        data = handler(self)
        if self.given is None:
            data.pop("given", None)
        return data


class Document(_Model):
    """One article as read: its text is never modified after reading."""

    id: str
    path: Optional[str] = None
    text: str
    anchor: Anchor = Field(default_factory=Anchor)
    encoding: Optional[str] = None
    meta: dict[str, Any] = Field(default_factory=dict)


class DocumentError(_Model):
    """A document (or input line) that could not be processed, and why."""

    path: str
    line: Optional[int] = None
    id: Optional[str] = None
    reason: str


class Span(_Model):
    start: int
    end: int


class SetAside(_Model):
    """A part of a page that is not the story (comment form, teaser, appended article)."""

    start: int
    end: int
    reason: str
    text: str


class Timex(_Model):
    """One temporal expression: offsets into the ORIGINAL text, TIMEX3 value, derivation."""

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    granularity: Optional[Granularity] = None
    start_date: Optional[_dt.date] = None
    end_date: Optional[_dt.date] = None
    mod: Optional[Mod] = None
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    hijri_value: Optional[str] = None
    rule: str
    in_quote: bool = False
    # The intermediate, anchor-free value in its canonical text form (parses back).
    underspecified: str = ""
    # e.g. "unresolved: no anchor", "hijri: outside converter range", "dual: halves disagree by 2 days"
    flags: list[str] = Field(default_factory=list)
    sentence: Optional[int] = None

    @property
    def typed_value(self) -> TypedValue:
        """`value` as data: range ends, points and their parts (see `TypedValue`)."""
        return read_value(self.value)

    @property
    def anchored(self) -> bool:
        """Placed by the anchor: the expression names no year, Gregorian or Hijri ("اليوم",
        "أمس", "الأربعاء", "العام الماضي"), unlike "10 ديسمبر 2020" or "19 ربيع الثاني 1443".

        Read from the canonical `underspecified` value (its year fields); a timex without one
        (hand-made tags) falls back to "no four-digit number in its text". A century or decade
        written without a year ("القرن العشرين") counts as anchored: that is how the merge has
        always read it.
        """
        return _anchored(self.underspecified, self.text)


class DocumentTags(_Model):
    id: str
    path: Optional[str] = None
    anchor: Anchor
    encoding: Optional[str] = None
    timexes: list[Timex] = Field(default_factory=list)
    set_aside: list[SetAside] = Field(default_factory=list)


class TagOutput(_Model):
    schema_: Literal["chrono.tags/1"] = Field("chrono.tags/1", alias="schema")
    documents: list[DocumentTags] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DocumentInfo(_Model):
    """A document of a chronology: where it came from and, when the input names them (a JSONL
    "source"/"title", a manifest's or front matter's), the paper and the title people know it by."""

    id: str
    path: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    anchor: Anchor
    encoding: Optional[str] = None
    set_aside: list[SetAside] = Field(default_factory=list)

    @property
    def name(self) -> str:
        """How people name the document: "okaz — مجلس الأمن يقر الاتفاق النووي", the paper alone,
        the title alone, or its id when the input gives neither."""
        parts = [part for part in (self.source, self.title) if part]
        return " — ".join(parts) if parts else self.id


class Mention(_Model):
    doc: str
    start: int
    end: int
    text: str
    value: str
    sentence: str
    in_quote: bool = False
    timex: Optional[str] = None

    @property
    def typed_value(self) -> TypedValue:
        """`value` (this mention's own) as data (see `TypedValue`)."""
        return read_value(self.value)


class Conflict(_Model):
    """A link to the entry that tells the same happening with another date; `reason` says so in
    Arabic, with each side's date and source ("تختلف المصادر في تاريخ هذا الحدث: …")."""

    entry: str
    reason: str


class Entry(_Model):
    id: str
    value: str
    type: TimexType
    granularity: Optional[Granularity] = None
    start_date: Optional[_dt.date] = None
    end_date: Optional[_dt.date] = None
    mod: Optional[Mod] = None
    label: str
    trigger: Optional[str] = None
    kind: Optional[str] = None  # the kind of event: "attack", "arrival", "meeting", … (None: unknown)
    sources: list[str]
    mentions: list[Mention]
    conflicts: list[Conflict] = Field(default_factory=list)

    @property
    def typed_value(self) -> TypedValue:
        """`value` as data: range ends, points and their parts (see `TypedValue`)."""
        return read_value(self.value)

    @property
    def days(self) -> tuple[_dt.date, _dt.date]:
        """(first day, last day) of the entry: a chronology holds dated mentions only, so every
        entry the merge builds has them; an entry made by hand without a date is an error here."""
        if self.start_date is None:
            raise ValueError(f"entry {self.id} has no start_date: a chronology entry is dated")
        return self.start_date, self.end_date or self.start_date


class QueryTerm(_Model):
    """One word of an `--about` query: as typed, its stem, and how many articles hold the stem."""

    word: str
    stem: str
    documents: int


class KeptArticle(_Model):
    id: str
    score: float


class StoryQuery(_Model):
    """`--about`: the query, how the archive was ranked against it, and the articles kept
    (best first; BM25 scores, comparable within one query only)."""

    text: str
    terms: list[QueryTerm]
    top: int
    min_score: float  # a fraction of the best score
    considered: int  # articles ranked
    matched: int  # articles holding at least one of the terms
    kept: list[KeptArticle]


class TimelineOutput(_Model):
    schema_: Literal["chrono.timeline/1"] = Field("chrono.timeline/1", alias="schema")
    # Present only when the chronology was asked `--about` one story.
    query: Optional[StoryQuery] = None
    documents: list[DocumentInfo] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_serializer(mode="wrap")
    def _without_absent_query(self, handler):
        """A chronology of a whole archive serialises as it always did: no "query" key."""
        data = handler(self)
        if data.get("query", 0) is None:
            del data["query"]
        return data

    def papers(self) -> dict[str, str]:
        """Document id → its paper (the JSONL/manifest "source"), or the id when none is given;
        writers look sources up here once, not per entry."""
        return {info.id: info.source or info.id for info in self.documents}

    def names(self) -> dict[str, str]:
        """Document id → paper and title (`DocumentInfo.name`)."""
        return {info.id: info.name for info in self.documents}


def dump_json(model: BaseModel, indent: int | None = 2) -> str:
    """Deterministic JSON: aliases (`schema`), field order as declared, UTF-8 Arabic kept."""
    import json

    return json.dumps(model.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=indent)
