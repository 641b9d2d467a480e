"""`chrono timeline --about`: ranking an archive against a story's query (chrono/about.py), the
light stem it ranks by (chrono.normalize.stem_word) and the query in the outputs."""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from chrono.about import (
    DEFAULT_MIN_SCORE,
    DEFAULT_TOP,
    SET_ASIDE_KEY,
    index_terms,
    off_story,
    query_terms,
    rank_archive,
    term_weights,
)
from chrono.cli import main
from chrono.merge import build_timeline
from chrono.models import Anchor, Document, DocumentError
from chrono.normalize import fold, stem_word
from chrono.pipeline import given_set_aside, tag_document

# Two stories and some noise, as an archive holds them.
NUCLEAR = [
    "وافق مجلس الأمن الدولي اليوم على الاتفاق النووي مع إيران بالإجماع.",
    "قال وزير الخارجية الإيراني إن الاتفاقية النووية لن تغير سياسة طهران.",
    "رحبت دول الخليج بحذر بالاتفاق النووي الإيراني الذي أقره مجلس الأمن.",
]
GREECE = [
    "أعادت المصارف اليونانية فتح أبوابها بعد إغلاق دام ثلاثة أسابيع.",
    "صوت البرلمان اليوناني على حزمة إصلاحات يطلبها الدائنون في منطقة اليورو.",
]
NOISE = ["افتتح أمير المنطقة مهرجان العيد في الحديقة العامة.",
         "تعادل فريقا الهلال والنصر في مباراة ودية أمس."]


def _archive() -> list[Document]:
    texts = NOISE[:1] + NUCLEAR[:2] + GREECE + NUCLEAR[2:] + NOISE[1:]
    return [Document(id=f"a{i}", text=text) for i, text in enumerate(texts)]


class _Once:
    """An iterable that can be read once only: the archive is a stream."""

    def __init__(self, items):
        self.items, self.reads = items, 0

    def __iter__(self):
        self.reads += 1
        assert self.reads == 1, "the archive was read twice"
        return iter(self.items)


# --- words and stems ---------------------------------------------------------------------------


def test_stems_join_what_one_word_is_written_as():
    assert len({stem_word(w) for w in ("النووي", "النووية", "نووية", "والنووية")}) == 1
    assert len({stem_word(w) for w in ("الإيرانية", "إيران", "الايراني", "إيرانية")}) == 1
    assert len({stem_word(w) for w in ("الاتفاق", "والاتفاقية", "اتفاق", "للاتفاق")}) == 1
    assert stem_word("الحوثيين") == stem_word("للحوثيين") == stem_word("الحوثي")


@given(st.text(max_size=30))
def test_a_stem_is_the_same_for_a_word_and_its_folded_form(word):
    assert stem_word(word) == stem_word(fold(word))
    assert stem_word(word) == fold(stem_word(word)), "a stem is folded"


def test_the_ranking_sees_folded_stems_and_skips_one_letter_words():
    assert index_terms("وافقَ مجلسُ الأمن و 2015 م") == ["وافق", "مجلس", "امن", "2015"]
    assert query_terms("الاتفاق، والاتفاقية «النووي»") == [("الاتفاق", "اتفاق"), ("«النووي»".strip("«»"), "نوو")]


# --- ranking -----------------------------------------------------------------------------------


def test_the_story_is_kept_and_the_rest_left_out():
    ranking = rank_archive(_archive(), "الاتفاق النووي الإيراني")
    kept = [k.id for k in ranking.story.kept]
    assert set(kept) == {"a1", "a2", "a5"}
    scores = [k.score for k in ranking.story.kept]
    assert scores == sorted(scores, reverse=True) and scores[-1] >= DEFAULT_MIN_SCORE * scores[0]
    documents = list(ranking.documents())
    assert [d.id for d in documents] == ["a1", "a2", "a5"], "the kept articles, in archive order"
    assert documents[0] == _archive()[1], "given back as they were read"
    assert ranking.story.considered == 7 and ranking.story.top == DEFAULT_TOP
    assert {t.stem: t.documents for t in ranking.story.terms} == {"اتفاق": 3, "نوو": 3, "ايران": 3}


def test_the_archive_is_read_once_and_the_index_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stream = _Once(_archive())
    ranking = rank_archive(stream, "اليونان")
    assert [p.name.startswith("chrono-about-") for p in tmp_path.iterdir()] == [True], "the index is on disk"
    assert [d.id for d in ranking.documents()] == ["a3", "a4"]
    assert stream.reads == 1
    assert list(tmp_path.iterdir()) == [], "the temporary index is deleted after the last article"


def test_top_and_the_relative_threshold_bound_what_is_kept():
    assert len(rank_archive(_archive(), "الاتفاق النووي", top=1).story.kept) == 1
    everything = rank_archive(_archive(), "مجلس الأمن اليونان", min_score=0).story
    strict = rank_archive(_archive(), "مجلس الأمن اليونان", min_score=1).story
    assert len(everything.kept) == everything.matched > len(strict.kept) >= 1
    assert all(k.score == strict.kept[0].score for k in strict.kept)


def test_ranking_is_deterministic():
    first = rank_archive(_archive(), "الاتفاق النووي اليونان", min_score=0).story
    second = rank_archive(list(reversed(_archive())), "الاتفاق النووي اليونان", min_score=0).story
    assert first == rank_archive(_archive(), "الاتفاق النووي اليونان", min_score=0).story
    assert sorted((k.id, k.score) for k in first.kept) == sorted((k.id, k.score) for k in second.kept)


# --- the sentences of the story --------------------------------------------------------------

