"""A one-line progress bar on stderr for long `chrono tag` runs (documents, chars/s, ETA).

It draws only when stderr is a terminal: a pipe, a log file or CI gets nothing, so redirected
output stays byte-for-byte the same with or without it.

    12,345 / 20,000 docs  61%  1.9M chars/s  ETA 0:01:12
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from typing import IO, Optional

from chrono.read import ARTICLE_EXTENSIONS, JSONL_EXTENSIONS, MANIFEST_NAME

_REDRAW_SECONDS = 0.2


def stream_is_terminal(stream: IO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed stream
        return False


def count_documents(paths: Iterable[str]) -> Optional[int]:
    """How many documents the inputs hold, for the ETA; None when it cannot be known cheaply
    (stdin). A JSONL file counts its non-blank lines (a 100 MB file takes ~0.1 s to scan).

        count_documents(["seeds/"]) == 5
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in files:
                    if _is_input_file(name):
                        total += _documents_in_file(os.path.join(folder, name))
        elif os.path.isfile(path):
            total += _documents_in_file(path)
    return total


def _is_input_file(name: str) -> bool:
    """The files a folder read picks up (same rule as chrono.read)."""
    suffix = os.path.splitext(name)[1].lower()
    wanted = suffix in ARTICLE_EXTENSIONS or suffix in JSONL_EXTENSIONS
    return wanted and not name.startswith(".") and name != MANIFEST_NAME


def _documents_in_file(path: str) -> int:
    if os.path.splitext(path)[1].lower() not in JSONL_EXTENSIONS:
        return 1
    count = 0
    try:
        with open(path, "rb") as handle:
            for line in handle:
                count += bool(line.strip())
    except OSError:
        return 0
    return count


def _human(number: float) -> str:
    for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if number >= limit:
            return f"{number / limit:.1f}{suffix}"
    return f"{number:.0f}"


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class ProgressBar:
    """Counts documents and characters; redraws at most every 0.2 s; `close()` ends the line."""

    def __init__(self, total: Optional[int] = None, stream: Optional[IO] = None, clock=time.monotonic):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.last_draw = 0.0
        self.documents = 0
        self.chars = 0

    def update(self, documents: int = 1, chars: int = 0) -> None:
        self.documents += documents
        self.chars += chars
        now = self.clock()
        if now - self.last_draw >= _REDRAW_SECONDS:
            self.last_draw = now
            self._draw(now)

    def line(self, now: Optional[float] = None) -> str:
        """The bar's text: '3 / 5 docs  60%  12.3k chars/s  ETA 0:00:01'."""
        elapsed = max((self.clock() if now is None else now) - self.started, 1e-9)
        speed = f"{_human(self.chars / elapsed)} chars/s"
        if not self.total:
            return f"{self.documents:,} docs  {speed}"
        share = min(self.documents / self.total, 1.0)
        left = (elapsed / self.documents) * max(self.total - self.documents, 0) if self.documents else 0
        return f"{self.documents:,} / {self.total:,} docs  {share:4.0%}  {speed}  ETA {_clock(left)}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self._draw(self.clock())
        self.stream.write("\n")
        self.stream.flush()
