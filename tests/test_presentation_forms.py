"""Arabic presentation forms (what old typesetting and PDF exports write) read as the letters they
stand for, offsets still into the original text."""
from __future__ import annotations

import chrono
from chrono.normalize import fold, normalize


def test_a_lam_alef_ligature_is_two_letters_and_both_map_back_to_it():
    text = "يوم اﻷحد"
    normalized = normalize(text)
    assert normalized.text == "يوم الاحد"
    ligature = text.index("ﻷ")
    assert normalized.to_original(5) == normalized.to_original(6) == ligature
    assert normalized.span(4, 9) == (4, len(text))
    assert fold("اﻷحد") == "الاحد"


def test_letters_in_presentation_forms_give_the_same_dates_as_plain_letters():
    plain = "وصل الوفد يوم الأحد الماضي وغادر السبت"
    forms = "وصل الوفد يوم ﺍﻷﺣﺪ ﺍﻟﻤﺎﺿﻲ وغادر ﺍﻟﺴﺒﺖ"
    values = [t.value for t in chrono.tag(plain, anchor="2021-11-24")]
    found = chrono.tag(forms, anchor="2021-11-24")
    assert [t.value for t in found] == values
    assert all(forms[t.start:t.end] == t.text for t in found)
