"""Whether two mentions tell one happening, dates aside.

Never when their kinds cannot be one happening ("قصفت المدفعية" and "تبنى هجوما"), when each
names a place the other does not mention ("حي التواهي" and "معسكر لبوزة"), when a capture or a
withdrawal names a site after a town the other names alone ("السيطرة على مطار عدن" and "السيطرة
على عدن"), or when, of one
kind, each names who did it and neither names the other's doer ("وافق مجلس الأمن" and "أقر
الاتحاد الأوروبي").

Otherwise the evidence needed depends on where the two mentions stand:
- in one document, the same kind of event on the same day is one happening ("شهد تفجيراً
  انتحارياً أمس الأول" and "تفجير انتحاري وقع قبل يومين");
- in two documents telling the same story (`Corpus.related`), the same kind of event and a word
  of the clause in common, however common in the story: "سوروتش" is in ten of the eighteen
  articles of the Suruç story, yet it is what two reports of the bombing share;
- in two documents telling different stories, two rare words or names in common: generic words
  ("الحكومة", "رئيس") never join two articles about different news.
A mention whose kind is unknown needs more words in common instead. The doer counts once,
however many words name it ("حزب العمال الكردستاني"): two different happenings of one actor on
one day are common.

    identity(a, b, corpus) → -1 (cannot be one), 0 (no evidence), or the evidence; `JOIN` and
    above joins two mentions of one date.
"""
from __future__ import annotations

from functools import lru_cache

from chrono.attach import Event, compatible_kinds
from chrono.attach.words import FACILITIES, SITE_KINDS
from chrono.merge.corpus import Corpus

JOIN = 1.2  # same day (or the same interval)
STRONG = 2.0  # a coarser mention into a finer happening; a conflict between two dates
_FLOOR = 0.4  # a shared word of two related documents weighs at least this, however common
_LEMMA = 0.9  # the same event word ("وصل" and "وصول")
_KIND = 0.8  # the same kind of event ("وصل" and "عاد")
_COMPATIBLE = 0.4  # kinds one happening may be told as ("مقتل" and "تفجير")
_RARE_APART = 2  # rare words two unrelated documents must share
_GENERIC_PLACE = 0.25  # a place this common (rarity) never clashes: "تركيا" in a story on Turkey
NONE = -1.0


def told(event: Event) -> frozenset[str]:
    """What a mention says besides its event word: its content words, names and doer."""
    return event.words


def identity(a: Event, b: Event, corpus: Corpus) -> float:
    """How strongly `a` and `b` tell one happening (see the module docstring)."""
    if not compatible_kinds(a.kind, b.kind) or places_clash(a, b, corpus) or sites_clash(a, b) \
            or actors_clash(a, b) or figures_clash(a, b) or names_clash(a, b, corpus):
        return NONE
    same_document = a.doc_order == b.doc_order
    related = same_document or corpus.related(a.doc_order, b.doc_order)
    shared = told(a) & told(b)
    if not related and sum(1 for w in shared if corpus.rare(w)) < _RARE_APART:
        return 0.0
    if a.kind == b.kind == "statement" and (a.actors or b.actors) and not same_actor(a, b, corpus):
        return 0.0  # two statements of a day, not by one voice
    units = shared_units(a, b, shared)
    specific = [u for u in units if not all(corpus.ubiquitous(w) for w in u)]
    if (says_little(a) or says_little(b)) and (len(specific) < 2 or not (
            same_document or any(corpus.rare(w) for w in shared))):
        return 0.0  # what happened is unknown, or only that something was said: two things in
        # common besides what every document is about, one of them rare unless the article is the same
    floor = _FLOOR if related else 0.0
    score = sum(max(max(corpus.weight(w), floor) for w in unit) for unit in units) + _kind_evidence(a, b)
    if same_document and a.kind == b.kind and not says_little(a) and (
            specific or same_event_word(a, b) or any(corpus.rare(w) for w in shared)):
        score = max(score, JOIN)  # one article, one day, one kind of event: one happening
    return score


def same_event_word(a: Event, b: Event) -> bool:
    """One event word, as trigger or among the other's clause: "تمكنت أمس من استعادة السيطرة على
    مناطق" and "تمكنت المقاومة من السيطرة على مدينة جعار" both tell a "سيطر"."""
    return a.root is not None and (a.root == b.root or a.root in b.lemmas or b.root in a.lemmas)


