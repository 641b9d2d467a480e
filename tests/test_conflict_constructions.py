"""Conflicts between reports of one story, construction by construction: one happening dated a
day or two apart by two papers is linked; different happenings of one story are not (own
phrasings, each paper dated against its own publication day)."""
from __future__ import annotations

from datetime import date

from chrono.merge import build_timeline
from chrono.models import Anchor, Document
from chrono.pipeline import tag_document

_DAY = date(2022, 3, 10)
# the other articles of the story: what makes the papers' reports one story
_STORY = ("تتواصل في مدينة الوادي جنوب البلاد المعارك بين القوات الحكومية والمسلحين منذ أسابيع، "
          "وتقول منظمات الإغاثة إن سكان الوادي يعانون نقص الغذاء والدواء.",
          "قال مسؤولون في مدينة الوادي إن المسلحين ما زالوا يسيطرون على أحياء في جنوب الوادي، "
          "وإن القوات الحكومية تتقدم نحو قاعدة الصخرة الجوية.",
          "دعت الأمم المتحدة إلى هدنة إنسانية في مدينة الوادي لإدخال المساعدات إلى السكان.",
          "أحصت منظمات الإغاثة 27 شخصا بين القتلى في مدينة الوادي منذ بداية المعارك، وقالت إن "
          "السكان فروا من أحياء قرب قاعدة الصخرة الجوية.",
          "وصل رئيس وزراء ماليزيا السيد أحمد زاهد إلى الرياض في زيارة لأداء مناسك العمرة، وسيلتقي "
          "عددا من المسؤولين قبل سفره إلى مدينة الوادي.")


def _links(*texts: str) -> list[tuple[str, str]]:
    """(earlier day, later day) of every conflict link of the timeline of `texts` and the story."""
    pairs = []
    for n, text in enumerate(texts + _STORY):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=_DAY))
        pairs.append((doc, tag_document(doc)))
    entries = build_timeline(pairs).entries
    by_id = {e.id: e for e in entries}
    return sorted({tuple(sorted((e.value, by_id[c.entry].value))) for e in entries for c in e.conflicts})


def test_one_toll_dated_a_day_apart_by_two_papers_is_a_conflict():
    assert _links("شهدت مدينة الوادي أمس الأول تفجيرا انتحاريا أسفر عن مقتل 27 شخصا وإصابة العشرات.",
                  "قتل 27 شخصا أمس في هجوم انتحاري استهدف سوق الخضار في الوادي.") \
        == [("2022-03-08", "2022-03-09")]


def test_two_killings_with_different_tolls_are_no_conflict():
    assert _links("شهدت مدينة الوادي أمس الأول تفجيرا انتحاريا أسفر عن مقتل 27 شخصا وإصابة العشرات.",
                  "قتل 4 جنود في هجوم استهدف حاجزا للجيش في الوادي أمس.") == []


def test_one_place_taken_dated_a_day_apart_is_a_conflict():
    assert _links("استعادت القوات الحكومية أمس السيطرة على قاعدة الصخرة الجوية بعد معارك عنيفة.",
                  "سيطرت القوات الحكومية أول من أمس على قاعدة الصخرة الجوية شمال الوادي.") \
        == [("2022-03-08", "2022-03-09")]


def test_strikes_on_one_place_on_two_days_are_no_conflict():
    assert _links("قصفت الطائرات أمس قاعدة الصخرة الجوية.",
                  "شنت المقاتلات أول من أمس غارات على قاعدة الصخرة الجوية شمال الوادي.") == []


def test_one_report_retold_with_another_day_is_a_conflict():
    report = ("غادر الرياض {} رئيس وزراء ماليزيا السيد أحمد زاهد بعد زيارته لأداء مناسك العمرة ولقائه "
              "عددا من المسؤولين في مدينة الوادي.")
    assert _links(report.format("أمس"), report.format("أمس الأول")) == [("2022-03-08", "2022-03-09")]


def test_two_departures_to_one_place_are_no_conflict():
    assert _links("غادرت بعثة نادي النجوم أمس إلى مدينة الوادي لإقامة معسكر تدريبي استعدادا للموسم.",
                  "غادر وفد وزارة الصحة أول من أمس إلى مدينة الوادي حاملا شحنة من الأدوية.") == []


def test_a_statement_s_day_is_no_conflict_with_the_toll_s_day():
    assert _links("شهدت مدينة الوادي أمس الأول تفجيرا انتحاريا أسفر عن مقتل 27 شخصا وإصابة العشرات.",
                  "أعلنت وزارة الداخلية أمس مقتل 27 شخصا في التفجير الانتحاري في الوادي.") == []


def test_three_days_of_one_toll_are_a_series_not_a_conflict():
    # one count of soldiers killed at one checkpoint, day after day: a series of attacks
    assert _links("قتل 12 جنديا أمس في هجوم على حاجز للجيش في الوادي.",
                  "قتل 12 جنديا أول من أمس في هجوم على حاجز للجيش في الوادي.",
                  "قتل 12 جنديا يوم الاثنين 7 مارس في هجوم على حاجز للجيش في الوادي.") == []
