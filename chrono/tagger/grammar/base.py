"""Pattern building blocks shared by the grammar modules: small, named, readable."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word, proclitic_readings
from chrono.tagger.engine import Elem, Guard, Item


def C(cls: str, pred=None, label: str = "") -> Elem:
    """An item of class `cls` (a lexicon class like month, or a built class like tv)."""
    return Elem(cls, pred, False, label or cls)


def K(*roles: str) -> Elem:
    """A function word by its lexicon role: K("in") matches في/خلال (with clitics: وفي)."""
    return Elem("kw", lambda it: it.value.value in roles, False, "|".join(roles), None, frozenset(roles))


def T(*texts: str) -> Elem:
    """A literal token (normalized), mostly punctuation: T("(")."""
    return Elem("tok", lambda it: it.value in texts, False, " ".join(texts), frozenset(texts), exact=True)


def ctx(e: Elem) -> Elem:
    """Needed for the match but not part of the expression's text: "في" of "في 2020"."""
    return e.as_context()


def lexval(it: Item):
    """The value of a lexicon item (Lex.value) or of a built item."""
    v = it.value
    return v.value if hasattr(v, "cls") and hasattr(v, "ambiguous") else v


def TV(pred=None, label: str = "tv") -> Elem:
    """A TimeValue built by another rule, filtered on its fields: TV(lambda v: v.month and not v.year)."""
    return Elem("tv", (lambda it: pred(it.value)) if pred else None, False, label)


def DIGITS(min_len: int = 1, max_len: int = 4, lo: int = 0, hi: int = 10**9) -> Elem:
    return Elem("digits", lambda it: min_len <= len(it.value) <= max_len and lo <= int(it.value) <= hi,
                False, f"digits{min_len}-{max_len}")


# -- guards ----------------------------------------------------------------------------------
def _at(tokens: list[Token], i: int) -> Optional[Token]:
    return tokens[i] if 0 <= i < len(tokens) else None


def not_next(*texts: str) -> Guard:
    """The next token is none of `texts`: 'اليوم' not before 'الوطني'."""
    return Guard(lambda toks, i: not (_at(toks, i) and toks[i].text in texts), True, "not before " + " ".join(texts))


def not_next_unless_agent(*texts: str) -> Guard:
    """The next token is none of `texts`, unless it opens 'من قبل' (by: the doer of a passive):
    'قبل ساعات من الانتخابات' is before an event, 'أعلن قبل ساعات من قبل الاتحاد' is hours ago."""
    agent = normalize_word("قبل")

    def ok(toks: list[Token], i: int) -> bool:
        nxt = _at(toks, i)
        if nxt is None or nxt.text not in texts:
            return True
        after = _at(toks, i + 1)
        return after is not None and after.text == agent

    return Guard(ok, True, "not before " + " ".join(texts) + " (but من قبل)")


_OPENING_QUOTES = frozenset({"«", '"', "“", "'"})
_CLOSING_QUOTES = frozenset({"»", '"', "”", "'"})


def not_quoted_alone() -> Guard:
    """A one-word expression is not the whole of a quotation: '«أكتوبر»' in a list of districts,
    a magazine or a film is a name ('مثل «الرحاب» و«أكتوبر»'). Placed after the word."""

    def ok(toks: list[Token], i: int) -> bool:
        before, after = _at(toks, i - 2), _at(toks, i)
        return not (before is not None and after is not None and before.text in _OPENING_QUOTES
                    and after.text in _CLOSING_QUOTES)

    return Guard(ok, True, "not «alone»")


def not_next_word(*stems: str) -> Guard:
    """The next token, clitics aside, is none of `stems`: 'عيد الفطر لهذا العام' is not 'this Eid' (هذا
    with ل opens the next phrase, as هذا alone does)."""
    words = frozenset(normalize_word(w) for w in stems)

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        return t is None or not (_readings(t.text) & words)

    return Guard(ok, True, "not before " + " ".join(stems))


