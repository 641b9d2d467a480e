"""`make bench`: throughput, memory, merge cost and adversarial inputs, written to bench/RESULTS.md.

    python -m tools.bench            # full run: 50 and 100 MB corpora, 10 MB against dateparser,
                                            # 1M-mention merge, 5 MB adversarial lines
    python -m tools.bench --quick    # a few minutes less: 5 MB corpus, 0.5 MB against dateparser,
                                            # 0.5 MB adversarial lines
    python -m tools.bench --real-only --repeat 5 --against /tmp/old-tree
                                     # only the real articles: chrono (and an older source tree,
                                     # interleaved) against dateparser, medians of 5 runs

Real text: 3,000 SaudiNewsNet articles (6.7 M characters), read from
../shared/corpora/saudinewsnet/snn_3000.jsonl beside the repository, or from --real-corpus /
$CHRONO_REAL_CORPUS. The file is not part of the repository (its licence forbids copying it in);
when it is absent, the benchmark says so and skips that part. The SHA-256 of chrono's whole output
on it goes into the results, so a speed change can show it kept the same bytes.

Every number comes from this run on this machine: `chrono tag` is timed as a whole process (JSONL
in, JSON out to a file) with `--jobs 1`, `--jobs 2` and on a local Dask cluster started with the
`dask scheduler` / `dask worker` commands; dateparser (`search_dates(text, languages=["ar"])`) and
`chrono tag` each run as a whole process on one smaller JSONL file (dateparser is slow), with
each one's in-process loop timed on the same documents too. Peak memory is the kernel's high-water
mark (VmHWM) of the largest process, plus the sampled sum of the process tree's resident memory.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from tools.gen_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
PY = sys.executable


@dataclass
class Profile:
    corpus_mb: float  # throughput runs (--jobs 1, --jobs 2, dask) on this corpus
    memory_mb: float  # one more --jobs 2 run on a corpus this big, for peak memory
    same_text_mb: float  # chrono and dateparser, each as a whole process, on one JSONL file this big
    merge_sizes: tuple[int, ...]
    adversarial_mb: float
    adversarial_timeout: float  # seconds per input: a super-linear input is reported, not waited for
    merge_timeout: float = 300
    dask: bool = True


FULL = Profile(corpus_mb=50, memory_mb=100, same_text_mb=10, merge_sizes=(10_000, 100_000, 1_000_000),
               adversarial_mb=5, adversarial_timeout=90)
QUICK = Profile(corpus_mb=5, memory_mb=0, same_text_mb=0.5, merge_sizes=(10_000, 100_000),
                adversarial_mb=0.5, adversarial_timeout=60)


# ---------------------------------------------------------------- measuring a child process

@dataclass
class Run:
    seconds: float
    returncode: int
    maxrss_mb: float  # the largest single process of the child's tree (VmHWM, sampled)
    tree_peak_mb: float  # sampled sum over the child and its descendants
    stderr: str = ""
    cpu_seconds: float = 0.0  # user + system time of the child and its waited-for descendants


def _tree_memory(pid: int) -> tuple[float, float]:
    """(sum of the tree's resident memory now, largest VmHWM of its processes), in MB.

    VmHWM (the kernel's high-water mark of one process's resident memory) is used rather than
    wait4's ru_maxrss, which counts the parent's pages at fork time: children of this benchmark
    process would all look at least as big as the benchmark itself."""
    try:
        import psutil  # comes with distributed (extra chrono[dask])
    except ImportError:
        return 0.0, 0.0

    try:
        root = psutil.Process(pid)
        processes = [root] + root.children(recursive=True)
    except psutil.Error:
        return 0.0, 0.0
    total, largest = 0, 0.0
    for process in processes:
        try:
            total += process.memory_info().rss
            largest = max(largest, _high_water_mb(process.pid))
        except psutil.Error:
            pass
    return total / 2**20, largest


def _high_water_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def run_measured(cmd: list[str], stdout=subprocess.DEVNULL, timeout: Optional[float] = None,
                 env: Optional[dict] = None, cwd: Optional[Path] = None) -> Run:
    """Run `cmd`; wall time, exit code, the largest process's memory high-water mark and the
    sampled peak of the whole tree's resident memory (both sampled every 50 ms)."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err, cwd=cwd or ROOT, env=env)
        peak = [0.0, 0.0]  # tree RSS sum, largest process's high-water mark
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                tree, largest = _tree_memory(proc.pid)
                peak[0], peak[1] = max(peak[0], tree), max(peak[1], largest)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        if timer:
            timer.cancel()
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    largest = peak[1] or usage.ru_maxrss / 1024  # no /proc or psutil: fall back to ru_maxrss
    return Run(seconds, proc.returncode, largest, peak[0], message[-2000:], usage.ru_utime + usage.ru_stime)


# ---------------------------------------------------------------- corpus facts

def corpus_chars(path: Path) -> tuple[int, int]:
    documents = chars = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                documents += 1
                chars += len(json.loads(line)["text"])
    return documents, chars


def file_digest(path: Path, full: bool = False) -> str:
    """SHA-256 of a file: the first 16 hex digits, or all 64 with `full`."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest() if full else digest.hexdigest()[:16]


# ---------------------------------------------------------------- the measurements

def tag_run(corpus: Path, out: Path, extra: list[str]) -> Run:
    return run_measured([PY, "-m", "chrono.cli", "tag", str(corpus), "--format", "json", "-o", str(out), *extra])


# dateparser as a whole process doing chrono tag's job: JSONL in, JSON out. With "base", each
# document's publication day is the base of relative dates (as chrono's anchor is); without,
# the call is the issue's `search_dates(text, languages=["ar"])`. It prints its loop's time.
_DATEPARSER_SCRIPT = r"""
import json, sys, time
from datetime import datetime
from dateparser.search import search_dates
search_dates("وقع الاتفاق يوم 24 نوفمبر 2021", languages=["ar"])  # load dateparser's data first
with_base = sys.argv[3] == "base"
t = time.perf_counter(); chars = found = 0
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        record = json.loads(line)
        settings = {"RELATIVE_BASE": datetime.fromisoformat(record["published"])} if with_base else None
        dates = search_dates(record["text"], languages=["ar"], settings=settings) or []
        out.write(json.dumps({"id": record["id"], "dates": [[text, value.isoformat()] for text, value in dates]},
                             ensure_ascii=False) + "\n")
        chars += len(record["text"]); found += len(dates)
print(json.dumps({"loop_s": time.perf_counter() - t, "chars": chars, "found": found}))
"""

# chrono's tagger in one process on the same file: the loop alone, after a warm-up call.
_CHRONO_LOOP_SCRIPT = r"""
import json, sys, time
from datetime import date
from chrono.models import Anchor, Document
from chrono.pipeline import tag_document
tag_document(Document(id="w", text="وقع الاتفاق يوم 24 نوفمبر 2021"))
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter(); chars = found = 0
for record in records:
    doc = Document(id=record["id"], text=record["text"],
                   anchor=Anchor(date=date.fromisoformat(record["published"]), source="jsonl"))
    found += len(tag_document(doc).timexes); chars += len(record["text"])
print(json.dumps({"loop_s": time.perf_counter() - t, "chars": chars, "found": found}))
"""


def same_text_runs(corpus: Path, work: Path) -> dict:
    """dateparser and chrono on one JSONL file: each as a whole process (JSONL in, JSON out),
    and each one's in-process loop over the same documents."""
    out = work / "same_out.json"
    results = {}
    for name, cmd in (("dateparser", [PY, "-c", _DATEPARSER_SCRIPT, str(corpus), str(out), "plain"]),
                      ("dateparser_base", [PY, "-c", _DATEPARSER_SCRIPT, str(corpus), str(out), "base"]),
                      ("chrono", [PY, "-m", "chrono.cli", "tag", str(corpus), "--jobs", "1", "--format", "json",
                                  "-o", str(out)])):
        with tempfile.TemporaryFile() as captured:
            run = run_measured(cmd, stdout=captured)
            captured.seek(0)
            printed = captured.read().decode("utf-8", "replace").strip().splitlines()
        if run.returncode:
            raise RuntimeError(f"{name}: exit {run.returncode}: {run.stderr[-1000:]}")
        results[name] = {"run": run, "loop": json.loads(printed[-1]) if name != "chrono" else None}
        out.unlink(missing_ok=True)
    loop = subprocess.run([PY, "-c", _CHRONO_LOOP_SCRIPT, str(corpus)], capture_output=True, text=True, cwd=ROOT)
    if loop.returncode:
        raise RuntimeError(loop.stderr[-2000:])
    results["chrono"]["loop"] = json.loads(loop.stdout.strip().splitlines()[-1])
    return results


# ---------------------------------------------------------------- real text

REAL_CORPUS_ENV = "CHRONO_REAL_CORPUS"
DEFAULT_REAL_CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "snn_3000.jsonl"


def real_corpus_path(option: Optional[str]) -> Path:
    """--real-corpus, else $CHRONO_REAL_CORPUS, else ../shared/corpora/saudinewsnet/snn_3000.jsonl."""
    return Path(option or os.environ.get(REAL_CORPUS_ENV) or DEFAULT_REAL_CORPUS)


@dataclass
class Tree:
    """A chrono source tree to time: this one, or an older one given with --against."""

    label: str
    root: Path
    runs: list[Run] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)  # 1-minute load average just before each run
    digests: set[str] = field(default_factory=set)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _write_bytecode(root: Path) -> None:
    """Every tree timed as `make install` leaves it, with its modules' bytecode written (as any
    installed package, dateparser included, has it): otherwise, under PYTHONDONTWRITEBYTECODE,
    each run would compile chrono's ~95 modules again."""
    subprocess.run([PY, "-m", "compileall", "-q", "chrono"], cwd=root, stdout=subprocess.DEVNULL, check=True)


