"""Days of a feast and of a Hijri month: "ثاني أيام عيد الفطر", "أيام عيد الأضحى", "العشر الأواخر
من رمضان", "أواخر شهر رمضان", and a season of a Hijri year ("صيف 1443 هـ").

A bare "العيد" is the feast the text does not name: dated by the tense around it only
(`dated_by_tense_only`), its length left to the resolve stage.
"""
from __future__ import annotations

from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import Token
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import TV, C, K, W, ctx, lexval, role_words
from chrono.tagger.grammar.dual import EXPLICIT_HIJRI_YEAR, is_hijri_year
from chrono.tagger.grammar.hijri import HOLIDAY_ROLES, HOLIDAYS, hijri, holiday, known_or_nothing_next
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


# -- days of a feast or of a month, parts of a Hijri month ----------------------------------------

_FEASTS = {"holiday_eid_al_fitr": "eid_al_fitr", "holiday_eid_al_adha": "eid_al_adha",
           "feast_fitr_short": "eid_al_fitr", "feast_adha_short": "eid_al_adha", "feast_generic": None}
# the longest feast: Eid al-Adha and the days of Tashreeq (4); Eid al-Fitr is three (the lexicon's days)
_FEAST_DAYS = max(LEXICON.holiday_days.values())
_DAYS = C("unit", lambda it: lexval(it) == ("day", None), "أيام")
_ONE_DAY = C("unit", lambda it: lexval(it) == ("day", 1), "يوم")
_END_PART = C("part", lambda it: lexval(it) == "END", "آخر")


def _feast(role: str, n: int) -> Optional[TimeValue]:
    """The n-th day of a feast: 'ثاني أيام عيد الفطر' → 2 Shawwal; 'ثاني أيام العيد' → the second
    day of the Eid the anchor points to (resolve)."""
    if not 1 <= n <= _FEAST_DAYS:
        return None
    name = _FEASTS[role]
    if name is None:
        return hijri(holiday="eid", feast_day=n)
    month, day = HOLIDAYS[name]
    return hijri(hijri_month=month, hijri_day=day + n - 1, holiday=name)


def _feast_word(with_l: bool = False) -> Elem:
    """'عيد الفطر', 'عيد الأضحى', 'العيد', 'الفطر' (after أيام only); `with_l`: written 'للعيد'."""
    roles = frozenset(_FEASTS)
    return Elem("kw", lambda it: it.value.value in roles and (not with_l or it.prefix.endswith("ل")), False,
                "feast", None, roles)


@rule("ar.hijri.nth_day_of_feast", C("ordinal"), _DAYS, _feast_word())
def nth_day_of_feast(n, _days, f):
    """'ثاني أيام عيد الفطر' → 1436-10-02, 'أول أيام عيد الأضحى' → 10 Dhu al-Hijja, 'ثالث أيام العيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.day_n_of_feast", K("day_intro"), C("ordinal"), K("of"), _feast_word())
def day_n_of_feast(_yawm, n, _of, f):
    """'اليوم الثاني من عيد الفطر', 'اليوم الأول من العيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.day_n_for_feast", K("day_intro"), C("ordinal"), _feast_word(with_l=True))
def day_n_for_feast(_yawm, n, f):
    """'اليوم الثالث لعيد الأضحى', 'اليوم الثاني للعيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.nth_one_day_of_feast", C("ordinal"), _ONE_DAY, _feast_word())
def nth_one_day_of_feast(n, _day, f):
    """'أول يوم عيد الفطر', 'ثاني يوم العيد' → 1 Shawwal, the second day of the Eid"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.nth_one_day_in_feast", C("ordinal"), _ONE_DAY, K("of", "in"), _feast_word())
def nth_one_day_in_feast(n, _day, _in, f):
    """'أول يوم من عيد الأضحى', 'ثاني يوم في العيد'"""
    return _feast(lexval(f), lexval(n))


