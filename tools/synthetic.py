"""Generated merge input: events with realistic overlap, for timing and counting the merge.

`make bench` times `chrono.merge.merge_events` on them (tools/bench.py), and the tests of the
merge and of its Dask map-reduce count its work and compare its paths on them
(tests/test_merge.py, tests/test_dask.py). Not part of the package: the library never
generates its own input.

    from tools.synthetic import synthetic_events
    events = synthetic_events(10_000, seed=1, span_days=365)
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from chrono.attach import Dated, Event

BENCH_WORDS = [f"w{i}" for i in range(20000)]
STORY_WORDS = [f"s{i}" for i in range(2000)]
BENCH_ROOTS = [f"r{i}" for i in range(60)]
DOCUMENTS_PER_STORY = 10
HAPPENINGS_PER_STORY = 10


MENTIONS_PER_DOCUMENT = 10


def synthetic_events(n: int, seed: int = 0, documents: int | None = None, span_days: int = 3650) -> list[Event]:
    """`n` generated events over `span_days` days from 2015, for timing `merge_events` (make bench).

    By default there are `MENTIONS_PER_DOCUMENT` mentions per document, as in news: a larger
    input is more documents, not longer ones.

    The documents tell stories (`DOCUMENTS_PER_STORY` each); a story's words are in every
    mention of it, so its documents are related. Each happening (about n/3 of them, belonging
    to a story) is mentioned about three times, in documents of its story, at day, month or
    year precision, with overlapping word sets and a name of its own (a participant): realistic
    bucket sizes, deterministic for a seed.
    """
    rng = random.Random(seed)
    documents = documents if documents is not None else max(n // MENTIONS_PER_DOCUMENT, DOCUMENTS_PER_STORY)
    origin = date(2015, 1, 1).toordinal()
    happenings = max(n // 3, 1)
    stories = max(documents // DOCUMENTS_PER_STORY, 1)
    events = []
    for i in range(n):
        h = rng.randrange(happenings)
        hr = random.Random(h)
        story = h % stories
        story_words = random.Random(1_000_003 + story).sample(STORY_WORDS, 3)
        doc = (story + stories * rng.randrange(DOCUMENTS_PER_STORY)) % documents
        day = date.fromordinal(origin + hr.randrange(span_days))
        words = frozenset(hr.sample(BENCH_WORDS, 6)[: rng.randint(3, 6)] + story_words)
        root = hr.choice(BENCH_ROOTS)
        precision = rng.random()
        if precision < 0.6:
            start, end, gran, value = day, day, "day", day.isoformat()
        elif precision < 0.9:
            start = day.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            gran, value = "month", start.isoformat()[:7]
        else:
            start, end, gran, value = date(day.year, 1, 1), date(day.year, 12, 31), "year", str(day.year)
        timex = Dated(id=f"t{i}", start=i % 5000, end=i % 5000 + 5, text="x", value=value, type="DATE",
                      granularity=gran, mod=None, start_date=start, end_date=end)
        events.append(Event(doc=f"d{doc}", doc_order=doc, timex=timex,
                            clause=(0, 0), sentence="", trigger=None, root=root, label=f"h{h}",
                            words=words | {f"n{h}"}, deictic=False, kind=f"k{h % 7}",
                            participants=frozenset({f"n{h}"})))
    return events
