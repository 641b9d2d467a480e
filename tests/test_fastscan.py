"""The compiled trigger scan (chrono/tagger/fastscan.pyx) against the pure-Python one: the same runs
on every text, and the same bytes out of the whole pipeline with either.

`make install` builds the compiled scan; CHRONO_PURE_PYTHON=1 turns it off (then the comparisons
here have nothing to compare and say so)."""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chrono.tagger.tokens as tokens
from chrono.normalize import normalize
from chrono.tagger import WINDOW_OVERLAP, WINDOW_TOKENS, default_grammar
from chrono.tagger.tokens import trigger_runs

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "snn_3000.jsonl"
PURE = bool(os.environ.get("CHRONO_PURE_PYTHON"))

needs_compiled = pytest.mark.skipif(PURE, reason="CHRONO_PURE_PYTHON is set: no compiled scan to compare")


def test_the_compiled_scan_is_built():
    """`make install` builds it; a missing build would silently make chrono several times slower."""
    if PURE:
        assert tokens.fastscan is None
    else:
        assert tokens.fastscan is not None, "chrono/tagger/fastscan.pyx is not built: run `make install`"


def _texts() -> list[str]:
    from tools.corpus import read_cases, read_negatives
    from tools.gen_corpus import generate

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("expressions.txt", "hijri.txt"):
        texts += [case.text for case in read_cases(ROOT / "tests" / "corpus" / name)]
    texts += [row[1] for row in read_negatives(ROOT / "tests" / "corpus" / "negatives.txt")]
    texts += [json.loads(line)["text"] for line in itertools.islice(generate(400_000, 5), 200)]
    # runs that cross chunks and windows, runs of function words only, level-3 words at the end
    texts += ["من 12 إلى 14 نوفمبر " * 400, "24/11/2021 " * 300 + "12/11/2021/" * 300, "في من على " * 500,
              "قبل " * 3000, "الذي", "وصل بعد", "ذهب بعد غد\n\n  \n", " " * 2_000 + "2021", "\n" * 10 + "أمس"]
    return texts


def _both(text: str, **options) -> tuple[list, list]:
    words = default_grammar().words
    normalized = normalize(text).text
    args = (normalized, words.trigger_level)
    options.setdefault("head_if_next", words.head_if_next)
    return (list(trigger_runs(*args, compiled=True, **options)), list(trigger_runs(*args, compiled=False, **options)))


@needs_compiled
@pytest.mark.parametrize("chunk, max_run, keep", [(1 << 16, WINDOW_TOKENS + 2 * WINDOW_OVERLAP, WINDOW_OVERLAP),
                                                  (1 << 16, 0, 0), (17, 30, 4), (3, 7, 1), (256, 50, 10)])
def test_compiled_scan_gives_the_pure_runs(monkeypatch, chunk, max_run, keep):
    """Same Runs (tokens with texts, offsets and kinds; owned parts; pieces of long runs) on the
    seeds, every corpus phrasing, generated news and long runs, at any chunk size."""
    monkeypatch.setattr(tokens, "_CHUNK", chunk)
    found = 0
    for text in _texts():
        fast, pure = _both(text, max_run=max_run, keep=keep)
        assert fast == pure, text[:200]
        found += len(fast)
    assert found > 2000


@needs_compiled
def test_compiled_scan_uses_the_level_function_it_is_given():
    """A caller's own level function (here: every token heads) gives every token, as tokenize() does."""
    from chrono.normalize import tokenize

    text = normalize("قال الوزير (2021) إن اللقاء، كان مثمراً_جداً ½ x²\nabc١٢").text
    for compiled in (True, False):
        runs = list(trigger_runs(text, lambda word, kind: 2, compiled=compiled))
        assert [t for run in runs for t in run.tokens] == tokenize(text)


_ALPHABET = list("في من 2021 نوفمبر أمس بعد غد الذي القعدة ( ) / - . ، \n\t_x²½١ءيٱۓۿ") + [
    chr(c) for c in (0x0620, 0x064B, 0x0670, 0x06D4, 0x06FF, 0x2028, 0x3000, 0x00A0, 0x1D7D8)]


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET + ["في", "من", "نوفمبر", "2021", "أمس", "بعد", "غد", "الذي", "القعدة"]),
                max_size=120).map("".join))
