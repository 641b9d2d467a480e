"""Appended articles: set aside only when another article really starts, and never dated by the page.

Every text here is written for these tests (news style, invented events). The negative cases are
the page structures that once passed for an appended article: a feature's subheadings, a memoir's
list of episode links, a digest page of unrelated briefs, a headline printed again, a photo caption
printed twice, a block of related links. Each of them has a topic shift strong enough for the
topic test alone (checked below), so only the article-head test keeps them in the story.
"""
from __future__ import annotations

from datetime import date

import pytest

from chrono.pipeline import tag_text
from chrono.segment import appended_articles, article_body_start, content_words, in_set_aside, segment
from tools.golden import seed_pairs

# -- a host story (a desalination plant) and an unrelated article (a football signing) ------------

HOST = "\n\n".join([
    "افتتح وزير البيئة والمياه أمس محطة جديدة لتحلية مياه البحر في مدينة ينبع الساحلية، بطاقة إنتاجية "
    "تبلغ ستمائة ألف متر مكعب يومياً، في خطوة تهدف إلى سد حاجة المدن الغربية من مياه الشرب.",
    "وقال الوزير في كلمته خلال حفل التدشين إن المحطة تعتمد على تقنية التناضح العكسي التي تخفض استهلاك "
    "الطاقة بنسبة كبيرة مقارنة بالمحطات الحرارية القديمة، وإن تشغيلها الكامل سيتم على مراحل متتابعة.",
    "وأوضح مدير المشروع أن أعمال الإنشاء استغرقت ثلاث سنوات بمشاركة شركات محلية وأجنبية، وأن خط "
    "الأنابيب الجديد سينقل المياه المحلاة إلى المدينة المنورة ومحافظات مجاورة عبر محطات ضخ وسيطة.",
    "ويأتي افتتاح المحطة ضمن خطة وطنية لرفع كفاءة قطاع المياه وتقليل الاعتماد على المياه الجوفية غير "
    "المتجددة، وفق ما ذكرت الوزارة في بيان وزعته على الصحفيين عقب الجولة الميدانية.",
])

OTHER_HEADLINE = "نادي الاتحاد يضم مهاجماً برازيلياً بعقد يمتد موسمين"
OTHER_CAPTION = "المهاجم البرازيلي يوقع عقده بحضور رئيس النادي في جدة (رويترز)"
OTHER_BODY = [
    "أعلن نادي الاتحاد اليوم الأحد التعاقد مع المهاجم البرازيلي لمدة موسمين، بعد مفاوضات طويلة "
    "استمرت أسابيع مع ناديه السابق في الدوري البرتغالي حول قيمة الانتقال وشروط الدفع.",
    "وقال رئيس النادي إن اللاعب سيلتحق بالمعسكر التحضيري في النمسا الأسبوع المقبل، وإن المدرب طلب "
    "تدعيم خط الهجوم قبل انطلاق الدوري، بعدما أنهى الفريق الموسم الماضي في المركز الرابع.",
    "وكان المهاجم قد سجل تسعة عشر هدفاً في آخر مواسمه مع فريقه السابق، وشارك مع منتخب بلاده "
    "للشباب في بطولة العالم عام 2015 قبل أن ينتقل إلى أوروبا.",
]


def _appended(text: str) -> list:
    return appended_articles(segment(text))


def _overlap_with_lead(text: str, start: int) -> float:
    """The topic test the detector applies (its lead and tail sizes), computed with the public
    content_words: a low value shows the topic test alone would have set the part aside."""
    lead = set(content_words(text, 80, 0))
    tail = set(content_words(text, 80, start))
    return len(lead & tail) / min(len(lead), len(tail))


def _headline_block_article(first_body_line: str | None = None) -> str:
    """The page template of 004's appended article: headline, caption twice, TT, headline again."""
    body = ([first_body_line] if first_body_line else []) + OTHER_BODY
    return "\n".join([OTHER_HEADLINE, "", OTHER_CAPTION, OTHER_CAPTION, "TT", "", OTHER_HEADLINE, "",
                      OTHER_CAPTION, ""]) + "\n" + "\n\n".join(body)


# -- positive: an unrelated article pasted after the story -------------------------------------

