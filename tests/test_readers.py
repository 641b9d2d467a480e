"""The read stage: anchors, manifests, encodings, JSONL, front matter, stdin, atomic writes.

Fixture files are generated in tmp_path from Arabic strings encoded here, so every byte a test
reads is visible in the test itself.
"""
from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.export.files import atomic_open, atomic_write
from chrono.models import Document, DocumentError
from chrono.read import (
    AnchorError,
    ManifestError,
    find_front_matter,
    iter_inputs,
    load_manifest,
    parse_anchor_date,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = "وقع المغرب وإسرائيل اليوم الأربعاء أول اتفاق للتعاون العسكري في الرباط، وقال الوزير إن الاتفاق يفتح الطريق."
NOV_24 = date(2021, 11, 24)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(paths, **kwargs) -> list[Document | DocumentError]:
    return list(iter_inputs([str(p) for p in paths], **kwargs))


def only(paths, **kwargs) -> Document | DocumentError:
    items = read_all(paths, **kwargs)
    assert len(items) == 1, items
    return items[0]


# ---------------------------------------------------------------------------------------------
# parse_anchor_date
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2021-11-24", "2021-11-24T10:00:00Z", "2021-11-24T23:30:00-05:00", "24/11/2021", "24.11.2021",
    "2021/11/24", "24 نوفمبر 2021", "الأربعاء، 24 نوفمبر 2021", "24 نوفمبر 2021 م", "٢٤ نوفمبر ٢٠٢١",
    "٢٤/١١/٢٠٢١", "24 تشرين الثاني 2021", "24 نونبر 2021", "Nov 24, 2021", "24 novembre 2021",
    "\u200f24 نوفمبر 2021\u200f",
])
def test_anchor_forms_all_read_as_the_same_day(text):
    assert parse_anchor_date(text) == NOV_24


def test_anchor_regional_month_is_not_confused():
    assert parse_anchor_date("22 دجنبر 2020") == date(2020, 12, 22)
    assert parse_anchor_date("1 آب 2020") == date(2020, 8, 1)


@pytest.mark.parametrize("text, why", [
    ("31/02/2021", "day is out of range for month"),
    ("31 فبراير 2021", "day is out of range for month"),
    ("11/24/2021", "month must be in 1..12"),  # day first: never silently swapped
    ("أمس", "relative"),
    ("yesterday", "relative"),
    ("today", "relative"),
    ("نوفمبر 2021", "day, a month and a year"),  # dateparser would fill in today's day
    ("garbage 12", "day, a month and a year"),
    ("19 ربيع الثاني 1443 هـ", "Hijri"),
    ("24 November 1443", "outside 1800"),
    ("", "empty"),
])
def test_bad_anchor_says_what_is_wrong(text, why):
    with pytest.raises(AnchorError) as caught:
        parse_anchor_date(text)
    message = str(caught.value)
    assert message.startswith(f"cannot read {text!r} as a date: ")
    assert why in message


def test_anchor_error_is_a_value_error():
    assert issubclass(AnchorError, ValueError)


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------

def test_seed_manifest_maps_file_names_and_ids():
    manifest = load_manifest(str(SEEDS / "manifest.json"))
    assert manifest["001_76ae0159d87ba1ac.txt"] == manifest["001_76ae0159d87ba1ac"]
    assert manifest["000_a5dac5ccf9ad4a48"].published == date(2021, 11, 25)
    estimate = manifest.lookup("003_40561cede18762f4.txt").to_anchor()
    assert (estimate.date, estimate.source, estimate.confidence) == (date(2021, 11, 27), "manifest", 0.7)
    assert "يوم الأربعاء الماضي" in estimate.evidence
    assert manifest.lookup("nope.txt", "nope") is None


