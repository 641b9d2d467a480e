"""Pattern building blocks shared by the grammar modules: small, named, readable."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from chrono.tag.engine import Elem, Guard, Item
from chrono.lexicon import LEXICON
from chrono.normalize import Token, proclitic_readings


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