def _chrono_tag_timed(tree: Tree, corpus: Path, work: Path) -> None:
    """One `chrono tag` run of `tree` on the corpus, named by its file name alone (documents carry
    their path, so the output's bytes, and its checksum, do not depend on where the file lies)."""
    out = work / "real_out.json"
    link = work / corpus.name
    if not link.exists():
        link.symlink_to(corpus.resolve())
    tree.loads.append(os.getloadavg()[0])
    run = run_measured([PY, "-m", "chrono.cli", "tag", corpus.name, "--jobs", "1", "--format", "json", "-o", str(out)],
                       cwd=work, env=dict(os.environ, PYTHONPATH=str(tree.root)))
    if run.returncode:
        raise RuntimeError(f"chrono tag ({tree.label}): exit {run.returncode}: {run.stderr[-1000:]}")
    tree.runs.append(run)
    tree.digests.add(file_digest(out, full=True))
    out.unlink()


def _dateparser_timed(corpus: Path, work: Path, mode: str) -> tuple[Run, dict, float]:
    out = work / "real_dateparser.json"
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as captured:
        run = run_measured([PY, "-c", _DATEPARSER_SCRIPT, str(corpus), str(out), mode], stdout=captured)
        captured.seek(0)
        printed = captured.read().decode("utf-8", "replace").strip().splitlines()
    if run.returncode:
        raise RuntimeError(f"dateparser ({mode}): exit {run.returncode}: {run.stderr[-1000:]}")
    out.unlink(missing_ok=True)
    return run, json.loads(printed[-1]), load