def test_plain_mapping_manifest(tmp_path):
    path = write(tmp_path, "m.json", json.dumps({"a.txt": "24/11/2021", "b.md": {"published": "2021-11-25"}}))
    manifest = load_manifest(str(path))
    assert manifest["a"].published == NOV_24
    assert manifest["b.md"].published == date(2021, 11, 25)
    assert manifest["a"].to_anchor().confidence == 1.0


@pytest.mark.parametrize("content, expected", [
    ('{"documents": [\n  {"file": "a.txt", "published": "2021-11-24"},\n  {"file": "b.txt" "published": 1}\n]}',
     "invalid JSON at line 3, column"),
    ('{"documents": [{"file": "a.txt", "published": "2021-11-24"}, {"file": "b.txt"}]}',
     "documents[1] (b.txt): missing 'published'"),
    ('{"documents": [{"file": "a.txt", "published": "31/02/2021"}]}',
     "documents[0] (a.txt): 'published': cannot read '31/02/2021' as a date: day is out of range for month"),
    ('{"a.txt": "later"}', "key 'a.txt' (a.txt): 'published': cannot read 'later'"),
    ('{"documents": [{"file": "a.txt", "published": "2021-11-24", "approximate": "yes"}]}',
     "'approximate' must be true or false"),
    ('{"documents": [{"file": "a.txt", "published": "2021-11-24"}, {"file": "a.md", "published": "2021-11-25"}]}',
     "both name 'a' with different dates"),
    ('[1]', "documents[0]: expected an object"),
])
def test_manifest_errors_name_file_entry_and_problem(tmp_path, content, expected):
    path = write(tmp_path, "manifest.json", content)
    with pytest.raises(ManifestError) as caught:
        load_manifest(str(path))
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_missing_manifest_file(tmp_path):
    with pytest.raises(ManifestError, match="cannot read"):
        load_manifest(str(tmp_path / "absent.json"))


# ---------------------------------------------------------------------------------------------
# Encodings and bad files
# ---------------------------------------------------------------------------------------------

UTF8_BYTES = ARTICLE.encode("utf-8")


@pytest.mark.parametrize("data, encoding", [
    (UTF8_BYTES, "utf-8"),
    (b"\xef\xbb\xbf" + UTF8_BYTES, "utf-8-sig"),
    (b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16-be"),
    (ARTICLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs only at odd positions
    (ARTICLE.encode("cp1256"), "cp1256"),
    (ARTICLE.encode("iso-8859-6"), "iso-8859-6"),
])
def test_encodings_are_detected_and_text_is_exact(tmp_path, data, encoding):
    doc = only([write(tmp_path, "article.txt", data)])
    assert isinstance(doc, Document), doc
    assert doc.encoding == encoding
    assert doc.text == ARTICLE  # BOM removed, nothing else touched


def test_cp1256_without_letters_iso_lacks_still_prefers_cp1256(tmp_path):
    # "سلام على الناس" decodes under both code pages to Arabic letters: cp1256 wins the tie.
    doc = only([write(tmp_path, "a.txt", "سلام على الناس".encode("cp1256"))])
    assert (doc.encoding, doc.text) == ("cp1256", "سلام على الناس")


def test_forced_encoding(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE.encode("cp1256"))
    assert only([path], encoding="cp1256").text == ARTICLE
    wrong = only([path], encoding="utf-8")
    assert isinstance(wrong, DocumentError) and wrong.reason.startswith("invalid UTF-8 at byte 0")
    with pytest.raises(ValueError, match="unknown encoding"):
        iter_inputs([str(path)], encoding="klingon")


@pytest.mark.parametrize("data", [
    UTF8_BYTES[:-2],  # drops "." and the second byte of "ق" (D9 82): the file ends after D9
    "الجزائر".encode()[:-1],  # "ر" is D8 B1: the file ends after D8
    b"Rabat, 24 Nov 2021: " + "ر".encode()[:1],  # ASCII, then the first byte of "ر"
])
def test_utf8_cut_in_the_middle_of_the_last_letter_is_an_error(tmp_path, data):
    error = only([write(tmp_path, "cut.txt", data)])
    assert isinstance(error, DocumentError)
    assert error.reason == f"invalid UTF-8 at byte {len(data) - 1} (truncated download?)"


def test_damaged_utf8_in_the_middle_reports_the_byte(tmp_path):
    boundary = len(ARTICLE[:20].encode("utf-8"))  # between two letters, not inside one
    damaged = UTF8_BYTES[:boundary] + b"\xff" + UTF8_BYTES[boundary:]
    error = only([write(tmp_path, "bad.txt", damaged)])
    assert isinstance(error, DocumentError)
    assert error.reason == f"invalid UTF-8 at byte {boundary} (truncated download?)"
    assert error.id == "bad"


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "binary file (image: chrono reads text; run OCR on it first "
     "(e.g. `tesseract x.txt x -l ara` writes x.txt) or move it out of the folder)"),
    (bytes(range(1, 9)) * 20 + b"abc",
     "binary file: chrono reads text articles; convert it to text (.txt, UTF-8) first"),
    (b"", "empty file"),
    (b"  \n\t\r\n ", "empty file"),
    (b"\xef\xbb\xbf\n", "empty file"),
])
def test_binary_and_empty_files(tmp_path, data, reason):
    error = only([write(tmp_path, "x.txt", data)])
    assert isinstance(error, DocumentError)
    assert error.reason == reason
    assert error.path == str(tmp_path / "x.txt")