# A kept article on the bombing that goes on about other news, as real reports do.
MIXED = ("قالت وزارة الداخلية يوم الاثنين إن التفجير الذي هز بلدة سروج أوقع 30 قتيلا. "
         "وأعلنت الوزارة يوم الثلاثاء أن 32 جريحا ما زالوا في المستشفى. "
         "وفي أنقرة استمرت يوم الأربعاء مشاورات تشكيل الحكومة الائتلافية. "
         "وكانت الانتخابات قد جرت في السابع من يونيو الماضي.")


def _mixed_archive() -> list[Document]:
    anchor = Anchor(date=date(2015, 7, 22), source="cli", confidence=1.0)
    return [Document(id="mixed", text=MIXED, anchor=anchor)] + [
        Document(id=f"n{i}", text=text, anchor=anchor) for i, text in enumerate(NOISE + GREECE + NUCLEAR)]


def test_sentences_off_the_story_are_set_aside_and_give_no_entry():
    ranking = rank_archive(_mixed_archive(), "تفجير سروج")
    [document] = list(ranking.documents())
    regions = given_set_aside(document)
    assert [r.text for r in regions] == [MIXED[MIXED.index("وفي أنقرة"):].strip()]
    assert regions[0].reason == "not about the story: تفجير سروج"
    timeline = build_timeline([(document, tag_document(document))])
    quoted = [m.text for e in timeline.entries for m in e.mentions]
    assert "يوم الاثنين" in quoted and "يوم الثلاثاء" in quoted, "the story and the sentence after it"
    assert "يوم الأربعاء" not in quoted and "السابع من يونيو الماضي" not in quoted
    assert timeline.documents[0].set_aside[-1].reason.startswith("not about the story")


def test_a_sentence_tells_the_story_by_the_weight_of_its_query_words():
    story = rank_archive(_mixed_archive(), "سروج أنقرة").story
    weights = term_weights(story)
    assert set(weights) == {"سروج", "انقر"}
    text = "سقط قتلى في سروج. ثم عاد الهدوء. وقيل كلام كثير. وفي أنقرة اجتماع."
    kept_out = [r.text for r in off_story(Document(id="d", text=text), "q", weights)]
    assert kept_out == ["وقيل كلام كثير."]


def test_regions_given_by_an_earlier_stage_must_quote_the_text():
    text = "نص أول. نص ثان."
    good = {"start": 8, "end": 15, "reason": "r", "text": "نص ثان."}
    bad = [{"start": 0, "end": 5, "reason": "r", "text": "غير ذلك"}, {"start": 8, "end": 99, "reason": "r",
                                                                        "text": "x"}, "garbage"]
    document = Document(id="d", text=text, meta={SET_ASIDE_KEY: [good, *bad]})
    assert [(r.start, r.end) for r in given_set_aside(document)] == [(8, 15)]
    assert [(r.start, r.end) for r in tag_document(document).set_aside] == [(8, 15)]


def test_read_errors_are_passed_on_and_nothing_matching_keeps_nothing():
    error = DocumentError(path="archive.jsonl", line=3, reason="malformed JSON")
    ranking = rank_archive([error] + _archive(), "كسوف الشمس")
    assert ranking.story.kept == [] and ranking.story.matched == 0
    assert list(ranking.documents()) == [error]


@pytest.mark.parametrize("query, options, message", [
    ("", {}, "no word"), ("، .", {}, "no word"), ("اتفاق", {"top": 0}, "top"),
    ("اتفاق", {"min_score": 1.5}, "min_score"),
])
def test_bad_queries_and_bounds_are_refused(query, options, message):
    with pytest.raises(ValueError, match=message):
        rank_archive(_archive(), query, **options)


# --- the command -------------------------------------------------------------------------------


@pytest.fixture()
def archive_file():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "archive.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for doc in _archive():
                out.write(json.dumps({"id": doc.id, "text": doc.text, "published": "2015-07-20",
                                      "source": "paper", "title": doc.text[:20]}, ensure_ascii=False) + "\n")
        yield path


def test_about_names_the_query_and_the_kept_articles_in_the_json(archive_file):
    done = CliRunner().invoke(main, ["timeline", archive_file, "--about", "الاتفاق النووي الإيراني",
                                     "--format", "json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert list(data)[:2] == ["schema", "query"]
    assert data["query"]["text"] == "الاتفاق النووي الإيراني"
    assert {k["id"] for k in data["query"]["kept"]} == {"a1", "a2", "a5"}
    assert [d["id"] for d in data["documents"]] == ["a1", "a2", "a5"]
    assert "newspaper" not in data["documents"][0], "the input's own fields are not repeated"


def test_without_about_the_json_has_no_query(archive_file):
    done = CliRunner().invoke(main, ["timeline", archive_file, "--format", "json"])
    assert done.exit_code == 0 and "query" not in json.loads(done.output)


def test_about_in_the_table_and_the_page(archive_file):
    table = CliRunner().invoke(main, ["timeline", archive_file, "--about", "اليونان", "--bidi", "none"])
    assert table.exit_code == 0 and table.output.startswith("about: اليونان  (2 of 7 articles kept")
    page = CliRunner().invoke(main, ["timeline", archive_file, "--about", "اليونان", "--format", "html"])
    assert "«<bdi>اليونان</bdi>»" in page.output


@pytest.mark.parametrize("args, message", [
    (["--top", "3"], "--top needs --about"), (["--min-score", "0.3"], "--min-score needs --about"),
    (["--about", "اتفاق", "--top", "0"], "--top"), (["--about", "، ."], "no word"),
])
def test_about_usage_errors(archive_file, args, message):
    done = CliRunner().invoke(main, ["timeline", archive_file, *args])
    assert done.exit_code == 2 and message in done.output
