"""Property tests: any Unicode string tags without an exception, with valid offsets, twice the same."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.lexicon import LEXICON
from chrono.normalize import CHANGED_CHARACTERS, fold, normalize
from chrono.pipeline import tag_text

ANCHOR = date(2021, 11, 24)
# Arabic-heavy text with the characters the normalizer treats specially, plus anything at all.
ARABIC_BITS = st.sampled_from([
    "اليوم", "أمس", "الأربعاء", "يوم", "الماضي", "المقبل", "عام", "2021", "24", "١٩", "نوفمبر", "ديسمبر",
    "(كانون الأول)", "من", "إلى", "بين", "و", "قبل", "منذ", "ثلاثة", "أيام", "الساعة", "العاشرة", "صباحاً",
    "أواخر", "هـ", "ربيع الثاني", "/", "-", ".", "،", "«", "»", "\u064e", "\u0640", "\u200f", "\n", " ", "ق.م",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(ARABIC_BITS, max_size=40).map(" ".join),
                  st.lists(st.one_of(ARABIC_BITS, st.text(max_size=3)), max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans())
def test_any_text_gives_valid_offsets_and_same_output_twice(text, with_anchor):
    anchor = ANCHOR if with_anchor else None
    first = tag_text(text, anchor)
    for t in first:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
    assert [t.model_dump() for t in first] == [t.model_dump() for t in tag_text(text, anchor)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalized_spans_map_inside_the_original(text):
    n = normalize(text)
    for a in range(0, len(n.text) + 1, max(1, len(n.text) // 7 or 1)):
        for b in range(a, len(n.text) + 1, max(1, len(n.text) // 5 or 1)):
            s, e = n.span(a, b)
            assert 0 <= s <= e <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(sorted(CHANGED_CHARACTERS)), st.characters()), max_size=80))
def test_replacement_chain_equals_the_translation_table(text):
    """normalize() replaces character by character with str.replace (faster on news text), fold()
    with str.translate (faster on a word); both must give the same text, on any string."""
    assert normalize(text).text == fold(text)


_CLAUSE_PIECES = st.sampled_from([
    "سيلتقي", "وسيعقد", "فستكون", "لسيتم", "ستتم", "سوف", "المقرر", "تعتزم", "سنه", "سياسه", "غدا", "يوم",
    "الخميس", "في", " ", ".", ";", ":", '"', "\n", "!", "?", "x",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLAUSE_PIECES, max_size=60).map("".join), st.integers(min_value=0, max_value=400))
def test_future_cue_matches_its_word_by_word_definition(text, start):
    """has_future_cue (clause by rfind, words prefiltered by one regex) says what the plain
    definition says: among the last eight words of the clause before `start`, a cue word or a
    سـ future verb."""
    import re

    from chrono.tagger import FUTURE_LOOKBACK_CHARS, has_future_cue, is_future_verb

    start = min(start, len(text))
    clause = re.split(r'[.!?\n";:]', text[max(0, start - FUTURE_LOOKBACK_CHARS):start])[-1]
    words = re.findall(r"[\u0621-\u064a]+", clause)[-8:]
    expected = any(w in LEXICON.future_cue_words or is_future_verb(w) for w in words)
    assert has_future_cue(text, start) == expected


_CUE_PIECES = st.sampled_from(sorted(LEXICON.future_cue_words) + list("اوفسيتنمه") + [
    "سيلتقي", "وسيعقد", "لسيتم", "سنه", "سياسه", "الخميس", " ", ".", "x", "1"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CUE_PIECES, max_size=30).map("".join))
def test_future_cue_prefilter_is_the_one_pattern_it_replaced(clause):
    """tense.may_hold_future_cue (the letter first, then its look-behinds; the cue words by `in`)
    says what one regex said: a word starting (after و/ف) with سي/ست/سن, or any cue word."""
    import re

    from chrono.tagger.tense import may_hold_future_cue

    one_pattern = re.compile("(?<![\u0621-\u064a])[وف]?س[يتن]|"
                             + "|".join(sorted(map(re.escape, LEXICON.future_cue_words))))
    assert may_hold_future_cue(clause) == bool(one_pattern.search(clause))


def _every_token_heads(word: str, kind: str) -> int:
    return 2


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_split_pattern_finds_the_tokens(text):
    """trigger_runs splits the text into words with one regex (the token pattern as one group,
    behind a look-ahead that skips spaces); when every token is a trigger, the one run it gives is
    exactly the tokens tokenize() gives: same texts, offsets and kinds."""
    from chrono.normalize import tokenize
    from chrono.tagger.tokens import trigger_runs

    normalized = normalize(text).text
    found = [t for run in trigger_runs(normalized, _every_token_heads) for t in run.tokens]
    assert found == tokenize(normalized)