def test_missing_file_and_empty_folder(tmp_path):
    missing = only([tmp_path / "absent.txt"])
    assert isinstance(missing, DocumentError) and "No such file" in missing.reason
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", "picture.png", b"\x89PNG")
    folder, picture = read_all([tmp_path / "empty"])
    assert isinstance(folder, DocumentError) and "no articles" in folder.reason
    assert isinstance(picture, DocumentError) and picture.path.endswith("picture.png")
    assert picture.reason.startswith("image: chrono reads text; run OCR on it first")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_reports_os_reason(tmp_path):
    path = write(tmp_path, "secret.txt", ARTICLE)
    path.chmod(0)
    error = only([path])
    assert isinstance(error, DocumentError) and "Permission denied" in error.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(tmp_path, data):
    item = only([write(tmp_path, "fuzz.txt", data)])
    assert isinstance(item, (Document, DocumentError))
    if isinstance(item, Document):
        assert item.text.strip() and item.id == "fuzz"


# ---------------------------------------------------------------------------------------------
# Folders and order
# ---------------------------------------------------------------------------------------------

def test_folder_is_walked_in_sorted_order_skipping_hidden_and_manifest(tmp_path):
    root = tmp_path / "corpus"
    for name in ["b.txt", "a.md", "sub/c.html", "sub/a.txt", "a-b.txt", ".hidden.txt", ".git/x.txt",
                 "manifest.json"]:
        write(root, name, ARTICLE)
    items = read_all([root])
    assert all(isinstance(item, Document) for item in items), items
    assert [item.path for item in items] == [
        os.path.join(str(root), rel) for rel in ["a-b.txt", "a.md", "b.txt", os.path.join("sub", "a.txt"),
                                                  os.path.join("sub", "c.html")]
    ]
    assert [item.id for item in items] == ["a-b", "a", "b", "a", "c"]
    assert read_all([root]) == items  # same input, same output


