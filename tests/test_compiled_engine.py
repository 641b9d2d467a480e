"""The compiled tagger (chrono/tagger/engine.py built by Cython with the types of engine.pxd, and
the modules of chrono.tagger.builds.COMPILED) against the same files run as Python: the same
items, in the same order, with the same values, and the same expressions with the same clause
readings, on the same texts; and the choice between the two builds (chrono.tagger.builds).

`make install` builds the compiled modules; CHRONO_PURE_PYTHON=1 turns them off. The two builds
cannot share a process (Python loads one module per name), so each runs in a child process
and prints every item it builds; tests/test_fastscan.py also runs the golden files and
`chrono tag` through the pure pipeline."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import chrono.tagger.engine as engine
from chrono.tagger.builds import COMPILED, STALE_AFTER_SECONDS, compiled_beside, source_of, usable_build

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "snn_3000.jsonl"
PURE = bool(os.environ.get("CHRONO_PURE_PYTHON"))

# Prints, for each text, every item the parser builds on each run of triggers (rule, class,
# spans, weight, prefix, value, children's rules) and which ones `select` keeps.
_DUMP = """
import itertools, json, sys
from pathlib import Path
import chrono.tagger.engine as engine
from chrono.normalize import normalize
from chrono.tagger import WINDOW_OVERLAP, WINDOW_TOKENS, builds, default_grammar, find_expressions
from chrono.tagger.tokens import trigger_windows
from tools.corpus import read_cases, read_negatives
from tools.gen_corpus import generate

root, real = Path(sys.argv[1]), Path(sys.argv[2])
print(engine.__file__)
print(*[sys.modules[m].__file__.rpartition(".")[2] for m in builds.COMPILED])
texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
for name in ("expressions.txt", "hijri.txt"):
    texts += [case.text for case in read_cases(root / "tests" / "corpus" / name)]
texts += [row[1] for row in read_negatives(root / "tests" / "corpus" / "negatives.txt")]
texts += [json.loads(line)["text"] for line in itertools.islice(generate(400_000, 5), 200)]
texts += ["من 12 إلى 14 نوفمبر " * 300, "في من على " * 300, "قبل " * 500, "٢٠٢١/١١/٢٤ (24 نوفمبر) 2021-11-24"]
if real.is_file():
    with open(real, encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in itertools.islice(handle, 300)]
grammar = default_grammar()
words = grammar.words
for text in texts:
    norm = normalize(text).text
    for tokens, own_from, own_to in trigger_windows(norm, words.trigger_level, WINDOW_TOKENS, WINDOW_OVERLAP,
                                                     words.head_if_next):
        items = engine.analyze_tokens(tokens, grammar)
        for it in items:
            shown = it.value.canonical() if hasattr(it.value, "canonical") else repr(it.value)
            print(it.rule, it.cls, it.start, it.end, it.cstart, it.cend, it.weight, it.prefix, shown,
                  [c.rule for c in it.children], it.kind, it.kinds)
        chosen = engine.select(items, grammar, ("tv", "block"))
        print("selected", [items.index(it) for it in chosen], own_from, own_to)
    # the clause readings (context.py, tense.py) of what is kept
    for e in find_expressions(text, grammar):
        print("expression", e.start, e.end, e.future_cue, e.past_cue, e.item.rule, e.item.value.canonical())
