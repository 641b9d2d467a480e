"""The Arabic lexicon (chrono/lexicon/ar_lexicon.json) loaded into a validated model.

Load-time checks: an empty form, a form listed twice in one table, one form naming two different
values of an exclusive table (a month, a weekday), a keyword role without its property (function
word or head) or a holiday without its keyword role is an error at import. The result is one
lookup: normalized word or word sequence → the lexical entries it stands for, e.g.
"ديسمبر" → [Lex(cls="month", value=12)], "كانون الاول" → [Lex(cls="month", value=12)],
plus the word lists of the other stages (event verbs for attach, function words for segment).
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chrono.normalize import fold, normalize_word, tokenize


class LexiconError(ValueError):
    """The lexicon data is inconsistent; raised at import so a bad edit never ships."""


class Lex(NamedTuple):
    cls: str  # month, hmonth, weekday, cardinal, ordinal, unit, shift, part, pod, relday, period, ref, kw, decade, set
    value: Any
    ambiguous: bool = False


class MonthEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    month: int
    series: str = "hijri"
    forms: list[str]
    ambiguous: bool = False

    @field_validator("month")
    @classmethod
    def _month_range(cls, v: int) -> int:
        if not 1 <= v <= 12:
            raise ValueError(f"month {v} outside 1..12")
        return v


class WeekdayEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    iso: int
    forms: list[str]


class UnitEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str
    singular: list[str]
    dual: list[str]
    plural: list[str]


class HolidayEntry(BaseModel):
    """An Islamic holiday as a fixed day of the Umm al-Qura calendar: عيد الفطر → 1 Shawwal; `days`:
    how many days it lasts ('أيام عيد الفطر' are 1–3 Shawwal)."""

    model_config = ConfigDict(extra="forbid")
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=30)
    days: int = Field(default=1, ge=1, le=10)


class VerbEntry(BaseModel):
    """An event or speech verb: past 3rd person, imperfect stem (no prefix), verbal nouns:
    ("وقع", "وقع", ["توقيع"])."""

    model_config = ConfigDict(extra="forbid")
    past: str
    imperfect: str
    nouns: list[str]


class EventWords(BaseModel):
    """The words event attachment reads (chrono/attach.py)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field(alias="_comment")
    event_verbs: list[VerbEntry]
    speech_verbs: list[VerbEntry]
    auxiliaries: list[str]
    stop_words: list[str]


class EventKind(BaseModel):
    """One kind of event: its verbs, its event nouns, and the kinds the same happening may also
    be told as ("attack": هاجم، هجوم، عملية انتحارية; compatible with "killing")."""

    model_config = ConfigDict(extra="forbid")
    compatible: list[str]
    verbs: list[VerbEntry]
    nouns: list[str]


class EventKinds(BaseModel):
    """What a dated clause tells happened (chrono/attach.py): kinds of event, light verbs that
    take their kind from their object ("شن غارات"), and the words that find participants (titles
    before names, heads before places) and clause edges (relative pronouns, side-clause openers,
    leading connectives a label drops, reporting words that never identify a happening, support
    words whose event noun is a means, not the happening: "بدعم الضربات الجوية")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field(alias="_comment")
    kinds: dict[str, EventKind]
    light_verbs: list[VerbEntry]
    recurring_kinds: list[str]  # happen again and again (strikes, statements): a date conflict needs more
    titles: list[str]
    name_links: list[str]
    place_heads: list[str]
    relative_pronouns: list[str]
    side_openers: list[str]
    connectives: list[str]
    report_words: list[str]
    support_words: list[str]  # "بدعم الضربات الجوية": what helped a happening, not the happening
    # sites named after a town ("مطار عدن", "ميناء الحديدة"): for the kinds in site_kinds, taking
    # the site and taking the town are two happenings
    facility_heads: list[str]
    site_kinds: list[str]

    @field_validator("kinds")
    @classmethod
    def _compatible_kinds_exist(cls, kinds: dict[str, EventKind]) -> dict[str, EventKind]:
        for name, kind in kinds.items():
            unknown = [other for other in kind.compatible if other not in kinds or other == name]
            if unknown:
                raise ValueError(f"kind {name!r}: unknown compatible kinds {unknown}")
        return kinds


class TopicWords(BaseModel):
    """The words segmentation reads to find an appended article (chrono/segment/: words, datelines): function words
    it leaves out when it compares topics, and the credits of a dateline ("واشنطن - «رويترز»:")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field(alias="_comment")
    function_words: list[str]
    credit_words: list[str]


