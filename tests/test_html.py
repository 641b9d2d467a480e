"""The HTML timeline page without a browser: structure, escaping, dates, grouping (issue 5)."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.export.display import arabic_value
from chrono.export.html import (
    APPROXIMATE,
    EVENT_FORMS,
    IN_CONFLICT,
    PERIOD,
    Axis,
    arabic_count,
    group_entries,
    page_order,
    render,
    time_axis,
)
from chrono.models import Conflict, Entry, KeptArticle, Mention, QueryTerm, StoryQuery, TimelineOutput

try:
    from html_fixtures import ARCHIVE_PAPERS, generated_archive_timeline, hand_built_seeds_timeline, seeds_timeline
except ImportError:  # tests/ became a package
    from tests.html_fixtures import (
        ARCHIVE_PAPERS,
        generated_archive_timeline,
        hand_built_seeds_timeline,
        seeds_timeline,
    )

HOSTILE = "</script><script>alert(1)</script>"


class _Collector(HTMLParser):
    """Tags with their attributes, and the text of every <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._inside: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._inside = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data):
        if self._inside:
            self.raw[self._inside][-1] += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def _entry(eid, label="حدث", *, value="2021-11-24", start=date(2021, 11, 24), end=None,
           granularity="day", mod=None, sources=("doc1",), conflicts=(), sentence=None,
           timex="اليوم الأربعاء"):
    sentence = sentence if sentence is not None else f"وقع المغرب وإسرائيل {timex} اتفاقاً."
    mentions = [Mention(doc=s, start=0, end=len(timex), text=timex, value=value,
                        sentence=sentence) for s in sources]
    return Entry(id=eid, value=value, type="DATE", granularity=granularity, start_date=start,
                 end_date=end or start, mod=mod, label=label, sources=list(sources),
                 mentions=mentions, conflicts=[Conflict(entry=c, reason="تاريخان مختلفان")
                                               for c in conflicts])


@pytest.fixture(scope="module")
def seeds():
    timeline, _ = seeds_timeline()
    return timeline, render(timeline, title="المغرب وإسرائيل")


# --- structure ----------------------------------------------------------------------------


def test_page_is_an_arabic_right_to_left_document(seeds):
    _, page = seeds
    assert page.startswith("<!DOCTYPE html>\n")
    parsed = _parse(page)
    html_tag = next(attrs for tag, attrs in parsed.tags if tag == "html")
    assert html_tag == {"lang": "ar", "dir": "rtl"}
    assert ("meta", {"charset": "utf-8"}) in parsed.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in parsed.tags)
    assert '"Noto Naskh Arabic"' in parsed.raw["style"][0]
    assert "<title>المغرب وإسرائيل</title>" in page


def _data(page: str) -> dict:
    parsed = _parse(page)
    return json.loads(parsed.raw["script"][0])


def test_every_entry_is_in_the_page_data_once_in_page_order(seeds):
    timeline, page = seeds
    data = _data(page)
    assert data["schema"] == "chrono.page/2"
    assert [row[0] for row in data["entries"]] == [e.id for e, _ in page_order(timeline.entries)]
    assert sorted(row[0] for row in data["entries"]) == sorted(e.id for e in timeline.entries)


def test_sentences_are_stored_once(seeds):
    timeline, page = seeds
    data = _data(page)
    distinct = {m.sentence for e in timeline.entries for m in e.mentions}
    assert sorted(data["sentences"]) == sorted(distinct)
    by_id = {e.id: e for e in timeline.entries}
    for row in data["entries"]:
        mentions = by_id[row[0]].mentions
        assert [data["sentences"][m[1]] for m in row[7]] == [m.sentence for m in mentions]
        assert [m[2] for m in row[7]] == [m.text for m in mentions]
    assert "<li" not in data["sentences"][0] and 'class="entry' not in page.split("<script>")[0], \
        "no entry is drawn in Python: the script draws what is on screen"


def test_embedded_data_lists_every_entry_and_source(seeds):
    timeline, page = seeds
    parsed = _parse(page)
    data_scripts = [i for i, (t, a) in enumerate(
        (t, a) for t, a in parsed.tags if t == "script") if a.get("type") == "application/json"]
    assert data_scripts == [0]
    data = _data(page)
    assert {s[0] for s in data["sources"]} >= {s for e in timeline.entries for s in e.sources}
    assert all(len(s) == 4 for s in data["sources"])


