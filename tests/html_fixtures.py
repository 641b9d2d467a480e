"""Timelines for the HTML tests: the seeds' chronology and a large generated one.

`seeds_timeline()` uses the real pipeline (readers → tag_document → build_timeline) once those
modules exist; until then, and only when they cannot be imported, `hand_built_seeds_timeline()`
stands in: entries written by hand from the seed articles, with mentions whose offsets are
looked up in the real texts (so `text[start:end] == mention.text` holds).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from chrono.models import Anchor, Conflict, DocumentInfo, Entry, Mention, Settings, TimelineOutput

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MANIFEST = SEEDS / "manifest.json"

_PUBLISHED = {
    "000_a5dac5ccf9ad4a48": date(2021, 11, 25),
    "001_76ae0159d87ba1ac": date(2021, 11, 24),
    "002_9b3bef138c95522f": date(2021, 11, 24),
    "003_40561cede18762f4": date(2021, 11, 27),
    "004_8e3515105b7b6476": date(2021, 11, 24),
}
_SENTENCE_END = re.compile(r"[.!؟\n]")


def _sentence_around(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[(before[-1] if before else 0):(after.end() if after else len(text))].strip()


def _mention(doc: str, phrase: str, value: str, *, in_quote: bool = False) -> Mention:
    """A mention of `phrase` (its first occurrence) in a seed article, offsets from the text."""
    text = (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")
    start = text.index(phrase)
    end = start + len(phrase)
    return Mention(doc=doc, start=start, end=end, text=phrase, value=value,
                   sentence=_sentence_around(text, start, end), in_quote=in_quote)


def _anchor(published: date) -> Anchor:
    return Anchor(date=published, source="manifest", confidence=1.0)


def _entry(eid, value, granularity, start, end, label, mentions, *, mod=None, trigger=None,
           conflicts=()):
    sources = sorted({m.doc for m in mentions})
    return Entry(id=eid, value=value, type="TIME" if "T" in value else "DATE",
                 granularity=granularity, start_date=start, end_date=end, mod=mod, label=label,
                 trigger=trigger, sources=sources, mentions=mentions,
                 conflicts=[Conflict(entry=c, reason=r) for c, r in conflicts])


def hand_built_seeds_timeline() -> TimelineOutput:
    d = date
    a, b, c, e, f = sorted(_PUBLISHED)
    tripartite = "الاتفاق الثلاثي: العاشر من ديسمبر في مصدر و22 ديسمبر في آخر"
    entries = [
        _entry("e1", "1973-10", "month", d(1973, 10, 1), d(1973, 10, 31),
               "مشاركة تجريدة مغربية في حرب أكتوبر على الجبهة السورية",
               [_mention(e, "أكتوبر/ تشرين الأول 1973", "1973-10")], trigger="شاركت"),
        _entry("e2", "1993", "year", d(1993, 1, 1), d(1993, 12, 31),
               "توقيع اتفاقات أوسلو بين إسرائيل ومنظمة التحرير الفلسطينية",
               [_mention(b, "العام 1993", "1993")]),
        _entry("e3", "2000", "year", d(2000, 1, 1), d(2000, 12, 31),
               "انطلاق الانتفاضة الفلسطينية الثانية", [_mention(b, "عام 2000", "2000")],
               trigger="انطلقت"),
        _entry("e4", "2014", "year", d(2014, 1, 1), d(2014, 12, 31), "الحرب على غزة",
               [_mention(a, "عام 2014", "2014")]),
        _entry("e5", "2017/2021", "year", d(2017, 1, 1), d(2021, 12, 31),
               "إدارة الرئيس الأمريكي دونالد ترامب", [_mention(e, "2017-2021", "2017/2021")]),
        _entry("e6", "2020", "year", d(2020, 9, 1), d(2020, 12, 31),
               "استئناف العلاقات الدبلوماسية بين المغرب وإسرائيل",
               [_mention(b, "أواخر العام الماضي", "2020"), _mention(e, "نهاية عام 2020", "2020")],
               mod="END", trigger="استأنف"),
        _entry("e7", "2020-12", "month", d(2020, 12, 1), d(2020, 12, 31),
               "الاتفاق الثلاثي بين المغرب وإسرائيل والولايات المتحدة",
               [_mention(c, "دجنبر(ديسمبر) 2020", "2020-12")]),
        _entry("e8", "2020-12-10", "day", d(2020, 12, 10), d(2020, 12, 10),
               "الإعلان عن الاتفاق الثلاثي", [_mention(a, "العاشر من ديسمبر الماضي", "2020-12-10")],
               conflicts=[("e9", tripartite)]),
        _entry("e9", "2020-12-22", "day", d(2020, 12, 22), d(2020, 12, 22),
               "توقيع الاتفاق المغربي - الإسرائيلي - الأميركي",
               [_mention(f, "22 ديسمبر (كانون الأول) الماضي", "2020-12-22")], trigger="توقيع",
               conflicts=[("e8", tripartite)]),
        _entry("e10", "2021-11-23/2021-11-25", "day", d(2021, 11, 23), d(2021, 11, 25),
               "زيارة وزير الدفاع الإسرائيلي الرسمية للمغرب",
               [_mention(c, "من 23 إلى 25 نوفمبر الحالي", "2021-11-23/2021-11-25", in_quote=True)]),
        _entry("e11", "2021-11-23TNI", "part_of_day", d(2021, 11, 23), d(2021, 11, 23),
               "وصول غانتس إلى مطار الرباط - سلا", [_mention(f, "منتصف ليلة أمس", "2021-11-23TNI")],
               trigger="وصل"),
        _entry("e12", "2021-11-24", "day", d(2021, 11, 24), d(2021, 11, 24),
               "توقيع أول اتفاق للتعاون العسكري بين المغرب وإسرائيل",
               [_mention(b, "اليوم الأربعاء", "2021-11-24"),
                _mention(e, "يوم الأربعاء الماضي", "2021-11-24")], trigger="وقع"),
        _entry("e13", "2021-11-24TEV", "part_of_day", d(2021, 11, 24), d(2021, 11, 24),
               "استقبال محتمل لغانتس في قصر بوزنيقة", [_mention(f, "مساء اليوم", "2021-11-24TEV")]),
        _entry("e14", "2021-11-25", "day", d(2021, 11, 25), d(2021, 11, 25),
               "لقاء غانتس مع محمد ياسين المنصوري", [_mention(f, "غداً الخميس", "2021-11-25")],
               trigger="سيلتقي"),
    ]
    documents = [
        DocumentInfo(id=doc, path=f"seeds/{doc}.txt",
                     anchor=_anchor(published))
        for doc, published in sorted(_PUBLISHED.items())
    ]
    return TimelineOutput(documents=documents, entries=entries)


def real_seeds_timeline() -> Optional[TimelineOutput]:
    """The seeds through the real pipeline, or None while those modules do not exist yet."""
    try:
        from chrono.merge import build_timeline
        from chrono.pipeline import tag_document
        from chrono.read import iter_inputs, load_manifest
    except ImportError:
        return None
    from chrono.models import Document

    manifest = load_manifest(str(MANIFEST))
    documents = [d for d in iter_inputs([str(SEEDS)], manifest=manifest)
                 if isinstance(d, Document)]
    assert len(documents) == 5, "every seed article should be read"
    settings = Settings()
    return build_timeline((doc, tag_document(doc, settings)) for doc in documents)


def seeds_timeline() -> tuple[TimelineOutput, str]:
    """The seeds' chronology and where it came from ("pipeline" or "hand-built")."""
    real = real_seeds_timeline()
    if real is not None:
        return real, "pipeline"
    return hand_built_seeds_timeline(), "hand-built"


