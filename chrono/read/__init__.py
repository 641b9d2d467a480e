"""The read stage: files, folders, JSONL archives and stdin → `Document` or `DocumentError`.

What is read, and how:

* A path argument that is a file ending in `.jsonl` or `.ndjson` is a JSONL archive: one
  `{"id", "text", "published"}` object per line, streamed line by line. Any other file given by
  name is one article, whatever its extension.
* A folder is walked recursively in sorted order of relative path. Read are articles (.txt
  .text .md .markdown .html .htm, or no extension) and JSONL archives; hidden files and folders
  (".git", ".DS_Store"), `manifest.json` and the manifest in use are passed over. Any other file (a PDF, a photo)
  is an error in its place saying what to do with it ("PDF document: ... extract it first").
* "-" is stdin: a JSONL archive when its first non-space character is "{", else one article
  with id "stdin".

Nothing here ever raises for bad input: each unreadable file, undecodable text or malformed
JSONL line becomes a `DocumentError` saying where and why, and the other inputs go on. JSONL
lines are decoded as article files are (UTF-8, else a legacy Arabic code page such as cp1256).
The text of a `Document` is exactly the decoded file (a UTF-8 byte-order mark is the only thing
removed), so every offset reported later points into what the user has on disk.

Anchor precedence, strongest first: `anchor=` (the command line) > manifest entry > JSONL
"published" > front matter. Datelines and inference belong to `chrono/resolve/anchors/`.

Once every input is read, each manifest entry that matched no document is reported through
`warn` (a typo such as "001_76ae0159d87ba1ad.txt" would otherwise leave its article without
its date), naming the closest document.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import IO, Any, AnyStr, Optional, Union

from chrono.models import Anchor, Document, DocumentError
from chrono.read.dates import AnchorError, parse_anchor_date
from chrono.read.decode import BinaryFileError, DecodeError, check_text, decode_bytes, decode_line
from chrono.read.front_matter import FrontMatter, find_front_matter
from chrono.read.kinds import READABLE, binary_file, unsupported_file
from chrono.read.manifest import Manifest, ManifestEntry, ManifestError, load_manifest, unmatched_entries

__all__ = [
    "AnchorError", "ManifestError", "ManifestEntry", "Manifest", "parse_anchor_date",
    "load_manifest", "iter_inputs", "decode_bytes", "DecodeError", "find_front_matter", "FrontMatter",
    "InputWarning",
]

STDIN = "-"
ARTICLE_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ""})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
MANIFEST_NAME = "manifest.json"

# Anchor confidence by source: explicit metadata is trusted fully; an approximate manifest date
# is an estimate (seeds/manifest.json: "27 November is an estimate"); front matter is found by a
# heuristic that could, rarely, mistake an article's first lines for a header.
CONFIDENCE_FRONT_MATTER = 0.9


class InputWarning(UserWarning):
    """Something about the inputs a user should hear of, though every document was read
    (a manifest entry that names no document)."""


Warn = Callable[[str], None]


def _python_warning(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)


@dataclass
class _ReadContext:
    manifest: Optional[Manifest]
    anchor: Optional[date]
    encoding: Optional[str]
    stdin: Optional[IO]
    warn: Warn = _python_warning
    # For the manifest check at the end: the entries used, and the documents none named.
    used_entries: set[ManifestEntry] = field(default_factory=set)
    unmatched_documents: list[str] = field(default_factory=list)


def _manifest_fields(ctx: _ReadContext, names: tuple[str, ...], meta: dict[str, Any]) -> None:
    """The manifest's "source"/"title" of a document, kept in its meta for the exports."""
    entry = ctx.manifest.lookup(*names) if ctx.manifest is not None else None
    if entry is not None and entry.fields:
        meta["manifest"] = dict(entry.fields)


def _manifest_entry(ctx: _ReadContext, names: tuple[str, ...]) -> Optional[ManifestEntry]:
    """The manifest's entry for a document (file name, then id), noted for the final check:
    called once per document, failed ones included (their entry did name a document)."""
    if ctx.manifest is None or ctx.anchor is not None:
        return None
    entry = ctx.manifest.lookup(*names)
    if entry is not None:
        ctx.used_entries.add(entry)
    else:
        ctx.unmatched_documents.append(names[0])
    return entry


