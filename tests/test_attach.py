"""Event attachment: clause, trigger verb, label, and what never becomes an event."""
from __future__ import annotations

from datetime import date

from chrono.attach import attach_document, clause_span, is_placeable, stem, trigger_root
from chrono.models import Anchor, Document, DocumentTags, SetAside, Timex


def _doc_and_tags(text: str, *phrases: tuple[str, str], **timex_fields):
    doc = Document(id="d", text=text, anchor=Anchor(date=date(2021, 11, 24)))
    timexes = []
    for n, (phrase, value) in enumerate(phrases, 1):
        at = text.index(phrase)
        day = date.fromisoformat(value[:10]) if len(value) >= 10 else None
        fields = {"granularity": "day", "start_date": day, "end_date": day, "rule": "test", **timex_fields}
        timexes.append(Timex(id=f"t{n}", start=at, end=at + len(phrase), text=phrase, type="DATE", value=value,
                             **fields))
    return doc, DocumentTags(id="d", anchor=doc.anchor, timexes=timexes)


def _events(text, *phrases, **fields):
    doc, tags = _doc_and_tags(text, *phrases, **fields)
    return list(attach_document(doc, tags))


def test_clause_is_the_dated_part_of_a_run_on_sentence():
    text = ("وقع المغرب وإسرائيل مذكرة تفاهم دفاعية في الرباط يوم الأربعاء، الأمر الذي يمهد الطريق "
            "للمبيعات العسكرية بعد أن رفع البلدان مستوى علاقاتهما الدبلوماسية في العام الماضي.")
    doc, tags = _doc_and_tags(text, ("يوم الأربعاء", "2021-11-24"), ("العام الماضي", "2020-01-01"))
    signing, upgrade = (clause_span(doc, t) for t in tags.timexes)
    assert text[signing.start:signing.end].startswith("وقع المغرب") and "رفع" not in text[signing.start:signing.end]
    assert text[upgrade.start:upgrade.end].startswith("بعد أن رفع البلدان")


def test_trigger_is_the_event_verb_before_the_date():
    text = "وصل وزير الدفاع الإسرائيلي، بيني غانتس، منتصف ليلة أمس إلى مطار الرباط - سلا، في أول زيارة رسمية للمغرب."
    (event,) = _events(text, ("منتصف ليلة أمس", "2021-11-23TNI"))
    assert (event.trigger, event.root) == ("وصل", "وصل")
    assert event.label.startswith("وصل وزير الدفاع الإسرائيلي") and "ليلة" not in event.label


def test_the_event_noun_whose_target_follows_على_is_the_trigger():
    # "هجوم … على تجمع … الاثنين": the attack is dated, not the rally it struck (على as tokens fold it)
    text = "ويأتي ذلك ردا على الهجوم الانتحاري الدامي على تجمع لطلاب الجامعة الاثنين في وسط المدينة."
    (event,) = _events(text, ("الاثنين", "2021-11-22"))
    assert event.kind == "attack"


def test_future_verb_conjunction_and_auxiliary():
    (meets,) = _events("في سياق ذلك، سيلتقي غانتس غداً الخميس مع محمد ياسين المنصوري.", ("غداً الخميس", "2021-11-25"))
    assert meets.trigger == "سيلتقي"
    (resumed,) = _events("وكان المغرب قد أعاد العلاقات الدبلوماسية مع إسرائيل في العاشر من ديسمبر الماضي.",
                         ("العاشر من ديسمبر الماضي", "2020-12-10"))
    assert resumed.trigger == "أعاد"
    (arrived,) = _events("ووصل بيني غانتس ليلة الثلاثاء إلى الرباط.", ("ليلة الثلاثاء", "2021-11-23TNI"))
    assert arrived.trigger == "وصل" and arrived.label.startswith("وصل بيني غانتس")


def test_a_word_in_a_quoted_name_is_not_the_trigger_of_a_date_outside():
    text = 'ومنعت السلطات نشطاء من تنظيم وقفة احتجاجية "للجبهة المغربية لدعم فلسطين وضد التطبيع" مساء يوم الاربعاء.'
    (event,) = _events(text, ("مساء يوم الاربعاء", "2021-11-24TEV"))
    assert event.trigger != "التطبيع"


def test_thin_sentence_after_a_stray_full_stop_borrows_the_previous_one():
    text = "نشرت الصحيفة تقريرا عن توقيع اتفاق دفاعي بين إسرائيل والمغرب. يوم الأربعاء الماضي في الرباط."
    (event,) = _events(text, ("يوم الأربعاء الماضي", "2021-11-24"))
    assert event.root == "توقيع" and event.kind == "signing" and "اتفق" in event.lemmas


