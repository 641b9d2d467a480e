"""Hand-built tags for the 5 seeds (expected values from the issue), so attach/merge/export
tests do not depend on the tagger. Each row: (phrase, occurrence, value, granularity, start,
end, mod, in_quote, rule). Offsets are found in the original text, so they are always valid."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from chrono.models import Anchor, Document, DocumentTags, Timex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

D = date.fromisoformat
_ROWS = {
    "000": [
        ("العام الماضي", 0, "2020", "year", "2020-01-01", "2020-12-31", None, False, "relative"),
        ("اليوم", 0, "2021-11-25", "day", "2021-11-25", "2021-11-25", None, True, "relative.today"),
        ("اليوم", 1, "2021-11-25", "day", "2021-11-25", "2021-11-25", None, False, "relative.today"),
        ("العام الماضي", 1, "2020", "year", "2020-01-01", "2020-12-31", None, False, "relative"),
        ("العاشر من ديسمبر الماضي", 0, "2020-12-10", "day", "2020-12-10", "2020-12-10", None, False, "date"),
        ("أغسطس", 0, "2021-08", "month", "2021-08-01", "2021-08-31", None, False, "month"),
        ("الجمعة", 0, "2021-11-19", "day", "2021-11-19", "2021-11-19", None, False, "weekday"),
        ("عام 2014", 0, "2014", "year", "2014-01-01", "2014-12-31", None, False, "year"),
        ("الأربعاء", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "weekday"),
    ],
    "001": [
        ("اليوم الأربعاء", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "relative.today"),
        ("اليوم", 1, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "relative.today"),
        ("اليوم", 2, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "relative.today"),
        ("ليلة الثلاثاء", 0, "2021-11-23TNI", "part_of_day", "2021-11-23", "2021-11-23", None, False, "weekday"),
        ("العام 1993", 0, "1993", "year", "1993-01-01", "1993-12-31", None, False, "year"),
        ("عام 2000", 0, "2000", "year", "2000-01-01", "2000-12-31", None, False, "year"),
        ("أواخر العام الماضي", 0, "2020", "year", "2020-09-01", "2020-12-31", "END", False, "relative"),
        ("2020", 0, "2020", "year", "2020-01-01", "2020-12-31", None, False, "year"),
    ],
    "002": [
        ("يوم الأربعاء", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "weekday"),
        ("العام الماضي", 0, "2020", "year", "2020-01-01", "2020-12-31", None, False, "relative"),
        ("يوم الأربعاء", 1, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "weekday"),
        ("اليوم", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, True, "relative.today"),
        ("من 23 إلى 25 نوفمبر الحالي", 0, "2021-11-23/2021-11-25", "day", "2021-11-23", "2021-11-25", None, True,
         "range"),
        ("دجنبر(ديسمبر) 2020", 0, "2020-12", "month", "2020-12-01", "2020-12-31", None, True, "month_year"),
        ("مساء يوم الاربعاء", 0, "2021-11-24TEV", "part_of_day", "2021-11-24", "2021-11-24", None, False, "weekday"),
    ],
    "003": [
        ("يوم الأربعاء الماضي", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "weekday"),
        ("منذ الثلاثاء", 0, "2021-11-23", "day", "2021-11-23", "2021-11-23", None, False, "weekday"),
        ("نهاية عام 2020", 0, "2020", "year", "2020-09-01", "2020-12-31", "END", False, "year"),
        ("2017-2021", 0, "2017/2021", "year", "2017-01-01", "2021-12-31", None, False, "range"),
        ("أغسطس المنقضي", 0, "2021-08", "month", "2021-08-01", "2021-08-31", None, False, "month"),
        ("عام 1973", 0, "1973", "year", "1973-01-01", "1973-12-31", None, True, "year"),
        ("اليوم", 0, "2021-11-27", "day", "2021-11-27", "2021-11-27", None, True, "relative.today"),
        ("اليوم", 1, "2021-11-27", "day", "2021-11-27", "2021-11-27", None, True, "relative.today"),
        ("أكتوبر/ تشرين الأول 1973", 0, "1973-10", "month", "1973-10-01", "1973-10-31", None, False, "month_year"),
    ],
    "004": [
        ("منتصف ليلة أمس", 0, "2021-11-23TNI", "part_of_day", "2021-11-23", "2021-11-23", None, False, "relative"),
        ("22 ديسمبر (كانون الأول) الماضي", 0, "2020-12-22", "day", "2020-12-22", "2020-12-22", None, False, "date"),
        ("اليوم", 0, "2021-11-24", "day", "2021-11-24", "2021-11-24", None, False, "relative.today"),
        ("أمس", 1, "2021-11-23", "day", "2021-11-23", "2021-11-23", None, False, "relative"),
        ("مساء اليوم", 0, "2021-11-24TEV", "part_of_day", "2021-11-24", "2021-11-24", None, False, "relative"),
        ("غداً الخميس", 0, "2021-11-25", "day", "2021-11-25", "2021-11-25", None, False, "relative"),
        ("العام الماضي", 0, "2020", "year", "2020-01-01", "2020-12-31", None, False, "relative"),
        ("2020", 0, "2020", "year", "2020-01-01", "2020-12-31", None, False, "year"),
        ("عام 1993", 0, "1993", "year", "1993-01-01", "1993-12-31", None, False, "year"),
        ("عام 2000", 0, "2000", "year", "2000-01-01", "2000-12-31", None, False, "year"),
        ("أغسطس (آب) الماضي", 0, "2021-08", "month", "2021-08-01", "2021-08-31", None, False, "month"),
        ("الجمعة", 0, "2021-11-19", "day", "2021-11-19", "2021-11-19", None, False, "weekday"),
        ("الشهر الماضي", 0, "2021-10", "month", "2021-10-01", "2021-10-31", None, False, "relative"),
        # in the appended article: must produce nothing
        ("اليوم الاثنين", 0, "2021-11-22", "day", "2021-11-22", "2021-11-22", None, False, "relative.today"),
        ("سبتمبر (أيلول) الماضي", 0, "2021-09", "month", "2021-09-01", "2021-09-30", None, False, "month"),
    ],
}


def _find(text: str, phrase: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(phrase, pos + 1)
    return pos


def _anchor(day: date, approximate: bool) -> Anchor:
    # an estimated publication day is not certain (003: "published between 25 and 30 November")
    return Anchor(date=day, source="manifest", confidence=0.7 if approximate else 1.0)


def seed_documents() -> list[Document]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    docs = []
    for row in manifest["documents"]:
        path = SEEDS / row["file"]
        docs.append(Document(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8"),
                             anchor=_anchor(D(row["published"]), row.get("approximate", False))))
    return docs


def hand_tags(document: Document) -> DocumentTags:
    timexes = []
    for n, (phrase, occ, value, gran, start, end, mod, quote, rule) in enumerate(_ROWS[document.id[:3]], 1):
        at = _find(document.text, phrase, occ)
        timexes.append(Timex(id=f"t{n}", start=at, end=at + len(phrase), text=phrase, type="DATE", value=value,
                             granularity=gran, start_date=D(start), end_date=D(end), mod=mod, rule=rule,
                             in_quote=quote))
    timexes.sort(key=lambda t: t.start)
    return DocumentTags(id=document.id, path=document.path, anchor=document.anchor, timexes=timexes)


def hand_pairs() -> list[tuple[Document, DocumentTags]]:
    return [(doc, hand_tags(doc)) for doc in seed_documents()]