_FEAST_DAY_RULES = ("ar.hijri.nth_day_of_feast", "ar.hijri.day_n_of_feast", "ar.hijri.day_n_for_feast",
                    "ar.hijri.nth_one_day_of_feast", "ar.hijri.nth_one_day_in_feast")


@rule("ar.hijri.feast_day_epithet", Elem("tv", lambda it: it.rule in _FEAST_DAY_RULES, False, "day of a feast"),
      K("holy_epithet"))
def feast_day_epithet(f, _epithet):
    """'ثاني أيام الفطر المبارك', 'أول أيام العيد المبارك'"""
    return f.value


# -- the days of a feast, and the Eid the text does not name ----------------------------------------
# 'أيام عيد الفطر' are 1–3 Shawwal, 'أيام العيد' the days of the Eid the anchor points to (resolve picks it
# and its length); 'يوم العيد', 'صلاة العيد', 'قبل العيد' its first day. Bare 'العيد' elsewhere is left
# alone: 'العيد فرصة للتسامح' is every Eid.
LAST_FEAST_DAY = -1  # feast_day of the last day of an Eid the text does not name (its length: resolve)


def _feast_days(role: str, first: int = 1, last: Optional[int] = None) -> Optional[TimeValue]:
    """Days `first`…`last` of a feast (all of them when `last` is None): 'أيام عيد الفطر' → 1–3 Shawwal,
    'الأربعة الأيام الأولى من عيد الفطر' → 1–4 Shawwal, 'أيام العيد' → the unnamed Eid's days."""
    name = _FEASTS[role]
    if name is None:
        return make_range(hijri(holiday="eid", feast_day=first), hijri(holiday="eid", feast_day=last or LAST_FEAST_DAY))
    month, day = HOLIDAYS[name]
    last = last or LEXICON.holiday_days[name]
    if not first <= last or day + last - 1 > 29:
        return None
    return make_range(hijri(hijri_month=month, hijri_day=day + first - 1, holiday=name),
                      hijri(hijri_month=month, hijri_day=day + last - 1))


def _feast_ends_here() -> Guard:
    """What follows 'العيد' names no other feast: not 'العيد الوطني', 'عيد الميلاد', 'العيد الخمسين',
    'العيد 85'; an epithet ('المبارك'), a modifier ('الماضي') or 'الأولى' may follow."""
    allowed = role_words("feast_epithet") | role_words("holy_epithet") | role_words("first_ordinal")

    def ok(toks: list[Token], i: int) -> bool:
        if i >= len(toks):
            return True
        t = toks[i]
        if t.kind == "num":
            return False
        if t.kind != "ar" or not t.text.startswith("ال") or t.text in allowed:
            return True
        return any(lex.cls == "shift" for lex in LEXICON.lookup((t.text,)))

    return Guard(ok, True, "no other feast named")


_FEAST_PERIOD = W("feast_period_nouns")


@rule("ar.hijri.feast_days", _FEAST_PERIOD, _feast_word(), _feast_ends_here())
def feast_days(_days, f):
    """'أيام عيد الفطر' → 1–3 Shawwal (2015-07-17/2015-07-19), 'فترة عيد الأضحى' → 10–13 Dhu al-Hijja,
    'أيام العيد' → the days of the Eid the anchor points to"""
    return _feast_days(lexval(f))


_FEAST_DAYS_RULE = Elem("tv", lambda it: it.rule == "ar.hijri.feast_days", False, "days of a feast")


@rule("ar.hijri.feast_days_epithet", _FEAST_DAYS_RULE, K("holy_epithet", "feast_epithet"))
def feast_days_epithet(f, _epithet):
    """'أيام العيد السعيد', 'خلال أيام عيد الأضحى المبارك' (the epithet is part of it)"""
    return f.value


_THE_FEAST_DAYS = Elem("tv", lambda it: it.rule in ("ar.hijri.feast_days", "ar.hijri.feast_days_epithet")
                       and it.value.mod is None, False, "the days of a feast")


