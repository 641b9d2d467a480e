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
from chrono.export.html import EVENT_FORMS, arabic_count, group_entries, render
from chrono.models import Conflict, Entry, Mention, TimelineOutput

try:
    from html_fixtures import generated_timeline, hand_built_seeds_timeline, seeds_timeline
except ImportError:  # tests/ became a package
    from tests.html_fixtures import generated_timeline, hand_built_seeds_timeline, seeds_timeline

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


def test_every_entry_has_exactly_one_element(seeds):
    timeline, page = seeds
    marked = [a["data-entry"] for t, a in _parse(page).tags if "data-entry" in a]
    assert sorted(marked) == sorted(e.id for e in timeline.entries)


def test_entries_are_keyboard_reachable_buttons(seeds):
    timeline, page = seeds
    heads = [a for t, a in _parse(page).tags if t == "button" and "head" in a.get("class", "")]
    assert len(heads) == len(timeline.entries)
    assert all(a["aria-expanded"] == "false" and a["type"] == "button" for a in heads)
    details_ids = {a["id"] for t, a in _parse(page).tags if "details" in a.get("class", "")}
    assert {a["aria-controls"] for a in heads} == details_ids


def test_embedded_index_lists_every_entry_and_source(seeds):
    timeline, page = seeds
    parsed = _parse(page)
    data_scripts = [i for i, (t, a) in enumerate(
        (t, a) for t, a in parsed.tags if t == "script") if a.get("type") == "application/json"]
    assert data_scripts == [0]
    index = json.loads(parsed.raw["script"][0])
    assert [e["id"] for e in index["entries"]] == [e.id for e in timeline.entries]
    assert set(index["sources"]) >= {s for e in timeline.entries for s in e.sources}


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
    page = render(TimelineOutput(entries=entries), title=HOSTILE)
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 2
    assert not any(t in ("img", "b", "i") for t, _ in parsed.tags)
    assert page.count("</script>") == 2
    assert {a["data-entry"] for t, a in parsed.tags if "data-entry" in a} == {evil_id, "e2"}
    text = "".join(parsed.text)
    assert HOSTILE in text and "<b>doc</b>" in text and "تسمية <i>مائلة</i> & رموز" in text
    index = json.loads(parsed.raw["script"][0])
    assert index["entries"][0]["id"] == evil_id
    assert index["sources"][0] == "<b>doc</b>"
    assert "<" not in parsed.raw["script"][0]


def _tag_names(label: str, sentence: str, doc: str) -> list[str]:
    entry = _entry("e1", label, sentence=sentence, sources=(doc,), timex="أمس")
    return [tag for tag, _ in _parse(render(TimelineOutput(entries=[entry]))).tags]


@settings(max_examples=40, deadline=None)
@given(label=st.text(max_size=60), sentence=st.text(max_size=80), doc=st.text(max_size=12))
def test_any_text_leaves_the_page_structure_unchanged(label, sentence, doc):
    # The same elements as with harmless text: nothing in a label, sentence or id makes a tag.
    harmless = _tag_names("حدث", "قيل أمس.", "doc")
    sentence_marks = _tag_names(label, sentence, doc).count("mark")
    names = [t for t in _tag_names(label, sentence, doc) if t != "mark"]
    assert names == [t for t in harmless if t != "mark"]
    assert sentence_marks == ("أمس" in (sentence or "أمس"))  # no sentence: the expression alone


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
    page = render(TimelineOutput(entries=entries))
    assert page.index('data-entry="old"') < page.index('data-entry="late"') \
        < page.index('id="m-2020-09"') < page.index('data-entry="dec"')
    assert "تاريخ غير محدد" in page and "أواخر 2020" in page and "تقريبي" in page


def test_a_conflict_marks_both_entries_and_links_each_to_the_other():
    one_sided = [_entry("e1", "الاتفاق الثلاثي", conflicts=("e2",)),
                 _entry("e2", "الاتفاق الثلاثي", value="2020-12-22", start=date(2020, 12, 22))]
    parsed = _parse(render(TimelineOutput(entries=one_sided)))
    marked = {a["data-entry"] for t, a in parsed.tags if "conflict" in a.get("class", "").split()}
    assert marked == {"e1", "e2"}
    jumps = {a["data-jump"]: a["href"] for t, a in parsed.tags if "data-jump" in a}
    assert jumps == {"e1": "#entry-e1", "e2": "#entry-e2"}


def test_mentions_highlight_the_expression_in_the_sentence():
    found = _entry("e1", sentence="وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً.")
    missing = _entry("e2", sentence="جملة لا تحتوي التعبير.")
    page = render(TimelineOutput(entries=[found, missing]))
    assert "<mark>اليوم الأربعاء</mark>" in page
    assert page.count("<mark>") == 1


def test_same_timeline_same_bytes(seeds):
    timeline, page = seeds
    assert render(timeline.model_copy(deep=True), title="المغرب وإسرائيل") == page
    assert render(hand_built_seeds_timeline()) == render(hand_built_seeds_timeline())


def test_empty_timeline_is_still_a_page():
    page = render(TimelineOutput())
    assert 'dir="rtl"' in page and "لا أحداث" in page and 'data-entry="' not in page


def test_two_thousand_entries_render_fast():
    timeline = generated_timeline(2000)
    started = time.perf_counter()
    page = render(timeline)
    seconds = time.perf_counter() - started
    assert page.count("data-entry=") == 2000
    assert seconds < 2, f"{seconds:.2f}s"