def _strongest_anchor(ctx: _ReadContext, entry: Optional[ManifestEntry], metadata: Optional[Anchor]) -> Anchor:
    """CLI > manifest > the document's own metadata (JSONL "published" or front matter).

    An overridden metadata date that disagrees is kept as a warning: a manifest saying
    2021-11-25 for an article whose front matter says 2021-11-23 deserves a second look.
    """
    if ctx.anchor is not None:
        chosen = Anchor(date=ctx.anchor, source="cli", confidence=1.0, evidence=f"--anchor {ctx.anchor.isoformat()}")
    elif entry is not None:
        chosen = entry.to_anchor()
    else:
        return metadata if metadata is not None else Anchor()
    if metadata is not None:
        chosen.warnings.extend(metadata.warnings)
        if metadata.date is not None and chosen.date is not None and metadata.date != chosen.date:
            chosen.warnings.append(f"{metadata.source} date {metadata.date.isoformat()} overridden by "
                                   f"{chosen.source} {chosen.date.isoformat()}")
    return chosen


def _front_matter_anchor(front: Optional[FrontMatter]) -> Optional[Anchor]:
    """Anchor from "date: 2021-11-24"; an unreadable date is a warning, never a guess."""
    if front is None or front.date_key is None:
        return None
    value = front.fields[front.date_key]
    try:
        day = parse_anchor_date(value)
    except AnchorError as exc:
        return Anchor(warnings=[f"front matter {front.date_key!r}: {exc}"])
    return Anchor(date=day, source="front_matter", confidence=CONFIDENCE_FRONT_MATTER, evidence=front.date_line)


def _article(ctx: _ReadContext, doc_id: str, path: str, data: Union[bytes, str],
             names: tuple[str, ...], stream_encoding: Optional[str] = None) -> Union[Document, DocumentError]:
    """One article's bytes (or already-decoded text from a text stream) → Document."""
    entry = _manifest_entry(ctx, names)
    try:
        if isinstance(data, str):
            check_text(data)
            text, encoding = data, stream_encoding
        else:
            text, encoding = decode_bytes(data, ctx.encoding)
    except BinaryFileError:
        head = data[:16] if isinstance(data, bytes) else b""
        return DocumentError(path=path, id=doc_id, reason=binary_file(path, head))
    except DecodeError as exc:
        return DocumentError(path=path, id=doc_id, reason=str(exc))
    front = find_front_matter(text)
    if front is not None and not text[front.body_start:].strip():
        return DocumentError(path=path, id=doc_id, reason="empty article (front matter only)")
    meta: dict[str, Any] = {"body_start": front.body_start if front else 0}
    if front is not None:
        meta["front_matter"] = dict(front.fields)
    _manifest_fields(ctx, names, meta)
    anchor = _strongest_anchor(ctx, entry, _front_matter_anchor(front))
    return Document(id=doc_id, path=path, text=text, anchor=anchor, encoding=encoding, meta=meta)


def _read_article_file(ctx: _ReadContext, path: str) -> Union[Document, DocumentError]:
    name = PurePath(path).name
    doc_id = PurePath(path).stem
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return DocumentError(path=path, id=doc_id, reason=exc.strerror or str(exc))
    return _article(ctx, doc_id, path, data, (name, doc_id))


# ---------------------------------------------------------------------------------------------
# JSONL
# ---------------------------------------------------------------------------------------------

def _record_id(record: dict, default: str) -> str:
    """"id": "a1" or 17 → "a1" / "17"; missing or null → "<file stem>:<line>"."""
    value = record.get("id")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)) or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"'id' must be a non-empty string or an integer, got {value!r}")
    return str(value)


def _jsonl_anchor(record: dict) -> Optional[Anchor]:
    published = record.get("published")
    if published is None:
        return None
    if not isinstance(published, str):
        raise ValueError(f"'published' must be a date string, got {published!r}")
    day = parse_anchor_date(published)  # AnchorError is a ValueError: reported by the caller
    return Anchor(date=day, source="jsonl", confidence=1.0, evidence=f"published: {published}")


def _jsonl_record(ctx: _ReadContext, path: str, stem: str, number: int, line: str,
                  encoding: Optional[str]) -> Union[Document, DocumentError]:
    """One JSONL line → Document, or DocumentError naming the line."""
    default_id = f"{stem}:{number}"
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            why = f"{exc.msg} (column {exc.colno})"
        else:
            why = str(exc) or "nested too deeply"
        return DocumentError(path=path, line=number, id=default_id, reason=f"malformed JSON: {why}")
    if not isinstance(record, dict):
        return DocumentError(path=path, line=number, id=default_id,
                             reason=f"expected a JSON object, got {type(record).__name__}")
    try:
        doc_id = _record_id(record, default_id)
    except ValueError as exc:
        return DocumentError(path=path, line=number, id=default_id, reason=str(exc))
    entry = _manifest_entry(ctx, (doc_id,))
    text = record.get("text")
    if not isinstance(text, str):
        reason = "missing 'text'" if text is None else f"'text' must be a string, got {type(text).__name__}"
        return DocumentError(path=path, line=number, id=doc_id, reason=reason)
    if not text.strip():
        return DocumentError(path=path, line=number, id=doc_id, reason="empty 'text'")
    try:
        metadata = _jsonl_anchor(record)
    except ValueError as exc:
        return DocumentError(path=path, line=number, id=doc_id, reason=f"published: {exc}")
    extra = {key: value for key, value in record.items() if key not in ("id", "text", "published")}
    meta: dict[str, Any] = {"line": number, "body_start": 0}
    if extra:
        meta["fields"] = extra
    _manifest_fields(ctx, (doc_id,), meta)
    anchor = _strongest_anchor(ctx, entry, metadata)
    return Document(id=doc_id, path=path, text=text, anchor=anchor, encoding=encoding or "utf-8", meta=meta)