def shared_units(a: Event, b: Event, shared: frozenset[str]) -> list[frozenset[str]]:
    """The shared words, grouped: the words of one name count once ("حزب العمال الكردستاني"
    in both clauses is one thing in common, not three), and a word that heads two different
    names is nothing in common ("حزب" of "حزب العمال الكردستاني" and "حزب الشعوب
    الديموقراطي")."""
    if not shared:
        return []
    # each name of either side with the shared words it holds, read once (most hold none)
    a_names = _names_sharing(a.phrases, shared)
    b_names = _names_sharing(b.phrases, shared)
    left = set(shared) - _heads_of_different_names(a_names, b_names)
    units = []
    for held in a_names + b_names:
        inside = left.intersection(held)
        if len(inside) > 1:
            units.append(frozenset(inside))
            left -= inside
    return units + [frozenset((w,)) for w in sorted(left)]


def _names_sharing(phrases: tuple[tuple[str, ...], ...], shared: frozenset[str]) -> list[frozenset[str]]:
    """The shared words of each name that holds any, in order."""
    found = []
    for phrase in phrases:
        inside = shared.intersection(phrase)
        if inside:
            found.append(inside)
    return found


def _heads_of_different_names(a_names: list[frozenset[str]], b_names: list[frozenset[str]]) -> set[str]:
    """Shared words that stand, on each side, in a name whose other words the other side does
    not share: the word is the only shared word of every name that holds it, on both sides."""
    alone_a = {w for inside in a_names if len(inside) == 1 for w in inside}
    alone_b = {w for inside in b_names if len(inside) == 1 for w in inside}
    with_others = {w for inside in a_names + b_names if len(inside) > 1 for w in inside}
    return (alone_a & alone_b) - with_others


def says_little(event: Event) -> bool:
    """A mention whose event word says nothing of what happened: none found, or a statement
    ("قال", "أعلن"), which tells that something was said."""
    return event.kind is None or event.kind == "statement"


def _kind_evidence(a: Event, b: Event) -> float:
    if says_little(a) or says_little(b):
        return _COMPATIBLE if a.root is not None and a.root == b.root else 0.0
    if a.root == b.root:
        return _LEMMA
    return _KIND if a.kind == b.kind else _COMPATIBLE


def strong_identity(a: Event, b: Event, corpus: Corpus) -> bool:
    """One happening beyond doubt, whatever the dates: kinds known and compatible, a word in
    common that is rare here (or two documents of one story and a rare name), and evidence
    of at least `STRONG`."""
    if a.kind is None or b.kind is None:
        return False
    if not any(corpus.rare(w) for w in told(a) & told(b)):
        return False
    return identity(a, b, corpus) >= STRONG


# ---------------------------------------------------------------- clashes

def actors_clash(a: Event, b: Event) -> bool:
    """Of one kind, each names who did it, and neither's doer appears in the other's clause:
    "وافق مجلس الأمن" and "أقر الاتحاد الأوروبي" the same day are two approvals."""
    if not a.actors or not b.actors or a.kind is None or a.kind != b.kind:
        return False
    return not any(mentioned(actor, told(b)) for actor in a.actors) and \
        not any(mentioned(actor, told(a)) for actor in b.actors)


def names_clash(a: Event, b: Event, corpus: Corpus) -> bool:
    """Of one kind, each names someone rare here that the other does not mention: "التقى ولي
    العهد الرئيس رمضان قاديروف" and "اجتمع ولي العهد مع رئيس الحزب سمير جعجع" the same day are
    two meetings of one host."""
    if a.kind is None or a.kind != b.kind:
        return False
    return _own_name(a, b, corpus) and _own_name(b, a, corpus)


def _own_name(a: Event, b: Event, corpus: Corpus) -> bool:
    said = b.words | b.context
    return any(corpus.rare(p) and not p[:1].isdigit() and p not in a.places and not mentioned(p, said)
               for p in a.participants)


