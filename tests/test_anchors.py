"""Anchors from the text: datelines, inference from the constraints the text sets, and warnings when
a given anchor contradicts the text."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from chrono.cli import main
from chrono.models import Anchor, Document, Settings
from chrono.pipeline import document_anchor, tag_document
from chrono.resolve.anchors import check_anchor, find_anchor, find_dateline, infer_anchor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "\nوقع المغرب وإسرائيل مذكرة تفاهم دفاعية في الرباط.\n"


def doc(text: str, anchor: Anchor | None = None) -> Document:
    return Document(id="d", text=text, anchor=anchor or Anchor())


# -- datelines -----------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ",
    "الرباط - 24 نوفمبر 2021",
    "نشر في: 24/11/2021",
    "آخر تحديث: الأربعاء 24/11/2021",
    "الأربعاء 24 نوفمبر 2021",
    "الرياض - الأربعاء 19 ربيع الثاني 1443 هـ",
    "الرباط - 24 نونبر 2021 (رويترز) - وقع المغرب وإسرائيل مذكرة تفاهم دفاعية اليوم الأربعاء",
])
def test_dateline_gives_the_anchor(line):
    a = find_anchor(doc("عنوان المقال\n" + line + BODY))
    assert (a.date, a.source, a.confidence) == (date(2021, 11, 24), "dateline", 0.9)
    assert a.evidence == line[:200]


@pytest.mark.parametrize("text", [
    "وقع المغرب وإسرائيل في 24 نوفمبر 2021 مذكرة تفاهم دفاعية بحضور عدد من المسؤولين",
    "تعود الأزمة إلى 22 ديسمبر 2020 حين أعلن الطرفان استئناف العلاقات بينهما",
    "الرباط - نوفمبر 2021",  # a month is not a publication day
    "الرباط - يوم الأربعاء",
])
def test_a_date_inside_a_sentence_is_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_after_the_first_lines_is_ignored():
    text = "\n".join(["سطر من المقال"] * 8) + "\nالرباط - 24 نوفمبر 2021\n"
    assert find_dateline(text) is None


def test_dateline_with_mismatched_weekday_is_flagged():
    a = find_dateline("الخميس 24 نوفمبر 2021" + BODY)
    assert a.date == date(2021, 11, 24) and a.confidence < 0.9 and a.warnings


def test_pipeline_uses_the_dateline():
    tags = tag_document(doc("الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ\nوقع الطرفان أمس اتفاقاً"))
    assert tags.anchor.source == "dateline"
    assert [t.value for t in tags.timexes][-1] == "2021-11-23"


# -- inference -----------------------------------------------------------------------------------
def test_seed_002_infers_its_publication_day():
    text = (SEEDS / "002_9b3bef138c95522f.txt").read_text(encoding="utf-8")
    a = infer_anchor(text)
    assert (a.date, a.source) == (date(2021, 11, 24), "inferred")
    assert 0.4 <= a.confidence < 0.9
    for evidence in ("نوفمبر الحالي", "العام الماضي", "دجنبر(ديسمبر) 2020", "يوم الأربعاء"):
        assert evidence in a.evidence


def test_today_weekday_and_current_month_decide_one_day():
    text = ("وقع الوزيران اليوم الأربعاء اتفاقاً للتعاون خلال زيارة تستمر من 23 إلى 25 نوفمبر الحالي، "
            "بعد أن أعلن البلدان في 22 ديسمبر 2020 استئناف العلاقات التي جمدت حتى العام الماضي.")
    a = infer_anchor(text)
    assert a.date == date(2021, 11, 24)
    # the weekday and month are strong, the year comes from 'العام الماضي' + 2020, and the week from
    # the soft "under way" range (Wednesday 17 November is the runner-up)
    assert a.confidence >= 0.6
    assert "اليوم الأربعاء" in a.evidence


def test_year_decided_by_recency_alone_has_low_confidence():
    # without 'العام الماضي' nothing tells November 2021 from November 2022 but recency
    text = ("وقع الوزيران اليوم الأربعاء اتفاقاً، بعد أن أعلن البلدان في 22 ديسمبر 2020 "
            "استئناف العلاقات خلال نوفمبر الحالي.")
    a = infer_anchor(text)
    assert a.date is None or a.confidence <= 0.5


def test_undecided_text_gives_a_candidate_interval():
    text = "أعلن الطرفان في 22 ديسمبر 2020 استئناف العلاقات، ووقعا اليوم الأربعاء اتفاقاً جديداً."
    a = infer_anchor(text)
    assert a.date is None and a.candidates is not None
    lo, hi = a.candidates
    assert lo <= date(2021, 11, 24) <= hi and lo.isoweekday() == hi.isoweekday() == 3
    assert a.confidence < 0.5


def test_no_year_in_the_text_gives_no_anchor():
    assert infer_anchor("وقع الطرفان اليوم الأربعاء اتفاقاً في الرباط") is None


def test_soft_hints_alone_give_no_anchor():
    # 'العام الماضي' beside 'عام 2014' would suggest 2015: nothing strong, so nothing at all
    assert infer_anchor("رفع البلدان العلاقات العام الماضي، بعد حرب غزة عام 2014.") is None


def test_seed_000_and_003_give_no_false_anchor():
    for name in ("000_a5dac5ccf9ad4a48.txt", "003_40561cede18762f4.txt"):
        a = find_anchor(doc((SEEDS / name).read_text(encoding="utf-8")))
        assert a is None or (a.candidates and a.candidates[0] <= date(2021, 11, 27) <= a.candidates[1])


# -- checking a given anchor ---------------------------------------------------------------------
def test_given_anchor_contradicted_by_today_weekday_warns():
    given = Anchor(date=date(2021, 11, 24), source="manifest", confidence=1.0)
    a = check_anchor(doc("وقع الطرفان اليوم الخميس اتفاقاً.", given))
    assert a.date == date(2021, 11, 24) and a.source == "manifest"
    assert any("اليوم الخميس" in w for w in a.warnings)
    assert document_anchor(doc("وقع الطرفان اليوم الخميس اتفاقاً.", given)).warnings


def test_consistent_anchor_gets_no_warning():
    given = Anchor(date=date(2021, 11, 24), source="manifest", confidence=1.0)
    assert check_anchor(doc("وقع الطرفان اليوم الأربعاء اتفاقاً خلال نوفمبر الحالي.", given)) is None


def test_quoted_today_is_no_ground_for_a_warning():
    given = Anchor(date=date(2021, 11, 24), source="manifest", confidence=1.0)
    assert check_anchor(doc('وقال الوزير: "نحن هنا اليوم الخميس لنوقع".', given)) is None


def test_dateline_contradicting_the_given_anchor_warns():
    given = Anchor(date=date(2021, 11, 25), source="manifest", confidence=1.0)
    a = check_anchor(doc("الرباط - 24 نوفمبر 2021" + BODY, given))
    assert a and any("dateline" in w for w in a.warnings)


def test_seeds_with_their_manifest_get_no_warning():
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        given = Anchor(date=date.fromisoformat(entry["published"]), source="manifest", confidence=1.0)
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        assert check_anchor(doc(text, given)) is None, entry["file"]


# -- the command ---------------------------------------------------------------------------------
def test_chrono_anchors_on_seeds():
    result = CliRunner().invoke(main, ["anchors", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"][:3]: r["anchor"] for r in json.loads(result.output)["documents"]}
    assert rows["002"]["date"] == "2021-11-24" and rows["002"]["source"] == "inferred"
    assert rows["002"]["evidence"]


def test_checking_a_given_anchor_builds_the_same_strong_constraints():
    """check_anchor builds only the strong constraints (no resolving for the soft ones); they are
    exactly the strong ones the full inference builds, on the seeds and every corpus phrasing."""
    from chrono.resolve.anchors import text_constraints
    from tools.corpus import read_cases

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt"))]
    texts += [case.text for case in read_cases(Path("tests/corpus/expressions.txt"))]
    strong_seen = 0
    for text in texts:
        full = [(c.text, c.why, c.quoted) for c in text_constraints(text) if c.strong]
        only = [(c.text, c.why, c.quoted) for c in text_constraints(text, strong_only=True) if c.strong]
        assert only == full, text
        strong_seen += len(full)
    assert strong_seen >= 20


# -- anchors the text corrects -------------------------------------------------------------------
CRAWLED = Anchor(date=date(2015, 7, 21), source="jsonl", confidence=1.0, evidence="published: 2015-07-21")


@pytest.mark.parametrize("text,day", [
    ("أصدر الرئيس اليوم (الاثنين) قراراً بتعيين محافظ جديد.", date(2015, 7, 20)),
    ("وصل الوفد أمس الأحد إلى الرياض.", date(2015, 7, 20)),
    ("تبدأ المحادثات غدا الثلاثاء، وكان الوفد قد وصل صباح اليوم الاثنين.", date(2015, 7, 20)),
    ("وقع الطرفان مساء اليوم الأحد اتفاقاً.", date(2015, 7, 19)),
    ("وقع الطرفان الاتفاق قبل أمس (الجمعة).", date(2015, 7, 19)),
    ("بلغ العدد حتى الساعة 5:30 مساء هذا اليوم الاثنين ألف شخص.", date(2015, 7, 20)),
    # the day of writing stated in full: a relative day, a weekday and the date agree
    ("تستأنف المدارس الدراسة اليوم الاثنين 20 يوليو بعد الإجازة.", date(2015, 7, 20)),
    ("وتختتم الفعاليات مساء اليوم (الأحد) 3 شوال بحفل كبير.", date(2015, 7, 19)),
    ("وتعود البورصة للعمل غداً الثلاثاء 21/7/2015 بعد العطلة.", date(2015, 7, 20)),
])
def test_the_text_moves_a_crawl_day_back_to_its_own_day(text, day):
    a = document_anchor(doc(text, CRAWLED))
    assert (a.date, a.given, a.source) == (day, date(2015, 7, 21), "corrected")
    assert a.evidence and any("anchor corrected" in w and "jsonl" in w for w in a.warnings)
    tags = tag_document(doc(text, CRAWLED))
    assert tags.anchor == a and not any("mismatch" in f for t in tags.timexes for f in t.flags)


@pytest.mark.parametrize("text", [
    'وقال الوزير: «نحن هنا اليوم الاثنين لنوقع».',  # a quote alone
    "قال الوزير اليوم الاثنين إن المباراة ستقام غدا الخميس.",  # the text contradicts itself
    "الرياض - 21 يوليو 2015\nأصدر الرئيس اليوم الاثنين قراراً.",  # a dateline that agrees with the given day
    "وصل الوفد أمس (الاثنين) وتبدأ المحادثات اليوم الثلاثاء.",  # agrees with the given day
])
def test_the_given_anchor_stays_when_the_text_is_not_clear(text):
    a = document_anchor(doc(text, CRAWLED))
    assert a.date == date(2015, 7, 21) and a.given is None and a.source == "jsonl"


def test_two_agreeing_outweigh_a_disagreeing_quote_but_not_a_statement():
    text = 'أعلنت الوزارة اليوم الاثنين، وأكدت أمس الأحد، أن الوزير قال: «وصلنا اليوم الأحد».'
    assert document_anchor(doc(text, CRAWLED)).date == date(2015, 7, 20)
    text = "أعلنت الوزارة اليوم الاثنين، وأكدت أمس الأحد، أن الوزير وصل اليوم الثلاثاء."
    assert document_anchor(doc(text, CRAWLED)).date == date(2015, 7, 21)


def test_keep_anchor_resolves_against_the_given_day():
    text = "وصل الوفد أمس الأحد إلى الرياض."
    kept = tag_document(doc(text, CRAWLED), Settings(keep_anchor=True))
    assert kept.anchor.date == date(2015, 7, 21) and kept.anchor.source == "jsonl"
    assert kept.timexes[0].value == "2015-07-20" and any("mismatch" in f for f in kept.timexes[0].flags)
    assert any("أمس الأحد" in w for w in kept.anchor.warnings)


def test_given_appears_in_json_only_when_corrected(tmp_path):
    lines = [{"id": "a", "text": "وصل الوفد أمس الأحد إلى الرياض.", "published": "2015-07-21"},
             {"id": "b", "text": "وصل الوفد أمس الاثنين إلى الرياض.", "published": "2015-07-21"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["tag", str(path), "--format", "json"]).output)
    anchors = {d["id"]: d["anchor"] for d in out["documents"]}
    assert anchors["a"]["date"] == "2015-07-20" and anchors["a"]["given"] == "2015-07-21"
    assert anchors["a"]["source"] == "corrected"
    assert "given" not in anchors["b"] and anchors["b"]["source"] == "jsonl"
    kept = json.loads(CliRunner().invoke(main, ["tag", str(path), "--format", "json", "--keep-anchor"]).output)
    assert [d["anchor"]["date"] for d in kept["documents"]] == ["2015-07-21", "2015-07-21"]
    for option, yesterday in (("--keep-anchor", "2015-07-20"), (None, "2015-07-19")):
        args = ["timeline", str(path), "--format", "json"] + ([option] if option else [])
        entries = json.loads(CliRunner().invoke(main, args).output)["entries"]
        assert yesterday in {m["value"] for e in entries for m in e["mentions"] if m["doc"] == "a"}


def test_since_a_named_day_is_no_statement_of_the_day_of_writing():
    a = document_anchor(doc("تراجعت الأسعار منذ يوم الجمعة مع ارتفاع الدولار.", CRAWLED))
    assert a.date == date(2015, 7, 21) and not a.warnings


# -- anchors the text contradicts ----------------------------------------------------------------
@pytest.mark.parametrize("text,latest", [
    ("أصدر الرئيس اليوم الخميس قراراً، وكان الوفد قد وصل أمس.", date(2015, 7, 16)),  # a later weekday
    ("أصدر الرئيس اليوم (الجمعة) قراراً بعد اجتماع مساء أمس.", date(2015, 7, 17)),  # four days back
    ("وقال الناطق مساء أمس الأربعاء إن الجولة المقبلة تبدأ غداً.", date(2015, 7, 16)),
    ("وأكد المدرب أمس أن مباراة الإياب تقام في الثلاثين من شهر سبتمبر الجاري.", date(2014, 9, 30)),
    ("وتراجعت المبيعات خلال العام الحالي 2014 بعدما أعلنت الشركة أمس نتائجها.", date(2014, 12, 31)),
    ("ذكرت الهيئة اليوم (السبت)، وأكدت أمس الجمعة، أن الطريق مغلق.", date(2015, 7, 18)),
    # a statement the crawl day also fits ("يوليو الحالي") does not save it: the weekday does not
    ("أعلنت الوزارة أمس (الجمعة) أن المعرض افتتح في 10 يوليو الحالي.", date(2015, 7, 18)),
    ("توفي الفنان اليوم الجمعة 10 يوليو عن عمر ناهز 83 عاماً.", date(2015, 7, 10)),
    # a suhoor or the tarawih prayer told yesterday: the page was written in Ramadan, before Eid
    ("أقام النادي سحوراً للإعلاميين مساء البارحة في أحد فنادق المدينة.", date(2015, 7, 17)),
    ("امتلأت المساجد بالمصلين لأداء صلاة التراويح ليلة أمس.", date(2015, 7, 17)),
])
def test_a_page_written_well_before_its_crawl_day_leaves_relative_dates_unresolved(text, latest):
    a = document_anchor(doc(text, CRAWLED))
    assert (a.date, a.given, a.source) == (None, date(2015, 7, 21), "contradicted")
    assert latest.isoformat() in a.evidence and any("anchor contradicted" in w for w in a.warnings)
    tags = tag_document(doc(text, CRAWLED))
    assert tags.timexes and all(t.start_date is None or t.value[:4].isdigit() for t in tags.timexes)
    relative = [t for t in tags.timexes if "unresolved: no anchor" in t.flags]
    assert relative and all(any("contradicts the given 2015-07-21" in f for f in t.flags) for t in relative)
    kept = tag_document(doc(text, CRAWLED), Settings(keep_anchor=True))
    assert kept.anchor.date == date(2015, 7, 21) and kept.anchor.warnings


def test_absolute_dates_stay_in_a_contradicted_page():
    text = "وقع الطرفان اليوم (الجمعة) الاتفاق الذي أعلن في 12 يوليو 2015 بعد مفاوضات بدأت في يونيو 2013."
    tags = tag_document(doc(text, CRAWLED))
    assert tags.anchor.source == "contradicted"
    assert [t.value for t in tags.timexes] == ["XXXX-XX-XX", "2015-07-12", "2013-06"]


@pytest.mark.parametrize("text", [
    "أصدر الرئيس اليوم الخميس قراراً، وكان الوفد قد وصل أمس الاثنين.",  # the text contradicts itself
    'أصدر الرئيس قراراً، وقال الوزير: «وصلنا اليوم الجمعة».',  # a quote alone
    "الرياض - 21 يوليو 2015\nأصدر الرئيس اليوم الجمعة قراراً.",  # a dateline naming the given day
    "يبلغ متوسط السعر خلال العام الحالي 1190 دولارا.",  # an amount, not a year
    "افتتح الفرع مع بداية العام الحالي 1436هـ.",  # a Hijri year
    "ارتفعت الصادرات العام الماضي 2014 بنسبة 8 في المائة.",  # agrees with the given year
    "أعلنت الوزارة أمس أن الجمعة 10 يوليو كانت آخر أيام التسجيل.",  # a dated weekday, not today's
    "وقال المدرب الاثنين 13 يوليو إن الفريق جاهز.",  # a weekday and date without a relative day
    "أعلنت الوزارة أمس عدد المصلين في صلاة التراويح خلال رمضان.",  # a tarawih count, told after Ramadan
    "نشرت الصحيفة أمس تقريراً عن موائد الإفطار في رمضان.",  # an iftar (also breakfast) is no night of Ramadan
])
def test_no_contradiction_when_the_text_does_not_say_so_clearly(text):
    a = document_anchor(doc(text, CRAWLED))
    assert a.source != "contradicted" and a.date is not None


def test_a_day_whose_weekday_the_text_names_otherwise_takes_that_weekday_near_a_crawl_day():
    # one contradicting expression does not move the page's anchor, but it dates itself: the
    # text's weekday, within two days of the counted day, against a crawl day
    text = ("وصل الوفد أمس (الاثنين) وتبدأ المحادثات اليوم الثلاثاء. وقال المتحدث إن الحكومة تدفع "
            "المستحقات اليوم الإثنين للبنك المركزي.")
    tags = tag_document(doc(text, CRAWLED))
    assert tags.anchor.date == date(2015, 7, 21)
    timex = tags.timexes[-1]
    assert timex.text == "اليوم الإثنين"
    assert timex.value == "2015-07-20" and any("mismatch" in f for f in timex.flags)
    kept = tag_document(doc(text, CRAWLED), Settings(keep_anchor=True))
    assert kept.timexes[-1].value == "2015-07-21"


def test_a_named_weekday_out_of_reach_or_against_a_declared_anchor_keeps_the_counted_day():
    base = "وصل الوفد أمس (الاثنين) وتبدأ المحادثات اليوم الثلاثاء. وقال المتحدث إن الحكومة تدفع المستحقات "
    # a Friday is three days from the counted Tuesday: nothing says which is wrong
    far = tag_document(doc(base + "اليوم الجمعة للبنك المركزي.", CRAWLED)).timexes[-1]
    assert far.value == "2015-07-21" and any("mismatch" in f for f in far.flags)
    # the user typed the day (--anchor): a Monday the text names does not move it
    typed = Anchor(date=date(2015, 7, 21), source="cli", confidence=1.0)
    kept = tag_document(doc(base + "اليوم الإثنين للبنك المركزي.", typed)).timexes[-1]
    assert kept.value == "2015-07-21" and any("mismatch" in f for f in kept.flags)