def _decode_jsonl_line(raw: Union[bytes, str], number: int, encoding: Optional[str]) -> tuple[str, Optional[str]]:
    """A line's text and its encoding (detected per line as for article files unless forced)."""
    if isinstance(raw, str):
        return (raw.lstrip("\ufeff") if number == 1 else raw), encoding
    if number == 1 and raw.startswith(codecs.BOM_UTF8) and \
            (encoding is None or codecs.lookup(encoding).name == "utf-8"):
        raw = raw[len(codecs.BOM_UTF8):]
    return decode_line(raw, encoding)


def _jsonl_documents(ctx: _ReadContext, path: str,
                     lines: Iterable[Union[bytes, str]]) -> Iterator[Union[Document, DocumentError]]:
    """Stream a JSONL archive: each line on its own, blank lines skipped, bad lines reported."""
    stem = PurePath(path).stem if path != STDIN else "stdin"
    for number, raw in enumerate(lines, start=1):
        try:
            line, encoding = _decode_jsonl_line(raw, number, ctx.encoding)
        except DecodeError as exc:
            yield DocumentError(path=path, line=number, id=f"{stem}:{number}", reason=str(exc))
            continue
        if line.strip():
            yield _jsonl_record(ctx, path, stem, number, line, encoding)


def _read_jsonl_file(ctx: _ReadContext, path: str) -> Iterator[Union[Document, DocumentError]]:
    try:
        # Opened outside `with` so that only a failure to open is reported here; `with handle` closes it.
        handle = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield DocumentError(path=path, reason=exc.strerror or str(exc))
        return
    with handle:
        head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
        if ctx.encoding is None and (head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE)):
            yield DocumentError(path=path, reason="JSONL must be UTF-8 (found a UTF-16 byte-order mark)")
            return
        try:
            yield from _jsonl_documents(ctx, path, handle)
        except OSError as exc:  # e.g. the disk went away half-way
            yield DocumentError(path=path, reason=exc.strerror or str(exc))


# ---------------------------------------------------------------------------------------------
# Paths, folders, stdin
# ---------------------------------------------------------------------------------------------

def _is_jsonl(path: str) -> bool:
    return PurePath(path).suffix.lower() in JSONL_EXTENSIONS


def _read_file(ctx: _ReadContext, path: str) -> Iterator[Union[Document, DocumentError]]:
    if _is_jsonl(path):
        yield from _read_jsonl_file(ctx, path)
    else:
        yield _read_article_file(ctx, path)


def _passed_over(name: str) -> bool:
    """Files no one expects chrono to read: hidden ones (".DS_Store") and the manifest."""
    return name.startswith(".") or name == MANIFEST_NAME


def is_readable_name(name: str) -> bool:
    """An article or a JSONL archive, by its extension: what a folder walk reads."""
    suffix = PurePath(name).suffix.lower()
    return suffix in ARTICLE_EXTENSIONS or suffix in JSONL_EXTENSIONS


@dataclass
class _FolderListing:
    members: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (sort key, path)
    errors: list[DocumentError] = field(default_factory=list)


def _list_folder(root: str, manifest_path: Optional[str] = None) -> _FolderListing:
    """Every file below `root` but the passed-over ones (and the manifest in use, whatever
    its name), sorted by relative path (the same order on every machine)."""
    listing = _FolderListing()

    def report(exc: OSError) -> None:
        listing.errors.append(DocumentError(path=exc.filename or root, reason=exc.strerror or str(exc)))

    for folder, subfolders, files in os.walk(root, onerror=report):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            full = os.path.join(folder, name)
            if _passed_over(name) or os.path.abspath(full) == manifest_path:
                continue
            relative = os.path.relpath(full, root)
            listing.members.append((tuple(PurePath(relative).parts), full))
    listing.members.sort()
    return listing


