"""What changed between two chrono outputs (`chrono diff OLD NEW`): for golden-file tests of
one's own corpus, and for an editor updating a story.

Two `chrono timeline --format json` outputs: entries added, removed, re-dated, merged, split
or regrouped, labels changed, mentions gained or lost, documents added, removed or re-anchored.
Entry ids shift whenever an entry is added before others, so entries are matched by what they
are made of, their mentions (doc, start, end): two entries sharing a mention are the same
happening, or the pieces of one that was split or merged.

Two `chrono tag` outputs (`--format json` or `jsonl`): expressions added, removed, re-dated (value,
type, mod or interval) or re-spanned (the same place, other bounds), matched by (doc, start, end).

    diff = diff_files("golden/timeline.json", "out/timeline.json")
    diff.equal            # False
    print(diff.report())  # ~ re-dated  e8  [2020-12-10] 10 ديسمبر 2020 → [2020-12-22] 22 ديسمبر 2020 «...»
    diff.to_json()        # {"schema": "chrono.diff/1", "kind": "timeline", "changes": [...], ...}

The work is linear in the number of mentions (dictionaries and a union-find).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import ValidationError

from chrono.export.display import arabic_date, arabic_value
from chrono.models import DocumentError, DocumentTags, Entry, TagOutput, TimelineOutput, Timex

Kind = Literal["tags", "timeline"]
Output = Union[TagOutput, TimelineOutput]
MentionKey = tuple[str, int, int]  # (doc, start, end)

SCHEMA = "chrono.diff/1"
# The order changes are counted and listed in.
CHANGE_KINDS = ("document added", "document removed", "re-anchored", "added", "removed", "re-dated",
                "re-spanned", "merged", "split", "regrouped", "relabeled", "mentions")
_MARKS = {"added": "+", "removed": "-", "document added": "+", "document removed": "-", "merged": "⇇",
          "split": "⇉", "regrouped": "⇄"}
_DATE_FIELDS = ("value", "type", "granularity", "start_date", "end_date", "mod")


class DiffError(ValueError):
    """A file that cannot be compared: unreadable, not a chrono output, or of another kind."""


@dataclass(frozen=True)
class Change:
    """One difference. `old`/`new`: the ids involved on each side (entries, timexes or documents)."""

    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    text: str  # the report's line, after the mark and the kind
    data: dict[str, Any] = field(default_factory=dict)  # the JSON form's details


@dataclass
class Diff:
    kind: Kind
    old_name: str
    new_name: str
    changes: list[Change]
    sizes: tuple[int, int]  # entries (timeline) or expressions (tags) on each side

    @property
    def equal(self) -> bool:
        return not self.changes

    def summary(self) -> dict[str, int]:
        counts = Counter(change.kind for change in self.changes)
        return {kind: counts[kind] for kind in CHANGE_KINDS if counts[kind]}

    def report(self) -> str:
        """The readable report: one line per change, a summary line first."""
        unit = "entries" if self.kind == "timeline" else "expressions"
        head = f"{self.kind}: {self.sizes[0]} → {self.sizes[1]} {unit}; "
        if self.equal:
            return head + "no change\n"
        head += ", ".join(f"{count} {kind}" for kind, count in self.summary().items())
        lines = [head]
        for change in self.changes:
            lines.append(f"{_MARKS.get(change.kind, '~')} {change.kind:<16} {change.text}")
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA, "kind": self.kind, "old": self.old_name, "new": self.new_name,
            "equal": self.equal, "sizes": list(self.sizes), "summary": self.summary(),
            "changes": [{"change": c.kind, "old": list(c.old), "new": list(c.new), **c.data} for c in self.changes],
        }


# ---------------------------------------------------------------- reading


def _jsonl_tags(text: str, name: str) -> TagOutput:
    """`chrono tag --format jsonl`: one document's tags, or {"error": ...}, per line."""
    documents, errors = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if isinstance(record, dict) and set(record) == {"error"}:
            errors.append(DocumentError.model_validate(record["error"]))
        else:
            documents.append(DocumentTags.model_validate(record))
    if not documents and not errors:
        raise DiffError(f"{name}: empty file")
    return TagOutput(documents=documents, errors=errors)