def _replicated(corpus: Path, times: int, target: Path, shift_days: int = 0) -> None:
    """The archive written `times` times over, each copy's ids made unique: memory must not grow.
    With `shift_days`, copy n is published n × `shift_days` days later (its relative dates move
    with it; the dates its text spells out do not)."""
    with open(target, "w", encoding="utf-8") as out:
        for copy in range(times):
            with open(corpus, encoding="utf-8") as src:
                for line in src:
                    if line.strip():
                        record = json.loads(line)
                        record["id"] = f"{record['id']}-{copy}"
                        if shift_days and record.get("published"):
                            moved = date.fromisoformat(record["published"][:10]) + timedelta(days=copy * shift_days)
                            record["published"] = moved.isoformat()
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def real_text_section(report: Report, corpus: Path, work: Path, repeat: int, against: list[Path],
                      dateparser: bool = True, replicate: int = 0) -> None:
    """chrono (this tree, and older trees interleaved with it) and dateparser on real articles.

    chrono runs `repeat` times per tree, in turns (this tree, then each older one, then again), with
    dateparser's two runs placed between turns, so that a change in the machine's load touches
    every tagger alike; medians are reported, with the load average before each run."""
    report.add("## Real text: SaudiNewsNet, 3,000 articles", "")
    if not corpus.is_file():
        report.add(f"**Skipped**: the real corpus is not at `{corpus}` (give --real-corpus or ${REAL_CORPUS_ENV}; "
                   "it is not part of the repository).", "")
        return
    documents, chars = corpus_chars(corpus)
    trees = [Tree("this tree", ROOT)] + [Tree(f"`{path}`", path) for path in against]
    for tree in trees:
        _write_bytecode(tree.root)
    pending_dateparser = ["base", "plain"] if dateparser else []
    turns = max(repeat, len(pending_dateparser) + 1)
    dp: dict[str, tuple[Run, dict, float]] = {}
    for turn in range(turns):
        if turn < repeat:
            for tree in trees:
                _chrono_tag_timed(tree, corpus, work)
        if pending_dateparser and turn < turns - 1:
            mode = pending_dateparser.pop(0)
            dp[mode] = _dateparser_timed(corpus, work, mode)
    loop = subprocess.run([PY, "-c", _CHRONO_LOOP_SCRIPT, str(corpus)], capture_output=True, text=True, cwd=ROOT)
    if loop.returncode:
        raise RuntimeError(loop.stderr[-2000:])
    chrono_loop = json.loads(loop.stdout.strip().splitlines()[-1])

    report.add(f"`{corpus.name}`: {corpus.stat().st_size / 1e6:.1f} MB of JSONL, {documents:,} real articles, "
               f"{chars:,} characters (crawled July 2015, 11 Saudi papers; `published` is each document's anchor). "
               f"Every tagger runs as a whole process: read the JSONL, tag every document, write JSON. chrono is "
               f"`chrono tag FILE --jobs 1 --format json -o OUT`, run {repeat} time(s) per source tree in turns; "
               "dateparser runs once each way between those turns. Seconds are wall-clock (medians for chrono); "
               "CPU is user + system time, which the machine's other users disturb less.", "",
               "| tagger | runs | wall s | CPU s | chars/s (wall) | in-process loop chars/s | peak RSS | "
               "load average before |", "|---|---:|---:|---:|---:|---:|---:|---|")
    for mode, label in (("plain", "dateparser, `search_dates(text, languages=['ar'])`"),
                        ("base", "dateparser, `settings={'RELATIVE_BASE': published}`")):
        if mode not in dp:
            continue
        run, printed, load = dp[mode]
        report.add(f"| {label} | 1 | {run.seconds:.1f} | {run.cpu_seconds:.1f} | {chars / run.seconds:,.0f} | "
                   f"{chars / printed['loop_s']:,.0f} | {_mb(run.maxrss_mb)} | {load:.1f} |")
    for tree in trees:
        wall = _median([r.seconds for r in tree.runs])
        cpu = _median([r.cpu_seconds for r in tree.runs])
        loop_rate = f"{chars / chrono_loop['loop_s']:,.0f}" if tree.root == ROOT else ""
        report.add(f"| chrono, {tree.label} | {len(tree.runs)} | {wall:.2f} | {cpu:.2f} | {chars / wall:,.0f} | "
                   f"{loop_rate} | {_mb(max(r.maxrss_mb for r in tree.runs))} | "
                   f"{', '.join(f'{x:.1f}' for x in tree.loads)} |")
    report.add("")
    mine = trees[0]
    wall = _median([r.seconds for r in mine.runs])
    cpu = _median([r.cpu_seconds for r in mine.runs])
    for mode, label in (("base", "with RELATIVE_BASE"), ("plain", "plain call")):
        if mode in dp:
            run, printed, _ = dp[mode]
            report.add(f"- chrono / dateparser ({label}): **{run.seconds / wall:.1f}×** whole process, wall-clock "
                       f"medians (target: at least 20× with RELATIVE_BASE); {run.cpu_seconds / cpu:.1f}× in CPU time; "
                       f"{printed['loop_s'] / chrono_loop['loop_s']:.1f}× in-process loops.")
    for tree in trees[1:]:
        report.add(f"- this tree / {tree.label}: {_median([r.seconds for r in tree.runs]) / wall:.2f}× wall-clock, "
                   f"{_median([r.cpu_seconds for r in tree.runs]) / cpu:.2f}× CPU (medians of runs in turns).")
    for tree in trees:
        digest = ", ".join(sorted(tree.digests)) + (" (runs DIFFER)" if len(tree.digests) > 1 else "")
        report.add(f"- SHA-256 of the whole output, chrono {tree.label}: `{digest}`")
    if len(trees) > 1:
        same = all(t.digests == mine.digests for t in trees[1:])
        report.add(f"- Output of the trees compared: {'byte-identical' if same else 'DIFFERENT'}.")
    report.add(f"- chrono found {chrono_loop['found']:,} expressions in this tree's in-process loop.", "")
    if replicate > 1:
        big = work / "real_replicated.jsonl"
        _replicated(corpus, replicate, big)
        out = work / "real_replicated_out.json"
        run = tag_run(big, out, ["--jobs", "1"])
        out.unlink(missing_ok=True)
        big.unlink()
        single = max(r.maxrss_mb for r in mine.runs)
        report.add(f"Memory: the same archive written {replicate} times over "
                   f"({documents * replicate:,} documents, {chars * replicate:,} characters), "
                   f"`chrono tag --jobs 1`: peak RSS {run.maxrss_mb:,.0f} MB against {single:,.0f} MB for one copy "
                   f"({run.seconds:.0f} s, {chars * replicate / run.seconds:,.0f} chars/s, "
                   f"exit {run.returncode}).", "")


