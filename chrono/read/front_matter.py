"""Front matter: a metadata header at the top of an article ('---' fenced, or 'date: …' lines).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional


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
        assert match is not None  # the pattern matches at every offset (an empty last line at the end)
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
    pairs: list[tuple[str, str, str]] = []  # key, value, the line as written
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
