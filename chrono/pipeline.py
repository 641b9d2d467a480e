"""normalize → tag → resolve for one document: the Python API behind `chrono tag`.

    >>> from datetime import date
    >>> [t.value for t in tag_text("وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً", date(2021, 11, 24))]
    ['2021-11-24']
"""
from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple, Optional, cast

from chrono.models import Anchor, Document, DocumentTags, Granularity, Mod, SetAside, Settings, Timex, TimexType
from chrono.resolve import NO_ANCHOR, resolve
from chrono.resolve.anchors import find_anchor, find_dateline, given_anchor
from chrono.resolve.document import months_of_one_story
from chrono.resolve.speech import quoted_days_spoken
from chrono.segment import (
    Segmentation,
    appended_articles,
    article_body_start,
    in_quote,
    in_set_aside,
    segment,
    sentence_index,
)
from chrono.tagger import Expression, find_expressions


def tag_text(text: str, anchor: Optional[date] = None, settings: Optional[Settings] = None) -> list[Timex]:
    """Every temporal expression of `text`, resolved against `anchor` (None: relative ones stay X)."""
    doc = Document(id="text", text=text, anchor=Anchor(date=anchor, source="cli" if anchor else "none"))
    return tag_document(doc, settings).timexes


# anchors a user declared (--anchor, a manifest, front matter): a day counted from them keeps them
# against a weekday the text names otherwise (an archive's crawl day does not)
USER_ANCHOR_SOURCES = frozenset({"cli", "manifest", "front_matter"})


def tag_document(doc: Document, settings: Optional[Settings] = None) -> DocumentTags:
    settings = settings or Settings()
    segmentation = segment(doc.text)
    expressions = find_expressions(doc.text)
    anchor = document_anchor(doc, expressions, segmentation, keep=settings.keep_anchor)
    appended = _appended_anchors(doc.text, expressions, segmentation)
    trusted = settings.keep_anchor or anchor.source in USER_ANCHOR_SOURCES
    timexes = [
        _to_timex(i + 1, doc.text, expr, anchor.date, settings, segmentation, _region_at(expr.start, appended),
                  trusted)
        for i, expr in enumerate(expressions)
    ]
    timexes = months_of_one_story(timexes, [e.future_cue or e.past_cue for e in expressions])
    if segmentation.quotes and anchor.source != "contradicted":
        timexes = _from_the_day_spoken(doc.text, expressions, timexes, segmentation, anchor.date, settings, appended,
                                       trusted)
    if anchor.source == "contradicted":
        _flag_contradicted(timexes, anchor)
    set_aside = sorted(list(segmentation.set_aside) + given_set_aside(doc), key=lambda r: (r.start, r.end))
    return DocumentTags(id=doc.id, path=doc.path, anchor=anchor, encoding=doc.encoding, timexes=timexes,
                        set_aside=set_aside)


def given_set_aside(doc: Document) -> list[SetAside]:
    """Regions an earlier stage set aside in `doc.meta["set_aside"]` (`timeline --about`: the
    sentences off the story), kept when they lie in the text and quote it exactly; the
    anchor is still read from the whole text."""
    given = doc.meta.get("set_aside") if isinstance(doc.meta, dict) else None
    regions = []
    for item in given if isinstance(given, list) else []:
        try:
            region = SetAside.model_validate(item)
        except ValueError:
            continue
        if 0 <= region.start < region.end <= len(doc.text) and doc.text[region.start:region.end] == region.text:
            regions.append(region)
    return regions


class RenderedTags(NamedTuple):
    """A document's tags already serialised (DocumentTags JSON): what worker processes send back,
    since a string crosses a process boundary far cheaper than a tree of models."""

    id: str
    json: str


def tag_document_json(doc: Document, settings: Optional[Settings] = None) -> RenderedTags:
    """tag_document, rendered to compact JSON in the process that tagged it."""
    tags = tag_document(doc, settings)
    return RenderedTags(tags.id, tags.model_dump_json())


def document_anchor(doc: Document, expressions=None, segmentation=None, keep: bool = False) -> Anchor:
    """The given anchor, moved back to the day the text says it was written ('اليوم (الاثنين)' in
    a page dated Tuesday) unless `keep`, with warnings where the text contradicts it; or one found
    in the text (dateline, inference) when none was given. Pass the document's expressions and
    segmentation when you have them, so the text is not tagged twice."""
    if doc.anchor.date is not None:
        return given_anchor(doc, expressions, segmentation, keep)
    return find_anchor(doc, expressions, segmentation) or doc.anchor


class _RegionAnchor(NamedTuple):
    """The anchor of an appended article: its own dateline's day, or None (the page's does not hold)."""

    start: int
    end: int
    date: Optional[date]


def _appended_anchors(text: str, expressions, segmentation) -> list[_RegionAnchor]:
    """An article the page appended is dated by its own dateline ("بغداد - 3 مارس 2019 (رويترز) -"),
    never by the page's anchor: without a dateline its relative expressions stay underspecified."""
    regions = []
    for region in appended_articles(segmentation):
        body = article_body_start(text, region)
        own = find_dateline(text[body:region.end], expressions, body)
        regions.append(_RegionAnchor(region.start, region.end, own.date if own else None))
    return regions