_WORDS = ("اجتماع", "وزير", "الدفاع", "اتفاق", "زيارة", "الرباط", "إعلان", "مباحثات", "توقيع",
          "البرلمان", "حكومة", "قمة", "الأمن", "التعاون", "العسكري", "مذكرة", "تفاهم", "بيان")


def generated_timeline(n: int = 2000, n_sources: int = 12) -> TimelineOutput:
    """`n` entries over ~11 years, every granularity the page draws, some conflicts.

    Deterministic: the same `n` gives the same timeline (no random module, no clock).
    """
    sources = [f"doc{i:03d}" for i in range(n_sources)]
    drafts = []
    for i in range(n):
        start = date(2012, 1, 1) + timedelta(days=(i * 37) % 4000)
        label = " ".join(_WORDS[(i * k) % len(_WORDS)] for k in (1, 3, 7, 11)) + f" رقم {i}"
        if i % 23 == 0:
            value, gran, mod = str(start.year), "year", ("END" if i % 2 else None)
            start, end = (date(start.year, 9, 1) if mod else date(start.year, 1, 1)), date(start.year, 12, 31)
        elif i % 11 == 0:
            value, gran, mod = start.strftime("%Y-%m"), "month", None
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        elif i % 13 == 0:
            end = start + timedelta(days=2)
            value, gran, mod = f"{start.isoformat()}/{end.isoformat()}", "day", None
        else:
            value, gran, mod, end = start.isoformat(), "day", None, start
        docs = sorted({sources[i % n_sources], sources[(i * 5) % n_sources]})
        mentions = [Mention(doc=doc, start=10, end=10 + len("في ذلك اليوم"), text="في ذلك اليوم", value=value,
                            sentence=f"قال مسؤول إن {label} جرى في ذلك اليوم بحضور وفود عدة.")
                    for doc in docs]
        drafts.append((start, end, i, value, gran, mod, label, docs, mentions))
    drafts.sort(key=lambda d: (d[0], d[1], d[2]))
    entries = []
    for rank, (start, end, _, value, gran, mod, label, docs, mentions) in enumerate(drafts, 1):
        conflicts = []
        if rank % 100 == 1 and rank + 1 <= n:
            conflicts = [Conflict(entry=f"e{rank + 1}", reason="تاريخان مختلفان للحدث نفسه")]
        entries.append(Entry(id=f"e{rank}", value=value, type="DATE", granularity=gran,
                             start_date=start, end_date=end, mod=mod, label=label,
                             sources=docs, mentions=mentions, conflicts=conflicts))
    documents = [DocumentInfo(id=s, anchor=_anchor(date(2023, 1, 1))) for s in sources]
    return TimelineOutput(documents=documents, entries=entries)


