"""Look-alikes that must not become dates. A block rule covers the look-alike with a longer span,
so the shorter date inside it loses the selection, and blocks are then dropped from the output.

'حركة 20 فبراير' is a movement, 'ساحة أول ماي' a square, 'صحيفة الغد' a newspaper,
'عبد الله الجمعة' a person, 'بين الاثنين' "between the two".
"""
from __future__ import annotations

from chrono.engine import rule
from chrono.grammar.base import TV, C, W


@rule("ar.block.named_after_date", W("name_nouns"), C("day"), C("gmonth"), out="block", priority=1)
def named_after_date(_noun, _day, _month):
    """'حركة 20 فبراير', 'مدينة 6 أكتوبر', 'ساحة أول ماي'"""
    return "name"


@rule("ar.block.media_name", W("media_nouns"), C("relday"), out="block", priority=1)
def media_name(_noun, _day):
    """'صحيفة الغد', 'قناة الغد', 'موقع اليوم 24'"""
    return "media"


@rule("ar.block.person_or_pair", W("not_weekday_after"), C("weekday"), out="block", priority=1)
def person_or_pair(_before, _weekday):
    """'عبد الله الجمعة' (a surname), 'بين الاثنين' (between the two)"""
    return "not a weekday"