def test_compiled_scan_agrees_on_random_text(text):
    fast, pure = _both(text)
    assert fast == pure
    fast, pure = _both(text, max_run=5, keep=2)
    assert fast == pure


@needs_compiled
@pytest.mark.skipif(not REAL.is_file(), reason=f"real corpus not at {REAL}")
def test_compiled_scan_agrees_on_real_articles():
    """The first 500 SaudiNewsNet articles (read from ../shared, never copied into the repository)."""
    with open(REAL, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in itertools.islice(handle, 500)]
    for text in texts:
        fast, pure = _both(text, max_run=WINDOW_TOKENS + 2 * WINDOW_OVERLAP, keep=WINDOW_OVERLAP)
        assert fast == pure


def _pure_python(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CHRONO_PURE_PYTHON="1")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_pure_python_gives_the_golden_files():
    """The whole pipeline without the compiled scan still writes the golden files byte for byte."""
    done = _pure_python("import chrono.tagger.tokens as t; assert t.fastscan is None\n"
                        "from tools.golden import diff, expected_files\n"
                        "lines = diff(expected_files()); print(len(lines)); print('\\n'.join(lines[:50]))")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[0] == "0", done.stdout


def test_pure_python_gives_the_same_tags_on_generated_news(tmp_path):
    """`chrono tag` on generated news: the same JSON bytes with and without the compiled scan."""
    from tools.gen_corpus import write_corpus

    corpus = tmp_path / "news.jsonl"
    write_corpus(str(corpus), 0.3, seed=11)
    outputs = []
    for pure in (False, True):
        out = tmp_path / f"out{int(pure)}.json"
        env = dict(os.environ, CHRONO_PURE_PYTHON="1") if pure else {k: v for k, v in os.environ.items()
                                                                       if k != "CHRONO_PURE_PYTHON"}
        subprocess.run([sys.executable, "-m", "chrono.cli", "tag", str(corpus), "--format", "json", "-o", str(out)],
                       cwd=ROOT, env=env, check=True, timeout=600)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 100_000


_LETTERS = list("ولفبكاليوممسعامشهرنةهيىذقدغ")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LETTERS + ["ال", "لل", "وال", "بال", "امس", "يوم", "عام", "القعده", "غد"]),
                min_size=1, max_size=6).map("".join))
def test_plain_word_check_agrees_with_the_full_lookup(word):
    """WordIndex decides most new words are plain from five set look-ups (the word less its
    possible proclitics); the full lookup agrees on any word made of clitics and lexicon pieces."""
    from chrono.normalize import proclitic_readings
    from chrono.tagger.words import WordIndex

    grammar = default_grammar()
    fast = WordIndex(grammar.lexicon, frozenset(grammar.literal_words), shortcut=True)
    full = WordIndex(grammar.lexicon, frozenset(grammar.literal_words), shortcut=False)
    assert fast.info(word, "ar") == full.info(word, "ar")
    stems = {stem for stem, _ in proclitic_readings(word)}  # what the five look-ups stand for
    assert stems <= {word, word[1:], word[2:], "ال" + word[2:], "ال" + word[3:]}


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LETTERS + ["ال", "لل", "وال", "بال", "امس", "يوم", "عام", "القعده", "غد", "ثلاث"]),
                min_size=1, max_size=6).map("".join))
def test_compiled_plain_filter_only_rules_out_plain_words(word):
    """The compiled scan skips an Arabic word its filter rules out: trigger_level must call it plain."""
    grammar = default_grammar()
    plain = tokens.fastscan.PlainFilter(grammar.words.plain_suffixes())
    if not plain(word):
        assert grammar.words.trigger_level(word, "ar") == 0


@needs_compiled
def test_compiled_plain_filter_rules_out_most_words_of_news():
    """...and it does skip most of them (the point of it), never a trigger of the seeds or corpus."""
    from chrono.normalize import tokenize

    words = default_grammar().words
    plain = tokens.fastscan.PlainFilter(words.plain_suffixes())
    arabic = [t.text for text in _texts()[:400] for t in tokenize(normalize(text).text) if t.kind == "ar"]
    assert all(plain(w) for w in arabic if words.trigger_level(w, "ar"))
    assert sum(not plain(w) for w in arabic) > len(arabic) / 4