# Newspapers of the generated archive: Latin slugs as SaudiNewsNet names them, and Arabic names.
ARCHIVE_PAPERS = ("aawsat", "okaz", "sabq", "alyaum", "alweeam", "الرياض", "المدينة", "الجزيرة",
                  "الوطن", "الاقتصادية", "الرياضي")
_PLACES = ("الرياض", "جدة", "عدن", "صنعاء", "أنقرة", "طهران", "القاهرة", "بغداد", "دمشق", "عمّان")
_VERBS = ("أعلن", "أكّد", "نفى", "كشف", "أوضح", "قرّر", "افتتح", "استقبل", "وقّع", "ناقش")


def generated_archive_timeline(articles: int = 3000, entries: int = 7000) -> TimelineOutput:
    """A chronology the size of a 3,000-article news archive's: `entries` entries cited by
    `articles` articles of 11 newspapers, with titles; mostly two busy years with outliers
    centuries back and decades ahead (as real archives quote history and plans); every
    mention sentence different (~200 characters) and some Arabic with hamza and diacritics.

    Deterministic (no random module, no clock)."""
    sources = [f"snn{i:05d}" for i in range(articles)]
    documents = [
        DocumentInfo(id=sid, anchor=_anchor(date(2015, 7, 1) + timedelta(days=i % 40)),
                     source=ARCHIVE_PAPERS[i % len(ARCHIVE_PAPERS)],
                     title=f"{_VERBS[i % 10]} وزير {_WORDS[i % len(_WORDS)]} في {_PLACES[(i // 10) % 10]} عدد {i}")
        for i, sid in enumerate(sources)]
    drafts = []
    for i in range(entries):
        if i % 50 == 0:  # history: a year long ago
            start = date(1900 + (i * 7) % 110, 1, 1)
            value, gran, end = str(start.year), "year", date(start.year, 12, 31)
        elif i % 97 == 0:  # plans: a year ahead
            start = date(2020 + i % 15, 1, 1)
            value, gran, end = str(start.year), "year", date(start.year, 12, 31)
        else:
            start = date(2014, 1, 1) + timedelta(days=(i * 37) % 730)
            value, gran, end = start.isoformat(), "day", start
        word = _WORDS[(i * 7) % len(_WORDS)]
        label = f"{_VERBS[i % 10]} {word} {_WORDS[(i * 3) % len(_WORDS)]} في {_PLACES[i % 10]} رقم {i}"
        docs = sorted({sources[(i * 13) % articles], sources[(i * 29 + 1) % articles]})
        mentions = [Mention(doc=doc, start=0, end=len("يوم الأحد"), text="يوم الأحد", value=value,
                            sentence=f"وقال مسؤولٌ في {_PLACES[(i + k) % 10]} إنّ {label} جرى يوم الأحد "
                                     f"بحضور ممثلين عن {_WORDS[(i + k) % len(_WORDS)]} "
                                     f"و{_WORDS[(i * 5 + k) % len(_WORDS)]}، "
                                     f"وأضاف أن الاجتماع المقبل سيُعقد بعد أسبوعين في المدينة نفسها (خبر {i}-{k}).")
                    for k, doc in enumerate(docs)]
        drafts.append((start, end, i, value, gran, label, docs, mentions))
    drafts.sort(key=lambda d: (d[0], d[1], d[2]))
    timeline_entries = [
        Entry(id=f"e{rank}", value=value, type="DATE", granularity=gran, start_date=start, end_date=end,
              label=label, sources=docs, mentions=mentions)
        for rank, (start, end, _, value, gran, label, docs, mentions) in enumerate(drafts, 1)]
    return TimelineOutput(documents=documents, entries=timeline_entries)
