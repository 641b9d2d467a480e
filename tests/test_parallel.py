"""`chrono tag --jobs N`: same bytes as --jobs 1, input order, bounded memory, crashes reported.

Worker processes are real (spawn), so the taggers below are module-level functions: the workers
import them by name.
"""
from __future__ import annotations

import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chrono.models import Document, DocumentError, DocumentTags, Settings, TimelineOutput
from chrono.pipeline import tag_document
from chrono.scale.processes import CHUNK_DOCUMENTS, CHUNKS_IN_FLIGHT_PER_JOB, resolve_jobs, tag_stream
from chrono.scale.progress import ProgressBar, count_documents
from chrono.scale.timeline import tag_and_prepare
from tools.gen_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHRONO = [sys.executable, "-m", "chrono.cli"]
ARTICLE = "وقع المغرب وإسرائيل اليوم الأربعاء أول اتفاق للتعاون العسكري، بعد زيارة بدأت أمس الثلاثاء."


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "generated.jsonl"
    write_corpus(str(path), 0.3, seed=7)  # ~60 documents, several chunks per worker
    with open(path, "a", encoding="utf-8") as out:  # reader errors keep their place in the output
        out.write("{not json\n")
        out.write(json.dumps({"id": "no-text", "published": "2021-11-24"}) + "\n")
        out.write(json.dumps({"id": "last", "text": ARTICLE, "published": "2021-11-24"}, ensure_ascii=False) + "\n")
    return path


