"""What to tell a user about a file chrono cannot read: what it is, and what to do with it.

A folder of articles often holds other files too (a PDF of the same report, the photo that went
with the story). chrono never skips them silently: each becomes an error naming the file and
the step that makes it readable, e.g. for `report.pdf`:

    PDF document: chrono reads text; extract it first (e.g. `pdftotext report.pdf report.txt`)

The kind comes from the file's first bytes when they are known (a PDF renamed `.txt` is still
a PDF), else from its extension.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Optional

READABLE = ".txt .text .md .markdown .html .htm, .jsonl .ndjson, or no extension"

# The signatures at the start of the files most often found next to articles.
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office"),  # .doc, .xls (OLE)
    (b"PK\x03\x04", "zip"),  # .docx, .xlsx, .odt and .zip are all zip files
    (b"\x1f\x8b", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"Rar!", "archive"),
    (b"{\\rtf", "office"),
)
_BY_EXTENSION = {
    ".pdf": "pdf",
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".heic", ".svg"), "image"),
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf", ".pages", ".xls", ".xlsx", ".ods", ".ppt", ".pptx"), "office"),
    **dict.fromkeys((".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar"), "archive"),
    **dict.fromkeys((".mp3", ".wav", ".ogg", ".m4a", ".mp4", ".mov", ".avi", ".mkv", ".webm"), "media"),
    ".json": "json",
    ".csv": "table",
    ".tsv": "table",
    ".xml": "xml",
}
_WORD_PROCESSOR_ZIPS = {".docx": "office", ".xlsx": "office", ".odt": "office", ".ods": "office",
                        ".pptx": "office", ".pages": "office"}


def _kind(path: str, head: bytes = b"") -> Optional[str]:
    suffix = PurePath(path).suffix.lower()
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return _WORD_PROCESSOR_ZIPS.get(suffix, kind) if kind == "zip" else kind
    return _BY_EXTENSION.get(suffix)


def _advice(kind: Optional[str], path: str) -> str:
    name = PurePath(path).name
    stem = PurePath(path).stem or "article"
    if kind == "pdf":
        return f"PDF document: chrono reads text; extract it first (e.g. `pdftotext {name} {stem}.txt`)"
    if kind == "image":
        return (f"image: chrono reads text; run OCR on it first (e.g. `tesseract {name} {stem} -l ara` "
                f"writes {stem}.txt) or move it out of the folder")
    if kind == "office":
        return "office document: save it as plain text (.txt, UTF-8) first"
    if kind in ("zip", "archive"):
        return "compressed archive: unpack it first, then give the folder"
    if kind == "media":
        return "audio or video: chrono reads text; give a transcript (.txt) instead"
    if kind == "json":
        return ("JSON file: chrono reads JSONL archives (.jsonl: one {\"id\", \"text\", \"published\"} object "
                "per line); a manifest is given with --manifest")
    if kind == "table":
        return ("spreadsheet table: write the articles as JSONL (.jsonl: one {\"id\", \"text\", \"published\"} "
                "object per line)")
    if kind == "xml":
        return "XML file: extract the article text (.txt) first"
    return f"not a text article chrono reads ({READABLE}): convert it to text or move it out of the folder"


def unsupported_file(path: str) -> str:
    """Why a file found in a folder is not read, and what to do ("report.pdf" → extract the text)."""
    return _advice(_kind(path), path)


def binary_file(path: str, head: bytes) -> str:
    """Why a file given by name did not decode as text: "binary file (PDF document: ...)"."""
    kind = _kind(path, head)
    if kind is None:
        return "binary file: chrono reads text articles; convert it to text (.txt, UTF-8) first"
    return f"binary file ({_advice(kind, path)})"
