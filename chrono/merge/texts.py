"""The texts of the events that the merge never reads, kept out of memory until an entry is
written.

Clustering and conflicts read an event's dates, kind, words and names; only the entry reads
the sentence each mention is shown with, and the label and trigger of the one mention that
names the entry. On an archive those texts are a fifth of the events' memory for the whole
merge ("وقع المغرب وإسرائيل اليوم اتفاقاً …", a few hundred characters per mention). So each
document's texts travel packed (`pack_texts`, a compressed pickle), wait on a temporary file
(`TextStore`), and are put back into the events of one entry at a time (`TextStore.restored`).

    slim, texts = [without_texts(e) for e in events], pack_texts(events)   # in a worker
    store = TextStore()
    store.keep(texts, {e.doc_order for e in slim})   # the main process, once per document
    store.restored(cluster_events)         # the full events, when the entry is made
"""
from __future__ import annotations

import dataclasses
import operator
import os
import pickle
import tempfile
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from typing import IO, Optional

from chrono.attach import Event

# What `without_texts` leaves in place of the texts: no sentence, label, trigger or clause.
_NO_CLAUSE = (0, 0)
READ_DOCUMENTS = 1024  # the documents whose texts `TextStore` keeps read (a few MB)
TextKey = tuple[int, str]  # (document's place in the input, timex id): one event of an input


def text_key(event: Event) -> TextKey:
    """An event's key among the texts: a document's timex ids ("t12") are unique in it."""
    return event.doc_order, event.timex.id


# An Event's fields in order, read in one C call: `dataclasses.replace` costs ~25 µs per event
# (it inspects the fields each time), and the merge copies every event of an archive two or
# three times (its texts off, its words shared, its texts back).
EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
event_values = operator.attrgetter(*EVENT_FIELDS)
_AT = {name: i for i, name in enumerate(EVENT_FIELDS)}
_TEXT_FIELDS = [_AT[name] for name in ("sentence", "label", "trigger", "clause")]


def event_with(event: Event, **changes) -> Event:
    """`dataclasses.replace(event, **changes)`, quicker (Event has no `__post_init__`)."""
    values = list(event_values(event))
    for name, value in changes.items():
        values[_AT[name]] = value
    return Event(*values)


def slim_values(event: Event) -> tuple:
    """The field values of `without_texts(event)`: what a worker pickles (a tuple unpickles
    several times faster than a slotted dataclass, whose state Python code sets field by field)."""
    values = list(event_values(event))
    sentence, label, trigger, clause = _TEXT_FIELDS
    values[sentence], values[label], values[trigger], values[clause] = "", "", None, _NO_CLAUSE
    return tuple(values)


def without_texts(event: Event) -> Event:
    """`event` with an empty sentence and label, no trigger and no clause: what the merge reads."""
    return Event(*slim_values(event))


def pack_texts(events: Iterable[Event]) -> bytes:
    """The texts of `events` (each document's place, its timex id → sentence, label, trigger,
    clause) as one compressed pickle: Arabic text in UTF-8 shrinks to about a third."""
    texts = {text_key(e): (e.sentence, e.label, e.trigger, e.clause) for e in events}
    return zlib.compress(pickle.dumps(texts, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack_texts(data: bytes) -> dict[TextKey, tuple]:
    return pickle.loads(zlib.decompress(data))


def with_texts(event: Event, texts: dict[TextKey, tuple]) -> Event:
    """`event` with its texts back, when `texts` holds them (else as it is)."""
    found = texts.get(text_key(event))
    if found is None:
        return event
    values = list(event_values(event))
    for at, value in zip(_TEXT_FIELDS, found, strict=True):  # sentence, label, trigger, clause
        values[at] = value
    return Event(*values)


class TextStore:
    """Packed texts (`pack_texts`) on a temporary file, found by document: the memory they take
    is a few bytes per document, however long the archive."""

    def __init__(self) -> None:
        self._file: Optional[IO[bytes]] = None
        self._where: dict[int, list[tuple[int, int]]] = {}  # document → (offset, length) of its records
        self._size = 0
        # the documents read last and their texts: an entry's mentions come from a few documents,
        # and the entries of nearby days from the same ones
        self._read: OrderedDict[int, dict[TextKey, tuple]] = OrderedDict()

    def keep(self, data: bytes, documents: Iterable[int]) -> None:
        """Store the packed texts of the events of `documents` (usually one document)."""
        if self._file is None:
            # open as long as the store is: `close` (or the end of the process) removes it
            self._file = tempfile.TemporaryFile(prefix="chrono-texts-", buffering=0)  # noqa: SIM115
        os.pwrite(self._file.fileno(), data, self._size)
        for doc in set(documents):
            self._where.setdefault(doc, []).append((self._size, len(data)))
        self._size += len(data)
        self._read.clear()

    def texts_of(self, doc_order: int) -> dict[TextKey, tuple]:
        """The texts of one document's events (the last `READ_DOCUMENTS` documents asked are kept read)."""
        texts = self._read.get(doc_order)
        if texts is not None:
            self._read.move_to_end(doc_order)
            return texts
        texts = {}
        if self._file is not None:
            for offset, length in self._where.get(doc_order, ()):
                texts.update(unpack_texts(os.pread(self._file.fileno(), length, offset)))
        self._read[doc_order] = texts
        if len(self._read) > READ_DOCUMENTS:
            self._read.popitem(last=False)
        return texts

    def restored(self, events: list[Event]) -> list[Event]:
        """The events with their texts back (events whose texts were never stored stay as they are)."""
        return [with_texts(event, self.texts_of(event.doc_order)) for event in events]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._where.clear()
        self._read.clear()
