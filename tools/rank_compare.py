"""Three BM25 libraries on one archive, for choosing the one behind `chrono timeline --about`.

    pip install bm25s rank-bm25          # tantivy comes with chrono
    python -m tools.rank_compare ../shared/corpora/saudinewsnet/snn_3000.jsonl > /tmp/ranking.md
    python -m tools.rank_compare --queries 1 BIG.jsonl     # time and memory only, one query

Each library ranks the same articles, tokenized the same way (`chrono.about.index_terms`:
folded, stemmed words), each in its own process so that its peak memory is its own:
- tantivy, as chrono uses it (`chrono.about.rank_archive`: an on-disk index that also keeps
  the articles, read once);
- bm25s (sparse matrices in memory; needs every tokenized article at once);
- rank-bm25 (BM25Okapi; pure Python, a dict of term counts per article).
Printed: a markdown table of time and peak memory, the top 20 titles of each query for each
library (to judge relevance by eye), and the overlap of the top 20s.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from chrono.models import Document
from chrono.read import iter_inputs

QUERIES = (
    "الاتفاق النووي الإيراني مجلس الأمن",
    "تحرير عدن المقاومة الحوثيين",
    "أزمة اليونان الديون منطقة اليورو",
    "تفجير سروج تركيا داعش",
)
TOP = 20


QUERY_COUNT = len(QUERIES)


def _queries() -> tuple[str, ...]:
    return QUERIES[:QUERY_COUNT]


def _documents(path: str):
    return (d for d in iter_inputs([path]) if isinstance(d, Document))


def _run_tantivy(path: str) -> dict:
    from chrono.about import rank_archive

    started = time.perf_counter()
    results, first = {}, None
    for query in _queries():  # each query reads the archive again: what `chrono timeline --about` does
        ranking = rank_archive(_documents(path), query, top=TOP, min_score=0)
        ranking.close()
        results[query] = [k.id for k in ranking.story.kept]
        first = first if first is not None else time.perf_counter() - started
    more = len(_queries()) - 1
    return {"index_and_first_query": first,
            "per_query": (time.perf_counter() - started - first) / more if more else None, "top": results}


def _run_bm25s(path: str) -> dict:
    import bm25s

    from chrono.about import index_terms, query_terms

    started = time.perf_counter()
    ids, corpus = [], []
    for doc in _documents(path):
        ids.append(doc.id)
        corpus.append(index_terms(doc.text))
    retriever = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    retriever.index(corpus, show_progress=False)
    del corpus
    indexed = time.perf_counter() - started
    results = {}
    query_started = time.perf_counter()
    for query in _queries():
        terms = [[stem for _, stem in query_terms(query)]]
        found, _ = retriever.retrieve(terms, k=TOP, show_progress=False)
        results[query] = [ids[i] for i in found[0]]
    per_query = (time.perf_counter() - query_started) / len(_queries())
    return {"index_and_first_query": indexed + per_query, "per_query": per_query, "top": results}


def _run_rank_bm25(path: str) -> dict:
    from rank_bm25 import BM25Okapi

    from chrono.about import index_terms, query_terms

    started = time.perf_counter()
    ids: list[str] = []

    def tokens():
        for doc in _documents(path):
            ids.append(doc.id)
            yield index_terms(doc.text)

    model = BM25Okapi(tokens(), k1=1.2, b=0.75)
    indexed = time.perf_counter() - started
    results = {}
    query_started = time.perf_counter()
    for query in _queries():
        scores = model.get_scores([stem for _, stem in query_terms(query)])
        best = sorted(range(len(ids)), key=lambda i: (-scores[i], i))[:TOP]
        results[query] = [ids[i] for i in best]
    per_query = (time.perf_counter() - query_started) / len(_queries())
    return {"index_and_first_query": indexed + per_query, "per_query": per_query, "top": results}


RUNNERS = {"tantivy": _run_tantivy, "bm25s": _run_bm25s, "rank-bm25": _run_rank_bm25}


def _child(library: str, path: str, queries: int) -> None:
    global QUERY_COUNT
    QUERY_COUNT = queries
    result = RUNNERS[library](path)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, ensure_ascii=False))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        _child(argv[1], argv[2], int(argv[3]))
        return
    queries = len(QUERIES)
    if argv[:1] == ["--queries"]:
        queries, argv = int(argv[1]), argv[2:]
    path = argv[0]
    baseline = subprocess.run([sys.executable, "-c", "import chrono.about, chrono.read, resource; "
                               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                              capture_output=True, text=True, check=True)
    results = {}
    for library in RUNNERS:
        done = subprocess.run([sys.executable, "-m", "tools.rank_compare", "--child", library, path, str(queries)],
                              capture_output=True, text=True)
        if done.returncode:
            print(f"{library}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        results[library] = json.loads(done.stdout)
    titles = {d.id: (d.meta.get("fields", {}).get("source", ""), d.meta.get("fields", {}).get("title", ""))
              for d in _documents(path)}
    print(f"Archive: {path}, {len(titles)} articles. Peak memory of a process that only imports chrono: "
          f"{float(baseline.stdout):.0f} MB.\n")
    print("| library | index + first query (s) | one more query (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    for library, r in results.items():
        more = "–" if r["per_query"] is None else f"{r['per_query']:.3f}"
        print(f"| {library} | {r['index_and_first_query']:.2f} | {more} | {r['peak_mb']:.0f} |")
    names = list(results)
    for query in QUERIES[:queries]:
        print(f"\n### {query}\n")
        reference = results[names[0]]["top"][query]
        for other in names[1:]:
            shared = len(set(reference) & set(results[other]["top"][query]))
            print(f"- top {TOP} shared by {names[0]} and {other}: {shared}")
        for library in names:
            print(f"\n{library}:")
            for rank, doc_id in enumerate(results[library]["top"][query], 1):
                source, title = titles[doc_id]
                print(f"{rank:2d}. {doc_id} {source}: {title}")


if __name__ == "__main__":
    main(sys.argv[1:])
