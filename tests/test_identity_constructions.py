"""Happening identity, construction by construction: mentions of one happening that must join,
and mentions of two that must not (own phrasings, dated against a fixed publication day)."""
from __future__ import annotations

from datetime import date

from chrono.merge import build_timeline
from chrono.models import Anchor, Document
from chrono.pipeline import tag_document

_DAY = date(2022, 3, 10)


def _entries(*texts: str):
    pairs = []
    for n, text in enumerate(texts):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=_DAY))
        pairs.append((doc, tag_document(doc)))
    return [e for e in build_timeline(pairs).entries if e.value == "2022-03-09"]


def test_one_event_word_as_trigger_and_as_the_other_clause_s_word_is_one_happening():
    (entry,) = _entries("وواصلت القوات تقدمها في الجنوب حيث تمكنت أمس من استعادة السيطرة على عدة قرى جديدة "
                        "من أيدي المسلحين. وقالت مصادر أمس إن القوات تمكنت من السيطرة على بلدة الوادي "
                        "بعد معارك عنيفة.")
    assert len(entry.mentions) == 2


def test_two_captures_of_two_named_places_on_one_day_stay_two():
    entries = _entries("سيطرت القوات أمس على مدينة الشاطئ بعد قتال. وفي الشمال، استعادت وحدات أخرى أمس "
                       "السيطرة على بلدة الجبل.")
    assert len(entries) == 2


def test_one_article_one_kind_one_day_and_a_rare_word_in_common_is_one_happening():
    entries = _entries("هبطت أمس طائرتا شحن سعوديتان في مطار المدينة تحملان معدات الملاحة. وقال مدير المطار "
                       "إن شحنة الطائرتين اللتين وصلتا أمس تكفي لتشغيل المدرج.",
                       "افتتح المحافظ أمس معرضا للكتاب في قاعة المؤتمرات الكبرى.")
    (landing,) = [e for e in entries if {m.doc for m in e.mentions} == {"d0"}]
    assert len(landing.mentions) == 2


def test_a_resumption_is_an_event_word():
    (entry,) = _entries("استأنف ميناء المدينة أمس حركة الملاحة بعد توقف دام شهرين.",
                        "وأعلنت هيئة الموانئ أمس استئناف حركة الملاحة في ميناء المدينة.")
    assert entry.kind == "start" and len(entry.mentions) == 2


def test_an_event_a_statement_reports_is_no_conflict_with_its_own_day():
    # one paper dates the raids to Tuesday; another dates the announcement of the arrests to
    # Wednesday: the statement's day, not a second date of the raids
    texts = ("نفذت الشرطة أمس الثلاثاء حملة مداهمات واسعة في ضواحي العاصمة أسفرت عن اعتقال 140 مشتبها "
             "بالانتماء إلى شبكة تهريب السلاح.",
             "أعلنت وزارة الداخلية أمس الأربعاء عن اعتقال 140 مشتبها بالانتماء إلى شبكة تهريب السلاح "
             "في حملة مداهمات واسعة في ضواحي العاصمة.")
    pairs = []
    for n, (text, day) in enumerate(zip(texts, (date(2022, 3, 9), date(2022, 3, 10)), strict=True)):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=day))
        pairs.append((doc, tag_document(doc)))
    entries = build_timeline(pairs).entries
    reported = [e for e in entries if e.value == "2022-03-09" and any(m.doc == "d1" for m in e.mentions)]
    assert reported and not any(e.conflicts for e in entries)


def test_a_quoted_today_framed_by_a_word_of_saying_joins_no_statement_of_the_day_before():
    """«... اليوم» after "وقال" names no happening: it never joins yesterday's statements."""
    pairs = []
    texts = ("وقال الطاهي للصحيفة: «افتتحنا اليوم فرعا جديدا للمطعم في وسط المدينة».",
             "وقال مسؤولون في وزارة المالية أمس إن الحكومة سددت قسطا من ديونها للبنك المركزي.")
    for n, text in enumerate(texts):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=_DAY))
        pairs.append((doc, tag_document(doc)))
    for entry in build_timeline(pairs).entries:
        assert len({m.doc for m in entry.mentions}) == 1, entry


def _timeline(*texts: str):
    pairs = []
    for n, text in enumerate(texts):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=_DAY))
        pairs.append((doc, tag_document(doc)))
    return build_timeline(pairs).entries


def test_a_quoted_date_that_names_its_day_means_that_day_not_the_day_before():
    """«… في 10 مارس» in a quote is the 10th: unlike a quoted "اليوم", it is no speech of the 9th."""
    entries = _timeline("وقال المحلل السياسي: «لقد شارك الناخبون بكثافة في الاقتراع الذي جرى في 10 مارس الجاري».",
                        "جرى أمس الاقتراع في بلدية الساحل وسط مشاركة ضعيفة.")
    assert not [e for e in entries if len({m.doc for m in e.mentions}) > 1]