def not_nearness() -> Guard:
    """'قريبا' followed by 'من' is near a place or a person, not soon: 'وقعت الاشتباكات قريبا من
    البلدة', 'جلس قريبا منه' ('سيصل الوفد قريبا' stays FUTURE_REF)."""
    near = frozenset({normalize_word("قريبا")})
    of = frozenset(normalize_word(w) for w in ("من", "منه", "منها", "منهم", "منهما"))

    through = normalize_word("خلال")  # 'قريبا من خلال موقعه': soon, through its site

    def ok(toks: list[Token], i: int) -> bool:
        nxt, ref, after = _at(toks, i), _at(toks, i - 1), _at(toks, i + 1)
        if nxt is None or ref is None or (after is not None and after.text == through):
            return True
        if not (nxt.text in of and _readings(ref.text) & near):
            return True
        verb = _at(toks, i - 2)  # 'سيختفي قريبا من الشوارع': a future verb other than كان is soon
        return verb is not None and _soon_verb(verb.text)

    return Guard(ok, True, "not قريبا من (near)")


_FUTURE_VERB = re.compile(r"^و?س[يتنا]")
_COPULA_STEMS = ("يكون", "تكون", "نكون", "اكون", "يكونوا", "تكونوا")


def _soon_verb(word: str) -> bool:
    """A future verb that is not the copula: 'سيختفي', 'ستنتهي' (not 'سيكون قريبا من': near)."""
    return bool(_FUTURE_VERB.match(word)) and not any(word.endswith(c) for c in _COPULA_STEMS)


def not_after_word(*stems: str) -> Guard:
    """The previous token, clitics aside, is none of `stems`: 'اليوم' not after 'نفس' ('في نفس
    اليوم', 'وبنفس اليوم' is the same day as an event, not today)."""
    words = frozenset(stems)

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        return t is None or not (_readings(t.text) & words)

    return Guard(ok, False, "not after " + " ".join(stems))


def not_describing_a_plural() -> Guard:
    """The ordinal is not an adjective of a plural or a count before it: 'الأيام الأولى من الشهر'
    (the first days, not day 1), 'الساعات الأولى من صباح اليوم' (not one o'clock), 'الأيام العشرة
    الأولى من ديسمبر'."""
    plurals = LEXICON.guard_words["plural_time_nouns"]

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        return t is None or not (t.text in plurals or _is_cardinal_word(t.text))

    return Guard(ok, False, "not after a plural or a count")


def told_as_an_hour() -> Guard:
    """An ordinal tells an hour in its feminine form ("الساعة" is feminine): 'الخامسة مساء',
    'الحادية عشرة ليلا', or in digits; 'مهرجان الأفلاج الخامس مساء أمس' is the fifth festival,
    not 5 pm. Zero-width after the hour: it reads the hour's last token."""

    def ok(toks: list[Token], i: int) -> bool:
        last = _at(toks, i - 1)
        return last is None or not last.text[:1].isalpha() or last.text.endswith(("ه", "ة"))

    return Guard(ok, True, "a feminine ordinal or digits")


def _is_cardinal_word(word: str) -> bool:
    """'العشره', 'ثلاثه' (normalized), with or without the article."""
    stems = (word, word[2:]) if word.startswith("ال") else (word,)
    return any(lex.cls == "cardinal" for stem in stems for lex in LEXICON.lookup((stem,)))


def W(role: str) -> Elem:
    """A word (clitics allowed) from the lexicon's guard list `role`: W("media_nouns") matches 'صحيفة', 'وقناة'."""
    words = LEXICON.guard_words[role]
    return Elem("tok", lambda it: bool(_readings(it.value) & words), False, role, frozenset(words))


@lru_cache(maxsize=65536)
def _readings(word: str) -> frozenset:
    return frozenset(stem for stem, _ in proclitic_readings(word))


def _continues_number(toks: list[Token], i: int, step: int) -> bool:
    """A separator then digits ('-45', '/7'), or digits straight away: the number goes on."""
    t, here = _at(toks, i), _at(toks, i - step)
    if t is None or here is None or not _touching(here, t, step):
        return False  # a space breaks the number: '24/11/2021 - 10:30' is a date then a time
    if t.kind == "num":
        return True
    nxt = _at(toks, i + step)
    return t.text in "/-.:" and nxt is not None and nxt.kind == "num" and _touching(t, nxt, step)


