"""Segmentation: sentences of run-together news text, quotes, and what is not the story."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.segment import in_quote, in_set_aside, segment, sentence_index

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text).sentences]


def test_full_stop_glued_to_next_word_is_a_boundary():
    text = "في ظل توتر العلاقات بين المغرب وجارته الجزائر.وشملت المذكرة السرية التعاون."
    assert _sentences(text) == ["في ظل توتر العلاقات بين المغرب وجارته الجزائر.", "وشملت المذكرة السرية التعاون."]


def test_abbreviations_decimals_and_ellipsis_do_not_split():
    text = "عناصر من الأمن العراقي في شوارع بغداد (د.ب.أ) وبلغ النمو 3.5 في المئة عام 300 ق.م والاستخبارات.. مفاتيح."
    assert _sentences(text) == [text]


def test_a_word_with_a_diacritic_before_its_last_letter_ends_its_sentence():
    # "مكرّر." is a word, not a one-letter abbreviation: the shadda before its last letter is a mark
    text = "ويحتاج المصنع إلى وقود مكرّر. وقد وصلت الشحنة أمس إلى الميناء. وقال (د.ب.أ) إن ق.م انتهى."
    assert _sentences(text) == ["ويحتاج المصنع إلى وقود مكرّر.", "وقد وصلت الشحنة أمس إلى الميناء.",
                                "وقال (د.ب.أ) إن ق.م انتهى."]


def test_question_exclamation_and_newline_split_and_closing_quote_stays():
    text = "وقال: «لقد اتخذنا خطوة تاريخية اليوم».وقال غانتس هل هذا ممكن؟ نعم!\nسطر جديد"
    assert _sentences(text) == ["وقال: «لقد اتخذنا خطوة تاريخية اليوم».", "وقال غانتس هل هذا ممكن؟", "نعم!", "سطر جديد"]


def test_sentence_index_and_gaps():
    text = "الجملة الأولى. الجملة الثانية."
    seg = segment(text)
    assert sentence_index(seg, text.index("الثانية")) == 1
    assert sentence_index(seg, text.index(" ")) == 0
    assert sentence_index(seg, text.index(". ") + 1) is None  # the space between sentences


def test_quotes_guillemets_curly_straight_and_unbalanced():
    text = 'قال «لقد اتخذنا خطوة اليوم» ثم “خطوة تاريخية” و"نص" ثم «بلا إغلاق\nسطر «آخر»'
    seg = segment(text)
    quoted = [text[q.start:q.end] for q in seg.quotes]
    assert quoted == ["لقد اتخذنا خطوة اليوم", "خطوة تاريخية", "نص", "آخر"]
    day = text.index("اليوم")
    assert in_quote(seg, day, day + 5)
    assert not in_quote(seg, text.index("بلا"), text.index("بلا") + 3)  # the unclosed « is not a quote


def test_reported_speech_after_colon_without_marks():
    text = "وقال المتحدث في بيان: سنوقع الاتفاق غدا. ثم غادر."
    seg = segment(text)
    at = text.index("غدا")
    assert in_quote(seg, at, at + 3)
    assert not in_quote(seg, text.index("غادر"), text.index("غادر") + 4)


def test_seed_001_comment_form_is_set_aside_to_the_end():
    text = _seed("001")
    regions = segment(text).set_aside
    assert [r.reason for r in regions] == ["comment form"]
    assert regions[0].text.startswith("ترك الرد") and regions[0].end == len(text.rstrip())


def test_seed_003_teasers_follow_link_breadcrumb_and_comment_form():
    text = _seed("003")
    regions = segment(text).set_aside
    reasons = [r.reason.split(":")[0] for r in regions]
    assert reasons.count("teaser") == 4  # three "اقرأ أيضا" lines and "قد يعجبك أيضاً"
    assert {"breadcrumb", "follow link", "comment form"} <= set(reasons)
    for region in regions:
        assert text[region.start:region.end] == region.text
    # the story itself is untouched
    assert in_set_aside(segment(text), text.index("يوم الأربعاء الماضي"), text.index("يوم الأربعاء الماضي") + 5) is None


def test_seed_004_appended_article_is_set_aside():
    text = _seed("004")
    seg = segment(text)
    appended = [r for r in seg.set_aside if r.reason.startswith("appended article")]
    assert len(appended) == 1
    assert appended[0].text.startswith("بغداد لتكثيف العمل الدبلوماسي")
    assert appended[0].end == len(text.rstrip())
    assert in_set_aside(seg, text.index("اليوم الاثنين"), text.index("اليوم الاثنين") + 5) is not None
    story = text.index("منتصف ليلة أمس")
    assert in_set_aside(seg, story, story + 5) is None
    reasons = {r.reason.split(":")[0] for r in seg.set_aside}
    assert {"page furniture", "repeated line"} <= reasons  # "TT" and the headline printed twice


def test_related_follow_up_section_is_not_an_appended_article():
    lead = ("وصل وزير الدفاع الإسرائيلي بيني غانتس إلى الرباط في زيارة رسمية للمغرب لتوقيع مذكرة تفاهم "
            "دفاعية مع الوزير المغربي عبد اللطيف لوديي وتعزيز التعاون الأمني والعسكري بين البلدين. ") * 4
    follow_up = ("\n\n\nغانتس في الرباط: مذكرة التفاهم الدفاعية\n\n"
                 "وقع غانتس ولوديي مذكرة التفاهم الدفاعية في الرباط وتعزيز التعاون الأمني.")
    seg = segment(lead + follow_up)
    assert not [r for r in seg.set_aside if r.reason.startswith("appended")]


def test_offsets_and_order_on_every_seed():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        seg = segment(text)
        previous = -1
        for span in seg.sentences:
            assert previous <= span.start < span.end <= len(text)
            assert not text[span.start].isspace() and not text[span.end - 1].isspace()
            previous = span.end
        for region in seg.set_aside:
            assert text[region.start:region.end] == region.text


def test_five_megabytes_of_digits_is_fast():
    started = time.perf_counter()
    seg = segment("7" * 5_000_000)
    assert time.perf_counter() - started < 3.0
    assert len(seg.sentences) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("اب ت.«»“”\"\n؟!3ق.مد(") + ["ترك الرد", "اقرأ أيضا", "\n\n\n", "TT"]),
                max_size=120).map("".join))
def test_never_crashes_and_spans_stay_inside(text):
    seg = segment(text)
    for span in seg.sentences + seg.quotes + seg.paragraphs:
        assert 0 <= span.start <= span.end <= len(text)
    for region in seg.set_aside:
        assert text[region.start:region.end] == region.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_any_unicode(text):
    seg = segment(text)
    sentence_index(seg, 0)
    in_quote(seg, 0, 1)


def test_timeline_segments_each_text_once(monkeypatch):
    """Tagging and attaching both need a document's segmentation: it is computed once."""
    from click.testing import CliRunner

    import chrono.segment as segment_module
    from chrono.cli import main

    segment_module.segment.cache_clear()
    calls = []
    original = segment_module.split_sentences
    monkeypatch.setattr(segment_module, "split_sentences", lambda text: calls.append(1) or original(text))
    result = CliRunner().invoke(main, ["timeline", "seeds/", "--manifest", "seeds/manifest.json", "--format", "json"])
    assert result.exit_code == 0
    assert len(calls) == 5  # five seeds, each segmented once


@pytest.mark.parametrize("text,stamp", [
    ("17:42 ت م\nأعلنت الوزارة اليوم عن خطة جديدة.", "17:42 ت م"),
    ("أعلنت الوزارة اليوم عن خطة جديدة. 10:05 (توقيت مكة)", "10:05 (توقيت مكة)"),
    ("الرياض 08:15 ت.م - أعلنت الوزارة اليوم عن خطة.", "08:15 ت.م"),
])
def test_a_wire_time_stamp_at_a_line_edge_is_furniture(text, stamp):
    seg = segment(text)
    assert [(r.text, r.reason) for r in seg.set_aside] == [(stamp, "page furniture: wire time stamp")]


def test_a_time_zone_in_the_story_is_no_furniture():
    assert segment("هاجمت المروحيات في الساعة 6:00 صباح اليوم (1:30 ت غ) حاجزا للجيش").set_aside == []