def _region_at(offset: int, appended: list[_RegionAnchor]) -> Optional[_RegionAnchor]:
    """The appended article holding `offset`, if any (most pages have none)."""
    for region in appended:
        if region.start <= offset < region.end:
            return region
    return None


def _to_timex(n: int, text: str, expr: Expression, anchor: Optional[date], settings: Settings,
              segmentation, region: Optional[_RegionAnchor] = None, trusted: bool = False) -> Timex:
    value = expr.item.value
    if region is not None:
        anchor = region.date
    r = resolve(value, anchor, settings.prefer, expr.future_cue, expr.past_cue, trusted and region is None)
    flags = list(r.flags)
    if region and NO_ANCHOR in (r.flags if region.date is None else resolve(value).flags):
        flags.append(f"anchor: the appended article's own dateline, {region.date.isoformat()}" if region.date
                     else "anchor: none, the appended article gives no dateline (the page's anchor is not its own)")
    set_aside = _set_aside_reason(segmentation, expr.start)
    if set_aside:
        flags.append(f"set aside: {set_aside}")
    # model_construct, in effect: every field below is already of its declared type (resolve builds
    # them, the golden files and the corpus check them), so pydantic's validation would only copy
    # them; the JSON written is the same. The resolver's strings are the models' literals (the casts
    # say so).
    return construct_timex(
        id=f"t{n}", start=expr.start, end=expr.end, text=text[expr.start:expr.end], type=cast(TimexType, r.type),
        value=r.value, granularity=cast("Optional[Granularity]", r.granularity), start_date=r.start_date,
        end_date=r.end_date, mod=cast("Optional[Mod]", r.mod),
        calendar=cast("Literal['gregorian', 'hijri']", r.calendar), hijri_value=r.hijri_value, rule=expr.item.rule,
        in_quote=in_quote(segmentation, expr.start, expr.end), underspecified=value.canonical(), flags=flags,
        sentence=sentence_index(segmentation, expr.start),
    )


_set = object.__setattr__


def timex_of_all_fields(**fields) -> Timex:
    """`Timex.model_construct(**fields)` when `fields` are all of Timex's fields, in their order:
    the same instance (its __dict__, fields set, no extra, no private attributes) in a third of
    the time (model_construct looks up each field's aliases and defaults: ~25 µs a timex)."""
    timex = Timex.__new__(Timex)
    _set(timex, "__dict__", fields)
    _set(timex, "__pydantic_fields_set__", set(fields))
    _set(timex, "__pydantic_extra__", None)
    _set(timex, "__pydantic_private__", None)
    return timex


def model_construct_is_four_slots() -> bool:
    """Whether this pydantic's model_construct fills the four slots timex_of_all_fields fills and
    nothing else for a Timex (no post-init, no private attributes); checked once at import, so
    another pydantic falls back to model_construct itself."""
    from pydantic import BaseModel

    return (getattr(BaseModel, "__slots__", None) == ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__",
                                                      "__pydantic_private__")
            and not Timex.__pydantic_post_init__ and not Timex.__private_attributes__
            and not Timex.__pydantic_root_model__ and Timex.model_config.get("extra") != "allow")


# what _to_timex builds its Timex with
construct_timex = timex_of_all_fields if model_construct_is_four_slots() else Timex.model_construct


def _from_the_day_spoken(text: str, expressions: list[Expression], timexes: list[Timex], segmentation,
                         anchor: Optional[date], settings: Settings, appended: list[_RegionAnchor],
                         trusted: bool) -> list[Timex]:
    """A quotation's days told from today counted from the day its frame says it was spoken
    ("وقال المتحدث أمس: «سددت اليونان اليوم كل مستحقاتها»" → that "اليوم" is yesterday; see
    chrono.resolve.speech)."""
    spoken = quoted_days_spoken(text, segmentation.quotes, [s.start for s in segmentation.sentences],
                                [e.item.value for e in expressions], timexes, anchor)
    for i, (day, frame) in sorted(spoken.items()):
        expr = expressions[i]
        if _region_at(expr.start, appended) is not None:
            continue  # an appended article keeps its own dateline
        timex = _to_timex(i + 1, text, expr, day, settings, segmentation, None, trusted)
        timex.flags.append(f"anchor: the day the quotation was spoken, {day.isoformat()} («{timexes[frame].text}»)")
        timexes[i] = timex
    return timexes


# -- helpers -----------------------------------------------------------------------------------------

def _flag_contradicted(timexes: list[Timex], anchor: Anchor) -> None:
    """Each expression left unresolved because the text contradicts its given anchor says so."""
    given = anchor.given.isoformat() if anchor.given else "anchor"
    flag = f"anchor: the text contradicts the given {given} (see the anchor's warnings)"
    for t in timexes:
        if NO_ANCHOR in t.flags:
            t.flags.append(flag)


def _set_aside_reason(seg: Segmentation, offset: int) -> Optional[str]:
    part = in_set_aside(seg, offset, offset + 1)
    return part.reason if part else None