# --- nothing leaves the machine -----------------------------------------------------------

_URL_ATTRIBUTES = ("src", "href", "action", "srcset", "poster", "data", "formaction", "manifest")


def test_no_external_resource_reference(seeds):
    _, page = seeds
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        for name in _URL_ATTRIBUTES:
            if name in attrs:
                assert attrs[name].startswith("#"), (tag, name, attrs[name])
        assert tag not in ("link", "img", "iframe", "object", "embed", "base")
    executable = [a for t, a in parsed.tags if t == "script" and a.get("type") != "application/json"]
    assert executable == [{}], "one inline script, no src"
    for css in parsed.raw["style"]:
        assert "@import" not in css
        assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", css))
    code = "".join(parsed.raw["script"] + parsed.raw["style"])
    assert not re.search(r"https?://|//[a-z0-9-]+\.[a-z]", code, re.IGNORECASE)
    assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|EventSource|import\s*\()", code)


def test_content_security_policy_allows_only_the_inline_style_and_script(seeds):
    _, page = seeds
    parsed = _parse(page)
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")

    def digest(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert "default-src 'none'" in csp
    assert f"style-src {digest(parsed.raw['style'][0])};" in csp
    assert f"script-src {digest(parsed.raw['script'][1])};" in csp


# --- escaping -----------------------------------------------------------------------------


def test_hostile_strings_stay_text():
    evil_id = 'e1"><img src=x onerror=alert(1)>'
    entries = [
        _entry(evil_id, HOSTILE, sources=("<b>doc</b>",), conflicts=("e2",),
               sentence=f"قال {HOSTILE} اليوم الأربعاء <!-- ]]>"),
        _entry("e2", "تسمية <i>مائلة</i> & رموز", start=date(2021, 11, 25), value="2021-11-25",
               conflicts=(evil_id,)),
    ]
    query = StoryQuery(text=HOSTILE, terms=[], top=5, min_score=0.5, considered=2, matched=1,
                       kept=[KeptArticle(id="<b>doc</b>", score=1.5)])
    page = render(TimelineOutput(entries=entries, query=query), title=HOSTILE)
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 2
    assert not any(t in ("img", "b", "i") for t, _ in parsed.tags)
    assert page.count("</script>") == 2
    text = "".join(parsed.text)
    assert HOSTILE in text, "the title and the query are text"
    data = _data(page)
    assert data["entries"][0][0] == evil_id and data["entries"][0][4] == HOSTILE
    assert data["sources"][0][0] == "<b>doc</b>"
    assert "<" not in parsed.raw["script"][0]


def _tag_names(label: str, sentence: str, doc: str) -> list[str]:
    entry = _entry("e1", label, sentence=sentence, sources=(doc,), timex="أمس")
    return [tag for tag, _ in _parse(render(TimelineOutput(entries=[entry]))).tags]


@settings(max_examples=40, deadline=None)
@given(label=st.text(max_size=60), sentence=st.text(max_size=80), doc=st.text(max_size=12))
def test_any_text_leaves_the_page_structure_unchanged(label, sentence, doc):
    # The same elements as with harmless text: nothing in a label, sentence or id makes a tag.
    assert _tag_names(label, sentence, doc) == _tag_names("حدث", "قيل أمس.", "doc")


# --- Arabic dates -------------------------------------------------------------------------


@pytest.mark.parametrize("value, mod, expected", [
    ("2021-11-24", None, "24 نوفمبر 2021"),
    ("2020-12", None, "ديسمبر 2020"),
    ("2020", None, "2020"),
    ("2020", "END", "أواخر 2020"),
    ("2021-11", "START", "أوائل نوفمبر 2021"),
    ("2019", "MID", "منتصف 2019"),
    ("2000", "ON_OR_AFTER", "منذ 2000"),
    ("2021-11-23/2021-11-25", None, "23–25 نوفمبر 2021"),
    ("2021-11-30/2021-12-02", None, "30 نوفمبر – 2 ديسمبر 2021"),
    ("2017/2021", None, "2017–2021"),
    ("2021-03/2021-05", None, "مارس – مايو 2021"),
    ("2020-12-30/2021-01-02", None, "30 ديسمبر 2020 – 2 يناير 2021"),
    ("2021-Q4", None, "الربع الرابع من 2021"),
    ("2021-H1", None, "النصف الأول من 2021"),
    ("2021-W47", None, "الأسبوع 47 من 2021"),
    ("199", None, "التسعينيات (1990–1999)"),
    ("201", None, "العقد 2010–2019"),
    ("19", None, "القرن العشرون"),
    ("19", "END", "أواخر القرن العشرين"),
    ("2016-SU", None, "صيف 2016"),
    ("2021-11-24TMI", None, "ظهر 24 نوفمبر 2021"),
    ("BC0300", None, "300 ق.م"),
    ("2021-11-23TNI", None, "ليلة 23 نوفمبر 2021"),
    ("2021-11-24TEV", None, "مساء 24 نوفمبر 2021"),
    ("2021-11-24T18:30", None, "24 نوفمبر 2021، الساعة 18:30"),
    ("XXXX-12-10", None, "10 ديسمبر (السنة غير معروفة)"),
    ("PRESENT_REF", None, "الآن"),
    ("P3D", None, "P3D"),
    ("2021-13-01", None, "2021-13-01"),
    ("", None, "تاريخ غير معروف"),
])
def test_arabic_date_at_its_own_granularity(value, mod, expected):
    assert arabic_value(value, mod=mod) == expected


def test_unknown_value_falls_back_to_the_calendar_interval():
    assert arabic_value("odd", start=date(2021, 8, 1), end=date(2021, 8, 31)) == "أغسطس 2021"
    assert arabic_value("odd", start=date(2020, 1, 1), end=date(2020, 12, 31)) == "2020"
    assert arabic_value("odd", start=date(2021, 8, 3), end=date(2021, 8, 3)) == "3 أغسطس 2021"


@given(st.text(max_size=40), st.sampled_from([None, "START", "END", "APPROX", "BEFORE"]))
def test_the_formatter_never_raises(value, mod):
    assert isinstance(arabic_value(value, mod=mod), str)


@pytest.mark.parametrize("n, expected", [
    (1, "حدث واحد"), (2, "حدثان"), (3, "3 أحداث"), (10, "10 أحداث"), (11, "11 حدثاً"),
    (99, "99 حدثاً"), (100, "100 حدث"), (103, "103 أحداث"), (0, "0 حدث"),
])
def test_arabic_count_agrees_with_the_number(n, expected):
    assert arabic_count(n, EVENT_FORMS) == expected


# --- grouping, conflicts, determinism -----------------------------------------------------


def test_groups_by_year_then_month_with_periods_where_they_start():
    entries = [
        _entry("late", value="2020", granularity="year", mod="END",
               start=date(2020, 9, 1), end=date(2020, 12, 31)),
        _entry("dec", value="2020-12-22", start=date(2020, 12, 22)),
        _entry("sep", value="2020-09-03", start=date(2020, 9, 3)),
        _entry("old", value="1993", granularity="year", start=date(1993, 1, 1),
               end=date(1993, 12, 31)),
        _entry("nodate", value="XXXX-12-10", start=None),
        _entry("week", value="2021-W48", granularity="week", start=date(2021, 11, 29),
               end=date(2021, 12, 5)),
    ]
    groups = group_entries(entries)
    assert [g.year for g in groups] == [1993, 2020, 2021, None]
    y2020 = groups[1]
    assert list(y2020.months) == [9, 12]
    assert [e.id for e in y2020.months[9].period] == ["late"]
    assert [e.id for e in y2020.months[9].dated] == ["sep"]
    assert [e.id for e in groups[2].months[11].dated] == ["week"]
    assert [e.id for e in groups[3].undated] == ["nodate"]
    rows = _data(render(TimelineOutput(entries=entries)))["entries"]
    assert [r[0] for r in rows] == ["old", "late", "sep", "dec", "week", "nodate"]
    flags = {r[0]: r[5] for r in rows}
    assert flags["late"] & PERIOD and flags["late"] & APPROXIMATE and not flags["sep"] & PERIOD
    assert {r[0]: r[1] for r in rows}["late"] == "أواخر 2020"


def test_a_conflict_marks_both_entries_and_links_each_to_the_other():
    one_sided = [_entry("e1", "الاتفاق الثلاثي", conflicts=("e2",)),
                 _entry("e2", "الاتفاق الثلاثي", value="2020-12-22", start=date(2020, 12, 22))]
    rows = _data(render(TimelineOutput(entries=one_sided)))["entries"]
    assert [r[0] for r in rows] == ["e2", "e1"]
    assert all(r[5] & IN_CONFLICT for r in rows)
    assert {r[0]: r[8] for r in rows} == {
        "e1": [[0, "تاريخان مختلفان", "e2"]], "e2": [[1, "تاريخان مختلفان", "e1"]]}


def test_a_mention_dated_differently_says_so():
    entry = _entry("e1")
    other = entry.mentions[0].model_copy(update={"value": "2021-11-23"})
    row = _data(render(TimelineOutput(entries=[entry.model_copy(update={"mentions": [entry.mentions[0], other]})])))
    assert [m[3] for m in row["entries"][0][7]] == ["", "23 نوفمبر 2021"]


def test_same_timeline_same_bytes(seeds):
    timeline, page = seeds
    assert render(timeline.model_copy(deep=True), title="المغرب وإسرائيل") == page
    assert render(hand_built_seeds_timeline()) == render(hand_built_seeds_timeline())


def test_empty_timeline_is_still_a_page():
    page = render(TimelineOutput())
    main = page[page.index("<main"):page.index("</main>")]
    assert 'dir="rtl"' in page and "لا أحداث" in main and _data(page)["entries"] == []


def test_ten_thousand_entries_render_fast_and_compact():
    timeline = generated_archive_timeline(articles=4000, entries=10000)
    started = time.perf_counter()
    page = render(timeline)
    seconds = time.perf_counter() - started
    assert len(_data(page)["entries"]) == 10000
    assert seconds < 5, f"{seconds:.2f}s"
    sentences = sum(len(m.sentence.encode()) for e in timeline.entries for m in e.mentions)
    assert len(page.encode()) < sentences + 400 * len(timeline.entries), \
        "about 400 bytes an entry besides its sentences"


# --- the time axis ------------------------------------------------------------------------


def _dated(year: int, n: int = 1, month: int = 6) -> list[Entry]:
    return [_entry(f"y{year}-{k}", value=str(year), start=date(year, month, 1)) for k in range(n)]


def test_the_axis_spans_the_busy_years_and_leaves_far_outliers_out():
    entries = _dated(1436) + _dated(200) + _dated(1990, 3) + _dated(2013, 5) + _dated(2014, 40) \
        + _dated(2015, 400) + _dated(2016, 10) + _dated(2030, 2)
    assert time_axis(entries) == Axis(2013, 2016)
    assert time_axis(entries[:1]) == Axis(1436, 1436)
    assert time_axis([_entry("n", value="XXXX-12-10", start=None)]) is None


def test_a_small_chronology_keeps_every_year_on_the_axis():
    assert time_axis(_dated(1973) + _dated(2020)) == Axis(1973, 2020)


# --- newspapers and the story of --about ------------------------------------------------------


def test_sources_carry_their_newspaper_and_title():
    timeline = generated_archive_timeline(articles=30, entries=40)
    data = _data(render(timeline))
    assert data["papers"] == list(ARCHIVE_PAPERS)
    first = timeline.documents[0]
    assert data["sources"][0] == [first.id, 0, first.title, "1 يوليو 2015"]


def test_the_page_names_the_query_and_the_articles_kept():
    timeline = generated_archive_timeline(articles=30, entries=40)
    kept = [KeptArticle(id=timeline.documents[3].id, score=12.3456), KeptArticle(id="gone", score=2.0)]
    query = StoryQuery(text="الاتفاق النووي", terms=[QueryTerm(word="النووي", stem="نوو", documents=4)],
                       top=50, min_score=0.5, considered=30, matched=4, kept=kept)
    page = render(timeline.model_copy(update={"query": query}))
    text = "".join(_parse(page).text)
    assert "التسلسل الزمني: الاتفاق النووي" in text  # the title names the story
    assert "«الاتفاق النووي»" in text and "مقالان من 30 مقالاً" in text
    assert timeline.documents[3].title in text and "12.35" in text and "gone" in text
    assert 'data-doc="3"' in page
    assert _data(page)["query"]["kept"] == [[3, 12.3456, timeline.documents[3].id], [-1, 2.0, "gone"]]