def test_unrelated_article_with_its_own_headline_block_is_set_aside():
    text = HOST + "\n\n\n\n" + _headline_block_article()
    found = _appended(text)
    assert len(found) == 1
    assert found[0].start == text.index(OTHER_HEADLINE) and found[0].end == len(text)
    assert "headline block" in found[0].reason
    story = text.index("أمس")
    assert in_set_aside(segment(text), story, story + 3) is None


@pytest.mark.parametrize("dateline", [
    "جدة - «واس»: ",
    "جدة (رويترز) - ",
    "سامي العتيبي- سبق- جدة: ",
    "جدة - 3 مارس 2019 - ",
])
def test_unrelated_article_with_its_own_dateline_is_set_aside(dateline):
    """A headline over a paragraph that opens with a dateline or byline, on a page whose story has none."""
    body = [dateline + OTHER_BODY[0]] + OTHER_BODY[1:]
    text = HOST + "\n\n" + OTHER_HEADLINE + "\n\n" + "\n\n".join(body)
    found = _appended(text)
    assert len(found) == 1 and found[0].start == text.index(OTHER_HEADLINE)
    assert "dateline" in found[0].reason


def test_same_topic_follow_up_with_a_headline_block_stays():
    """An article head alone is not enough: the part must also be about something else."""
    follow = ("وزير المياه يتفقد محطة التحلية في ينبع بعد تشغيلها", "الوزير خلال جولته في محطة ينبع")
    follow_body = ("وتفقد وزير البيئة والمياه محطة تحلية مياه البحر في ينبع بعد تشغيلها، واطلع على خط "
                   "الأنابيب الذي ينقل المياه المحلاة إلى المدينة المنورة وعلى تقنية التناضح العكسي في المحطة.")
    text = HOST + "\n\n\n" + "\n".join([follow[0], follow[1], follow[1], "TT", "", follow[0], "", follow_body])
    assert not _appended(text)


# -- negative: page structures that are not another article ------------------------------------

def test_feature_with_subheadings_stays():
    """Long features put short subheadings between blank lines; the section after one may share
    few words with the lead, but it carries no headline block and no dateline."""
    section = ("* كلفة المياه على الأسر\n\n"
               "يدفع سكان الأحياء الشعبية في المدن الساحلية مبالغ متزايدة لشراء صهاريج النقل خلال الصيف، "
               "ويشكو كثير منهم من تأخر الشاحنات في ساعات الذروة وارتفاع الأسعار عند انقطاع الشبكة، "
               "بينما تقول الجمعيات الأهلية إن الأسر محدودة الدخل تنفق جزءاً كبيراً من ميزانيتها على ذلك.")
    text = HOST + "\n\n \n\n " + section + "\n\n \n\n * خطط التوسعة\n\n" + OTHER_BODY[2]
    assert _overlap_with_lead(text, text.index("* كلفة")) <= 0.2  # the topic test alone would fire
    assert not _appended(text)


def test_memoir_with_a_list_of_episode_links_stays():
    links = "\n\n \n\n".join(f"ذكريات الرحالة ({n}): {title}" for n, title in [
        (1, "طفولة على ضفاف النهر"), (2, "الرحلة الأولى إلى الهند"), (4, "سنوات القاهرة"),
        (5, "العودة إلى الديار ولقاء الأهل")])
    text = HOST + "\n\n \n\n" + links
    assert not _appended(text)


DIGEST = [
    ("حريق يلتهم مستودعاً للأخشاب في ضواحي أثينا",
     "أثينا - «الشرق الأوسط»: أتى حريق كبير على مستودع للأخشاب في الضواحي الشمالية للعاصمة اليونانية "
     "أمس، وقالت فرق الإطفاء إنها سيطرت على النيران بعد ساعات من العمل دون وقوع إصابات بين العمال."),
    ("انتخابات بلدية مبكرة في مدينة ساحلية بكينيا",
     "نيروبي - رويترز: دعت اللجنة الانتخابية في كينيا إلى انتخابات بلدية مبكرة في إحدى المدن "
     "الساحلية بعد استقالة المجلس المحلي، وحددت موعداً لتسجيل المرشحين خلال أسبوعين."),
    ("متحف في لشبونة يعرض مخطوطات بحرية نادرة",
     "لشبونة - أ.ف.ب: افتتح متحف البحرية في العاصمة البرتغالية معرضاً لمخطوطات وخرائط ملاحية "
     "نادرة، يضم رسائل قباطنة وسجلات رحلات تجارية عبر المحيط الأطلسي."),
]