def test_a_quoted_today_in_an_article_of_another_story_joins_no_happening_of_the_day_before():
    """«الزيارة التي أقوم بها اليوم» names a visit, but a chef's article is not the prince's story."""
    entries = _timeline("زار الأمير أمس مصنع الإسمنت الجديد في مدينة الوادي.",
                        "زار وزير التعليم أمس جامعة البحر في مدينة الساحل.",
                        "وقال الطاهي: «الزيارة التي أقوم بها اليوم إلى المطبخ الكبير ممتعة».")
    assert not [e for e in entries if len({m.doc for m in e.mentions}) > 1]


def test_a_visit_agreeing_with_one_member_only_does_not_chain_into_its_happening():
    """The second report shares the hospital with the first and the charity with the third; the
    third, of another story than the first, shares nothing with it: a school visit, not the
    hospital's."""
    entries = [e for e in _timeline("أمس، تمت زيارة المستشفى الميداني في بلدة النخيل.",
                                    "وزار أمس أعضاء جمعية الأمل المستشفى الميداني.",
                                    "وزار أعضاء جمعية الأمل أمس مدرسة الفجر.") if e.value == "2022-03-09"]
    (hospital,) = [e for e in entries if "d0" in {m.doc for m in e.mentions}]
    assert {m.doc for m in hospital.mentions} == {"d0", "d1"}


def test_one_digit_numbers_in_common_are_no_rare_words():
    """"8" and "9" are in countless articles (the corpus reads only numbers of two digits):
    a note on sunlight and a festival's launch, both "اليوم", share them and nothing else."""
    entries = _timeline("ويبلغ اليوم متوسط قوة الأشعة بين 8 و9 درجات في المدينة الساحلية.",
                        "ينطلق اليوم مهرجان الربيع بـ8 عروض في 9 ساحات.")
    assert not [e for e in entries if len({m.doc for m in e.mentions}) > 1]


def _period_entries(value: str, *texts: str):
    pairs = []
    for n, text in enumerate(texts):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=_DAY))
        pairs.append((doc, tag_document(doc)))
    return [e for e in build_timeline(pairs).entries if e.value == value]


def test_two_figures_of_one_bulletin_for_last_year_are_two_facts():
    # one report, two funds, one period: each mention gives its own figure
    bulletin = ("وأبان التقرير أن المنصرف الفعلي من قروض صندوق الإسكان تراجع بنسبة 12 في المائة العام الماضي. "
                "وأوضح التقرير أن المنصرف الفعلي من قروض صندوق الزراعة تراجع بنسبة 35 في المائة العام الماضي.")
    entries = _period_entries("2021", bulletin, bulletin.replace("وأبان", "وذكر"))
    assert len(entries) == 2
    assert all({m.doc for m in e.mentions} == {"d0", "d1"} for e in entries)


def test_one_figure_of_a_month_told_by_two_papers_is_one_fact():
    entries = _period_entries("2022-01",
                              "ارتفعت صادرات الإقليم إلى 312 مليون دولار في يناير الماضي بحسب مكتب الإحصاء.",
                              "قال مكتب الإحصاء إن صادرات الإقليم بلغت 312 مليون دولار في يناير الماضي.")
    assert len(entries) == 1 and len(entries[0].mentions) == 2


def test_a_morning_and_the_night_that_follows_it_are_two_happenings():
    # Saturday morning's raid and the raid of Saturday night (the night after it), one kind,
    # one target: the parts of one day never meet
    texts = ("شنت الطائرات صباح السبت غارات على معسكرات المسلحين في الجبال الشمالية.",
             "وعادت الطائرات فشنت ليلة السبت غارات على معسكرات المسلحين في الجبال الشمالية.")
    pairs = []
    for n, text in enumerate(texts):
        doc = Document(id=f"d{n}", text=text, anchor=Anchor(date=date(2022, 3, 14)))
        pairs.append((doc, tag_document(doc)))
    entries = [e for e in build_timeline(pairs).entries if e.value.startswith("2022-03-12")]
    assert sorted(e.value for e in entries) == ["2022-03-12TMO", "2022-03-12TNI"]


def test_two_figures_of_one_day_in_one_article_are_two_facts():
    # one market report, two exchanges, one day: each sentence gives its own figures
    doc_text = ("ارتفع مؤشر البورصة الكويتية أمس بنسبة 0.35 في المائة ليغلق عند 6270.12 نقطة. "
                "وارتفع مؤشر البورصة العمانية أمس بنسبة 0.44 في المائة ليغلق عند 6572.50 نقطة.")
    entries = _entries(doc_text)
    assert len(entries) == 2


def test_one_host_meeting_two_named_guests_on_one_day_is_two_meetings():
    entries = _entries("التقى وزير الخارجية أمس في العاصمة الرئيس الموريتاني محمد ولد الغزواني وبحث معه العلاقات.",
                       "اجتمع وزير الخارجية أمس في العاصمة مع رئيس الحزب الوطني سليم فرنجيان وبحث معه العلاقات.")
    assert len(entries) == 2


