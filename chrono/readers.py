"""The read stage: files, folders, JSONL archives and stdin → `Document` or `DocumentError`.

What is read, and how:

* A path argument that is a file ending in `.jsonl` or `.ndjson` is a JSONL archive: one
  `{"id", "text", "published"}` object per line, streamed line by line. Any other file given by
  name is one article, whatever its extension.
* A folder is walked recursively in sorted order of relative path. Hidden files and folders
  (".git", ".DS_Store"), `manifest.json` and files with other extensions are skipped; read are
  articles (.txt .text .md .markdown .html .htm, or no extension) and JSONL archives.
* "-" is stdin: a JSONL archive when its first non-space character is "{", else one article
  with id "stdin".

Nothing here ever raises for bad input: each unreadable file, undecodable text or malformed
JSONL line becomes a `DocumentError` saying where and why, and the other inputs go on.
The text of a `Document` is exactly the decoded file (a UTF-8 byte-order mark is the only thing
removed), so every offset reported later points into what the user has on disk.

Anchor precedence (design §4), strongest first: `anchor=` (the command line) > manifest entry >
JSONL "published" > front matter. Datelines and inference belong to `chrono/anchors.py`.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import IO, Any, Optional, Union

from chrono.models import Anchor, Document, DocumentError

__all__ = [
    "AnchorError", "ManifestError", "ManifestEntry", "Manifest", "parse_anchor_date",
    "load_manifest", "iter_inputs", "decode_bytes", "DecodeError", "find_front_matter", "FrontMatter",
]

STDIN = "-"
ARTICLE_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ""})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
MANIFEST_NAME = "manifest.json"

# Anchor confidence by source: explicit metadata is trusted fully; an approximate manifest date
# is an estimate (seeds/manifest.json: "27 November is an estimate"); front matter is found by a
# heuristic that could, rarely, mistake an article's first lines for a header.
CONFIDENCE_APPROXIMATE = 0.7
CONFIDENCE_FRONT_MATTER = 0.9


# ---------------------------------------------------------------------------------------------
# Anchor dates
# ---------------------------------------------------------------------------------------------

class AnchorError(ValueError):
    """An anchor date that cannot be read, e.g. "cannot read '31/02/2021' as a date: ..."."""


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})")
_NUMERIC_YMD = re.compile(r"(?P<y>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")
# "24 نوفمبر 2021 م" / "ميلادي": the era marker says Gregorian, dateparser does not know it.
_GREGORIAN_ERA = re.compile(r"(?<=\d)\s*(?:م|مـ|ميلادي|ميلادية|AD|A\.D\.)\.?\s*$")
_HIJRI_ERA = re.compile(r"(?:هـ|ه\.|هجري|هجرية|للهجرة|AH\b)")
_MIN_YEAR, _MAX_YEAR = 1800, 2199

# Regional month names dateparser does not know, mapped to the MSA names it does. Facts from the
# design (§2); TODO: read them from chrono/data/ar_lexicon.json once that lexicon exists.
_REGIONAL_MONTHS = {
    "كانون الثاني": "يناير", "شباط": "فبراير", "آذار": "مارس", "نيسان": "أبريل",
    "أيار": "مايو", "حزيران": "يونيو", "تموز": "يوليو", "آب": "أغسطس", "أيلول": "سبتمبر",
    "تشرين الأول": "أكتوبر", "تشرين الثاني": "نوفمبر", "كانون الأول": "ديسمبر",
    "ماي": "مايو", "يوليوز": "يوليو", "غشت": "أغسطس", "شتنبر": "سبتمبر", "نونبر": "نوفمبر",
    "دجنبر": "ديسمبر", "جانفي": "يناير", "فيفري": "فبراير", "أفريل": "أبريل", "جوان": "يونيو",
    "جويلية": "يوليو", "أوت": "أغسطس",
}
_REGIONAL_MONTH_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _REGIONAL_MONTHS), key=len, reverse=True)) + r")(?!\w)"
)

# Only the absolute-time parser: with the relative parser dateparser turns "yesterday" or "أمس"
# into a date computed from the machine's clock, and "now" into today. REQUIRE_PARTS rejects
# "نوفمبر 2021", which dateparser would otherwise complete with today's day of month.
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}
_DATEPARSER_LANGUAGES = ["ar", "en", "fr"]


def _anchor_failure(original: str, why: str) -> AnchorError:
    return AnchorError(f"cannot read {original!r} as a date: {why}")


def _checked_date(original: str, year: int, month: int, day: int) -> date:
    """`date(...)` with the reason in words: "day is out of range for month"."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _anchor_failure(
            original, f"year {year} is outside {_MIN_YEAR}–{_MAX_YEAR} (a Hijri year? give the Gregorian date)"
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _anchor_failure(original, str(exc)) from None


