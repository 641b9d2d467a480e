"""Writing outputs safely: a crash half-way never leaves a truncated file behind.

A timeline written with `-o out/timeline.json` either appears whole or not at all: we write to a
temporary file in the same folder (same file system, so the final rename is atomic) and
`os.replace` it over the target only when the writer finished without an exception.
"-" means standard output, where atomicity is impossible and not attempted.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import IO

STDOUT = "-"


def _default_file_mode(target: str) -> int:
    """Keep an existing file's permissions; a new file gets what `open()` would give it.

    `mkstemp` creates files readable only by their owner, which would surprise a user whose
    `out/tags.json` suddenly cannot be read by the web server that used to serve it.
    """
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_open(path: str, mode: str = "w", encoding: str = "utf-8") -> Iterator[IO]:
    """Open `path` for writing; the file appears (replacing any old one) only on success.

    Text mode writes "\\n" as is on every platform (same input → same bytes), e.g. a CSV row
    "2021-11-24,توقيع مذكرة التفاهم\\n" is the same file on Windows and Linux.

        with atomic_open("out/timeline.json") as out:
            out.write(dump_json(timeline))
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open supports mode 'w' or 'wb', not {mode!r}")
    binary = mode == "wb"
    if path == STDOUT:
        # No atomicity on a pipe; flush but never close the process's stdout.
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return

    target = os.path.abspath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO): write to it directly. Renaming a
        # temporary file over it would replace the device itself (as root, /dev/null).
        # encoding=None and newline=None are open()'s defaults, the only values binary mode accepts.
        with open(target, mode, encoding=None if binary else encoding, newline=None if binary else "") as device:
            yield device
        return
    folder = os.path.dirname(target)
    fd, temp_path = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        handle: IO = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_path, _default_file_mode(target))
        os.replace(temp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise


def atomic_write(path: str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to `path` all at once (see `atomic_open`); "-" writes to stdout.

        atomic_write("out/tags.json", '{"text": "اليوم الأربعاء"}')
    """
    if isinstance(data, str):
        with atomic_open(path, "w", encoding=encoding) as out:
            out.write(data)
    else:
        with atomic_open(path, "wb") as out:
            out.write(data)
