"""The pipeline builds each Timex without pydantic's model_construct (chrono.pipeline's
timex_of_all_fields sets the model's four slots itself): the instances must be the ones
model_construct builds, slot for slot, for every timex of real tagging."""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel

import chrono.pipeline as pipeline
from chrono.models import Timex
from chrono.pipeline import tag_text

_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def _slots(model: BaseModel) -> tuple:
    return tuple(object.__getattribute__(model, name) for name in _SLOTS)


def test_this_pydantic_fills_the_four_slots_the_pipeline_fills():
    """Else the pipeline falls back to model_construct (another pydantic may add a slot)."""
    assert BaseModel.__slots__ == _SLOTS
    assert pipeline.construct_timex is pipeline.timex_of_all_fields


def test_timexes_are_what_model_construct_builds():
    """'وصل الوزير أمس ... يوم الأربعاء 24 نوفمبر 2021 ... الساعة العاشرة صباحا': every field given,
    in the model's order; the same __dict__ (order included), fields set, extra and private slots,
    equal models and the same JSON."""
    text = ("وصل الوزير أمس إلى الرباط، على أن يوقع الاتفاق يوم الأربعاء 24 نوفمبر 2021 عند الساعة العاشرة صباحا "
            "في الأسبوع المقبل، خلال شهر رمضان 1443")
    timexes = tag_text(text, date(2021, 11, 20))
    assert len(timexes) >= 3
    for timex in timexes:
        assert list(timex.__dict__) == list(Timex.model_fields)
        rebuilt = Timex.model_construct(**timex.__dict__)
        assert _slots(rebuilt) == _slots(timex)
        assert rebuilt == timex and rebuilt.model_dump_json() == timex.model_dump_json()
        assert Timex.model_validate(timex.model_dump()) == timex


def test_a_built_timex_takes_changes_as_a_constructed_one():
    """The pipeline appends flags and `model_copy` updates work on it as on any model."""
    timex = tag_text("وصل الوزير أمس إلى الرباط", date(2021, 11, 24))[0]
    timex.flags.append("checked")
    copy = timex.model_copy(update={"value": "2021-11-22"})
    assert copy.value == "2021-11-22" and copy.flags == timex.flags and timex.value == "2021-11-23"