@pytest.mark.parametrize("bullet", ["", "* "])
def test_digest_page_of_unrelated_briefs_stays(bullet):
    """A digest ("موجز") strings unrelated briefs on purpose, each opening with a dateline; every
    item is the page's own, dated by the page, so none is set aside."""
    text = "\n\n\n".join(f"{bullet}{headline}\n{bullet}{body}" for headline, body in DIGEST)
    assert not _appended(text)


def test_briefs_under_a_story_stay():
    """Two or more dateline-headed items after a story are a box of briefs on the same page."""
    briefs = "\n\n".join(f"{headline}\n{body}" for headline, body in DIGEST[1:])
    text = HOST + "\n\n\n" + briefs
    assert _overlap_with_lead(text, text.index(DIGEST[1][0])) <= 0.2
    assert not _appended(text)
    # one brief alone after the story, on a page that has no dateline of its own, is appended
    assert _appended(HOST + "\n\n\n" + f"{DIGEST[1][0]}\n{DIGEST[1][1]} " + OTHER_BODY[2])


def test_page_opening_with_a_dateline_keeps_its_second_item():
    """A page that opens with its own dateline and has one more dateline-headed item is a page of
    two briefs, not a story with an appended article."""
    first = "الرياض - «واس»: " + HOST.replace("\n\n", " ")
    text = first + "\n\n\n" + f"{DIGEST[1][0]}\n{DIGEST[1][1]} " + OTHER_BODY[2]
    assert _overlap_with_lead(text, text.index(DIGEST[1][0])) <= 0.2
    assert not _appended(text)


def test_a_writer_quoted_after_a_colon_is_no_byline():
    """"كتب الرحالة القديم:" opens a paragraph with a credit word, but it is a sentence, not a byline."""
    section = ("رحلات الشتاء\n\nكتب الرحالة القديم: إن القوافل كانت تعبر الصحراء في ليالي البرد الطويلة، "
               "وإن الأدلاء كانوا يهتدون بالنجوم حتى يبلغوا الآبار القديمة قبل طلوع الفجر.")
    text = HOST + "\n\n" + section
    assert _overlap_with_lead(text, text.index("رحلات الشتاء")) <= 0.2
    assert not _appended(text)


def test_page_head_of_pull_quotes_is_not_a_story():
    """Pull quotes above the story (short lines, questions, a long bulleted row) are the page's head:
    the headline block and byline that follow them are the story's own, not a second article's."""
    quotes = "\n".join([
        "- الجفاف يهدد المزارع الصغيرة في الوديان الجنوبية؟",
        "- أسعار الأعلاف تضاعفت منذ بداية الصيف الحالي",
        "- مربو الماشية يطالبون بدعم عاجل قبل موسم الشتاء",
        "- الجمعيات التعاونية تقترح صناديق تأمين زراعي للأسر",
        "- خبراء التربة يحذرون من تملح الأراضي قرب السواحل",
        "- شباب القرى يهجرون الزراعة إلى وظائف المدن الكبرى",
        "- البنوك تشترط ضمانات صعبة لقروض صغار المزارعين!",
        "- مزارع: خسرت نصف محصول التمور هذا العام. - مهندس زراعي: الري بالتنقيط يوفر ثلث المياه. "
        "- رئيس جمعية: نطالب بأسواق مركزية عادلة للمنتجين. - باحثة: التغير المناخي يطيل مواسم الحر.",
    ])
    headline = "افتتاح محطة كبرى لتحلية مياه البحر في ينبع"
    block = "\n".join([headline, "", "جانب من حفل التدشين في ينبع", "TT", "", headline, ""])
    assert not _appended(quotes + "\n\n" + block + "\n" + HOST)
    assert not _appended(quotes + "\n\n" + "سامي العتيبي- سبق- ينبع: " + HOST)


def test_story_headline_printed_again_stays():
    """The page prints the story's own headline block at the top and again lower down."""
    headline = "افتتاح محطة كبرى لتحلية مياه البحر في ينبع"
    caption = "جانب من حفل التدشين في ينبع"
    block = "\n".join([headline, "", caption, "TT", "", headline, ""])
    text = block + "\n" + HOST + "\n\n\n" + block + "\n" + "\n\n".join(OTHER_BODY)
    assert _overlap_with_lead(text, text.index(headline, len(block) + len(HOST))) <= 0.2
    assert not _appended(text)


