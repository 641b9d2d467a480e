"""Coverage-guided fuzzing of the tagger and the readers with atheris (`make fuzz`).

    python fuzz/fuzz_chrono.py tagger fuzz/corpus/tagger -max_total_time=60
    python fuzz/fuzz_chrono.py readers fuzz/corpus/readers -max_total_time=60

The tagger target checks the contract on every input: no exception, every offset points into
the original text, the same output twice. The readers target decodes arbitrary bytes as a file
and as a JSONL archive: each input must give Documents or DocumentErrors, never an exception.
The corpora live in the repo so every run starts from what earlier runs found.
"""
from __future__ import annotations

import io
import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from chrono.models import Document, DocumentError
    from chrono.pipeline import tag_text
    from chrono.read import decode_bytes, iter_inputs

ANCHOR = date(2021, 11, 24)


def fuzz_tagger(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    first = tag_text(text, ANCHOR)
    for t in first:
        if text[t.start:t.end] != t.text:
            raise AssertionError(f"offsets {t.start}:{t.end} do not give {t.text!r}")
    if [t.model_dump() for t in first] != [t.model_dump() for t in tag_text(text, ANCHOR)]:
        raise AssertionError("two runs differ")


def fuzz_readers(data: bytes) -> None:
    try:
        decode_bytes(data)
    except ValueError:
        pass  # a clean per-document error is the expected outcome for junk
    for item in iter_inputs(["-"], stdin=io.BytesIO(data)):
        if not isinstance(item, (Document, DocumentError)):
            raise AssertionError(f"unexpected item {item!r}")


TARGETS = {"tagger": fuzz_tagger, "readers": fuzz_readers}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0]] + sys.argv[2:], target)
    atheris.Fuzz()
