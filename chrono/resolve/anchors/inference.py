"""Inference: the publication day that satisfies the text's constraints best.

Every day of a window (from January 1 of the latest year a dated past event gives, two years on)
is scored; seed 002 ("اليوم الأربعاء" with "نوفمبر الحالي" and "2021") gives 2021-11-24. Days the
text cannot tell apart are reported as an interval of candidates.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from chrono.models import Anchor
from chrono.resolve.anchors.constraints import W_STRONG, W_WEEKDAY, Constraint, PastEvent, text_constraints

_MAX_CANDIDATE_SPAN = 366  # tied days spread wider than this say nothing useful


def infer_anchor(text: str, body_start: int = 0, exprs=None, seg=None) -> Optional[Anchor]:
    """The publication day the text implies (seed 002 → 2021-11-24), or the interval of days it
    cannot tell apart, or None when it gives no year to start from."""
    constraints = text_constraints(text, body_start, exprs, seg)
    window = _window(constraints)
    if window is None or not any(c.strong for c in constraints):
        return None  # soft hints alone ('العام الماضي' near 'عام 2014') would make a false anchor
    days = [window[0] + timedelta(days=i) for i in range((window[1] - window[0]).days + 1)]
    scored = [(sum(c.weight * c.score(d) for c in constraints), d) for d in days]
    best = max(s for s, _ in scored)
    tied = [d for s, d in scored if s >= best - 1e-9]
    runner_up = max((s for s, d in scored if s < best - 1e-9), default=best - W_STRONG)
    evidence = _evidence(constraints, tied[0])
    if not any(c.strong and c.holds(tied[0]) for c in constraints):
        return None
    if len(tied) == 1:
        return Anchor(date=tied[0], source="inferred", confidence=_confidence(best - runner_up),
                      evidence=evidence)
    if (tied[-1] - tied[0]).days > _MAX_CANDIDATE_SPAN:
        return None
    return Anchor(date=None, source="inferred", confidence=0.3, evidence=evidence,
                  candidates=(tied[0], tied[-1]))


def _confidence(margin: float) -> float:
    """0.5 when a soft preference decided, up to 0.8 when a strong constraint did."""
    if margin >= W_STRONG / 2:
        return 0.8
    if margin >= W_WEEKDAY:
        return 0.7
    return 0.6 if margin >= W_WEEKDAY / 2 else 0.5


def _evidence(constraints: list[Constraint], day: date) -> str:
    used = [c for c in constraints if c.score(day) > 0]
    latest = max((c.bound for c in used if isinstance(c, PastEvent)), default=None)
    used = [c for c in used if not isinstance(c, PastEvent) or c.bound == latest]  # one bound says it
    used.sort(key=lambda c: -c.weight * c.score(day))
    seen, parts = set(), []
    for c in used:
        if c.why not in seen:
            seen.add(c.why)
            parts.append(f"{c.text!r}: {c.why}")
    return "; ".join(parts[:5])


def _window(constraints: list[Constraint]) -> Optional[tuple[date, date]]:
    """Days worth scoring: from Jan 1 of the latest year a dated past event gives, two years on."""
    years = [c.bound.year for c in constraints if isinstance(c, PastEvent)]
    if not years:
        return None
    y = max(years)
    return date(y, 1, 1), date(min(y + 2, 9999), 12, 31)