@rule("ar.hijri.day_n_of_feast_days", K("day_intro"), C("ordinal"), K("of"), _THE_FEAST_DAYS)
def day_n_of_feast_days(_yawm, n, _of, days):
    """'اليوم الثاني من أيام عيد الفطر المبارك' → 2 Shawwal, 'اليوم الأول من أيام العيد'"""
    return _nth_feast_day(lexval(n), days.value)


@rule("ar.hijri.nth_day_of_feast_days", C("ordinal"), K("day_intro"), K("of"), _THE_FEAST_DAYS)
def nth_day_of_feast_days(n, _yawm, _of, days):
    """'أول يوم من أيام عيد الفطر المبارك' → 1 Shawwal, 'ثاني يوم من أيام العيد' (ordinal first)"""
    return _nth_feast_day(lexval(n), days.value)


def _nth_feast_day(nth: int, days: TimeValue) -> Optional[TimeValue]:
    """The `nth` day of a feast's days (a range of its first to its last day), None past them."""
    if not 1 <= nth <= _FEAST_DAYS:
        return None
    first = days.start()
    if first.feast_day is not None:
        return first.with_(feast_day=nth)
    if first.hijri_day is None:  # a feast's days start on a feast day or a Hijri day: never here
        return None
    return first.with_(hijri_day=first.hijri_day + nth - 1)


@rule("ar.hijri.feast_first_days", _FEAST_DAYS_RULE, K("first_ordinal"))
def feast_first_days(f, _first):
    """'أيام العيد الأولى' → the Eid's days, START (its first days)"""
    return f.value.with_(mod="START")


@rule("ar.hijri.first_days_of_feast", _DAYS, K("first_ordinal"), K("of"), _feast_word(), _feast_ends_here())
def first_days_of_feast(_days, _first, _of, f):
    """'الأيام الأولى من عيد الفطر', 'الأيام الأولى من العيد' → the feast's days, START"""
    days = _feast_days(lexval(f))
    return days.with_(mod="START") if days else None


@rule("ar.hijri.first_days_for_feast", _DAYS, K("first_ordinal"), _feast_word(with_l=True), _feast_ends_here())
def first_days_for_feast(_days, _first, f):
    """'الأيام الأولى لعيد الأضحى' → the feast's days, START"""
    return first_days_of_feast(_days, _first, None, f)


_FIRST_N_DAYS = Elem("tv", lambda it: it.rule.startswith(("ar.duration.first_", "ar.duration.qty_ordinal",
                                                          "ar.duration.al_qty_ordinal"))
                     and it.value.unit == "day" and it.value.amount >= 2, False, "the first n days")


@rule("ar.hijri.first_n_days_of_feast", _FIRST_N_DAYS, K("of"), _feast_word(), _feast_ends_here())
def first_n_days_of_feast(n, _of, f):
    """'الأربعة الأيام الأولى من عيد الفطر' → 1–4 Shawwal, 'الأيام الثلاثة الأولى من العيد'"""
    return _feast_days(lexval(f), 1, int(n.value.amount))


@rule("ar.hijri.eid_day", W("feast_day_heads"), C("kw", lambda it: it.value.value == "feast_generic"),
      _feast_ends_here())
def eid_day(_day, _eid):
    """'يوم العيد' → the first day of the Eid the anchor points to"""
    return hijri(holiday="eid", feast_day=1)


@rule("ar.hijri.named_feast_day", W("feast_day_heads"), K(*HOLIDAY_ROLES))
def named_feast_day(_day, h):
    """'يوم عيد الفطر', 'يوم عرفة' is the holiday itself (يوم belongs to the expression)"""
    return holiday(h)


@rule("ar.hijri.eid_in_context", ctx(W("feast_context_words")),
      C("kw", lambda it: it.value.value == "feast_generic" and not it.prefix), _feast_ends_here())