def read_output(path: Union[str, Path]) -> tuple[Kind, Output]:
    """A `chrono tag` or `chrono timeline` output file, told apart by its "schema"."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise DiffError(f"{name}: cannot read: {getattr(err, 'strerror', None) or err}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg != "Extra data":
            raise DiffError(f"{name}: not JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
        try:
            return "tags", _jsonl_tags(text, name)
        except (ValueError, ValidationError) as jsonl_err:
            raise DiffError(f"{name}: neither a chrono JSON output nor a `chrono tag --format jsonl` "
                            f"file: {_first_error(jsonl_err)}") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    try:
        if schema == "chrono.timeline/1":
            return "timeline", TimelineOutput.model_validate(data)
        if schema == "chrono.tags/1":
            return "tags", TagOutput.model_validate(data)
        if isinstance(data, dict) and "timexes" in data:  # a one-line jsonl file
            return "tags", TagOutput(documents=[DocumentTags.model_validate(data)])
    except ValidationError as err:
        raise DiffError(f"{name}: a broken {schema} file: {_first_error(err)}") from None
    raise DiffError(f"{name}: not a chrono output (expected the JSON of `chrono tag` or `chrono timeline`, "
                    f"with \"schema\": \"chrono.tags/1\" or \"chrono.timeline/1\")")


def _first_error(err: Exception) -> str:
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(err)


# ---------------------------------------------------------------- documents


def _document_changes(old: Iterable, new: Iterable) -> list[Change]:
    old_by_id = {d.id: d for d in old}
    new_by_id = {d.id: d for d in new}
    changes = []
    for doc_id in old_by_id.keys() - new_by_id.keys():
        changes.append(Change("document removed", (doc_id,), (), doc_id))
    for doc_id in new_by_id.keys() - old_by_id.keys():
        changes.append(Change("document added", (), (doc_id,), doc_id))
    for doc_id in old_by_id.keys() & new_by_id.keys():
        before, after = old_by_id[doc_id].anchor.date, new_by_id[doc_id].anchor.date
        if before != after:
            text = f"{doc_id}  anchor {before or 'none'} → {after or 'none'}"
            changes.append(Change("re-anchored", (doc_id,), (doc_id,), text,
                                  {"anchor": [str(before) if before else None, str(after) if after else None]}))
    return sorted(changes, key=lambda c: (CHANGE_KINDS.index(c.kind), c.old or c.new))


# ---------------------------------------------------------------- timelines


def _when(entry: Entry) -> str:
    return f"[{entry.value}] {arabic_date(entry)}"


def _entry_text(entry: Entry) -> str:
    return f"{entry.id}  {_when(entry)}  «{entry.label}»"


def _entry_data(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "value": entry.value, "start_date": _iso(entry.start_date),
            "end_date": _iso(entry.end_date), "mod": entry.mod, "label": entry.label, "sources": entry.sources}


def _iso(day) -> Optional[str]:
    return day.isoformat() if day is not None else None


def _mention_keys(entry: Entry) -> list[MentionKey]:
    return [(m.doc, m.start, m.end) for m in entry.mentions]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        root = self.parent.setdefault(node, node)
        while root != self.parent[root]:
            root = self.parent[root]
        while node != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _groups(old: list[Entry], new: list[Entry]) -> list[tuple[list[Entry], list[Entry]]]:
    """Entries of both sides linked by shared mentions, each group in the outputs' order."""
    owner = {key: entry.id for entry in new for key in _mention_keys(entry)}
    links = _UnionFind()
    for entry in old:
        links.find(("old", entry.id))
        for key in _mention_keys(entry):
            if key in owner:
                links.union(("old", entry.id), ("new", owner[key]))
    for entry in new:
        links.find(("new", entry.id))
    groups: dict[tuple[str, str], tuple[list[Entry], list[Entry]]] = {}
    for side, entries in (("old", old), ("new", new)):
        for entry in entries:
            group = groups.setdefault(links.find((side, entry.id)), ([], []))
            group[0 if side == "old" else 1].append(entry)
    return list(groups.values())