class SpellingRule(BaseModel):
    """Which original spellings a lexicon form stands for, when normalisation folds another word
    into it: "الآن" (now) is written الآن/الان, never ألان (Alan) or آلان (Alain); the Algerian
    month "أوت" is never آوت ("إنسايد آوت", Inside Out). `only`: the spellings it may have;
    `not_`: spellings it never has (diacritics aside, proclitics allowed before them)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    only: list[str] = Field(default_factory=list)
    not_: list[str] = Field(default_factory=list, alias="not")


class LexiconData(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    about: str = Field(alias="_about")
    gregorian_months: list[MonthEntry]
    hijri_months: list[MonthEntry]
    weekdays: list[WeekdayEntry]
    cardinals: dict[str, Any]
    ordinals: dict[str, Any]
    teen_ordinal_suffix: list[str]
    units: list[UnitEntry]
    shift_modifiers: dict[str, Any]
    period_parts: dict[str, Any]
    day_parts: dict[str, Any]
    relative_days: dict[str, Any]
    period_words: dict[str, Any]
    references: dict[str, Any]
    keywords: dict[str, Any]
    keyword_roles: dict[str, Any]
    future_cues: dict[str, Any]
    tense_cues: dict[str, Any]
    decades: dict[str, Any]
    sets: dict[str, Any]
    guards: dict[str, Any]
    weekday_bare: dict[str, Any]
    hijri_holidays: dict[str, Any]
    seasons: dict[str, Any]
    events: EventWords
    event_kinds: EventKinds
    topic: TopicWords
    spellings: dict[str, Any] = Field(default_factory=dict)


SHIFT_OFFSETS = {"past": -1, "future": 1, "this": 0}
# What a keyword role's words do (keyword_roles in the data): a "function" word joins an
# expression but never makes one without a head beside it; a "head" can.
ROLE_PROPERTIES = ("function", "head")
# The same property for the other lexicon classes, fixed by what the class is: modifiers
# ("الماضي"), ordinals and cardinals ("الأول", "ثلاثة") and parts ("نهاية") need a head; a month,
# a weekday, a unit, a part of the day… is one.
NON_HEAD_CLASSES = frozenset({"shift", "ordinal", "cardinal", "part"})
# Tables whose words must name one value only: "مارس" cannot be both March and May.
EXCLUSIVE = {"month", "hmonth", "weekday", "weekday_bare", "cardinal", "ordinal", "relday", "decade"}


class Lexicon:
    """Lookup tables built from LexiconData; `words` maps a normalized word tuple to entries."""

    def __init__(self, data: LexiconData):
        self.data = data
        self.words: dict[tuple[str, ...], list[Lex]] = defaultdict(list)
        self._build(data)
        self.max_words = max(len(k) for k in self.words)
        self.future_cue_words = {normalize_word(w) for w in data.future_cues["words"]}
        self.guard_words = {role: frozenset(normalize_word(w) for w in forms)
                            for role, forms in data.guards.items() if not role.startswith("_")}
        # every keyword role, teen (of teen_ordinal_suffix) included: what K() elements may name
        self.roles = frozenset(role for role in data.keywords if not role.startswith("_")) | {"teen"}
        self.head_roles = self._head_roles(data, self.roles)
        self.holidays = self._holidays(data)
        # holiday name → how many days it lasts (1 unless the lexicon says more)
        self.holiday_days = {name: HolidayEntry.model_validate(entry).days
                             for name, entry in data.hijri_holidays.items() if not name.startswith("_")}
        self.spellings = self._spellings(data)
        self._check()

    # -- building -------------------------------------------------------------------------
    def _add(self, form: str, lex: Lex) -> None:
        key = form_key(form)
        if not key:
            raise LexiconError(f"empty form for {lex}")
        if lex in self.words[key]:
            raise LexiconError(f"form {form!r} listed twice for {lex.cls}={lex.value!r}")
        self.words[key].append(lex)

    def _table(self, cls: str, table: dict[str, Any], convert=lambda k: k) -> None:
        for key, forms in table.items():
            if key.startswith("_"):
                continue
            for form in forms:
                self._add(form, Lex(cls, convert(key)))

    def _build(self, d: LexiconData) -> None:
        for m in d.gregorian_months:
            for form in m.forms:
                self._add_once(form, Lex("month", m.month, m.ambiguous))
        for m in d.hijri_months:
            for form in m.forms:
                self._add(form, Lex("hmonth", m.month, m.ambiguous))
        for w in d.weekdays:
            for form in w.forms:
                self._add(form, Lex("weekday", w.iso))
        self._table("cardinal", d.cardinals, int)
        self._table("ordinal", d.ordinals, int)
        for form in d.teen_ordinal_suffix:
            self._add(form, Lex("kw", "teen"))
        for u in d.units:
            for number, forms in ((1, u.singular), (2, u.dual), (None, u.plural)):
                for form in forms:
                    self._add(form, Lex("unit", (u.unit, number)))
        self._table("shift", d.shift_modifiers, lambda k: SHIFT_OFFSETS[k])
        self._table("part", d.period_parts)
        self._table("pod", d.day_parts)
        self._table("relday", d.relative_days, int)
        self._table("period", d.period_words)
        self._table("ref", d.references)
        for role, forms in d.keywords.items():
            if role.startswith("_"):
                continue
            for form in forms:
                self._add(form, Lex("kw", role))
        self._table("decade", d.decades, int)
        self._table("set", d.sets)
        self._table("weekday_bare", d.weekday_bare, int)
        self._table("season", d.seasons)

    def _add_once(self, form: str, lex: Lex) -> None:
        """A month form shared by two regional series (مارس in MSA and Maghrebi) is listed once."""
        key = form_key(form)
        if lex not in self.words.get(key, []):
            self._add(form, lex)

    def _check(self) -> None:
        for key, entries in self.words.items():
            for cls in EXCLUSIVE:
                values = {e.value for e in entries if e.cls == cls}
                if len(values) > 1:
                    raise LexiconError(f"{' '.join(key)!r} names several {cls} values: {sorted(values)}")

    @staticmethod
    def _head_roles(d: LexiconData, roles: frozenset[str]) -> frozenset[str]:
        """The keyword roles whose words can head an expression; every role must say whether it can."""
        declared = {role: kind for role, kind in d.keyword_roles.items() if not role.startswith("_")}
        if declared.keys() != roles:
            raise LexiconError(f"keyword roles without a property (or a property without a role): "
                               f"{sorted(roles ^ declared.keys())}")
        bad = {role: kind for role, kind in declared.items() if kind not in ROLE_PROPERTIES}
        if bad:
            raise LexiconError(f"keyword role properties must be one of {ROLE_PROPERTIES}: {bad}")
        return frozenset(role for role, kind in declared.items() if kind == "head")

    @staticmethod
    def _holidays(d: LexiconData) -> dict[str, tuple[int, int]]:
        """Holiday name → (Hijri month, day); each holiday's forms are the keyword role holiday_<name>."""
        table = {name: HolidayEntry.model_validate(day) for name, day in d.hijri_holidays.items()
                 if not name.startswith("_")}
        roles = {role[len("holiday_"):] for role in d.keywords if role.startswith("holiday_")}
        if roles != table.keys():
            raise LexiconError(f"hijri_holidays and holiday_* keywords differ: {sorted(roles ^ table.keys())}")
        return {name: (h.month, h.day) for name, h in table.items()}

    def _spellings(self, d: LexiconData) -> dict[str, tuple[frozenset, frozenset]]:
        """Normalized one-word form → (spellings it may only have, spellings it never has), each
        without diacritics; a form the lexicon does not hold is an error."""
        table = {}
        for form, raw in d.spellings.items():
            if form.startswith("_"):
                continue
            key = form_key(form)
            if len(key) != 1 or key not in self.words:
                raise LexiconError(f"spellings: {form!r} is not a one-word lexicon form")
            rule = SpellingRule.model_validate(raw)
            if not rule.only and not rule.not_:
                raise LexiconError(f"spellings: {form!r} names no spelling")
            table[key[0]] = (frozenset(map(without_marks, rule.only)), frozenset(map(without_marks, rule.not_)))
        return table

    # -- lookup ---------------------------------------------------------------------------
    def lookup(self, words: tuple[str, ...]) -> list[Lex]:
        return self.words.get(words, [])

    def is_head(self, lex: Lex) -> bool:
        """Whether the entry can head an expression: "ديسمبر", "الساعة" can; "في", "الماضي" cannot."""
        if lex.cls == "kw":
            return lex.value in self.head_roles
        return lex.cls not in NON_HEAD_CLASSES

    def regional_month_names(self) -> dict[str, str]:
        """Each Gregorian month name of a regional series → the Modern Standard Arabic name of the
        same month, as written: "كانون الأول" → "ديسمبر", "دجنبر" → "ديسمبر", "أوت" → "أغسطس"."""
        msa = {m.month: m.forms[0] for m in self.data.gregorian_months if m.series == "msa"}
        return {form: msa[m.month] for m in self.data.gregorian_months if m.series != "msa" for form in m.forms}


def without_marks(word: str) -> str:
    """The word as written, without what normalisation deletes (diacritics, tatweel): 'الآنَ' → 'الآن'."""
    return "".join(ch for ch in word if fold(ch))


def form_key(form: str) -> tuple[str, ...]:
    """A lexicon form as the token tuple the text will show: 'ق.م' → ('ق', '.', 'م')."""
    return tuple(t.text for t in tokenize(normalize_word(form)))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = resources.files("chrono.lexicon").joinpath("ar_lexicon.json").read_text(encoding="utf-8")
    return Lexicon(LexiconData.model_validate(json.loads(raw)))


LEXICON = load_lexicon()
