"""Manifests: file → publication date, as `seeds/manifest.json` or a plain {"file": "date"} map.
"""
from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any, Optional

from chrono.models import Anchor
from chrono.read.dates import AnchorError, parse_anchor_date

CONFIDENCE_APPROXIMATE = 0.7  # an approximate manifest date is an estimate

class ManifestError(ValueError):
    """A manifest that cannot be used, naming the file, the entry and the problem."""


@dataclass(frozen=True)
class ManifestEntry:
    """One document's anchor from a manifest, e.g. 001_76ae0159d87ba1ac.txt → 2021-11-24."""

    file: str
    published: date
    evidence: str = ""
    approximate: bool = False
    where: str = ""  # "seeds/manifest.json documents[1]", for evidence when the entry has none
    fields: tuple = ()  # the entry's "source" and "title" as (key, value) pairs, for the exports

    def to_anchor(self) -> Anchor:
        return Anchor(
            date=self.published,
            source="manifest",
            confidence=CONFIDENCE_APPROXIMATE if self.approximate else 1.0,
            evidence=self.evidence or f"published {self.published.isoformat()} in {self.where}",
        )


class Manifest(Mapping):
    """Anchors by file name AND by document id: "001_76ae0159d87ba1ac.txt" and
    "001_76ae0159d87ba1ac" both give the same entry; a JSONL record is found by its "id"."""

    def __init__(self, entries: Iterable[ManifestEntry], source: str = "<manifest>"):
        self.source = source
        self.entries: list[ManifestEntry] = list(entries)
        self._by_key: dict[str, ManifestEntry] = {}
        for entry in self.entries:
            for key in self._keys_of(entry.file):
                self._add(key, entry)

    @staticmethod
    def _keys_of(file: str) -> list[str]:
        name = PurePath(file.replace("\\", "/")).name
        keys = [file, name, PurePath(name).stem]
        return list(dict.fromkeys(key for key in keys if key))

    def _add(self, key: str, entry: ManifestEntry) -> None:
        known = self._by_key.get(key)
        if known is not None and known.published != entry.published:
            raise ManifestError(
                f"{self.source}: {known.where} and {entry.where} both name {key!r} "
                f"with different dates ({known.published} and {entry.published})"
            )
        self._by_key.setdefault(key, entry)

    def lookup(self, *names: str) -> Optional[ManifestEntry]:
        """The entry for the first of `names` (basename, then id) that the manifest knows."""
        for name in names:
            if name in self._by_key:
                return self._by_key[name]
        return None

    def __getitem__(self, key: str) -> ManifestEntry:
        return self._by_key[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)


def _manifest_entry(source: str, where: str, file: Any, value: Any) -> ManifestEntry:
    """Validate one entry: {"file", "published", "evidence"?, "approximate"?} or a bare date."""
    if not isinstance(file, str) or not file.strip():
        raise ManifestError(f"{source}: {where}: 'file' must be a non-empty string, got {file!r}")
    if isinstance(value, str):
        value = {"published": value}
    if not isinstance(value, dict):
        raise ManifestError(f"{source}: {where}: expected a date string or an object, got {type(value).__name__}")
    if "published" not in value:
        raise ManifestError(f"{source}: {where} ({file}): missing 'published'")
    evidence = value.get("evidence", "")
    approximate = value.get("approximate", False)
    if not isinstance(evidence, str):
        raise ManifestError(f"{source}: {where} ({file}): 'evidence' must be a string")
    if not isinstance(approximate, bool):
        raise ManifestError(f"{source}: {where} ({file}): 'approximate' must be true or false")
    try:
        published = parse_anchor_date(value["published"])
    except AnchorError as exc:
        raise ManifestError(f"{source}: {where} ({file}): 'published': {exc}") from None
    fields = tuple((key, value[key].strip()) for key in ("source", "title")
                   if isinstance(value.get(key), str) and value[key].strip())
    return ManifestEntry(file=file, published=published, evidence=evidence, approximate=approximate,
                         where=f"{source} {where}", fields=fields)


def _manifest_entries(source: str, data: Any) -> Iterator[ManifestEntry]:
    """Both shapes: {"documents": [{"file", "published", ...}]} (or a bare list) and {"file": "date"}."""
    documents = data.get("documents") if isinstance(data, dict) else data
    if isinstance(documents, list):
        for index, item in enumerate(documents):
            where = f"documents[{index}]"
            if not isinstance(item, dict):
                raise ManifestError(f"{source}: {where}: expected an object, got {type(item).__name__}")
            yield _manifest_entry(source, where, item.get("file"), item)
    elif isinstance(data, dict) and "documents" not in data:
        for key, value in data.items():
            yield _manifest_entry(source, f"key {key!r}", key, value)
    else:
        raise ManifestError(f"{source}: expected {{'documents': [...]}} or a {{file: date}} object")


def load_manifest(path: str) -> Manifest:
    """Read a manifest like seeds/manifest.json; raises `ManifestError` saying what and where.

        load_manifest("seeds/manifest.json")["001_76ae0159d87ba1ac"].published == date(2021, 11, 24)
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 (invalid byte at {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise ManifestError(f"{path}: invalid JSON: {exc}") from None
    return Manifest(_manifest_entries(path, data), source=path)


def _on_disk_beside(manifest: Manifest, entry: ManifestEntry) -> bool:
    """An entry naming a file that exists next to the manifest: a document left out of this
    run (`chrono tag seeds/001_….txt --manifest seeds/manifest.json`), not a typo."""
    if not os.path.isfile(manifest.source):
        return False
    return os.path.isfile(os.path.join(os.path.dirname(manifest.source), entry.file))


def unmatched_entries(manifest: Manifest, used: set[ManifestEntry], unmatched_documents: Sequence[str]) -> list[str]:
    """One warning per manifest entry that named no document read, with the closest document
    that found no entry (difflib's ratio), since a typo leaves that one without its date:

        seeds/manifest.json documents[1]: '001_76ae0159d87ba1ad.txt' names no document read;
        did you mean '001_76ae0159d87ba1ac.txt' (read without a manifest date)?
    """
    candidates = sorted(set(unmatched_documents))
    messages = []
    for entry in manifest.entries:
        if entry in used or manifest.lookup(entry.file) in used or _on_disk_beside(manifest, entry):
            continue
        message = f"{entry.where}: {entry.file!r} names no document read"
        name = PurePath(entry.file.replace("\\", "/")).name
        closest = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
        if closest:
            message += f"; did you mean {closest[0]!r} (read without a manifest date)?"
        messages.append(message)
    return messages