"""


def _dump(pure: bool, tmp_path: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHRONO_PURE_PYTHON"}
    if pure:
        env["CHRONO_PURE_PYTHON"] = "1"
    out = tmp_path / f"items{int(pure)}.txt"
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-c", _DUMP, str(ROOT), str(REAL)], cwd=ROOT, env=env, stdout=handle,
                       check=True, timeout=900)
    return out.read_text(encoding="utf-8").splitlines()


def test_the_compiled_engine_is_built():
    """`make install` builds it and the other compiled modules; a missing or stale build would
    silently make the tagger slower."""
    loaded = {name: sys.modules[name].__file__ for name in COMPILED}
    if PURE:
        assert engine.__file__.endswith("engine.py")
        assert all(path.endswith(".py") for path in loaded.values()), loaded
    else:
        assert not engine.__file__.endswith(".py"), "chrono/tagger/engine.py is not compiled: run `make install`"
        assert not hasattr(engine.Item("tv", None, 0, 1, 0, 1, "r"), "__dict__")  # an extension type
        assert not any(path.endswith(".py") for path in loaded.values()), f"not compiled: {loaded}; run `make install`"


def test_both_builds_build_the_same_items(tmp_path):
    """Every item (rule, class, token and character spans, weight, prefix, value, children) and the
    selection, on the seeds, every corpus phrasing, generated news, long runs and 300 real articles."""
    compiled, pure = _dump(False, tmp_path), _dump(True, tmp_path)
    assert pure[0].endswith("engine.py") and set(pure[1].split()) == {"py"}
    if compiled_beside(Path(engine.__file__).with_name("engine.py")) is not None:
        assert not compiled[0].endswith(".py") and "py" not in compiled[1].split()
    assert len(compiled) == len(pure) > 20_000
    assert sum(line.startswith("expression") for line in pure) > 2_000
    for line, (a, b) in enumerate(zip(compiled[2:], pure[2:], strict=True), 3):
        assert a == b, f"line {line}: {a} != {b}"


def test_item_fields_are_typed_and_mutable_alike():
    """What the rest of the tagger does with items works on both builds: positional and keyword
    construction, defaults, identity equality, attribute updates."""
    a = engine.Item("tv", None, 0, 2, 0, 9, "r", prefix="و")
    b = engine.Item("tv", None, 0, 2, 0, 9, "r", (), "و", 1)
    assert (a.children, a.prefix, a.weight) == ((), "و", 1) and a != b and a == a
    a.weight = 3
    assert a.weight == 3 and a.kind == "tv" and a.kinds == ("tv",)


def test_a_stale_or_turned_off_build_is_not_used(tmp_path, monkeypatch):
    """A compiled file older than its .py or .pxd (edited since the install) is passed over, as is
    any build when CHRONO_PURE_PYTHON is set; a fresh one is used."""
    import importlib.machinery

    source = tmp_path / "engine.py"
    types = tmp_path / "engine.pxd"
    built = tmp_path / ("engine" + importlib.machinery.EXTENSION_SUFFIXES[0])
    for path in (source, types, built):
        path.write_text("")
    now = time.time()
    monkeypatch.delenv("CHRONO_PURE_PYTHON", raising=False)
    os.utime(source, (now - 100, now - 100))
    os.utime(types, (now - 100, now - 100))
    os.utime(built, (now - 50, now - 50))
    assert usable_build(source) == built
    os.utime(types, (now, now))
    assert usable_build(source) is None
    os.utime(types, (now - 50 - STALE_AFTER_SECONDS / 2, now - 50 - STALE_AFTER_SECONDS / 2))
    assert usable_build(source) == built  # written by one install, a moment apart
    monkeypatch.setenv("CHRONO_PURE_PYTHON", "1")
    assert usable_build(source) is None
    monkeypatch.delenv("CHRONO_PURE_PYTHON")
    source.unlink()
    types.unlink()
    assert usable_build(source) == built  # an install that ships the build alone
    built.unlink()
    assert compiled_beside(source) is None and usable_build(source) is None


def test_setup_compiles_every_module_the_builds_choose_between():
    """chrono.tagger.builds.COMPILED, setup.py and the Makefile name the same modules: one left out
    of setup.py would never be compiled, one left out of COMPILED would ignore CHRONO_PURE_PYTHON."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for module in COMPILED:
        relative = source_of(module).relative_to(ROOT).as_posix()
        assert source_of(module).is_file() and f'"{relative}"' in setup and relative in makefile, module
    assert source_of("chrono.tagger.grammar.base") == ROOT / "chrono" / "tagger" / "grammar" / "base.py"