def eid_in_context(_eid):
    """'صلاة العيد', 'قبل العيد', 'إجازة العيد', 'بمناسبة العيد' → the first day of the Eid the anchor
    points to (the word before is context, as 'في' is)"""
    return hijri(holiday="eid", feast_day=1)


@rule("ar.hijri.eid_part_of_day", C("pod", lambda it: lexval(it) in ("MO", "EV")),
      C("kw", lambda it: it.value.value == "feast_generic"), _feast_ends_here())
def eid_part_of_day(pod, _eid):
    """'صباح العيد' → the Eid's first day, morning; 'مساء العيد' → evening"""
    return hijri(holiday="eid", feast_day=1, pod=lexval(pod))


@rule("ar.hijri.this_eid", C("shift", lambda it: lexval(it) == 0),
      C("kw", lambda it: it.value.value == "feast_generic"), _feast_ends_here())
def this_eid(_this, _eid):
    """'هذا العيد', 'بهذا العيد' → the Eid under way or just past"""
    return hijri(holiday="eid", feast_day=1, cue="this")


@rule("ar.hijri.eid_epithet", C("kw", lambda it: it.value.value == "feast_generic"),
      K("feast_epithet", "holy_epithet"))
def eid_epithet(_eid, _epithet):
    """'العيد السعيد', 'العيد المبارك' → the first day of the Eid the anchor points to"""
    return hijri(holiday="eid", feast_day=1)


# The Eid named by 'العيد' alone dates something only when its clause's tense places it ('أدى المصلون
# صلاة العيد', 'ستتواصل الفعاليات طوال أيام العيد'); in a clause with no tense ('أيام العيد فرصة
# للتزاور', 'من أشهر الأكلات أيام العيد') it is every Eid, and the tagger leaves it out.
_BARE_EID_RULES = frozenset({"ar.hijri.eid_day", "ar.hijri.eid_in_context", "ar.hijri.eid_epithet",
                             "ar.hijri.eid_then_epithet", "ar.hijri.eid_part_of_day"})
_FEAST_PERIOD_RULES = frozenset({"ar.hijri.feast_days", "ar.hijri.feast_days_epithet", "ar.hijri.feast_first_days",
                                 "ar.hijri.first_days_of_feast", "ar.hijri.first_days_for_feast",
                                 "ar.hijri.first_n_days_of_feast"})


def dated_by_tense_only(item) -> bool:
    """'العيد' alone, or the days of that Eid ('يوم العيد', 'صلاة العيد', 'أيام العيد'): an expression
    that dates nothing unless its clause's tense places it."""
    if item.value.start().cue:  # 'هذا العيد السعيد' is this Eid whatever the tense
        return False
    if item.rule in _BARE_EID_RULES:
        return True
    return item.rule in _FEAST_PERIOD_RULES and item.value.start().holiday == "eid"


_EID = Elem("tv", lambda it: it.value.holiday == "eid" and it.value.feast_day == 1 and it.value.kind == "date"
            and it.rule in ("ar.hijri.eid_day", "ar.hijri.this_eid", "ar.hijri.eid_epithet",
                            "ar.hijri.eid_in_context"), False, "the Eid")


@rule("ar.hijri.eid_then_epithet", _EID, K("feast_epithet", "holy_epithet"))
def eid_then_epithet(e, _epithet):
    """'يوم العيد السعيد', 'هذا العيد المبارك'"""
    return e.value


def _is_hijri_month(v: TimeValue) -> bool:
    """'شهر رمضان', 'رمضان المبارك', 'رمضان 1436', 'رمضان الماضي': a Hijri month, not a day"""
    return (v.kind == "date" and v.calendar == "hijri" and v.hijri_month is not None and v.hijri_day is None
            and v.day is None and v.mod is None and v.holiday is None and v.season is None)