def run_tag(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(CHRONO + ["tag", *args], cwd=ROOT, capture_output=True, timeout=120)


def test_jobs_2_gives_the_same_bytes_as_jobs_1(small_corpus):
    fmt = "jsonl"
    inputs = [str(SEEDS), str(small_corpus), "--manifest", str(SEEDS / "manifest.json"), "--format", fmt]
    one = run_tag(*inputs, "--jobs", "1")
    two = run_tag(*inputs, "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the two bad lines
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(one.stdout) > 100_000
    ids = [json.loads(line).get("id") or json.loads(line)["error"]["id"] for line in one.stdout.splitlines()]
    assert ids[:5] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert ids[-3:] == [f"generated:{len(ids) - 7}", "no-text", "last"]  # line number of "{not json"


def test_jobs_auto_and_bad_values():
    assert resolve_jobs("auto") >= 1
    assert resolve_jobs("3") == 3
    assert resolve_jobs(1) == 1
    bad = run_tag(str(SEEDS / "001_76ae0159d87ba1ac.txt"), "--jobs", "many")
    assert bad.returncode == 2 and b"--jobs" in bad.stderr
    lonely = run_tag(str(SEEDS / "001_76ae0159d87ba1ac.txt"), "--scheduler", "tcp://127.0.0.1:1")
    assert lonely.returncode == 2 and b"--engine dask" in lonely.stderr


def documents(n: int, prefix: str = "d") -> list[Document]:
    return [Document(id=f"{prefix}{i}", text=f"{ARTICLE} ({i})") for i in range(n)]


def test_stream_keeps_input_order_across_many_chunks():
    docs = documents(CHUNK_DOCUMENTS * 5 + 3)
    results = list(tag_stream(iter(docs), Settings(), jobs=2))
    assert [r.id for r in results] == [d.id for d in docs]
    assert [r.model_dump() for r in results] == [tag_document(d).model_dump() for d in docs]


def test_input_is_consumed_lazily_with_a_bounded_window():
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Document(id=f"n{i}", text=ARTICLE)

    first = list(itertools.islice(tag_stream(endless(), Settings(), jobs=2), 3))
    assert [r.id for r in first] == ["n0", "n1", "n2"]
    assert pulled <= 2 * CHUNKS_IN_FLIGHT_PER_JOB * CHUNK_DOCUMENTS + CHUNK_DOCUMENTS


def exploding_tagger(doc: Document, settings: Settings) -> DocumentTags:
    if doc.id == "d2":
        raise ValueError("boom")
    return tag_document(doc, settings)


def dying_tagger(doc: Document, settings: Settings) -> DocumentTags:
    if doc.id == "d3":
        os._exit(3)  # a worker killed by the OOM killer looks like this to the pool
    return tag_document(doc, settings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_tagger_exception_becomes_a_document_error(jobs):
    results = list(tag_stream(iter(documents(6)), Settings(), jobs=jobs, tagger=exploding_tagger))
    assert [type(r).__name__ for r in results] == ["DocumentTags"] * 2 + ["DocumentError"] + ["DocumentTags"] * 3
    assert results[2].reason == "internal error: ValueError('boom')"


def test_a_dying_worker_loses_only_its_document():
    results = list(tag_stream(iter(documents(40)), Settings(), jobs=2, tagger=dying_tagger))
    assert [r.id for r in results] == [f"d{i}" for i in range(40)]
    assert isinstance(results[3], DocumentError) and "worker process died" in results[3].reason
    assert all(isinstance(r, DocumentTags) for i, r in enumerate(results) if i != 3)


def test_reader_errors_pass_through_in_place():
    items = [documents(1)[0], DocumentError(path="x.jsonl", line=2, reason="malformed JSON"), documents(1, "e")[0]]
    assert [type(r).__name__ for r in tag_stream(iter(items), Settings(), jobs=2)] == [
        "DocumentTags", "DocumentError", "DocumentTags"]


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_bar_shows_documents_speed_and_eta():
    stream, clock = io.StringIO(), FakeClock()
    bar = ProgressBar(total=10, stream=stream, clock=clock)
    clock.now += 2.0
    bar.update(4, chars=400_000)
    assert bar.line() == "4 / 10 docs   40%  200.0k chars/s  ETA 0:00:03"
    bar.close()
    assert stream.getvalue().startswith("\r4 / 10 docs") and stream.getvalue().endswith("\n")
    assert ProgressBar(stream=io.StringIO(), clock=clock).line() == "0 docs  0 chars/s"


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    run = run_tag(str(SEEDS), "--manifest", str(SEEDS / "manifest.json"), "--format", "jsonl", "--jobs", "2")
    assert run.returncode == 0 and run.stderr == b""


def test_count_documents(small_corpus, tmp_path):
    assert count_documents([str(SEEDS)]) == 5
    lines = sum(1 for line in small_corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    assert count_documents([str(small_corpus), str(SEEDS / "000_a5dac5ccf9ad4a48.txt")]) == lines + 1
    assert count_documents(["-"]) is None


def test_timeline_jobs_2_gives_the_same_bytes_as_jobs_1():
    from click.testing import CliRunner

    from chrono.cli import main

    args = ["timeline", "seeds/", "--manifest", "seeds/manifest.json", "--format", "json"]
    one = CliRunner().invoke(main, args + ["--jobs", "1"])
    two = CliRunner().invoke(main, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and '"entries"' in one.stdout


def exploding_preparer(doc: Document, settings: Settings, position: int):
    if doc.id == "d3":
        raise ValueError("boom")
    return tag_and_prepare(doc, settings, position)


def dying_preparer(doc: Document, settings: Settings, position: int):
    if doc.id == "d3":
        os._exit(3)
    return tag_and_prepare(doc, settings, position)


def test_timeline_workers_attach_with_input_positions_and_survive_a_dead_worker():
    """`chrono timeline --jobs N`: the workers attach the events; each document's events carry
    its place in the input (errors counted), also when retried after a worker died, and the
    chronology is the one the documents give merged in this process."""
    from datetime import date

    from chrono.merge import Merger, build_timeline
    from chrono.models import Anchor, dump_json
    from chrono.scale.timeline import Prepared, prepared_stream

    items: list = [doc.model_copy(update={"anchor": Anchor(date=date(2021, 11, 24), source="cli")})
                   for doc in documents(8)]
    items[5] = DocumentError(path="x.jsonl", line=6, reason="malformed JSON")
    for jobs, tagger in ((1, exploding_preparer), (2, dying_preparer)):
        results = list(tag_stream(iter(items), Settings(), jobs=jobs, tagger=tagger, positioned=True))
        assert isinstance(results[3], DocumentError) and isinstance(results[5], DocumentError)
        kept = [r for r in results if isinstance(r, Prepared)]
        assert [r.position for r in kept] == [0, 1, 2, 4, 6, 7]
        assert all(e.doc_order == r.position for r in kept for e in r.document.events)
    merger = Merger()
    for result in prepared_stream(iter(items), Settings(), 2):
        if isinstance(result, Prepared):
            merger.add_prepared(result.document, result.position)
    pairs = [(doc, tag_document(doc, Settings())) for doc in items if isinstance(doc, Document)]
    merged = TimelineOutput(documents=merger.documents, entries=merger.finish(release=True))
    assert merged.entries and dump_json(merged) == dump_json(build_timeline(pairs))


def test_the_scale_package_does_not_use_the_command_line_library():
    """chrono/scale runs documents on processes and clusters for any caller: usage errors and
    options belong to chrono/cli (an import of click anywhere here, even in a function, fails)."""
    import ast

    modules = sorted((ROOT / "chrono" / "scale").glob("*.py"))
    assert len(modules) >= 3
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n.split(".")[0] == "click"], f"{path.name}:{node.lineno} imports click"
