"""`--engine dask`: tagging and the windowed chronology merge on a dask.distributed cluster equal
the local run. The cluster is a LocalCluster on 127.0.0.1 (one in-process worker thread)."""
from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (extra chrono[dask])")

from chrono.merge import (  # noqa: E402
    build_timeline,
    cluster_window,
    combine_windows,
    events_corpus,
    merge_events,
    touched_years,
)
from chrono.models import dump_json  # noqa: E402
from chrono.pipeline import tag_document  # noqa: E402
from chrono.read import iter_inputs, load_manifest  # noqa: E402
from chrono.scale.dask_cluster import build_timeline_dask, year_windows  # noqa: E402
from tools.gen_corpus import write_corpus  # noqa: E402
from tools.synthetic import synthetic_events  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MANIFEST = SEEDS / "manifest.json"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as local, \
            distributed.Client(local, set_as_default=False) as client:
        yield local, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "generated.jsonl"
    write_corpus(str(path), 0.08, seed=3)
    with open(path, "a", encoding="utf-8") as out:
        out.write("[1, 2]\n")  # a reader error, which must keep its place
    return path


def test_engine_dask_output_equals_local_output(cluster, corpus):
    local_cluster, _ = cluster
    common = ["tag", str(SEEDS), str(corpus), "--manifest", str(MANIFEST), "--format", "jsonl"]
    local = subprocess.run([sys.executable, "-m", "chrono.cli", *common], cwd=ROOT, capture_output=True, timeout=120)
    remote = subprocess.run([sys.executable, "-m", "chrono.cli", *common, "--engine", "dask",
                             "--scheduler", local_cluster.scheduler_address],
                            cwd=ROOT, capture_output=True, timeout=120)
    assert local.returncode == remote.returncode == 1
    assert remote.stdout == local.stdout
    assert remote.stderr == local.stderr
    assert local.stdout.count(b"\n") > 15  # 5 seeds, ~15 generated articles, 1 error line


def test_timeline_map_reduce_equals_local_build_timeline(cluster, corpus):
    _, client = cluster
    manifest = load_manifest(str(MANIFEST))
    docs = [d for d in iter_inputs([str(SEEDS), str(corpus)], manifest=manifest) if hasattr(d, "text")]
    local = build_timeline([(d, tag_document(d)) for d in docs])
    remote = build_timeline_dask(iter_inputs([str(SEEDS), str(corpus)], manifest=manifest), client=client)
    assert len(local.entries) > 20
    assert dump_json(remote) == dump_json(local.model_copy(update={"errors": remote.errors}))
    assert [e.reason for e in remote.errors] == ["expected a JSON object, got list"]


def _with_year_crossing_ranges(events, share: float, seed: int = 1):
    """Some mentions turned into ranges over New Year ("من 28 ديسمبر إلى 3 يناير")."""
    rng = random.Random(seed)
    out = []
    for event in events:
        if rng.random() < share:
            year = event.timex.start_date.year
            start, end = date(year, 12, rng.randint(20, 31)), date(year + 1, 1, rng.randint(1, 10))
            timex = event.timex._replace(start_date=start, end_date=end, value=f"{start}/{end}", granularity="day",
                                         is_range=True)
            event = dataclasses.replace(event, timex=timex)
        out.append(event)
    return out


def _windowed_merge(events):
    """The map-reduce without a cluster: group by window, cluster each, combine."""
    windows = year_windows({touched_years(e) for e in events})
    groups = defaultdict(list)
    for position, event in enumerate(events):
        groups[windows[min(touched_years(event))]].append(((position, 0), event))
    corpus = events_corpus(events)  # the whole input's, as the Dask run gathers it over partitions
    parts = [cluster_window(groups[key], corpus=corpus) for key in sorted(groups, reverse=True)]
    return combine_windows(parts, corpus=corpus), len(set(windows.values()))


@pytest.mark.parametrize("crossing", [0.0, 0.02])
def test_windowed_merge_equals_merge_events(crossing):
    events = _with_year_crossing_ranges(synthetic_events(6000, seed=5), crossing)
    windowed, window_count = _windowed_merge(events)
    assert [e.model_dump() for e in windowed] == [e.model_dump() for e in merge_events(events)]
    if crossing == 0.0:
        assert window_count >= 10  # one window per year: the reduce really is split
    assert len(windowed) > 1000


def test_year_windows_join_linked_years():
    assert year_windows([frozenset({2019}), frozenset({2020, 2021}), frozenset({2021})]) == {
        2019: 2019, 2020: 2020, 2021: 2020}
    assert year_windows([frozenset({2010, 2019}), frozenset({2015})]) == {2010: 2010, 2019: 2010, 2015: 2015}


def test_timeline_engine_dask_equals_local(cluster):
    local_cluster, _ = cluster
    common = ["timeline", str(SEEDS), "--manifest", str(MANIFEST), "--format", "json"]
    local = subprocess.run([sys.executable, "-m", "chrono.cli", *common], cwd=ROOT, capture_output=True, timeout=120)
    remote = subprocess.run([sys.executable, "-m", "chrono.cli", *common, "--engine", "dask",
                             "--scheduler", local_cluster.scheduler_address],
                            cwd=ROOT, capture_output=True, timeout=120)
    assert local.returncode == remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout and b'"entries"' in local.stdout