def _numeric_date(original: str, text: str) -> Optional[date]:
    """ISO "2021-11-24[T10:00:00Z]", "24/11/2021", "24.11.2021", "2021/11/24"; None if not numeric.

    The time and zone of a timestamp are ignored on purpose: the anchor is the publication day
    as the publisher wrote it, not that instant converted to another zone.
    """
    for pattern in (_ISO, _NUMERIC_DMY, _NUMERIC_YMD):
        match = pattern.fullmatch(text)
        if match:
            return _checked_date(original, int(match["y"]), int(match["m"]), int(match["d"]))
    return None


def _dateparser_date(text: str) -> Optional[date]:
    import dateparser  # slow import (~0.3 s): only when a free-form date is actually given

    parsed = dateparser.parse(text, languages=_DATEPARSER_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def _explain_free_form_failure(original: str, text: str) -> AnchorError:
    """Say why "31 فبراير 2021" failed: if it parses with day 1, the day was the problem."""
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", text)
    if day:
        with_first_day = text[: day.start()] + "1" + text[day.end():]
        month_and_year = _dateparser_date(with_first_day)
        if month_and_year is not None:
            return _anchor_failure_from_parts(original, month_and_year.year, month_and_year.month, int(day[1]))
    return _anchor_failure(original, "not an absolute date with a day, a month and a year")


def _anchor_failure_from_parts(original: str, year: int, month: int, day: int) -> AnchorError:
    try:
        _checked_date(original, year, month, day)
    except AnchorError as exc:
        return exc
    return _anchor_failure(original, "not an absolute date with a day, a month and a year")


def parse_anchor_date(text: str) -> date:
    """Read a publication day given by a person or a metadata field; never guess from the clock.

    Accepts "2021-11-24", "2021-11-24T10:00:00Z", "24/11/2021" (day first), "24 نوفمبر 2021",
    "الأربعاء، 24 نوفمبر 2021", "24 دجنبر 2021", "٢٤ نوفمبر ٢٠٢١", "Nov 24, 2021".
    Relative words ("أمس", "yesterday", "today") and partial dates ("نوفمبر 2021") raise
    `AnchorError`: an anchor must name one day.
    """
    if not isinstance(text, str):
        raise AnchorError(f"cannot read {text!r} as a date: expected text, got {type(text).__name__}")
    original = text
    cleaned = _BIDI_CONTROLS.sub("", text).translate(_DIGITS).strip()
    if not cleaned:
        raise _anchor_failure(original, "it is empty")
    if len(cleaned) > 100:
        raise _anchor_failure(original, "too long to be a date")
    if _HIJRI_ERA.search(cleaned):
        raise _anchor_failure(original, "Hijri anchor dates are not supported; give the Gregorian date")
    if not re.search(r"\d", cleaned):
        raise _anchor_failure(original, "no day or year number in it (relative words like 'أمس' are not anchors)")
    numeric = _numeric_date(original, cleaned)
    if numeric is not None:
        return numeric
    free_form = _REGIONAL_MONTH_RE.sub(lambda m: _REGIONAL_MONTHS[m[0]], _GREGORIAN_ERA.sub("", cleaned))
    parsed = _dateparser_date(free_form)
    if parsed is None:
        raise _explain_free_form_failure(original, free_form)
    return _checked_date(original, parsed.year, parsed.month, parsed.day)


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------

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
    return ManifestEntry(file=file, published=published, evidence=evidence, approximate=approximate,
                         where=f"{source} {where}")


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


# ---------------------------------------------------------------------------------------------
# Decoding bytes (issue 7)
# ---------------------------------------------------------------------------------------------

class DecodeError(ValueError):
    """Bytes that are not text we can trust: the message is the DocumentError reason."""


_BOMS = (  # longest first: a UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B} | {0x7F}
_SAMPLE = 1 << 16
_MIN_PLAUSIBILITY = 0.9


def _invalid_utf8(offset: int) -> DecodeError:
    return DecodeError(f"invalid UTF-8 at byte {offset} (truncated download?)")


def _is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10% control bytes in the first 64 KB (a PDF, an image, a zip)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > len(sample) * 0.1


def _arabic_plausibility(text: str) -> float:
    """Fraction of characters that Arabic news text is made of: Arabic block, ASCII, spaces.

    Decoding ISO-8859-6 bytes as cp1256 turns "و" into "è" and "ي" into "ê": Latin letters
    inside Arabic words, which this score counts as implausible.
    """
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    plausible = sum(1 for ch in sample if ch.isspace() or " " <= ch <= "~" or "\u0600" <= ch <= "\u06ff")
    return plausible / len(sample)


def _decode_with_bom(data: bytes) -> Optional[tuple[str, str]]:
    for bom, label, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as exc:
                if codec == "utf-8-sig":
                    raise _invalid_utf8(exc.start + len(bom)) from None
                raise DecodeError(f"invalid {label.upper()} at byte {exc.start} (truncated download?)") from None
    return None


def _decode_bomless_utf16(data: bytes) -> Optional[tuple[str, str]]:
    """UTF-16 without a BOM: NUL bytes only at odd (LE) or only at even (BE) positions.

    Arabic letters are 0x06xx, so only spaces, digits and Latin letters put a NUL in the pair:
    "في 2021" in UTF-16-LE is 4A 06 0A 06 20 00 32 00 ... A binary file has NULs everywhere.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(data) % 2 or not sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if (even_nuls == 0) == (odd_nuls == 0):
        return None
    codec = "utf-16-le" if even_nuls == 0 else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _arabic_plausibility(text) < _MIN_PLAUSIBILITY or _is_binary(text[:_SAMPLE].encode("utf-8", "replace")):
        return None
    return text, codec


def _looks_like_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """UTF-8 with a defect, rather than a legacy code page?

    A cut at the very end ("unexpected end of data") is a truncated UTF-8 file. Otherwise count:
    in UTF-8 text the valid multi-byte characters outnumber the bad bytes; in cp1256 Arabic the
    first word already fails ("ال" is C7 E1, not a UTF-8 sequence) and almost nothing is valid.
    """
    if error.end == len(data) and "unexpected end" in error.reason:
        return True
    text = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good > bad


def _decode_legacy_arabic(data: bytes) -> tuple[str, str]:
    """cp1256 vs ISO-8859-6: the decodable one whose text looks most like Arabic; cp1256 on ties.

    ISO-8859-6 leaves many bytes undefined, so cp1256 text with "ف ق ك" (DD DE DF) fails it.
    """
    candidates = []
    for codec in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_arabic_plausibility(text), codec == "cp1256", text, codec))
    if candidates:
        score, _, text, codec = max(candidates, key=lambda c: (c[0], c[1]))
        if score >= _MIN_PLAUSIBILITY:
            return text, codec
    raise DecodeError("undecodable text: not UTF-8, and neither cp1256 nor ISO-8859-6 gives Arabic text")


def _decode_forced(data: bytes, encoding: str) -> tuple[str, str]:
    codec = codecs.lookup(encoding).name
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        if codec.startswith("utf-8"):
            raise _invalid_utf8(exc.start) from None
        raise DecodeError(f"cannot decode as {codec} at byte {exc.start}: {exc.reason}") from None


def _detect_and_decode(data: bytes) -> tuple[str, str]:
    with_bom = _decode_with_bom(data)
    if with_bom is not None:
        return with_bom
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _decode_bomless_utf16(data)
        if utf16 is not None:
            return utf16
    if _is_binary(data):
        raise DecodeError("binary file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _looks_like_damaged_utf8(data, exc):
            raise _invalid_utf8(exc.start) from None
    return _decode_legacy_arabic(data)


def _check_text(text: str) -> None:
    """Reject decoded text that is empty or made of control characters (binary in disguise)."""
    if not text.strip():
        raise DecodeError("empty file")
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL_BYTES)
    if "\x00" in sample or controls > len(sample) * 0.1:
        raise DecodeError("binary file")


def decode_bytes(data: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Bytes of an article → (text, encoding name), or `DecodeError` with the reason.

    Order: `encoding` if forced; a BOM (UTF-8 → "utf-8-sig", BOM removed; UTF-16/32); strict
    UTF-8; else Arabic legacy code pages. "مرحبا".encode("cp1256") → ("مرحبا", "cp1256").
    """
    if not data:
        raise DecodeError("empty file")
    text, name = _decode_forced(data, encoding) if encoding else _detect_and_decode(data)
    _check_text(text)
    return text, name


# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FrontMatter:
    """A metadata header at the top of an article. The text keeps it; `body_start` skips it."""

    fields: dict[str, str]
    body_start: int
    date_key: Optional[str] = None
    date_line: str = ""


_DATE_KEYS = frozenset({
    "date", "published", "publish_date", "published_at", "pubdate", "date_published",
    "publication_date", "تاريخ النشر", "التاريخ", "تاريخ",
})
# Without a "---" fence an article's own first line ("وقال الوزير: ...") could look like a
# header, so unfenced keys must be ASCII identifiers or known Arabic metadata words.
_ARABIC_HEADER_KEYS = frozenset({"تاريخ النشر", "التاريخ", "تاريخ", "العنوان", "عنوان", "الكاتب",
                                 "الكاتبة", "المصدر", "الرابط", "القسم", "الموضوع"})
_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_FENCE_OPEN = re.compile(r"---[ \t]*\r?\n")
_FENCE_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*\r?$")
_KEY_VALUE = re.compile(r"[ \t]*(?P<key>[^\W\d][\w \-\u200c]{0,39}?)[ \t]*[:：][ \t]*(?P<value>.*?)[ \t\r]*")
_ASCII_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,39}")
_FRONT_MATTER_MAX_LINES = 60


def _lines_with_offsets(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, line without "\\n") for the first `limit` lines."""
    offset = 0
    for _ in range(limit):
        if offset >= len(text):
            return
        match = _LINE.match(text, offset)
        yield offset, match[0].rstrip("\n")
        offset = match.end()


def _normal_key(key: str) -> str:
    return " ".join(key.strip().lower().replace("-", "_").split())


def _skip_blank_lines(text: str, offset: int) -> int:
    for line_start, line in _lines_with_offsets(text[offset:], 1_000_000):
        if line.strip():
            return offset + line_start
    return len(text)


def _front_matter_from_pairs(text: str, pairs: list[tuple[str, str, str]], end: int) -> FrontMatter:
    fields = {key: value for key, value, _ in pairs}
    date_key, date_line = next(((key, line) for key, _, line in pairs if _normal_key(key) in _DATE_KEYS), (None, ""))
    return FrontMatter(fields=fields, body_start=_skip_blank_lines(text, end), date_key=date_key, date_line=date_line)


def _fenced_front_matter(text: str) -> Optional[FrontMatter]:
    """---\\ndate: 2021-11-24\\ntitle: ...\\n---\\n at the very top (YAML-style)."""
    if not _FENCE_OPEN.match(text):
        return None
    pairs = []
    for offset, line in list(_lines_with_offsets(text, _FRONT_MATTER_MAX_LINES))[1:]:
        if _FENCE_CLOSE.fullmatch(line):
            end = offset + len(line) + 1
            return _front_matter_from_pairs(text, pairs, min(end, len(text)))
        match = _KEY_VALUE.fullmatch(line)
        if match and match["value"]:
            pairs.append((match["key"], _unquote(match["value"]), line.strip()))
    return None


def _is_header_key(key: str) -> bool:
    return bool(_ASCII_KEY.fullmatch(key)) or _normal_key(key) in _ARABIC_HEADER_KEYS


def _header_lines(text: str) -> Optional[FrontMatter]:
    """"date: 2021-11-24\\ntitle: ...\\n\\nbody": key: value lines at the top, one of them a date."""
    pairs, end = [], 0
    for offset, line in _lines_with_offsets(text, _FRONT_MATTER_MAX_LINES):
        match = _KEY_VALUE.fullmatch(line)
        if not (match and match["value"] and _is_header_key(match["key"])):
            break
        pairs.append((match["key"], _unquote(match["value"]), line.strip()))
        end = offset + len(line) + 1
    if not any(_normal_key(key) in _DATE_KEYS for key, _, _ in pairs):
        return None
    return _front_matter_from_pairs(text, pairs, min(end, len(text)))


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def find_front_matter(text: str) -> Optional[FrontMatter]:
    """The metadata header at the top of `text`, if any; the text itself is never changed.

        find_front_matter("---\\nتاريخ النشر: 24 نوفمبر 2021\\n---\\nوقع المغرب ...").body_start == 36
    """
    return _fenced_front_matter(text) or _header_lines(text)


# ---------------------------------------------------------------------------------------------
# Building documents
# ---------------------------------------------------------------------------------------------

@dataclass
class _ReadContext:
    manifest: Optional[Manifest]
    anchor: Optional[date]
    encoding: Optional[str]
    stdin: Optional[IO]


def _strongest_anchor(ctx: _ReadContext, names: tuple[str, ...], metadata: Optional[Anchor]) -> Anchor:
    """CLI > manifest > the document's own metadata (JSONL "published" or front matter).

    An overridden metadata date that disagrees is kept as a warning: a manifest saying
    2021-11-25 for an article whose front matter says 2021-11-23 deserves a second look.
    """
    entry = ctx.manifest.lookup(*names) if ctx.manifest is not None and ctx.anchor is None else None
    if ctx.anchor is not None:
        chosen = Anchor(date=ctx.anchor, source="cli", confidence=1.0, evidence=f"--anchor {ctx.anchor.isoformat()}")
    elif entry is not None:
        chosen = entry.to_anchor()
    else:
        return metadata if metadata is not None else Anchor()
    if metadata is not None:
        chosen.warnings.extend(metadata.warnings)
        if metadata.date is not None and metadata.date != chosen.date:
            chosen.warnings.append(
                f"{metadata.source} date {metadata.date.isoformat()} overridden by {chosen.source} {chosen.date.isoformat()}"
            )
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
    try:
        if isinstance(data, str):
            _check_text(data)
            text, encoding = data, stream_encoding
        else:
            text, encoding = decode_bytes(data, ctx.encoding)
    except DecodeError as exc:
        return DocumentError(path=path, id=doc_id, reason=str(exc))
    front = find_front_matter(text)
    if front is not None and not text[front.body_start:].strip():
        return DocumentError(path=path, id=doc_id, reason="empty article (front matter only)")
    meta: dict[str, Any] = {"body_start": front.body_start if front else 0}
    if front is not None:
        meta["front_matter"] = dict(front.fields)
    anchor = _strongest_anchor(ctx, names, _front_matter_anchor(front))
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


def _jsonl_record(ctx: _ReadContext, path: str, stem: str, number: int, line: str) -> Union[Document, DocumentError]:
    """One JSONL line → Document, or DocumentError naming the line."""
    default_id = f"{stem}:{number}"
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        why = f"{exc.msg} (column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else str(exc) or "nested too deeply"
        return DocumentError(path=path, line=number, id=default_id, reason=f"malformed JSON: {why}")
    if not isinstance(record, dict):
        return DocumentError(path=path, line=number, id=default_id,
                             reason=f"expected a JSON object, got {type(record).__name__}")
    try:
        doc_id = _record_id(record, default_id)
    except ValueError as exc:
        return DocumentError(path=path, line=number, id=default_id, reason=str(exc))
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
    anchor = _strongest_anchor(ctx, (doc_id,), metadata)
    return Document(id=doc_id, path=path, text=text, anchor=anchor, encoding=ctx.encoding or "utf-8", meta=meta)


def _decode_jsonl_line(raw: Union[bytes, str], number: int, encoding: Optional[str]) -> str:
    if isinstance(raw, str):
        return raw.lstrip("\ufeff") if number == 1 else raw
    codec = encoding or "utf-8"
    if number == 1 and codec.replace("_", "-").lower() in ("utf-8", "utf8") and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {codec} at byte {exc.start} of the line (truncated download?)") from None


def _jsonl_documents(ctx: _ReadContext, path: str, lines: Iterable[Union[bytes, str]]) -> Iterator[Union[Document, DocumentError]]:
    """Stream a JSONL archive: each line on its own, blank lines skipped, bad lines reported."""
    stem = PurePath(path).stem if path != STDIN else "stdin"
    for number, raw in enumerate(lines, start=1):
        try:
            line = _decode_jsonl_line(raw, number, ctx.encoding)
        except DecodeError as exc:
            yield DocumentError(path=path, line=number, id=f"{stem}:{number}", reason=str(exc))
            continue
        if line.strip():
            yield _jsonl_record(ctx, path, stem, number, line)


def _read_jsonl_file(ctx: _ReadContext, path: str) -> Iterator[Union[Document, DocumentError]]:
    try:
        handle = open(path, "rb")
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


def _wanted_in_folder(name: str) -> bool:
    if name.startswith(".") or name == MANIFEST_NAME:
        return False
    suffix = PurePath(name).suffix.lower()
    return suffix in ARTICLE_EXTENSIONS or suffix in JSONL_EXTENSIONS


@dataclass
class _FolderListing:
    members: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (sort key, path)
    errors: list[DocumentError] = field(default_factory=list)
    skipped: int = 0


def _list_folder(root: str) -> _FolderListing:
    """Every article below `root`, sorted by relative path (same order on every machine)."""
    listing = _FolderListing()

    def report(exc: OSError) -> None:
        listing.errors.append(DocumentError(path=exc.filename or root, reason=exc.strerror or str(exc)))

    for folder, subfolders, files in os.walk(root, onerror=report):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            full = os.path.join(folder, name)
            if not _wanted_in_folder(name):
                listing.skipped += 1
                continue
            relative = os.path.relpath(full, root)
            listing.members.append((tuple(PurePath(relative).parts), full))
    listing.members.sort()
    return listing


def _read_folder(ctx: _ReadContext, root: str) -> Iterator[Union[Document, DocumentError]]:
    listing = _list_folder(root)
    yield from listing.errors
    if not listing.members and not listing.errors:
        skipped = f" ({listing.skipped} other files skipped)" if listing.skipped else ""
        yield DocumentError(path=root, reason=f"folder has no articles (.txt, .md, .html, .jsonl){skipped}")
    for _, path in listing.members:
        yield from _read_file(ctx, path)


def _stream_lines(head: Union[bytes, str], stream: IO, newline: Union[bytes, str]) -> Iterator[Union[bytes, str]]:
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
            content = head.lstrip().lstrip(b"\xef\xbb\xbf" if isinstance(head, bytes) else "\ufeff").lstrip()
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


def iter_inputs(paths: list[str], *, manifest: Optional[Manifest] = None, anchor: Optional[date] = None,
                encoding: Optional[str] = None, stdin: Optional[IO] = None) -> Iterator[Union[Document, DocumentError]]:
    """Lazily read every input, in argument order, one `Document` or `DocumentError` at a time.

        for item in iter_inputs(["seeds/"], manifest=load_manifest("seeds/manifest.json")):
            ...  # Document(id="001_76ae0159d87ba1ac", anchor=Anchor(date=2021-11-24, source="manifest"))

    `encoding` forces one codec for every input (unknown names raise ValueError right away, a
    usage error); `anchor` overrides every other anchor; `stdin` replaces sys.stdin for "-".
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
    ctx = _ReadContext(manifest=manifest, anchor=anchor, encoding=encoding, stdin=stdin)
    return _iter_all(list(paths), ctx)
