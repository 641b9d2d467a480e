"""The contract: every stage hands these models to the next, and users get them as JSON.

Dates are ISO strings in JSON (pydantic serialises `datetime.date` that way). Field order is the
output order, so keep it stable: golden files depend on it.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "month", "week", "day",
    "part_of_day", "hour", "minute",
]
Mod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]
AnchorSource = Literal["cli", "manifest", "jsonl", "front_matter", "dateline", "inferred", "none"]
Prefer = Literal["news", "past", "future"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Settings(_Model):
    """How relative expressions are resolved (design §5)."""

    prefer: Prefer = "news"


class Anchor(_Model):
    """A document's reference day. `date` is None when nothing gave one."""

    date: Optional[_dt.date] = None
    source: AnchorSource = "none"
    confidence: float = 0.0
    evidence: str = ""
    # When inference cannot decide one day: the inclusive interval of candidate days.
    candidates: Optional[tuple[_dt.date, _dt.date]] = None
    warnings: list[str] = Field(default_factory=list)


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
    id: str
    path: Optional[str] = None
    anchor: Anchor
    encoding: Optional[str] = None
    set_aside: list[SetAside] = Field(default_factory=list)
    # For the people reading the chronology (the HTML page names sources by them); not in the
    # JSON: the input's own fields, which the output does not repeat.
    newspaper: Optional[str] = Field(default=None, exclude=True)
    title: Optional[str] = Field(default=None, exclude=True)


class Mention(_Model):
    doc: str
    start: int
    end: int
    text: str
    value: str
    sentence: str
    in_quote: bool = False
    timex: Optional[str] = None


class Conflict(_Model):
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
    sources: list[str]
    mentions: list[Mention]
    conflicts: list[Conflict] = Field(default_factory=list)


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


def dump_json(model: BaseModel, indent: int | None = 2) -> str:
    """Deterministic JSON: aliases (`schema`), field order as declared, UTF-8 Arabic kept."""
    import json

    return json.dumps(model.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=indent)