# Shared head of the child scripts below: imports, and the child's own memory high-water mark.
_CHILD_HEAD = r"""
import json, sys, time, resource
def peak_mb():  # this process's own high-water mark (VmHWM; ru_maxrss would count the parent's pages)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_MERGE_SCRIPT = _CHILD_HEAD + r"""from chrono.merge import merge_events
from tools.synthetic import synthetic_events
n = int(sys.argv[1])
t = time.perf_counter(); events = synthetic_events(n); made = time.perf_counter() - t
t = time.perf_counter(); entries = merge_events(events); merged = time.perf_counter() - t
print(json.dumps({"n": n, "generate_s": made, "merge_s": merged, "entries": len(entries),
                  "maxrss_mb": peak_mb()}))
"""


def merge_run(n: int, timeout: float) -> Optional[dict]:
    try:
        out = subprocess.run([PY, "-c", _MERGE_SCRIPT, str(n)], capture_output=True, text=True, cwd=ROOT,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"n": n, "error": f"stopped after {timeout:.0f} s (generating the events included)"}
    if out.returncode:
        return {"n": n, "error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


_ADVERSARIAL_SCRIPT = _CHILD_HEAD + r"""from datetime import date
from chrono.models import Anchor, Document
from chrono.pipeline import tag_document
text = open(sys.argv[1], encoding="utf-8").read()
tag_document(Document(id="w", text="وقع الاتفاق يوم 24 نوفمبر 2021"))
doc = Document(id="adv", text=text, anchor=Anchor(date=date(2021, 11, 24), source="cli"))
t = time.perf_counter(); tags = tag_document(doc); s = time.perf_counter() - t
print(json.dumps({"chars": len(text), "seconds": s, "timexes": len(tags.timexes),
                  "maxrss_mb": peak_mb()}))