def test_photo_caption_printed_twice_stays():
    caption = "لاعبو الفريق خلال حصة تدريبية على الملعب الرئيس (رويترز)"
    text = HOST + "\n\n\n" + caption + "\n" + caption + "\n\n" + "\n\n".join(OTHER_BODY)
    assert _overlap_with_lead(text, text.index(caption)) <= 0.2
    assert not _appended(text)


def test_related_links_block_stays():
    """A "related" box: headlines of other articles, each with the day it went out, and no story."""
    related = "\n".join([
        "مواضيع ذات صلة",
        "نادي الاتحاد يفتح باب الانتقالات الصيفية مبكراً", "نشر في: 12 مارس 2019",
        "المدرب يطلب مهاجماً جديداً قبل انطلاق الدوري", "نشر في: 20 مارس 2019",
        "الإدارة تنفي مفاوضات مع لاعب أوروبي", "نشر في: 2 أبريل 2019",
    ])
    text = HOST + "\n\n\n" + related
    assert not _appended(text)


# -- the appended article's own anchor ----------------------------------------------------------

PAGE_DAY = date(2021, 11, 24)  # a Wednesday


def _by_text(timexes, text):
    return next(t for t in timexes if t.text == text)


def test_appended_article_takes_its_own_dateline_day():
    text = HOST + "\n\n\n" + _headline_block_article("جدة - 3 مارس 2019 (رويترز) - وقع المهاجم العقد مساء أمس.")
    region = _appended(text)[0]
    assert text[article_body_start(text, region):].lstrip().startswith("جدة - 3 مارس 2019")
    timexes = tag_text(text, PAGE_DAY)
    assert _by_text(timexes, "أمس").value == "2021-11-23"  # the story's: the page's anchor
    sunday = _by_text(timexes, "اليوم الأحد")
    assert sunday.value == "2019-03-03"  # 3 March 2019 was a Sunday
    assert any(f.startswith("anchor: the appended article's own dateline, 2019-03-03") for f in sunday.flags)
    assert _by_text(timexes, "الأسبوع المقبل").value == "2019-W10"
    assert not any(f.startswith("weekday mismatch") for t in timexes for f in t.flags)


def test_appended_article_without_a_dateline_stays_underspecified():
    text = HOST + "\n\n\n" + _headline_block_article()
    timexes = tag_text(text, PAGE_DAY)
    assert _by_text(timexes, "أمس").value == "2021-11-23"
    for relative in ("اليوم الأحد", "الأسبوع المقبل", "الموسم الماضي"):
        timex = next((t for t in timexes if t.text == relative), None)
        if timex is None:
            continue  # not every relative phrase is a tagged expression
        assert timex.start_date is None
        if timex.value.endswith("_REF"):  # "الموسم الماضي" is PAST_REF: vague, no anchor needed
            continue
        assert timex.value.startswith("X") and "unresolved: no anchor" in timex.flags
        assert any(f.startswith("anchor: none") for f in timex.flags)
        assert any(f.startswith("set aside: appended article") for f in timex.flags)
    year = _by_text(timexes, "عام 2015")
    assert year.value == "2015" and not any(f.startswith("anchor:") for f in year.flags)


def test_seed_004_appended_article_is_not_dated_by_the_page():
    """004's appended Baghdad article has no dateline: its relative expressions stay underspecified
    (its "اليوم الاثنين" is no longer put on the page's Wednesday), the story keeps the page's day."""
    doc, tags = next((doc, tags) for doc, tags in seed_pairs() if doc.id.startswith("004"))
    start = doc.text.index("بغداد لتكثيف")
    appended = [t for t in tags.timexes if t.start >= start]
    assert [t.text for t in appended] == ["اليوم الاثنين", "الأسبوع الماضي", "وقت سابق من هذا الشهر", "الشهر الماضي",
                                          "سبتمبر (أيلول) الماضي"]
    for timex in appended:
        assert timex.value.startswith("XXXX") and timex.start_date is None
        assert any(f.startswith("set aside: appended article") for f in timex.flags)
    assert _by_text(tags.timexes, "غداً الخميس").value == "2021-11-25"
