"""Bytes → text: BOMs, UTF-8, UTF-16 without BOM, legacy Arabic code pages (cp1256, ISO-8859-6),
or a forced encoding; text that cannot be trusted is a DecodeError saying why.
"""
from __future__ import annotations

import codecs
from typing import Optional


class DecodeError(ValueError):
    """Bytes that are not text we can trust: the message is the DocumentError reason."""


class BinaryFileError(DecodeError):
    """Bytes that are no text at all (a PDF, an image): the reader says what to do with them."""

    def __init__(self) -> None:
        super().__init__("binary file")


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
    raise DecodeError("undecodable text: not UTF-8, and neither cp1256 nor ISO-8859-6 gives Arabic text "
                      "(give --encoding when you know the file's encoding)")


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
        raise BinaryFileError()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _looks_like_damaged_utf8(data, exc):
            raise _invalid_utf8(exc.start) from None
    return _decode_legacy_arabic(data)


def check_text(text: str) -> None:
    """Reject decoded text that is empty or made of control characters (binary in disguise)."""
    if not text.strip():
        raise DecodeError("empty file")
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL_BYTES)
    if "\x00" in sample or controls > len(sample) * 0.1:
        raise BinaryFileError()


def decode_bytes(data: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Bytes of an article → (text, encoding name), or `DecodeError` with the reason.

    Order: `encoding` if forced; a BOM (UTF-8 → "utf-8-sig", BOM removed; UTF-16/32); strict
    UTF-8; else Arabic legacy code pages. "مرحبا".encode("cp1256") → ("مرحبا", "cp1256").
    """
    if not data:
        raise DecodeError("empty file")
    text, name = _decode_forced(data, encoding) if encoding else _detect_and_decode(data)
    check_text(text)
    return text, name


def decode_line(raw: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """One JSONL line's bytes → (text, encoding name), detected as for an article file.

    Strict UTF-8 first; a line that fails it the way legacy Arabic does (cp1256 "ال" is C7 E1,
    no UTF-8 sequence) is read as cp1256 or ISO-8859-6, so a Windows-1256 archive is read line
    by line without `--encoding`. A damaged UTF-8 line is an error that names the byte and
    the option, since a legacy code page cannot be told from damage with certainty.

    >>> decode_line('{"text": "مرحبا"}'.encode("cp1256"))
    ('{"text": "مرحبا"}', 'cp1256')
    """
    if encoding:
        codec = codecs.lookup(encoding).name
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise DecodeError(f"cannot decode as {codec} at byte {exc.start} of the line: {exc.reason}") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if not _looks_like_damaged_utf8(raw, exc):
            try:
                return _decode_legacy_arabic(raw)
            except DecodeError:
                pass
        raise DecodeError(f"invalid UTF-8 at byte {exc.start} of the line (truncated download? an archive in "
                          f"another encoding is read with --encoding, e.g. --encoding cp1256)") from None