"""


def adversarial_texts(seed_text: str) -> dict[str, str]:
    """Units repeated to fill one line; the news line is the seeds' text with newlines removed."""
    return {
        "normal news text (seeds, one line)": seed_text.replace("\n", " ") + " ",
        "repeated digits": "1234567890",
        "repeated 'من 12 إلى '": "من 12 إلى ",
        "repeated 'الماضي الماضي'": "الماضي ",
        "repeated 'قبل'": "قبل ",
        "digits and slashes '12/11/2021/'": "12/11/2021/",
    }


def adversarial_run(name: str, unit: str, chars: int, work: Path, timeout: float) -> dict:
    text = (unit * (chars // len(unit) + 1))[:chars]
    path = work / "adversarial.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        out = subprocess.run([PY, "-c", _ADVERSARIAL_SCRIPT, str(path)], capture_output=True, text=True,
                             cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"name": name, "chars": chars, "seconds": None, "timeout": timeout,
                "wall": time.perf_counter() - started}
    if out.returncode:
        return {"name": name, "chars": chars, "seconds": None, "error": out.stderr.strip().splitlines()[-1]}
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["name"] = name
    return result


# ---------------------------------------------------------------- a local dask cluster

class DaskCluster:
    """`dask scheduler` + `dask worker` on 127.0.0.1, as a user would start them."""

    def __init__(self, work: Path, workers: int = 2):
        self.file = work / "scheduler.json"
        self.processes: list[subprocess.Popen] = []
        self.workers = workers
        self.log = open(work / "dask.log", "wb")  # noqa: SIM115 -- open while the cluster runs; __exit__ closes it

    def __enter__(self) -> DaskCluster:
        installed = Path(PY).parent / "dask"
        dask = [str(installed)] if installed.exists() else [PY, "-m", "distributed.cli.dask_scheduler"]
        self.processes.append(subprocess.Popen(
            dask + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                    "--scheduler-file", str(self.file)], stdout=self.log, stderr=self.log, cwd=ROOT))
        self._wait_for(lambda: self.file.exists(), "scheduler")
        self.processes.append(subprocess.Popen(
            dask + ["worker", "--scheduler-file", str(self.file), "--nworkers", str(self.workers),
                    "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
            stdout=self.log, stderr=self.log, cwd=ROOT))
        from distributed import Client

        with Client(scheduler_file=str(self.file), timeout=60) as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self

    @property
    def address(self) -> str:
        return json.loads(self.file.read_text())["address"]

    def _wait_for(self, ready, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if time.monotonic() > deadline:
                raise RuntimeError(f"dask {what} did not start (see dask.log)")
            time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):  # workers first, then the scheduler
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.log.close()


# ---------------------------------------------------------------- report

@dataclass
class Report:
    profile: str
    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)
        for line in lines:
            print(line, flush=True)


def _mb(n: float) -> str:
    return f"{n:,.0f} MB"


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f}"