def _touching(a: Token, b: Token, step: int) -> bool:
    """b follows a (step 1) or precedes it (step -1) with no space between them."""
    return a.end == b.start if step > 0 else b.end == a.start


def no_number_joined(after: bool = True) -> Guard:
    """Not part of a longer number: phone numbers '0661-24-11-2021', versions '1.24.11.2021'."""
    step = 1 if after else -1
    return Guard(lambda toks, i: not _continues_number(toks, i, step), after, "no joined number")


def not_hijri_marked() -> Guard:
    """The next token is not هـ/هجري/للهجرة: '1436' in '1436 هـ' or '29-8-1436هـ' is no Gregorian year."""
    return not_before_role("hijri_era")


def not_hijri_range_start() -> Guard:
    """Not before هـ, nor the first year of a range marked once at its end: '1435' in 'عام 1435/
    1436هـ' or '1417 - 1419هـ' is a Hijri year too."""
    marks = role_words("hijri_era")

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        if t is None:
            return True
        if t.text in marks:
            return False
        after = _at(toks, i + 2)
        return not (t.text in "-/" and after is not None and toks[i + 1].kind == "num" and after.text in marks)

    return Guard(ok, True, "not a Hijri-marked year")


def not_before_role(role: str) -> Guard:
    """The next token is none of the keyword role's one-word forms (clitics aside): 'هجري' not
    before 'شمسي' (the Iranian solar calendar)."""
    words = role_words(role)

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        return t is None or not (_readings(t.text) & words)

    return Guard(ok, True, "not before " + role)


def role_words(role: str) -> frozenset:
    """The one-word forms of a keyword role, normalized: hijri_era → {'ه', 'هجري', …}."""
    return frozenset(words[0] for words, lexes in LEXICON.words.items()
                     if len(words) == 1 and any(x.cls == "kw" and x.value == role for x in lexes))


def year_guard() -> Guard:
    """A 4-digit year is not followed by a count noun, a percent sign or more of a number:
    'في 2020 شخصاً', 'في 2020%' and 'في 2020/21' are not the year 2020 (the last is a season)."""
    counts = LEXICON.guard_words["count_nouns"]

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        return t is None or not (t.text in counts or t.text == "%" or _continues_number(toks, i, 1))

    return Guard(ok, True, "not a count")


def not_after(*texts: str) -> Guard:
    """The previous token is none of `texts`, written exactly so (no clitic taken off): 'في ذلك
    اليوم' is that day, while 'وذلك اليوم' ('and that, today') keeps its today."""
    words = frozenset(texts)
    return Guard(lambda toks, i: not (_at(toks, i) and toks[i].text in words), False, "not after " + " ".join(texts))


def not_before_ordinal() -> Guard:
    """'اليوم' is not followed by an ordinal with its article: 'اليوم الرابع للمهرجان' (the fourth
    day), 'اليوم السابع' (a newspaper) are not today; 'اليوم الثانية ظهرا' (a clock hour follows) and
    'أمس أول مركبة' ('أول' without the article) keep theirs."""
    today = normalize_word("اليوم")
    day_parts = frozenset(w for lex_words, lexes in LEXICON.words.items() if len(lex_words) == 1
                          for lex in lexes if lex.cls == "pod" for w in lex_words)

    def ok(toks: list[Token], i: int) -> bool:
        t, day, after = _at(toks, i), _at(toks, i - 1), _at(toks, i + 1)
        if t is None or day is None or not day.text.endswith(today) or not t.text.startswith("ال"):
            return True
        if after is not None and after.text in day_parts:
            return True
        return not any(lex.cls == "ordinal" for lex in LEXICON.lookup((t.text,)))

    return Guard(ok, True, "not before an ordinal")


def not_before_genitive() -> Guard:
    """The next word does not make the phrase 'the X of something': 'الأيام الأخيرة من رمضان', 'السنوات
    الأخيرة لحكمه', 'الأيام الأخيرة قبل رحيله' are the end of a period, not 'recently'."""

    def ok(toks: list[Token], i: int) -> bool:
        t = _at(toks, i)
        if t is None:
            return True
        return not (t.text in ("من", "قبل", "في") or any(p.endswith("ل") for _, p in proclitic_readings(t.text)))

    return Guard(ok, True, "not before a genitive")