def test_guests_named_after_their_office_or_with_a_month_for_a_given_name_are_two_meetings():
    # one article: "رئيس حركة النهضة الوطنية سالم حداد" is named after his office, "الرئيس رجب
    # كمال أوزدمير" has a month for a given name (no date: the tagger leaves it)
    entries = _entries("التقى وزير الخارجية في العاصمة أمس الرئيس رجب كمال أوزدمير رئيس جمهورية الجبل الأسود. "
                       "كما اجتمع وزير الخارجية في العاصمة أمس مع رئيس حركة النهضة الوطنية سالم حداد.")
    assert len(entries) == 2


def _feast_entries(text: str):
    doc = Document(id="d0", text=text, anchor=Anchor(date=date(2022, 5, 10)))
    return [e for e in build_timeline([(doc, tag_document(doc))]).entries if e.value == "2022-05-02"]


def test_one_article_telling_one_arrival_on_a_named_day_of_the_feast_twice_is_one_happening():
    # a feast day names many happenings across articles; one article coming back to its own
    # arrival of that day, with the same event word, is one
    (entry,) = _feast_entries("أكد المتحدث أن الحكومة قررت إرسال وزيرين آخرين إلى جانب الوفد الذي وصل في اليوم "
                              "الأول من عيد الفطر. وكان عدد من الوزراء وصلوا إلى العاصمة خلال اليوم الأول من "
                              "عيد الفطر بعد انتهاء المعارك.")
    assert len(entry.mentions) == 2


def test_one_article_telling_two_visits_by_the_feast_s_name_keeps_two_entries():
    # "بعيد الفطر المبارك" names the occasion of a greeting, not one day's happening
    entries = _feast_entries("بادر عدد من الأمراء والوزراء إلى زيارة المرضى في المستشفيات وتهنئتهم بعيد الفطر "
                             "المبارك. وقام أمير المنطقة بزيارة للمرضى في مستشفى الملك فهد قدم خلالها التهنئة "
                             "لهم بمناسبة عيد الفطر المبارك.")
    assert len(entries) == 2


def test_two_papers_closes_of_an_index_at_two_levels_are_two_sessions():
    # measured figures (decimals) do not correct each other like tolls: two closes, two sessions
    entries = _entries("أغلق مؤشر سوق الأسهم أمس على ارتفاع طفيف بلغ 5.42 نقطة عند مستوى 9275.20 نقطة.",
                       "أغلق مؤشر سوق الأسهم أمس مرتفعا 16.72 نقطة عند مستوى 9269.78 نقطة.")
    assert len(entries) == 2


def test_two_papers_tolls_of_one_attack_still_join():
    (entry,) = _entries("قتل 30 شخصا في تفجير انتحاري استهدف أمس سوق الحميدية في مدينة تدمر.",
                        "أوقع التفجير الانتحاري الذي استهدف أمس سوق الحميدية في مدينة تدمر 32 قتيلا.")
    assert len(entry.mentions) == 2


def test_taking_a_town_s_airport_and_taking_the_town_are_two_happenings():
    entries = _entries("واستعادت القوات الحكومية أمس السيطرة على مطار سبها بعد معارك استمرت أسابيع.",
                       "وقال قائد ميداني إن القوات انتزعت أمس السيطرة على سبها من المسلحين.")
    assert len(entries) == 2


def test_sites_inside_a_district_taken_the_same_day_join_the_district_s_capture():
    (entry,) = _entries("أعلنت القوات أمس أنها بسطت سيطرتها على الجزء الأكبر من حي المرسى في المدينة الساحلية. "
                        "وكانت القوات تمكنت أمس من فرض سيطرتها على القصر الرئاسي ومبنى البلدية في حي المرسى.")
    assert len(entry.mentions) == 2


def test_a_date_that_is_only_the_reference_of_a_comparison_makes_no_entry():
    pairs = []
    text = ("وارتفعت مبيعات الشركة خلال العام 2021 بنسبة 12 في المائة مقارنة بالعام 2019. وبلغت الأرباح "
            "في مارس 900 مليون مقابل 700 مليون في مارس 2020.")
    doc = Document(id="d0", text=text, anchor=Anchor(date=_DAY))
    pairs.append((doc, tag_document(doc)))
    values = {e.value for e in build_timeline(pairs).entries}
    assert "2021" in values and "2019" not in values and "2020-03" not in values, values


def test_an_exchange_keeps_its_date():
    pairs = []
    text = "وأفرجت السلطات عن خمسة موقوفين مقابل إطلاق سراح جنديين مخطوفين منذ مارس 2020."
    doc = Document(id="d0", text=text, anchor=Anchor(date=_DAY))
    pairs.append((doc, tag_document(doc)))
    assert any(e.value.startswith("2020") for e in build_timeline(pairs).entries)


def test_a_date_written_with_its_conjunction_dates_its_clause():
    """"وأمس أعلنت": the timex starts inside the token "وأمس"; it still makes an entry."""
    (entry,) = _entries("قتل شرطي في هجوم مسلح الأسبوع الماضي. وأمس أعلنت الشرطة اعتقال ثلاثة أشخاص يشتبه "
                        "في مشاركتهم في الهجوم.")
    assert entry.kind in ("arrest", "statement") and "اعتقال" in entry.label