def _git_state() -> str:
    """The commit measured, and whether the tagger's files had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "chrono"], capture_output=True, text=True,
                               cwd=ROOT, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"commit {head}" + (" plus uncommitted changes under chrono/" if dirty else "")


def _header(report: Report, name: str, command: str) -> None:
    load = os.getloadavg()
    report.add(
        f"# chrono benchmarks ({name} run)", "",
        f"Generated by `{command}` on "
        f"{time.strftime('%Y-%m-%d %H:%M')}; machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at start {load[0]:.2f}; code: {_git_state()}. The machine is shared with other developers, so "
        "timings carry noise of that size; every number below comes from this one run.", "")


@dataclass
class RealText:
    """What the real-text part measures (see real_text_section)."""

    corpus: Path
    repeat: int = 3
    against: list[Path] = field(default_factory=list)
    dateparser: bool = True
    replicate: int = 10


def bench(profile: Profile, name: str, work: Path, real: RealText, command: str) -> Report:
    report = Report(name)
    started = time.perf_counter()
    _header(report, name, command)
    _write_bytecode(ROOT)
    real_text_section(report, real.corpus, work, real.repeat, real.against, real.dateparser, real.replicate)
    timeline_section(report, real.corpus, work, real.replicate)

    corpus = work / "corpus.jsonl"
    write_corpus(str(corpus), profile.corpus_mb, seed=0)
    documents, chars = corpus_chars(corpus)
    size_mb = corpus.stat().st_size / 1e6
    report.add("## Throughput of `chrono tag` (whole process: JSONL in, JSON out)", "",
               f"Corpus: {size_mb:.1f} MB of JSONL, {documents:,} generated news articles, {chars:,} characters "
               "(seed sentences with shifted anchors, years, months and weekdays; `tools.gen_corpus`).", "",
               "| run | seconds | chars/s | speed-up | peak RSS, largest process | peak RSS, all processes | output |",
               "|---|---:|---:|---:|---:|---:|---|")
    runs = {}
    for label, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])):
        out = work / f"out{len(runs)}.json"
        runs[label] = (tag_run(corpus, out, extra), file_digest(out))
        out.unlink()
    if profile.dask:
        try:
            t = time.perf_counter()
            with DaskCluster(work, workers=2) as cluster:
                startup = time.perf_counter() - t
                out = work / "out_dask.json"
                runs["dask (2 workers)"] = (tag_run(corpus, out, ["--engine", "dask", "--scheduler", cluster.address]),
                                            file_digest(out))
                out.unlink()
        except Exception as err:  # noqa: BLE001 - report, keep the other measurements
            report.lines.append(f"(dask run failed: {err!r})")
            startup = None
    base = runs["--jobs 1"][0].seconds
    reference = runs["--jobs 1"][1]
    for label, (run, digest) in runs.items():
        same = "same bytes as --jobs 1" if digest == reference else f"DIFFERENT ({digest})"
        if run.returncode:
            same += f", exit {run.returncode}: {run.stderr[-300:]!r}"
        report.add(f"| `{label}` | {run.seconds:.1f} | {_rate(chars, run.seconds)} | {base / run.seconds:.2f}× | "
                   f"{_mb(run.maxrss_mb)} | {_mb(run.tree_peak_mb)} | {same} |")
    if profile.dask and startup is not None:
        report.add("", f"The Dask cluster (`dask scheduler` + `dask worker --nworkers 2 --nthreads 1` on 127.0.0.1) "
                       f"took {startup:.1f} s to start, not counted above; its workers' memory is not in the table.")
    report.add("", f"Peak memory of `chrono tag --jobs 1` on this {size_mb:.0f} MB JSONL: "
                   f"{runs['--jobs 1'][0].maxrss_mb:,.0f} MB.", "")
    if profile.memory_mb:
        big = work / "corpus_big.jsonl"
        write_corpus(str(big), profile.memory_mb, seed=1)
        big_docs, big_chars = corpus_chars(big)
        out = work / "out_big.json"
        run = tag_run(big, out, ["--jobs", "2"])
        out.unlink(missing_ok=True)
        report.add(f"Memory on a {big.stat().st_size / 1e6:.0f} MB JSONL ({big_docs:,} documents, "
                   f"{big_chars:,} characters), "
                   f"`chrono tag --jobs 2 --format json -o FILE`: largest process {run.maxrss_mb:,.0f} MB, all three "
                   f"processes together {run.tree_peak_mb:,.0f} MB at peak (target: under 300 MB); "
                   f"{run.seconds:.0f} s, {_rate(big_chars, run.seconds)} chars/s, exit {run.returncode}.", "")
        big.unlink()

    same = work / "same_text.jsonl"
    write_corpus(str(same), profile.same_text_mb, seed=2)
    same_docs, same_chars = corpus_chars(same)
    found = same_text_runs(same, work)
    ch = found["chrono"]
    ch_whole, ch_loop = same_chars / ch["run"].seconds, same_chars / ch["loop"]["loop_s"]
    rows, ratios = [], []
    for key, label in (("dateparser", "dateparser, `search_dates(text, languages=['ar'])`"),
                       ("dateparser_base", "dateparser, with `settings={'RELATIVE_BASE': published}`"),
                       ("chrono", "chrono, `chrono tag FILE --jobs 1 --format json -o OUT`")):
        r = found[key]
        whole_rate, loop_rate = same_chars / r["run"].seconds, same_chars / r["loop"]["loop_s"]
        rows.append(f"| {label} | {r['run'].seconds:.1f} | {whole_rate:,.0f} | {loop_rate:,.0f} | "
                    f"{r['loop']['found']:,} | {_mb(r['run'].maxrss_mb)} |")
        if key != "chrono":
            ratios.append((label.split(", ", 1)[1], ch_whole / whole_rate, ch_loop / loop_rate, whole_rate))
    whole = chars / base
    report.add("## chrono vs dateparser on the same text", "",
               f"One JSONL file: {same.stat().st_size / 1e6:.1f} MB, {same_docs:,} generated articles, "
               f"{same_chars:,} characters (another draw of the same generator). Each tagger runs as a whole process "
               "doing the same job: read the JSONL, tag every document, write JSON. dateparser runs twice: with the "
               "call the issue names, and with each document's publication day as the base of relative dates (what "
               "chrono's anchor does; dateparser is faster that way). The whole-process time includes start-up "
               "(imports, data loading); the in-process loop is the tagging alone, timed inside the process after a "
               "warm-up call (chrono's loop runs in a separate process over the same documents).", "",
               "| tagger | whole process: seconds | whole process: chars/s | in-process loop: chars/s | "
               "expressions found | peak RSS |", "|---|---:|---:|---:|---:|---:|", *rows, "")
    for label, whole_ratio, loop_ratio, _ in ratios:
        report.add(f"- chrono / dateparser ({label}): **{whole_ratio:.1f}×** whole process on the same file "
                   f"(target: at least 10×), {loop_ratio:.1f}× in-process loops.")
    report.add(f"- On the {size_mb:.0f} MB corpus above, `chrono tag --jobs 1` ran at {whole:,.0f} chars/s as a "
               f"whole process: "
               + ", ".join(f"{whole / rate:.1f}× dateparser ({label})" for label, _, _, rate in ratios)
               + " as whole processes here.", "")
    same.unlink()

    report.add("## Merge cost (`chrono.merge.merge_events` on `tools.synthetic.synthetic_events(n)`)", "",
               "| mentions | seconds | µs per mention | entries | peak RSS "
               "| time / (n log n), relative to the smallest |",
               "|---:|---:|---:|---:|---:|---:|")
    first = None
    for n in profile.merge_sizes:
        result = merge_run(n, profile.merge_timeout)
        if "error" in result:
            report.add(f"| {n:,} | failed: {result['error']} | | | | |")
            continue
        unit = result["merge_s"] / (n * math.log(n))
        first = first or unit
        report.add(f"| {n:,} | {result['merge_s']:.2f} | {result['merge_s'] / n * 1e6:.1f} | {result['entries']:,} | "
                   f"{_mb(result['maxrss_mb'])} | {unit / first:.2f} |")
    report.add("")

    seed_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    adv_chars = int(profile.adversarial_mb * 1_000_000)
    report.add(f"## Adversarial single-line inputs ({profile.adversarial_mb:g} M characters each)", "",
               "`chrono.pipeline.tag_document` on one line made of a repeated unit, in its own process; "
               "the per-character time is compared with normal news text made into one line of the same length, "
               "and with the same input at a tenth of the length (linear cost: the two per-character times match).", "",
               "| input | seconds | µs per char | × news text | µs per char at 1/10 length | expressions | peak RSS |",
               "|---|---:|---:|---:|---:|---:|---:|")
    timeout = profile.adversarial_timeout
    news_unit = None
    for label, unit in adversarial_texts(seed_text).items():
        big = adversarial_run(label, unit, adv_chars, work, timeout)
        small = adversarial_run(label, unit, adv_chars // 10, work, timeout)
        if big.get("seconds") is None:
            if "error" in big:
                report.add(f"| {label} | failed: {big['error']} | | | | | |")
                continue
            floor = timeout / adv_chars * 1e6
            relative = f"≥ {floor / news_unit:.0f}" if news_unit else ""
            small_note = f"{small['seconds'] / small['chars'] * 1e6:.2f}" if small.get("seconds") else "timeout"
            report.add(f"| {label} | stopped after {timeout:.0f} | ≥ {floor:.1f} | {relative} | {small_note} | | |")
            continue
        per_char = big["seconds"] / big["chars"] * 1e6
        news_unit = news_unit or per_char
        small_per_char = small["seconds"] / small["chars"] * 1e6 if small.get("seconds") else float("nan")
        report.add(f"| {label} | {big['seconds']:.1f} | {per_char:.2f} | {per_char / news_unit:.2f} | "
                   f"{small_per_char:.2f} | {big['timexes']:,} | {_mb(big['maxrss_mb'])} |")
    report.add("", f"Whole benchmark: {(time.perf_counter() - started) / 60:.1f} minutes.")
    return report


ARCHIVE_TARGET = (30_676, 60.0, 500.0)  # documents, seconds ("about a minute"), peak MB


def timeline_section(report: Report, corpus: Path, work: Path, replicate: int, timeout: float = 1800) -> None:
    """`chrono timeline` over the real articles, and over the archive written `replicate` times
    over (ids made unique) as a stand-in for a whole archive: seconds, CPU, peak memory of all
    processes, entries. The replicated copies repeat the same texts, so the merge joins far more
    than a real archive would (every happening has ten times the sources): time and memory are
    what it is for. A second stand-in moves each copy's publication a week further (copy n by
    7n days), so relative dates fall on other days; dates the text spells out still coincide."""
    documents, chars = corpus_chars(corpus)
    goal_docs, goal_seconds, goal_mb = ARCHIVE_TARGET
    report.add("## The chronology of an archive (`chrono timeline FILE --jobs 2 --format json -o OUT`)", "",
               f"Target: {goal_docs:,} articles in about {goal_seconds:.0f} s on 2 cores, under {goal_mb:.0f} MB "
               "peak.", "",
               "| input | documents | seconds | CPU s | peak RSS, all processes | entries | exit |",
               "|---|---:|---:|---:|---:|---:|---:|")
    inputs = [(f"the real articles ({corpus.name})", corpus, documents)]
    if replicate > 1:
        big = work / "timeline_replicated.jsonl"
        _replicated(corpus, replicate, big)
        inputs.append((f"the same written {replicate} times over", big, documents * replicate))
        shifted = work / "timeline_shifted.jsonl"
        _replicated(corpus, replicate, shifted, shift_days=7)
        inputs.append((f"the same {replicate} times over, copy n published 7n days later", shifted,
                       documents * replicate))
    for label, path, count in inputs:
        out = work / "timeline.json"
        run = run_measured([PY, "-m", "chrono.cli", "timeline", str(path), "--jobs", "2", "--format", "json",
                            "-o", str(out)], timeout=timeout)
        entries = len(json.loads(out.read_text(encoding="utf-8"))["entries"]) if run.returncode == 0 else 0
        out.unlink(missing_ok=True)
        report.add(f"| {label} | {count:,} | {run.seconds:.1f} | {run.cpu_seconds:.1f} | {_mb(run.tree_peak_mb)} "
                   f"| {entries:,} | {run.returncode} |")
    report.add("", f"({chars:,} characters in the real articles.)", "")


def timeline_only(name: str, work: Path, real: RealText, command: str) -> Report:
    """Only the archive chronology (→ bench/RESULTS-timeline.md)."""
    report = Report(name)
    _header(report, name, command)
    timeline_section(report, real.corpus, work, real.replicate)
    return report


def real_only(name: str, work: Path, real: RealText, command: str) -> Report:
    """Only the real articles: what to run while making chrono faster."""
    report = Report(name)
    started = time.perf_counter()
    _header(report, name, command)
    real_text_section(report, real.corpus, work, real.repeat, real.against, real.dateparser, real.replicate)
    report.add(f"Whole benchmark: {(time.perf_counter() - started) / 60:.1f} minutes.")
    return report


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="chrono benchmarks → bench/RESULTS.md")
    parser.add_argument("--quick", action="store_true", help="small sizes (a few minutes)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster run")
    parser.add_argument("--real-only", action="store_true",
                        help="only the real articles (→ bench/RESULTS-real.md): for iterating on speed")
    parser.add_argument("--real-corpus", default=None,
                        help=f"the real articles' JSONL (default: ${REAL_CORPUS_ENV}, else {DEFAULT_REAL_CORPUS})")
    parser.add_argument("--repeat", type=int, default=3, help="chrono runs per source tree on the real articles")
    parser.add_argument("--against", action="append", default=[], metavar="TREE",
                        help="also time the chrono of this source tree (a folder holding chrono/), in turns")
    parser.add_argument("--timeline-only", action="store_true",
                        help="only `chrono timeline` on the real articles and their replica "
                             "(→ bench/RESULTS-timeline.md)")
    parser.add_argument("--no-dateparser", action="store_true", help="real articles: skip dateparser (slow)")
    parser.add_argument("--replicate", type=int, default=None,
                        help="real articles: also tag the archive written N times over, for memory "
                             "(default: 10 in the full run, none with --real-only or --quick)")
    parser.add_argument("-o", "--output", default=None,
                        help="results file (default: bench/RESULTS.md; RESULTS-quick.md with --quick; "
                             "RESULTS-real.md with --real-only)")
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL
    profile.dask = not args.no_dask
    name = ("timeline only" if args.timeline_only else "real text only" if args.real_only
            else "quick" if args.quick else "full")
    default_name = ("RESULTS-timeline.md" if args.timeline_only else "RESULTS-real.md" if args.real_only
                    else "RESULTS-quick.md" if args.quick else "RESULTS.md")
    output = Path(args.output) if args.output else RESULTS.with_name(default_name)
    replicate = args.replicate if args.replicate is not None else (0 if args.real_only or args.quick else 10)
    if args.timeline_only and args.replicate is None:
        replicate = 10
    real = RealText(real_corpus_path(args.real_corpus), max(1, args.repeat),
                    [Path(p).resolve() for p in args.against], not args.no_dateparser, replicate)
    command = "python -m tools.bench" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    work = Path(tempfile.mkdtemp(prefix="chrono-bench-"))
    try:
        if args.timeline_only:
            report = timeline_only(name, work, real, command)
        elif args.real_only:
            report = real_only(name, work, real, command)
        else:
            report = bench(profile, name, work, real, command)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