_ACCUSATIVE_STEMS = LEXICON.guard_words["former_title_nouns"] | LEXICON.guard_words["accusative_nouns"]


def is_accusative_noun(word: str) -> bool:
    """A title or a common noun in the indefinite accusative, 'رئيسا', 'مستشارا', 'أمرا', 'منزلا'
    (normalized, the tanwin gone): an adverb after it ('رئيسا سابقا', 'منزلا قديما') agrees with it as
    an adjective. The nouns are listed (former_title_nouns, accusative_nouns): a final ا alone would
    also take 'أوروبا', 'فرنسا', 'أكدها'."""
    if not word.endswith("ا"):
        return False
    return not {r[:-1] for r in _readings(word)}.isdisjoint(_ACCUSATIVE_STEMS)


def adverb_not_adjective() -> Guard:
    """A reference adverb that can also be an adjective or mean 'finally' is read as time only where
    it is an adverb: not after an indefinite accusative noun ('رئيسا سابقا', 'منزلا قديما', 'فوزا
    أخيرا'), and 'أخيرا' not with و/ف, at the head of a sentence or after a verb of achievement
    ('وأخيرا', '. أخيرا،', 'تمكن الجيش أخيرا': finally)."""
    adjectival = LEXICON.guard_words["adjectival_refs"]
    finally_word = normalize_word("أخيرا")
    achieved = LEXICON.guard_words["achievement_verbs"]

    def ok(toks: list[Token], i: int) -> bool:
        word = _at(toks, i + 1)
        stems = _readings(word.text) if word is not None else frozenset()
        if not stems & adjectival:
            return True
        before = _at(toks, i)
        if before is not None and before.kind == "ar" and is_accusative_noun(before.text):
            return False
        if finally_word in stems:
            return word is not None and word.text == finally_word and before is not None and before.kind == "ar" \
                and before.text != normalize_word("أولا") and not readings(before.text) & achieved
        return True

    return Guard(ok, False, "an adverb, not an adjective")


def not_after_any() -> Guard:
    """'أكثر من أي وقت مضى' is 'than ever', not a time in the past."""
    return not_after(normalize_word("أي"))


def not_earlier_of() -> Guard:
    """'في وقت سابق من هذا الشهر', 'في وقت سابق من اليوم' is earlier this month or today (the period
    is the value), not PAST_REF; 'في وقت سابق من جانبه' stays PAST_REF."""
    periods = frozenset(("relday", "period", "shift", "month", "hmonth", "weekday", "tonight"))

    def ok(toks: list[Token], i: int) -> bool:
        of, before, period = _at(toks, i), _at(toks, i - 1), _at(toks, i + 1)
        if of is None or before is None or period is None or of.text != "من" or before.text != "سابق":
            return True
        return not any(lex.cls in periods or lex.value in periods for stem in _readings(period.text)
                       for lex in LEXICON.lookup((stem,)))

    return Guard(ok, True, "not 'earlier in'")


def readings(word: str) -> frozenset:
    """The word's stems with and without its proclitics: 'وبمساحة' → {'وبمساحه', 'بمساحه', 'مساحه'}."""
    return _readings(word)


def is_yearless_month_or_holiday(v) -> bool:
    """A month, a day of a month or a holiday placed only by the anchor: 'يونيو', '18 ديسمبر', 'عيد
    الفطر', 'شهر رمضان المبارك', 'يوم العيد', 'أيام عيد الفطر' (not 'رمضان الماضي', 'يونيو 2014',
    'أواخر يونيو')."""
    if v.kind == "range":
        return is_yearless_month_or_holiday(v.start())
    if v.kind != "date" or v.cue or v.rel_unit or v.mod or v.weekday:
        return False
    if v.calendar == "hijri":
        return v.hijri_year is None and v.year is None and (v.hijri_month is not None or v.feast_day is not None)
    return v.month is not None and v.year is None