@rule("ar.hijri.month_in_context", C("hm"), out="hmv")
def month_in_context(m):
    """'رمضان' after 'أيام', 'العشر الأواخر من', 'اليوم الأخير من': the words before it settle the name"""
    return hijri(hijri_month=m.value.month)


@rule("ar.hijri.month_value_in_context", TV(_is_hijri_month, "Hijri month"), out="hmv")
def month_value_in_context(m):
    """'شهر رمضان المبارك', 'رمضان 1436', 'رمضان الماضي' in the same places"""
    return m.value


@rule("ar.hijri.nth_day_of_month", C("ordinal", lambda it: lexval(it) <= 10), _DAYS, C("hmv"))
def nth_day_of_month(n, _days, m):
    """'أول أيام رمضان' → 1 Ramadan, 'ثالث أيام شهر رمضان المبارك' → 3 Ramadan"""
    return m.value.with_(hijri_day=lexval(n))


@rule("ar.hijri.first_n_days_of_month", _FIRST_N_DAYS, K("of"), C("hmv"))
def first_n_days_of_month(n, _of, m):
    """'الأيام العشرة الأولى من رمضان' is 'العشر الأوائل'; 'الأيام الثلاثة الأولى من شوال' → 1–3 Shawwal"""
    days = int(n.value.amount)
    if days > 29:
        return None
    return make_range(m.value.with_(hijri_day=1), m.value.with_(hijri_day=days))


# A last day is hijri_day=-1: resolve gives it its month's length (29 or 30).
LAST_DAY = -1


@rule("ar.hijri.last_days_of_month", _END_PART, _DAYS, C("hmv"))
def last_days_of_month(_last, _days, m):
    """'آخر أيام رمضان' → the last day of Ramadan"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.last_day_of_month", K("day_intro"), K("last_ordinal"), K("of", "in"), C("hmv"))
def last_day_of_month(_yawm, _last, _of, m):
    """'اليوم الأخير من شهر رمضان' → the last day of Ramadan (a day, not the month)"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.last_one_day_of_month", _END_PART, _ONE_DAY, K("of", "in"), C("hmv"))
def last_one_day_of_month(_last, _day, _of, m):
    """'آخر يوم من رمضان', 'آخر يوم في شهر شعبان'"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.day_n_of_month", K("day_intro"), C("ordinal", lambda it: lexval(it) <= 10), K("of"), C("hmv"))
def day_n_of_month(_yawm, n, _of, m):
    """'اليوم الأول من رمضان', 'اليوم العاشر من شهر ذي الحجة'"""
    return m.value.with_(hijri_day=lexval(n))


@rule("ar.hijri.ten_days", K("last_ten_days", "first_ten_days"), K("of"), C("hmv"))
def ten_days(which, _of, m):
    """'العشر الأواخر من رمضان' → 21 Ramadan … its last day, 'العشر الأوائل من ذي الحجة' → 1 … 10"""
    first, last = (21, LAST_DAY) if which.value.value == "last_ten_days" else (1, 10)
    return make_range(m.value.with_(hijri_day=first), m.value.with_(hijri_day=last))


@rule("ar.hijri.part_of_month", C("part"), C("hm"), known_or_nothing_next())
def part_of_month(part, m):
    """'أواخر رمضان' → Ramadan END, 'مطلع شعبان' → START: the part word makes the name a month"""
    return hijri(hijri_month=m.value.month, mod=lexval(part))


# -- a season of a Hijri year ---------------------------------------------------------------------


@rule("ar.hijri.season_year", C("season"), EXPLICIT_HIJRI_YEAR)
def season_year(s, y):
    """'صيف 1436 هـ' → the summer inside the Hijri year 1436 (2015-SU)"""
    return hijri(hijri_year=y.value.year, season=lexval(s))


@rule("ar.hijri.season_of_year", C("season"), TV(is_hijri_year, "Hijri year"))
def season_of_year(s, y):
    """'لصيف عام ١٤٣٦ هـ'"""
    return y.value.with_(season=lexval(s))