def test_light_stemming_and_roots():
    assert stem("والإسرائيلية") == "اسراييل"
    assert stem("وزير") == stem("الوزير") == stem("ووزير") == "وزير"
    assert stem("فيصل") == "فيصل"  # not ف + "يصل" (arrives)
    assert stem("سيطرتها") == stem("السيطرة")
    assert trigger_root("يوقعان") == trigger_root("وقعت") == "وقع"
    assert trigger_root("زيارته") == trigger_root("يزور") == "زار"
    assert trigger_root("فيصل") is None and trigger_root("وزارة") is None  # a name, a ministry
    assert trigger_root("الرباط") is None


def test_what_does_not_become_an_event():
    base = {"id": "t", "start": 0, "end": 1, "text": "x", "rule": "r"}
    assert not is_placeable(Timex(type="DURATION", value="P2Y", **base))
    assert not is_placeable(Timex(type="SET", value="P1Y", **base))
    assert not is_placeable(Timex(type="DATE", value="PRESENT_REF", start_date=date(2021, 1, 1),
                                  end_date=date(2021, 1, 1), **base))
    assert not is_placeable(Timex(type="DATE", value="XXXX-12-10", **base))
    assert is_placeable(Timex(type="DATE", value="2020-12-10", start_date=date(2020, 12, 10),
                              end_date=date(2020, 12, 10), **base))


def test_set_aside_regions_give_no_events():
    text = "وقع الاتفاق اليوم.\n\nاقرأ أيضا: زار الوزير بغداد اليوم الاثنين"
    doc, tags = _doc_and_tags(text, ("اليوم", "2021-11-24"), ("اليوم الاثنين", "2021-11-22"))
    assert [e.timex.text for e in attach_document(doc, tags)] == ["اليوم"]
    # a region the tagger set aside counts too
    end = text.index(".")
    tags.set_aside.append(SetAside(start=0, end=end, reason="test", text=text[:end]))
    assert [e.timex.text for e in attach_document(doc, tags)] == []


def test_never_crashes_on_odd_offsets_and_empty_text():
    doc, tags = _doc_and_tags("وصل الوفد اليوم", ("اليوم", "2021-11-24"))
    assert len(list(attach_document(doc, tags))) == 1
    tags.timexes[0] = tags.timexes[0].model_copy(update={"end": 99})
    assert list(attach_document(doc, tags)) == []


def test_an_event_noun_with_ta_marbuta_is_the_noun_not_a_verb_form():
    # "السيطرة" folds like "سيطره" (he controlled it): written with ة it is the capture, a noun
    (event,) = _events("أعلنت قوات الحكومة يوم الخميس السيطرة على ميناء المدينة الجنوبي.",
                       ("يوم الخميس", "2021-11-25"))
    assert (event.kind, event.root) == ("capture", "سيطر")
    (event,) = _events("بدأت اليوم استعادة الأحياء الشرقية من المسلحين.", ("اليوم", "2021-11-24"))
    assert event.kind == "capture"


def test_a_vacation_is_not_an_approval():
    (event,) = _events("بدأ الموظفون إجازة عيد الفطر يوم الأحد.", ("يوم الأحد", "2021-11-28"))
    assert event.kind != "approval"


def test_a_statement_with_a_long_speaker_reports_the_event_after_the_date():
    text = ("أكد الناطق الرسمي باسم قوات التحالف المحلية المدعومة من الحكومة المركزية في العاصمة "
            "أمس الأربعاء أنها بسطت سيطرتها على مطار المدينة الدولي.")
    (event,) = _events(text, ("أمس الأربعاء", "2021-11-24"))
    assert (event.kind, event.root) == ("capture", "سيطر")


def test_a_side_phrase_closed_by_a_comma_does_not_take_the_main_clause_date():
    text = "وبعد الانفجار، أقيمت صلاة الجنازة مساء الجمعة في المسجد الكبير بالمدينة."
    (event,) = _events(text, ("مساء الجمعة", "2021-11-26TEV"))
    assert event.kind == "funeral"
    text = "ومنذ التوقيع على الاتفاق الثلاثي في العاشر من ديسمبر، تغيرت أمور كثيرة."
    (event,) = _events(text, ("العاشر من ديسمبر", "2020-12-10"))
    assert event.kind != "funeral" and event.root is not None


def test_an_event_noun_of_support_is_a_means_not_the_happening():
    text = "وبدعم الغارات الجوية تمكن المقاتلون يوم السبت من السيطرة على الجسر الرئيسي."
    (event,) = _events(text, ("يوم السبت", "2021-11-27"))
    assert event.kind == "capture"
    text = "وتحت غطاء القصف المدفعي استعادت القوات الجمعة قرية على الحدود."
    (event,) = _events(text, ("الجمعة", "2021-11-26"))
    assert event.kind == "capture"


def test_a_relative_clause_between_dashes_is_an_aside_not_the_dated_clause():
    text = "ودخل جنود من الوحدة الخاصة - التي تشكلت قبل عامين - قرية الوادي مساء الأحد بعد اشتباكات."
    doc, tags = _doc_and_tags(text, ("مساء الأحد", "2021-11-21TEV"))
    (span,) = (clause_span(doc, t) for t in tags.timexes)
    assert text[span.start:span.end].startswith("ودخل جنود")
