"""`--format json`: the TimelineOutput itself (design §7), schema `chrono.timeline/1`."""
from __future__ import annotations

from chrono.models import TimelineOutput, dump_json


def render(timeline: TimelineOutput) -> str:
    """Deterministic, indented UTF-8 JSON ending with a newline ("اليوم الأربعاء" kept as is)."""
    return dump_json(timeline) + "\n"