def test_other_files_in_a_folder_are_errors_in_their_place_saying_what_to_do(tmp_path):
    root = tmp_path / "corpus"
    write(root, "article.txt", ARTICLE)
    write(root, "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    write(root, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root, "notes.json", "{}")
    items = read_all([root])
    assert [type(item).__name__ for item in items] == ["Document", "DocumentError", "DocumentError", "DocumentError"]
    reasons = {item.path.rsplit(os.sep, 1)[-1]: item.reason for item in items if isinstance(item, DocumentError)}
    assert reasons["report.pdf"] == ("PDF document: chrono reads text; extract it first "
                                     "(e.g. `pdftotext report.pdf report.txt`)")
    assert reasons["photo.png"].startswith("image: chrono reads text; run OCR on it first")
    assert reasons["notes.json"].startswith("JSON file: chrono reads JSONL archives")
    assert [item.id for item in items] == ["article", "notes", "photo", "report"]


def test_a_pdf_given_by_name_says_what_it_is(tmp_path):
    error = only([write(tmp_path, "report.txt", b"%PDF-1.7\n\x00\x01\x02\x03 stream")])
    assert error.reason.startswith("binary file (PDF document: chrono reads text; extract it first")


def test_arguments_keep_their_order(tmp_path):
    first, second = write(tmp_path, "z.txt", ARTICLE), write(tmp_path, "a.txt", ARTICLE)
    assert [item.id for item in read_all([first, second])] == ["z", "a"]


def test_one_bad_file_does_not_stop_the_folder(tmp_path):
    write(tmp_path, "1.txt", ARTICLE)
    write(tmp_path, "2.txt", b"\x00\x01binary")
    write(tmp_path, "3.txt", ARTICLE.encode("cp1256"))
    kinds = [type(item).__name__ for item in read_all([tmp_path])]
    assert kinds == ["Document", "DocumentError", "Document"]


def test_iter_inputs_is_lazy(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    items = iter_inputs([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")])
    write(tmp_path, "later.txt", ARTICLE)  # created after the call, before iteration
    assert [item.id for item in items] == ["a", "later"]


def test_seed_folder_with_manifest():
    manifest = load_manifest(str(SEEDS / "manifest.json"))
    docs = read_all([SEEDS], manifest=manifest)
    assert [doc.id for doc in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(doc.encoding == "utf-8" and doc.anchor.source == "manifest" for doc in docs)
    assert {doc.id: doc.anchor.date for doc in docs}["001_76ae0159d87ba1ac"] == NOV_24


# ---------------------------------------------------------------------------------------------
# JSONL
# ---------------------------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps({"id": "a1", "text": ARTICLE, "published": "2021-11-24", "url": "https://x"}, ensure_ascii=False),
    "",
    '{"id": "broken", "text": ',
    "[1, 2]",
    json.dumps({"id": 7, "text": "نص قصير"}, ensure_ascii=False),
    json.dumps({"text": 5}),
    json.dumps({"id": "p", "text": "نص", "published": "31/02/2021"}, ensure_ascii=False),
    json.dumps({"text": "بلا معرف", "published": "24 نوفمبر 2021"}, ensure_ascii=False),
    "   ",
    json.dumps({"id": True, "text": "نص"}, ensure_ascii=False),
    "[" * 100_000,
]


def test_jsonl_good_and_bad_lines_with_line_numbers(tmp_path):
    path = write(tmp_path, "archive.jsonl", "\n".join(JSONL_LINES) + "\n")
    items = read_all([path])
    summary = [(type(i).__name__, i.id, getattr(i, "line", None) or i.meta["line"]) for i in items]
    assert summary == [
        ("Document", "a1", 1), ("DocumentError", "archive:3", 3), ("DocumentError", "archive:4", 4),
        ("Document", "7", 5), ("DocumentError", "archive:6", 6), ("DocumentError", "p", 7),
        ("Document", "archive:8", 8), ("DocumentError", "archive:10", 10), ("DocumentError", "archive:11", 11),
    ]
    reasons = {i.line: i.reason for i in items if isinstance(i, DocumentError)}
    assert reasons[3].startswith("malformed JSON: ")
    assert reasons[4] == "expected a JSON object, got list"
    assert reasons[6] == "'text' must be a string, got int"
    assert reasons[7] == "published: cannot read '31/02/2021' as a date: day is out of range for month"
    assert "must be a non-empty string or an integer" in reasons[10]
    assert reasons[11].startswith("malformed JSON")
    first = items[0]
    assert (first.text, first.path, first.encoding) == (ARTICLE, str(path), "utf-8")
    assert (first.anchor.date, first.anchor.source, first.anchor.confidence) == (NOV_24, "jsonl", 1.0)
    assert first.meta == {"line": 1, "body_start": 0, "fields": {"url": "https://x"}}
    assert items[3].anchor.source == "none"


def test_jsonl_invalid_utf8_line_does_not_stop_the_rest(tmp_path):
    good = json.dumps({"id": "g", "text": ARTICLE}, ensure_ascii=False).encode()
    path = write(tmp_path, "a.ndjson", b"\xef\xbb\xbf" + good + b"\n" + good[:30] + b"\xff" + good[30:] + b"\n" + good)
    kinds = [(type(i).__name__, getattr(i, "line", None)) for i in read_all([path])]
    assert kinds == [("Document", None), ("DocumentError", 2), ("Document", None)]


class CountingStream(io.RawIOBase):
    """A binary stdin that counts how many bytes the reader pulled."""

    def __init__(self, data: bytes):
        self._inner = io.BytesIO(data)
        self.consumed = 0

    def readable(self):
        return True

    def read(self, size=-1):
        chunk = self._inner.read(size)
        self.consumed += len(chunk)
        return chunk


def test_jsonl_from_stdin_is_streamed():
    line = json.dumps({"id": "x", "text": ARTICLE}, ensure_ascii=False).encode() + b"\n"
    stream = CountingStream(line * 20_000)  # ~4 MB
    items = iter_inputs(["-"], stdin=stream)
    first = next(items)
    assert first.id == "x" and first.path == "-"
    assert stream.consumed < 200_000


def test_stdin_article_bytes_and_text():
    doc = only(["-"], stdin=io.BytesIO(ARTICLE.encode("cp1256")))
    assert (doc.id, doc.path, doc.text, doc.encoding) == ("stdin", "-", ARTICLE, "cp1256")
    text_doc = only(["-"], stdin=io.StringIO(ARTICLE), anchor=NOV_24)
    assert (text_doc.text, text_doc.anchor.source) == (ARTICLE, "cli")
    jsonl = read_all(["-"], stdin=io.StringIO('\n  {"id": "s", "text": "نص"}\n{"text": "ثان"}'))
    assert [d.id for d in jsonl] == ["s", "stdin:3"]
    empty = only(["-"], stdin=io.BytesIO(b""))
    assert isinstance(empty, DocumentError) and empty.reason == "empty file"


# ---------------------------------------------------------------------------------------------
# Anchor precedence and front matter
# ---------------------------------------------------------------------------------------------

FRONT = "---\ntitle: اتفاق دفاعي\nتاريخ النشر: 23 نوفمبر 2021\n---\n\n" + ARTICLE


def test_front_matter_keeps_text_and_marks_body(tmp_path):
    doc = only([write(tmp_path, "f.md", FRONT)])
    assert doc.text == FRONT
    assert doc.text[doc.meta["body_start"]:] == ARTICLE
    assert (doc.anchor.date, doc.anchor.source) == (date(2021, 11, 23), "front_matter")
    assert doc.anchor.evidence == "تاريخ النشر: 23 نوفمبر 2021"
    assert doc.meta["front_matter"] == {"title": "اتفاق دفاعي", "تاريخ النشر": "23 نوفمبر 2021"}


def test_header_lines_without_fence_and_crlf(tmp_path):
    text = 'date: "2021-11-22"\r\nsource: Hespress\r\n' + ARTICLE.replace("،", "،\r\n")
    doc = only([write(tmp_path, "h.txt", text)])
    assert doc.text == text
    assert doc.text[doc.meta["body_start"]:].startswith("وقع المغرب")
    assert (doc.anchor.date, doc.anchor.source) == (date(2021, 11, 22), "front_matter")


def test_article_lines_with_colons_are_not_a_header():
    assert find_front_matter("وقال الوزير: إن الاتفاق مهم\n" + ARTICLE) is None
    assert find_front_matter("title: عنوان\n" + ARTICLE) is None  # no date key: not an anchor header
    header = find_front_matter("date: 2021-11-24\nوقال الوزير: إن الاتفاق مهم\n")
    assert header.body_start == len("date: 2021-11-24\n")  # the Arabic key is not a header key


def test_unreadable_front_matter_date_is_a_warning_not_a_guess(tmp_path):
    doc = only([write(tmp_path, "w.md", "---\ndate: قريبا\n---\n" + ARTICLE)])
    assert doc.anchor.date is None and doc.anchor.source == "none"
    assert "cannot read 'قريبا'" in doc.anchor.warnings[0]


def test_front_matter_only_is_empty(tmp_path):
    error = only([write(tmp_path, "e.md", "---\ndate: 2021-11-24\n---\n\n")])
    assert isinstance(error, DocumentError) and "empty" in error.reason


def test_anchor_precedence(tmp_path):
    article = write(tmp_path, "001.md", FRONT)
    archive = write(tmp_path, "a.jsonl", json.dumps({"id": "001", "text": ARTICLE, "published": "2021-11-20"}))
    plain = write(tmp_path, "plain.txt", ARTICLE)
    manifest_path = write(tmp_path, "m.json", json.dumps({"documents": [
        {"file": "001.md", "published": "2021-11-25", "approximate": True, "evidence": "تقدير"}]}))
    manifest = load_manifest(str(manifest_path))

    def anchors(**kwargs):
        documents = read_all([article, archive, plain], **kwargs)
        return [(d.anchor.date, d.anchor.source, d.anchor.confidence) for d in documents]

    assert anchors() == [(date(2021, 11, 23), "front_matter", 0.9), (date(2021, 11, 20), "jsonl", 1.0),
                         (None, "none", 0.0)]
    # The manifest names "001.md": its id "001" also matches the JSONL record with id "001".
    assert anchors(manifest=manifest) == [(date(2021, 11, 25), "manifest", 0.7)] * 2 + [(None, "none", 0.0)]
    assert anchors(manifest=manifest, anchor=NOV_24) == [(NOV_24, "cli", 1.0)] * 3
    overridden = read_all([article], anchor=NOV_24)[0].anchor
    assert overridden.warnings == ["front_matter date 2021-11-23 overridden by cli 2021-11-24"]


# ---------------------------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------------------------

def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "out.json"
    atomic_write(str(target), "قديم")
    atomic_write(str(target), '{"نص": "جديد"}\n')
    assert target.read_bytes() == '{"نص": "جديد"}\n'.encode()
    atomic_write(str(target), b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert os.listdir(tmp_path) == ["out.json"]


def test_failed_writer_leaves_target_untouched_and_no_temp_file(tmp_path):
    target = tmp_path / "timeline.json"
    target.write_text("السابق", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(str(target)) as out:
        out.write("نصف ملف")
        raise RuntimeError("exporter crashed")
    assert target.read_text(encoding="utf-8") == "السابق"
    assert os.listdir(tmp_path) == ["timeline.json"]


def test_failed_writer_creates_nothing(tmp_path):
    with pytest.raises(KeyError), atomic_open(str(tmp_path / "new.csv"), "wb") as out:
        out.write(b"partial")
        raise KeyError("boom")
    assert os.listdir(tmp_path) == []


def test_atomic_write_dash_is_stdout(capsys):
    atomic_write("-", "اليوم الأربعاء\n")
    assert capsys.readouterr().out == "اليوم الأربعاء\n"


def test_atomic_open_writes_devices_in_place():
    """`-o /dev/null` must write to the device, never rename a file over it."""
    import stat

    from chrono.export.files import atomic_open

    with atomic_open("/dev/null") as out:
        out.write("nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