def _ids(before: Entry, after: Entry) -> str:
    """ "e8", or "e8 → e9" when entries before it came or went."""
    return before.id if before.id == after.id else f"{before.id} → {after.id}"


def _same_entry_changes(before: Entry, after: Entry) -> list[Change]:
    ids = (before.id,), (after.id,)
    changes = []
    if any(getattr(before, name) != getattr(after, name) for name in _DATE_FIELDS):
        text = f"{_ids(before, after)}  {_when(before)} → {_when(after)}  «{after.label}»"
        changes.append(Change("re-dated", *ids, text, {"before": _entry_data(before), "after": _entry_data(after)}))
    if before.label != after.label:
        text = f"{_ids(before, after)}  «{before.label}» → «{after.label}»"
        changes.append(Change("relabeled", *ids, text, {"before": before.label, "after": after.label}))
    old_keys, new_keys = set(_mention_keys(before)), set(_mention_keys(after))
    if old_keys != new_keys:
        gained = sorted(new_keys - old_keys)
        lost = sorted(old_keys - new_keys)
        parts = [f"+{doc}:{start}-{end}" for doc, start, end in gained] + \
                [f"-{doc}:{start}-{end}" for doc, start, end in lost]
        text = f"{_ids(before, after)}  «{after.label}»  {' '.join(parts)}"
        changes.append(Change("mentions", *ids, text, {"gained": [list(k) for k in gained],
                                                          "lost": [list(k) for k in lost]}))
    return changes


def _group_changes(old: list[Entry], new: list[Entry]) -> list[Change]:
    if not new:
        return [Change("removed", (e.id,), (), _entry_text(e), {"before": _entry_data(e)}) for e in old]
    if not old:
        return [Change("added", (), (e.id,), _entry_text(e), {"after": _entry_data(e)}) for e in new]
    if len(old) == len(new) == 1:
        return _same_entry_changes(old[0], new[0])
    kind = "split" if len(old) == 1 else "merged" if len(new) == 1 else "regrouped"
    text = (", ".join(e.id for e in old) + " → " + ", ".join(e.id for e in new) + "  "
            + " | ".join(f"{_when(e)} «{e.label}»" for e in new))
    data = {"before": [_entry_data(e) for e in old], "after": [_entry_data(e) for e in new]}
    return [Change(kind, tuple(e.id for e in old), tuple(e.id for e in new), text, data)]


def diff_timelines(old: TimelineOutput, new: TimelineOutput, old_name: str = "OLD",
                   new_name: str = "NEW") -> Diff:
    """The changes from `old` to `new`, in the chronology's order (of `new`, then `old`)."""
    place = {("new", e.id): i for i, e in enumerate(new.entries)}
    place.update({("old", e.id): i for i, e in enumerate(old.entries)})
    changes = _document_changes(old.documents, new.documents)
    groups = sorted(_groups(old.entries, new.entries),
                    key=lambda g: (place[("new", g[1][0].id)] if g[1] else place[("old", g[0][0].id)], bool(g[1])))
    for old_group, new_group in groups:
        changes.extend(_group_changes(old_group, new_group))
    return Diff("timeline", old_name, new_name, changes, (len(old.entries), len(new.entries)))


# ---------------------------------------------------------------- tags


def _timex_when(timex: Timex) -> str:
    return f"[{timex.value}] {arabic_value(timex.value, mod=timex.mod, start=timex.start_date, end=timex.end_date)}"


def _timex_text(doc: str, timex: Timex) -> str:
    return f"{doc}:{timex.start}-{timex.end}  «{timex.text}»  {_timex_when(timex)}"