def figures_clash(a: Event, b: Event) -> bool:
    """Two mentions of a month or a year that each give a figure the other does not: two facts
    of one bulletin, not one ("بلغت القروض القائمة 129 مليارا بنهاية العام الماضي" and "بلغ رصيد
    صندوق الاستثمارات 90 مليارا بنهاية العام الماضي"). On a day, reports of one happening
    correct each other's tolls, so a day counts only within one article, where two figures of
    one day are two facts ("ارتفع مؤشر البورصة الكويتية أمس 12.4 نقطة" and "ارتفع مؤشر البورصة
    العمانية أمس 28.63 نقطة"), or across articles for measured figures (decimals) alone."""
    mine, theirs = _figures(a.participants), _figures(b.participants)
    one_day = a.timex.start_date == a.timex.end_date or b.timex.start_date == b.timex.end_date
    if one_day and a.doc_order != b.doc_order:
        # a toll is corrected from report to report; a measured level is not: two closes of an
        # index at "9275.20" and "9269.78" are two sessions, whatever day their papers gave them
        mine, theirs = _measured(mine), _measured(theirs)
    return bool(mine) and bool(theirs) and not (mine & b.words) and not (theirs & a.words)


def _measured(figures: frozenset[str]) -> frozenset[str]:
    """The figures written with decimals ("9275.20", "5.42"): levels and prices, not counts."""
    return frozenset(f for f in figures if "." in f)


@lru_cache(maxsize=1 << 14)
def _figures(participants: frozenset[str]) -> frozenset[str]:
    """The counted numbers of a mention's clause, two digits or more ("32 قتيلا" → "32", "28.63
    نقطة" → "28.63"), read from its participants; cached, since the merge compares each mention
    with many others (a frozenset keeps its hash)."""
    return frozenset(p for p in participants if len(p) > 1 and p.replace(".", "").replace(",", "").isdigit())


def same_actor(a: Event, b: Event, corpus: Corpus | None = None) -> bool:
    """A doer in common (spellings of one name count): "مجلس الأمن الدولي" and "مجلس الأمن";
    with `corpus`, not a generic one ("علماء", "مسؤولون")."""
    return any(mentioned(actor, b.actors) and (corpus is None or corpus.weight(actor) >= _GENERIC_PLACE)
               for actor in a.actors)


def places_clash(a: Event, b: Event, corpus: Corpus) -> bool:
    """`a` names a specific place that `b` does not mention while `b` names one `a` does not."""
    return _own_places(a, b, corpus) and _own_places(b, a, corpus)


def sites_clash(a: Event, b: Event) -> bool:
    """Two captures (or withdrawals) of which one names a site after a town (an airport, a base, a
    port: the lexicon's facility_heads before a name) and the other names that town without the
    site: taking "مطار عدن" and taking "عدن" the same day are two milestones of a war. A site the
    other does not name at all is no clash: "القصر الرئاسي … في منطقة التواهي" is part of taking
    "حي التواهي". Strikes and attacks are left out: a report of strikes on a town counts the ones
    on its airport, and "قرب معسكر للجيش" places a bombing, it does not name its target."""
    if a.kind not in SITE_KINDS or b.kind not in SITE_KINDS:
        return False
    return _site_of_a_town_named(a, b) or _site_of_a_town_named(b, a)


def _site_of_a_town_named(a: Event, b: Event) -> bool:
    """Whether `a` names a site "HEAD TOWN" whose TOWN `b` names without its HEAD."""
    for phrase in a.phrases:
        for head, town in zip(phrase, phrase[1:], strict=False):
            if head in FACILITIES and town not in FACILITIES and town in b.words and head not in b.words:
                return True
    return False


def _own_places(a: Event, b: Event, corpus: Corpus) -> bool:
    said = b.words
    return any(corpus.weight(p) >= _GENERIC_PLACE and not mentioned(p, said) for p in a.places)


@lru_cache(maxsize=1 << 16)
def _skeleton(word: str) -> str:
    """A name without its long vowels, for spellings of one foreign name: "سوروتش", "سروج" and
    "سوروتج" → "سرتش", "سرج", "سرتج"."""
    return "".join(c for c in word if c not in "اويى")


def mentioned(name: str, said: frozenset[str]) -> bool:
    """Whether `name` or another spelling of it (skeletons one letter apart) is among `said`."""
    if name in said:
        return True
    skeleton = _skeleton(name)
    if len(skeleton) < 3:
        return False
    return any(_one_apart(skeleton, _skeleton(word)) for word in said if word[:1] == name[:1])


def _one_apart(a: str, b: str) -> bool:
    """Edit distance at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