def _read_folder(ctx: _ReadContext, root: str) -> Iterator[Union[Document, DocumentError]]:
    """The folder's articles in order, each other file an error in its place saying what to do."""
    manifest_path = os.path.abspath(ctx.manifest.source) if ctx.manifest is not None else None
    listing = _list_folder(root, manifest_path)
    yield from listing.errors
    if not listing.errors and not any(is_readable_name(path) for _, path in listing.members):
        yield DocumentError(path=root, reason=f"folder has no articles ({READABLE})")
    for _, path in listing.members:
        if is_readable_name(path):
            yield from _read_file(ctx, path)
        else:
            yield DocumentError(path=path, id=PurePath(path).stem, reason=unsupported_file(path))


def _stream_lines(head: AnyStr, stream: IO[AnyStr], newline: AnyStr) -> Iterator[AnyStr]:
    """Lines of `head` + the rest of `stream`, read in chunks (stdin cannot be re-read)."""
    buffer = head
    while True:
        cut = buffer.find(newline)
        while cut >= 0:
            yield buffer[: cut + 1]
            buffer = buffer[cut + 1:]
            cut = buffer.find(newline)
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        buffer += chunk
    if buffer:
        yield buffer


def _without_leading_space(head: AnyStr) -> AnyStr:
    """`head` from its first character that is neither white space nor a byte-order mark."""
    if isinstance(head, bytes):
        return head.lstrip().lstrip(b"\xef\xbb\xbf").lstrip()
    return head.lstrip().lstrip("\ufeff").lstrip()


def _read_stdin(ctx: _ReadContext) -> Iterator[Union[Document, DocumentError]]:
    """"-": JSONL when the first non-space character is "{", else one article with id "stdin"."""
    stream = ctx.stdin if ctx.stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)
    try:
        head = stream.read(0)
        brace, newline = (b"{", b"\n") if isinstance(head, bytes) else ("{", "\n")
        while True:
            chunk = stream.read(4096)
            head += chunk
            content = _without_leading_space(head)
            if not chunk or content:
                break
        if content[:1] == brace:
            yield from _jsonl_documents(ctx, STDIN, _stream_lines(head, stream, newline))
            return
        data = head + stream.read()
    except OSError as exc:
        yield DocumentError(path=STDIN, reason=exc.strerror or str(exc))
        return
    yield _article(ctx, "stdin", STDIN, data, ("stdin",),
                   stream_encoding=getattr(ctx.stdin or sys.stdin, "encoding", None))


def _read_path(ctx: _ReadContext, path: str) -> Iterator[Union[Document, DocumentError]]:
    if path == STDIN:
        yield from _read_stdin(ctx)
    elif os.path.isdir(path):
        yield from _read_folder(ctx, path)
    elif os.path.exists(path) and not os.path.isfile(path):
        yield DocumentError(path=path, reason="not a regular file or folder")
    else:
        yield from _read_file(ctx, path)  # a missing file is reported by open() with the OS reason


def _iter_all(paths: list[str], ctx: _ReadContext) -> Iterator[Union[Document, DocumentError]]:
    for path in paths:
        yield from _read_path(ctx, path)
    if ctx.manifest is not None and ctx.anchor is None:
        for message in unmatched_entries(ctx.manifest, ctx.used_entries, ctx.unmatched_documents):
            ctx.warn(message)


def iter_inputs(paths: list[str], *, manifest: Optional[Manifest] = None, anchor: Optional[date] = None,
                encoding: Optional[str] = None, stdin: Optional[IO] = None,
                warn: Optional[Warn] = None) -> Iterator[Union[Document, DocumentError]]:
    """Lazily read every input, in argument order, one `Document` or `DocumentError` at a time.

        for item in iter_inputs(["seeds/"], manifest=load_manifest("seeds/manifest.json")):
            ...  # Document(id="001_76ae0159d87ba1ac", anchor=Anchor(date=2021-11-24, source="manifest"))

    `encoding` forces one codec for every input (unknown names raise ValueError right away, a
    usage error); `anchor` overrides every other anchor; `stdin` replaces sys.stdin for "-".
    `warn` receives each warning as one line of text once the inputs are read (default: Python's
    `warnings.warn` with `InputWarning`).
    """
    if isinstance(paths, (str, bytes)):
        raise TypeError("iter_inputs takes a list of paths, not one string")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    ctx = _ReadContext(manifest=manifest, anchor=anchor, encoding=encoding, stdin=stdin,
                       warn=warn or _python_warning)
    return _iter_all(list(paths), ctx)