def _timex_data(doc: str, timex: Timex) -> dict[str, Any]:
    return {"doc": doc, "start": timex.start, "end": timex.end, "text": timex.text, "value": timex.value,
            "mod": timex.mod, "start_date": _iso(timex.start_date), "end_date": _iso(timex.end_date)}


def _document_timex_changes(doc: str, old: list[Timex], new: list[Timex]) -> list[tuple[int, Change]]:
    """One document's expressions: matched by their span, or by an overlapping one (re-spanned)."""
    old_at = {(t.start, t.end): t for t in old}
    new_at = {(t.start, t.end): t for t in new}
    changes: list[tuple[int, Change]] = []
    for span in old_at.keys() & new_at.keys():
        before, after = old_at[span], new_at[span]
        if any(getattr(before, name) != getattr(after, name) for name in _DATE_FIELDS):
            text = f"{doc}:{span[0]}-{span[1]}  «{after.text}»  {_timex_when(before)} → {_timex_when(after)}"
            changes.append((span[0], Change("re-dated", (before.id,), (after.id,), text,
                                            {"before": _timex_data(doc, before), "after": _timex_data(doc, after)})))
    lost = sorted(old_at.keys() - new_at.keys())
    gained = sorted(new_at.keys() - old_at.keys())
    paired_new: set[tuple[int, int]] = set()
    j = 0
    for span in lost:  # both sorted by start: a sweep pairs each lost span with an overlapping new one
        while j < len(gained) and gained[j][1] <= span[0]:
            j += 1
        match = gained[j] if j < len(gained) and gained[j][0] < span[1] and gained[j] not in paired_new else None
        before = old_at[span]
        if match is None:
            changes.append((span[0], Change("removed", (before.id,), (), _timex_text(doc, before),
                                            {"before": _timex_data(doc, before)})))
            continue
        paired_new.add(match)
        after = new_at[match]
        text = f"{doc}  «{before.text}» {_timex_when(before)} → «{after.text}» {_timex_when(after)}"
        changes.append((span[0], Change("re-spanned", (before.id,), (after.id,), text,
                                        {"before": _timex_data(doc, before), "after": _timex_data(doc, after)})))
    for span in gained:
        if span not in paired_new:
            after = new_at[span]
            changes.append((span[0], Change("added", (), (after.id,), _timex_text(doc, after),
                                            {"after": _timex_data(doc, after)})))
    return changes


def diff_tags(old: TagOutput, new: TagOutput, old_name: str = "OLD", new_name: str = "NEW") -> Diff:
    """The changes from `old` to `new`, document by document (in `new`'s order), in text order."""
    changes = _document_changes(old.documents, new.documents)
    old_by_id = {d.id: d for d in old.documents}
    for document in new.documents:
        if document.id in old_by_id:
            found = _document_timex_changes(document.id, old_by_id[document.id].timexes, document.timexes)
            changes.extend(change for _, change in sorted(found, key=lambda pair: pair[0]))
    sizes = (sum(len(d.timexes) for d in old.documents), sum(len(d.timexes) for d in new.documents))
    return Diff("tags", old_name, new_name, changes, sizes)


# ---------------------------------------------------------------- files


def diff_files(old_path: Union[str, Path], new_path: Union[str, Path]) -> Diff:
    """Compare two output files of the same kind; `DiffError` for a file that cannot be."""
    old_kind, old = read_output(old_path)
    new_kind, new = read_output(new_path)
    if old_kind != new_kind:
        command = {"tags": "chrono tag", "timeline": "chrono timeline"}
        raise DiffError(f"{old_path} is a `{command[old_kind]}` output and {new_path} a `{command[new_kind]}` one: "
                        "compare two of the same kind")
    if isinstance(old, TimelineOutput) and isinstance(new, TimelineOutput):
        return diff_timelines(old, new, str(old_path), str(new_path))
    assert isinstance(old, TagOutput) and isinstance(new, TagOutput)  # the kinds are the same
    return diff_tags(old, new, str(old_path), str(new_path))
