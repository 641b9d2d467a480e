"""A label a person can read: the clause as a short phrase, the date and its leftovers out,
whole words, no leading connective ("وذلك", "إلى ذلك،"), never ending on a function word
("وكان سلاح الجو التركي قد شن سلسلة غارات أمس" → "سلاح الجو التركي شن سلسلة غارات").
"""
from __future__ import annotations

import regex

from chrono.attach.clause import COMMAS, Clause
from chrono.attach.tokens import Tok, date_word, is_date_word, is_stop, since_at, tokenize
from chrono.attach.trigger import Trigger, lemma_at
from chrono.attach.words import (
    AUXILIARIES,
    CARDINALS,
    CLAUSE_OPENERS,
    CONNECTIVES_BY_FIRST,
    DANGLING,
    DATE_GOVERNORS,
    LEMMAS,
    NEEDS_COMPLEMENT,
    PLURAL_TIMES,
    PREPOSITIONS,
    RELATIVES,
    REPORT,
    SIDE_OPENERS,
    SPEECH,
    STOP,
    TITLES,
    bare,
    impersonal,
)
from chrono.normalize import fold

# patterns compiled once: labels are built for every dated mention of an archive
_FUTURE_VERB_RE = regex.compile(r"[وف]?س[يتن][^ا\W].")  # "وسيترك", "ستبدأ"
_DERIVED_PRESENT_RE = regex.compile(r"[يت](?:ست|ت|ن)..")  # "تستهدف", "يتنافس"
_SPACES_RE = regex.compile(r"\s+")
_EMPTY_BRACKETS_RE = regex.compile(r"\(\s*\)|«\s*»|\"\s*\"")
# what a crawl left of an address a page hid from robots: "[email protected] /* */"
_SCRAPE_RESIDUE_RE = regex.compile(r"\[email\s*protected\]|/\*\s*\*/")
_DOUBLED_COMMAS_RE = regex.compile(r"\s*([،,])(?:\s*[،,])+")
_SPACE_BEFORE_PUNCT_RE = regex.compile(r"\s+([،,:؛)])")
# the prepositions a leading adjunct opens with, as tokens are folded ("على" → "علي", "إلى" → "الي")
_ADJUNCT_HEADS = PREPOSITIONS | frozenset(fold(w) for w in PREPOSITIONS)
# a label runs to its clause's end: a longer whole phrase reads better than one cut mid-way
_MAX_LABEL_WORDS = 30
_SCORED_WORDS = 14
_COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
# "فإن" after a fronted source or concession ("وحسب الصحيفة فإن فريقا …", "ورغم … فإن الصراع")
_THEREFORE = frozenset({"فان", "فانه", "فانها"})
_MIN_LABEL_WORDS = 3
# "what"/"who" as a subject names no actor: "ما حدث الجمعة من تفجير للجامع" is the bombing
_PRONOUN_SUBJECTS = frozenset({"ما", "من"})
_EDGE_PUNCT = " \t\n،,.؛;:«»“”\"()-–—_/|"


def leading_connectives(tokens: list[Tok], lo: int, hi: int) -> int:
    """The first token after the connectives and auxiliaries a label does not start with
    ("وذلك", "كما", "إلى ذلك،", "وكان … قد")."""
    i = lo
    moved = True
    while moved and i < hi:
        moved = False
        while i < hi and not tokens[i].is_word and not tokens[i].is_number:
            i += 1
            moved = True
        for phrase in CONNECTIVES_BY_FIRST.get(tokens[i].folded, ()) if i < hi else ():
            words = tuple(t.folded for t in tokens[i:i + len(phrase)])
            if words == phrase and i + len(phrase) < hi:
                i += len(phrase)
                moved = True
                break
        if i < hi and tokens[i].folded in AUXILIARIES and i + 1 < hi:
            i += 1
            moved = True
        if i < hi and not moved:
            after = _leading_adjunct(tokens, i, hi)
            if after > i:
                i, moved = after, True
    return i


_ADJUNCT_WORDS = 6


def _leading_adjunct(tokens: list[Tok], i: int, hi: int) -> int:
    """After a leading adjunct closed by a comma: "وبحسب المصدر ذاته، فقد استقبل", "وعلى الصعيد
    الاقتصادي، أعلنت" → the token after the comma; `i` when there is none."""
    head = tokens[i].folded
    if not (head in _ADJUNCT_HEADS or bare(head) in _ADJUNCT_HEADS or bare(head) in REPORT
            or head in ("بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "نقلا")):
        return i
    for j in range(i + 1, min(i + 1 + _ADJUNCT_WORDS, hi - 1)):
        if tokens[j].text in COMMAS:
            return j + 1
        found = lemma_at(tokens, j)
        if found is not None and found.verb:
            return i
    return i


_ANTECEDENT_MAX = 8
_DEFINITE_PREPOSITIONS = ("لل", "بال", "كال")
_CARRIED_WORDS = 3


def _is_verb_at(tokens: list[Tok], i: int) -> bool:
    """A verb the lexicon knows, or a future one by its prefix ("وسيترك", "ستبدأ")."""
    found = lemma_at(tokens, i)
    if found is not None:
        return found.verb
    # a bare alif after the prefix makes a noun: "سيارتها", "سياسية", "ستار" ("سيأتي" has its hamza)
    return _FUTURE_VERB_RE.match(tokens[i].text) is not None \
        and not tokens[i].text.endswith(("ة", "ات")) and not is_date_word(tokens[i])


def _opens_on_verb(tokens: list[Tok], i: int) -> bool:
    """Whether the sentence word at `i` is its verb: a known one, or an unknown word with a
    conjunction before a definite noun or a title ("وأشاد الوزير")."""
    if _is_verb_at(tokens, i):
        return True
    tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    return tok.text[:1] in "وف" and len(tok.text) > 3 and tok.text[1:3] != "ال" and tok.folded not in TITLES \
        and nxt is not None and nxt.is_word and (nxt.text.startswith("ال") or nxt.folded in TITLES
                                                 or _construct_head(tokens, i + 1))


def _is_relative(tok: Tok) -> bool:
    return tok.folded in RELATIVES or bare(tok.folded) in RELATIVES


def _aside_antecedent(tokens: list[Tok], lo: int) -> int | None:
    """The noun before a relative clause set off by dashes ("وسيترك بلاتر - الذي انتخب …" →
    "بلاتر"): back to the verb or punctuation before it; None when none is near."""
    for j in range(lo - 2, max(-1, lo - 2 - _ANTECEDENT_MAX), -1):
        tok = tokens[j]
        if not tok.is_word or _is_verb_at(tokens, j) or tok.folded in _COMPLEMENTIZERS \
                or tok.folded in PREPOSITIONS or tok.folded in AUXILIARIES:
            return j + 1 if j < lo - 2 else None
    return 0 if lo - 2 - _ANTECEDENT_MAX < 0 else None


def _agrees(noun: Tok, relative: Tok) -> bool:
    """Whether a noun can be what "الذي/التي" describes: "التي" a feminine one ("البطولة التي",
    "السيارات التي"), "الذي" any other ("الاستفتاء الذي"); "الشرق الأوسط التي" is not."""
    feminine = noun.folded.endswith(("ة", "ات", "ه"))
    return feminine == (bare(relative.folded) == "التي")


def _relative_antecedent(tokens: list[Tok], clause: Clause, start: int, first: int) -> int | None:
    """Where the noun a relative clause describes starts when the phrase before it is not that
    noun: after a dash ("بلاتر - الذي"), or at a noun that carries its preposition ("ورشح الاتحاد
    الحكام للبطولة التي تقام في قطر" → "للبطولة", shown "البطولة"); None otherwise."""
    lo = clause.lo
    if lo == 0 or not _is_relative(tokens[lo]):
        return None
    if tokens[lo - 1].text in "-–—":
        inside = not any(tokens[i].text in "-–—" for i in range(lo, first))
        return _aside_antecedent(tokens, lo) if inside else None
    said = [j for j in range(start, lo - 1) if tokens[j].folded in _COMPLEMENTIZERS]
    if said:
        return said[-1] + 1  # "وقال المتحدث إن المعرض الذي افتتح" → "المعرض"
    for j in range(lo - 1, max(start, lo - 1 - _CARRIED_WORDS), -1):
        tok = tokens[j]
        if not tok.is_word or tok.folded[:1] in "وف" and tok.folded[1:3] == "ال":
            return None  # a quoted name, a list ("للصناعة والأعمال التي"): the phrase is longer
        if tok.folded in PREPOSITIONS and j + 1 < lo:
            # "تعرضت للدمار في الانتفاضة التي أطاحت" → "الانتفاضة"
            return j + 1 if _agrees(tokens[j + 1], tokens[lo]) else None
        if tok.folded.startswith(_DEFINITE_PREPOSITIONS) and len(tok.folded) > 4:
            # "الحكام للبطولة التي تقام" → "للبطولة", shown "البطولة"
            return j if _agrees(tok, tokens[lo]) else None
    return None


def _relative_end(tokens: list[Tok], clause: Clause, last: int) -> int:
    """Where a relative clause ends in the label: at a closing dash ("بلاتر - الذي انتخب … في 1998
    - منصبه") or at the main clause's verb after it ("المعرض الذي افتتح أمس في الرياض يستمر
    أسبوعا" → before "يستمر"); the clause's end otherwise."""
    lo = clause.lo
    verbs = 0
    for i in range(lo + 1, clause.hi):
        if (tokens[i].text in "-–—" or tokens[i].text in COMMAS) and i >= last:
            return i  # "الحوار الذي بدأ في غدامس في الخريف الماضي، برعاية ليون، كان …"
        if i >= last and tokens[i].folded in _COMPLEMENTIZERS:
            return clause.hi  # "الذي أعلن [اليوم] أنه يعتزم …": what was said, not the main verb
        if tokens[i].is_word and (_is_verb_at(tokens, i) or (i >= last and _imperfect(tokens[i]))):
            verbs += 1
            if verbs > 1 and i >= last:
                return i
    return clause.hi


def _imperfect(tok: Tok) -> bool:
    """A word shaped like a present-tense verb ("يستمر", "يبلغ"), not a date word ("يونيو")."""
    return tok.folded[:1] == "ي" and len(tok.folded) >= 4 and not is_date_word(tok)


def _without_preposition(word: str) -> str:
    """A noun shown without the preposition letter it carried: "للبطولة" → "البطولة",
    "بالمعرض" → "المعرض"."""
    folded = fold(word)
    if folded.startswith("لل"):
        return "ال" + word[2:]
    if folded.startswith(("بال", "كال")):
        return word[1:]
    return word


_NOUN_PHRASE_WORDS = 4
_FORMER = frozenset({"السابق", "الاسبق"})  # "عضو مجلس الشيوخ السابق": an adjective, not a date
_NEGATIONS = frozenset(fold(w) for w in ("لم", "ولم", "لن", "ولن", "لا", "ولا"))
_VERB_PARTICLES = frozenset(fold(w) for w in ("لم", "ولم", "لن", "ولن", "لا", "ولا", "قد", "وقد", "لقد"))


def _antecedent_start(tokens: list[Tok], clause: Clause) -> int:
    """Where a relative clause's antecedent starts in the label: the whole noun phrase when it
    starts a few words before the clause's cut ("حاكم البنك المركزي في كرواتيا، الذي أشرف" →
    from "حاكم", not "المركزي"), up to a punctuation mark, the sentence start or a verb; the cut
    itself when no such boundary is near."""
    if clause.lead >= clause.lo:
        return clause.lead
    for i in range(clause.lead - 1, max(-1, clause.lead - 2 - _NOUN_PHRASE_WORDS), -1):
        tok = tokens[i]
        found = lemma_at(tokens, i) if tok.is_word else None
        if tok.folded in _VERB_PARTICLES:
            continue  # "ولم تفلح الانتخابات … التي", "كان فيلدرز قد أنتج فيلم … الذي": they stay
        if not tok.is_word or (found is not None and found.verb) or tok.folded in RELATIVES \
                or tok.folded in NEEDS_COMPLEMENT or tok.folded in PREPOSITIONS or tok.folded in _COMPLEMENTIZERS \
                or (is_date_word(tok) and tok.folded not in _FORMER):
            return i + 1  # "بسبب قمع الانتفاضة …، التي" → from "قمع"
    return 0 if clause.lead - 1 - _NOUN_PHRASE_WORDS <= 0 else clause.lead


_SUBJECT_SPAN = 8
_ASIDE_WORDS = 3


def _asides(tokens: list[Tok], lo: int, hi: int) -> set[int]:
    """The tokens of asides set off by dashes in [lo, hi), dashes included: "فرنسا - التي ما زالت
    تعاني من آثار الهجمات - أقرت" → the aside, so the label reads "فرنسا أقرت"."""
    dashes = [i for i in range(lo, hi) if tokens[i].text in "-–—"]
    aside: set[int] = set()
    for opening, closing in zip(dashes[::2], dashes[1::2], strict=False):
        if sum(1 for i in range(opening, closing) if tokens[i].is_word) >= _ASIDE_WORDS:
            aside.update(range(opening, closing + 1))  # not "المغربي - الإسرائيلي - الأميركي"
    return aside


_BYLINE_WORDS = 4


def _byline_end(tokens: list[Tok]) -> int:
    """The token after a byline closed by a colon at the sentence's start ("سبق- وكالات: قصفت",
    "الرياض - واس: أعلن" → the verb), 0 when there is none: a place and an agency say nothing."""
    words = 0
    for i, tok in enumerate(tokens[:2 * _BYLINE_WORDS + 2]):
        if tok.text == ":":
            return i + 1 if words > 0 and i + 1 < len(tokens) else 0
        if tok.is_word:
            words += 1
            if words > _BYLINE_WORDS or _is_verb_at(tokens, i):
                return 0
        elif tok.text not in "-–—/،,>*«»\"“”":
            return 0
    return 0


_BULLETS = frozenset("-–—>*•«\"“")
_PRONOUN_OPENERS = frozenset(fold(w) for w in ("وهو", "وهي", "هو", "هي"))


def _heading(tokens: list[Tok], chosen: list[int]) -> list[int]:
    """The name a list item's heading gives ("- «المتاهة»: بنيت للملك …", "> فندق بلودان: وهو فندق
    سوري …") when the label opens on a verb without its doer or on "وهو": what is told of; an
    agency's byline ("سبق- وكالات:") names no doer."""
    end = _byline_end(tokens)
    if not end or not chosen or chosen[0] < end:
        return []
    head = [i for i in range(end - 1) if tokens[i].is_word]
    if not head or tokens[0].is_word or tokens[0].text not in _BULLETS or \
            any(tokens[i].folded in _AGENCIES for i in head):
        return []  # a list item opens on its bullet: "ملفات:", "وجاء في التقرير:" are no headings
    first = tokens[chosen[0]]
    found = lemma_at(tokens, chosen[0])
    verb = found.verb if found is not None else not first.text.startswith("ال") and first.folded not in _HONORIFICS
    if first.folded in _PRONOUN_OPENERS or (verb and _lacks_subject(tokens, chosen)):
        return head
    return []


def _opens_statement(tokens: list[Tok], i: int) -> bool:
    """"فإن" opening what a fronted source says ("ووفقا للتقارير فإن المشروع انطلق"), written
    with its hamza or before a noun phrase, a number or a pronoun form; not the name "فان" of
    "فان غال"."""
    tok = tokens[i]
    if tok.folded not in _THEREFORE:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return "إ" in tok.text or tok.folded != "فان" or \
        (after is not None and (after.text.startswith("ال") or after.is_number))


def _label_start(tokens: list[Tok], clause: Clause, trigger: Trigger | None, first: int) -> int:
    """Where the label starts: the relative antecedent, else the clause's first word after its
    connectives (the subject stays: "سلاح الجو التركي شن …"), else the trigger when the subject
    would be long."""
    start = leading_connectives(tokens, max(_antecedent_start(tokens, clause), _byline_end(tokens)), clause.hi)
    if trigger is not None and clause.lead == clause.lo:
        said = [i for i in range(start, trigger.at)
                if tokens[i].folded in _COMPLEMENTIZERS or (i < first and _opens_statement(tokens, i))]
        if said and not _expected(tokens, start, said[-1]):
            # "وأكد المسؤول أن جلسة التصويت تم عقدها": what was said (but "تتوقع الهيئة أن تصل
            # العائدات … بحلول 2020" is a forecast, not a fact: who expects it stays)
            start = leading_connectives(tokens, said[-1] + 1, clause.hi)
    if trigger is not None and trigger.lemma.kind == "statement" and _attributed(tokens, trigger.at):
        return start  # "سيغيب … عن الاجتماع وفقا لما أعلنه الاتحاد أمس": what the source said, then the source
    if trigger is not None and clause.lead == clause.lo and trigger.at > start and \
            ((trigger.lemma.verb and trigger.at - start - len(_asides(tokens, start, trigger.at)) > _SUBJECT_SPAN)
             or tokens[start].folded in _PRONOUN_SUBJECTS):
        start = trigger.at  # a verb opens its own phrase; a noun would start inside one ("إجراءات معالجة")
    if trigger is not None and trigger.at < start:
        start = trigger.at
    return start


# verbs of expecting and intending: what follows "أن" after them has not happened
_EXPECTING = frozenset(fold(w) for w in (
    "توقع", "يتوقع", "تتوقع", "توقعت", "توقعوا", "يتوقعون", "نتوقع", "أتوقع", "رجح", "يرجح", "ترجح", "رجحت",
    "قدر", "يقدر", "تقدر", "قدرت", "يأمل", "تأمل", "نأمل", "يخطط", "تخطط", "يعتزم", "تعتزم", "اعتزم", "ينوي",
    "تنوي", "يستهدف", "تستهدف", "يسعى", "تسعى", "ينتظر"))


def _expected(tokens: list[Tok], start: int, that: int) -> bool:
    """Whether the "أن" at `that` follows a verb of expecting or intending ("تتوقع الهيئة أن")."""
    return any(bare(tokens[i].folded) in _EXPECTING or tokens[i].folded in _EXPECTING for i in range(start, that))


def _attributed(tokens: list[Tok], at: int) -> bool:
    """Whether the speech verb at `at` names the source of what its sentence said before it:
    "وفقا لما أعلنه", "بحسب ما ذكرت", "طبقا لما أفاد", "حسبما أعلنت"."""
    if at >= 1 and tokens[at - 1].folded in _ATTRIBUTION_WHAT:
        return True
    return at >= 2 and tokens[at - 1].folded in _WHAT and tokens[at - 2].folded in _ACCORDING_TO


_ATTRIBUTION_WHAT = frozenset(fold(w) for w in ("حسبما", "وحسبما"))
_WHAT = frozenset(fold(w) for w in ("ما", "لما", "عما"))
_ACCORDING_TO = frozenset(fold(w) for w in ("وفقا", "وفقاً", "بحسب", "حسب", "طبقا", "طبقاً", "تبعا", "نقلا"))


_HARD_BREAKS = frozenset(".؛;:!?؟")
# "لكن" takes a subject of its own like "أن": "لكن نائبه جيفري ويب مثل أمام محكمة"
_CLAUSE_SUBJECTS = frozenset(fold(w) for w in ("لكن", "ولكن", "لكنه", "لكنها"))


def _sentence_start(tokens: list[Tok]) -> int:
    return leading_connectives(tokens, _byline_end(tokens), len(tokens))


def _starts_phrase(tokens: list[Tok], i: int) -> bool:
    """Whether a label may start at token `i`: the sentence's start, a verb or its particle, what
    follows "أن" or a hard break; not a preposition, a side phrase or a noun inside a phrase
    ("منذ انطلاق الفعاليات", "عن إنجاز المشاريع", "تدريب له مع النادي")."""
    if i >= len(tokens) or i <= _sentence_start(tokens):
        return True
    before = tokens[i - 1]
    if before.folded in _COMPLEMENTIZERS or before.folded in _CLAUSE_SUBJECTS or before.text in _HARD_BREAKS \
            or _opens_statement(tokens, i - 1):
        return True
    return tokens[i].folded in _VERB_PARTICLES or _opens_on_verb(tokens, i)


_FULL_LABEL_WORDS = 5


def _next_break(tokens: list[Tok], i: int) -> int:
    """The first hard break (".", "؛", ":") at or after token `i`, or the sentence's end."""
    return next((j for j in range(i, len(tokens)) if tokens[j].text in _HARD_BREAKS), len(tokens))


def _told_by_trigger(tokens: list[Tok], clause: Clause, trigger: Trigger | None, start: int) -> bool:
    """Whether the label starts at its trigger on purpose: a verb, or the event noun of "ما حدث
    … من تفجير" (what happened is the bombing)."""
    return trigger is not None and start == trigger.at and \
        (trigger.lemma.verb or tokens[leading_connectives(tokens, clause.lo, clause.hi)].folded in _PRONOUN_SUBJECTS)


def _closing_comma(tokens: list[Tok], lo: int, first: int, skip: set[int]) -> int | None:
    """The comma that ended the relative clause at `lo` before the date, other words standing
    between ("… الذي يزود القوات بالذهب، سبعة أشهر في الاعتقال في 1987"); a comma right before
    the date does not end it ("الذي اختتم أعماله في مكة، في 26 فبراير"); None when none did."""
    commas = [i for i in range(lo + 1, first) if tokens[i].text in COMMAS]
    if commas and sum(1 for i in range(commas[-1] + 1, first) if i not in skip and tokens[i].is_word) >= 2:
        return commas[-1]
    return None


_GOVERNING_WORDS = frozenset(fold(w) for w in ("مع", "بين", "عبر", "حول", "ضد", "تجاه", "إلى", "على", "حتى"))


def _heads_phrase(tokens: list[Tok], i: int) -> bool:
    """Whether a relative clause's noun at `i` heads a phrase of its own: after a verb, "أن", a
    preposition or a punctuation mark ("التقى الوفد مدير البنك الذي", "في العاصفة التي"), or
    carrying its preposition ("للبطولة التي"); not an adjective after a name ("برنامج «رفقه»
    المعني … الذي") or a noun's second word ("اللقاء التشاوري السنوي … الذي")."""
    if i <= _sentence_start(tokens) or tokens[i].folded.startswith(_DEFINITE_PREPOSITIONS):
        return True
    before = tokens[i - 1]
    if not before.is_word:
        return before.text not in "»”\")"
    return before.folded in _COMPLEMENTIZERS or before.folded in PREPOSITIONS or before.folded in SIDE_OPENERS \
        or before.folded in _GOVERNING_WORDS or before.folded in DANGLING or _is_verb_at(tokens, i - 1) \
        or _opens_on_verb(tokens, i - 1)


_BACK_WORDS = 14


def _phrase_start(tokens: list[Tok], i: int) -> int:
    """The nearest start of a whole phrase before token `i`: a verb that is not a relative clause's
    ("وقدمت 17 طائرة منذ انطلاق" → "وقدمت"), what follows "أن" or a hard break, else the
    sentence's start."""
    floor = _sentence_start(tokens)
    words = 0
    for j in range(i - 1, floor - 1, -1):
        words += tokens[j].is_word
        if words > _BACK_WORDS:
            return i  # too far back: the label would lose the dated part at its end
        if j == floor or tokens[j - 1].folded in _COMPLEMENTIZERS or tokens[j - 1].text in _HARD_BREAKS \
                or _opens_statement(tokens, j - 1):
            return j
        if tokens[j - 1].folded in _CLAUSE_SUBJECTS:
            return j  # "لكن نائبه مثل أمام المحكمة": a clause with its own subject
        if (tokens[j].folded in _VERB_PARTICLES or _opens_on_verb(tokens, j)) and not _is_relative(tokens[j - 1]):
            return j - 1 if tokens[j - 1].folded in _NEGATIONS else j  # "ولم توجه": the negation stays
    return min(floor, i)


def _label_words(tokens: list[Tok], start: int, hi: int, skip: set[int]) -> list[int]:
    """Token indexes of the label: from `start`, the timex and its leftovers out, at most
    `_MAX_LABEL_WORDS` words, never ending on a function word."""
    chosen: list[int] = []
    words = 0
    cut = False
    for i in range(start, hi):
        if i in skip:
            continue
        if words >= _MAX_LABEL_WORDS and (tokens[i].is_word or tokens[i].is_number):
            cut = True
            break
        chosen.append(i)
        if tokens[i].is_word or tokens[i].is_number:
            words += 1
    if cut:
        chosen = _natural_end(tokens, chosen, hi, skip)
    return _trim_end(tokens, chosen, skip=skip)


_STRETCH_WORDS = 6
_PHRASE_WORDS = 10


def _natural_end(tokens: list[Tok], chosen: list[int], hi: int, skip: set[int]) -> list[int]:
    """A label cut by the word limit ends where a phrase ends, not mid-phrase ("… لفخامة الرئيس
    خوان مانويل" → on to the comma after the name): a comma or clause end a few words on, else the
    last comma in the label when enough stands before it; else the cut, minus the words that need
    what follows ("ما أدى", "بن", "لإحياء")."""
    extra: list[int] = []
    words = 0
    for i in range(chosen[-1] + 1, hi + 1):
        if i == hi or tokens[i].text in COMMAS or tokens[i].text in ".؛;:":
            return chosen + extra
        if i in skip:
            continue
        if tokens[i].is_word or tokens[i].is_number:
            words += 1
            if words > _STRETCH_WORDS:
                break
        extra.append(i)
    commas = [n for n, i in enumerate(chosen) if tokens[i].text in COMMAS]
    if commas and sum(1 for i in chosen[:commas[-1]] if tokens[i].is_word) >= _PHRASE_WORDS:
        return chosen[:commas[-1]]
    return _trim_end(tokens, _before_open_quote(tokens, chosen), complement=True, skip=skip)


_OPENING_QUOTES = frozenset("«“(")


def _before_open_quote(tokens: list[Tok], chosen: list[int]) -> list[int]:
    """A cut inside a quoted name or a bracket ends before it: "… تابع لكتائب “عز" → "… تابع
    لكتائب", "بقيمة 360 مليار يوان (58" → "بقيمة 360 مليار يوان"."""
    for n in range(len(chosen) - 1, -1, -1):
        text = tokens[chosen[n]].text
        if text in "»”)":
            return chosen
        if text in _OPENING_QUOTES:
            return chosen[:n] if sum(1 for i in chosen[:n] if tokens[i].is_word) >= _PHRASE_WORDS else chosen
    return chosen


def _needs_complement(tok: Tok) -> bool:
    """A word that cannot end a phrase: "بن", "ما", "لم", a preposition's letter on a verbal noun
    ("لإحياء", "بالقيام")."""
    folded = tok.folded
    return folded in NEEDS_COMPLEMENT or bare(folded) in NEEDS_COMPLEMENT or \
        (folded[:1] in "لب" and folded[1:2] == "ا" and len(folded) > 4)


_DATE_ADJECTIVES = frozenset(fold(w) for w in ("الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الجارية",
                                                 "الحالي", "الحالية", "القادم", "القادمة", "التالي", "التالية",
                                                 "المنصرم", "المنصرمة", "السابق", "السابقة"))


def _describes_noun(tokens: list[Tok], i: int) -> bool:
    """A date adjective that describes the noun before it, not a date: "حتى الوقت الحالي",
    "لقاءها التالي" (it stays with its noun)."""
    if i == 0 or tokens[i].folded not in _DATE_ADJECTIVES:
        return False
    before = tokens[i - 1]
    return before.is_word and not is_date_word(before) and before.folded not in DANGLING \
        and before.folded not in STOP


def _trim_end(tokens: list[Tok], chosen: list[int], complement: bool = False,
              skip: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Drop what a label does not end on (a function word, punctuation; with `complement`, a word
    that needs what follows), but a date adjective that completes its noun ("حتى الوقت الحالي")."""
    while chosen and (_dangles(tokens[chosen[-1]]) or (complement and _needs_complement(tokens[chosen[-1]]))):
        last = chosen[-1]
        if len(chosen) > 1 and chosen[-2] == last - 1 and (_describes_noun(tokens, last) or _percent_of(tokens, last)):
            break
        if tokens[last].folded in TITLES and tokens[last].text.startswith("ال") and \
                (last + 1 == len(tokens) or not tokens[last + 1].is_word or last + 1 in skip):
            break  # "مثل أمام القاضي [الأسبوع الماضي]": no name was cut after the title
        chosen.pop()
    return chosen


def _percent_of(tokens: list[Tok], i: int) -> bool:
    """A per cent sign that ends its number: "بنسبة 9.5%"."""
    return tokens[i].text == "%" and tokens[i - 1].is_number


def _dangles(tok: Tok) -> bool:
    """A token a label does not end on: punctuation (but a closing quote), a function word, a
    relative pronoun, a title ("… إلى", "… التي", "… الأمير")."""
    if not (tok.is_word or tok.is_number or tok.text in "»”\")"):
        return True
    return tok.folded in DANGLING or bare(tok.folded) in DANGLING or tok.folded in RELATIVES \
        or (tok.folded in STOP and tok.folded not in _ENDING_STOPS) or tok.folded in TITLES \
        or tok.folded in _OPEN_ENDS


# words whose complement the date was, or that announce what the label no longer holds: "ارتفع
# المؤشر 3 في المائة مقارنة [بالعام الماضي]", "… حفلا شعبيا، وذلك [في مقر الجمعية]", "…، مضيفا"
_OPEN_ENDS = frozenset(fold(w) for w in ("مقارنة", "بالمقارنة", "قياسا", "وذلك", "وهو", "وهي", "ألا",
                                          "مضيفا", "مضيفة", "معتبرا", "معتبرة", "مشيرا", "مشيرة", "مؤكدا", "مؤكدة"))


# stop words that end a phrase well: nouns and pronoun-carrying prepositions ("إلى أدنى مستوى",
# "بين البلدين", "شارك فيها")
_ENDING_STOPS = frozenset(fold(w) for w in ("إطار", "البلدان", "البلدين", "الجانب", "الجانبين", "بلد",
                                            "خطوة", "سياق", "مجال", "مستوى", "وقت", "أيضا", "فقط", "فيه",
                                            "فيها", "عليه", "عليها", "منه", "منها", "إليه"))


def _year_before(tokens: list[Tok], i: int, lo: int) -> bool:
    """A year that opens the range the date closes: "في الفترة من عام 2001 [حتى 2003]"."""
    return tokens[i].is_number and i > lo and (is_date_word(tokens[i - 1]) or tokens[i - 1].folded in DANGLING)


def _date_leftovers(tokens: list[Tok], first: int, last: int, lo: int, hi: int,
                    dates: frozenset[int] = frozenset()) -> set[int]:
    """The timex's tokens and what it leaves behind: the preposition before it ("في", "منذ",
    "يوم"), a second month name or weekday next to it ("17 يوليو [تموز]"), another date joined to
    it ("أمس [وأمس الأول]"), empty brackets."""
    skip = set(range(first, last))
    i = first - 1
    while i >= lo and not _describes_noun(tokens, i) and \
            (tokens[i].folded in DANGLING or bare(tokens[i].folded) in DANGLING
             or tokens[i].folded in DATE_GOVERNORS or _year_before(tokens, i, lo) or _days_of(tokens, i, first, lo)
             or is_date_word(tokens[i]) or tokens[i].text in "(«\"“-–"):
        skip.add(i)
        i -= 1
    j = last
    joined = False  # inside another date joined to this one by و: "أمس [وأمس الأول]"
    while j < hi:
        tok = tokens[j]
        of_date = is_date_word(tok) and not _coordinated(tok)
        joined = joined or (of_date and tok.folded[:1] == "و")
        if not (of_date or tok.text in ")/-–" or tok.folded in ("م", "هـ", "ه") or tok.folded in _DATE_QUALIFIERS
                or (joined and j in dates)):
            break
        skip.add(j)
        j += 1
    return skip


def _days_of(tokens: list[Tok], i: int, first: int, lo: int) -> bool:
    """A plural time noun the date completes goes with it: "ينشط [أيام] الشهر الفضيل"; not a count
    of days ("على مدى ثلاثة أيام عيد الفطر", "لخمسة أيام حتى الجمعة")."""
    if i != first - 1 or bare(tokens[i].folded) not in PLURAL_TIMES or tokens[first].folded in DANGLING:
        return False
    before = tokens[i - 1] if i > lo else None
    return before is None or not (before.is_number or before.folded in CARDINALS or bare(before.folded) in CARDINALS)


# what qualifies the date before it goes with it: "على مدى عام 2014 [بأكمله]", "العام الماضي [فقط]"
_DATE_QUALIFIERS = frozenset(fold(w) for w in ("بأكمله", "بأكملها", "كله", "كلها", "برمته", "برمتها", "فقط",
                                               "فحسب"))


def _coordinated(tok: Tok) -> bool:
    """An ordinal joined by "و" opens the next phrase, it is no part of the date: "فتحها محمد الثاني
    عام 1453م [وأول] مرة يجرؤ فيها" (a weekday or month joined so stays with it: "يوم الاثنين
    والثلاثاء")."""
    return tok.folded[:1] == "و" and bare(tok.folded) in _ORDINAL_OPENERS


_ORDINAL_OPENERS = frozenset(fold(w) for w in ("أول", "ثاني", "ثالث", "آخر"))


_WEEKDAYS = frozenset(fold(w) for w in ("السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                          "الخميس", "الجمعة"))
_DEICTIC_HEADS = frozenset(fold(w) for w in ("أمس", "اليوم", "غدا", "غداً", "الليلة", "البارحة", "أول", "صباح",
                                              "مساء", "ظهر", "فجر", "عصر", "ليلة", "فجر", "الأسبوع", "الشهر"))
# words left without what they need once the date is out; an occasion keeps its feast ("بمناسبة
# حلول عيد الفطر": congratulations for what?)
_NEEDS_PREDICATE = frozenset(fold(w) for w in ("ليس", "ليست", "وليس", "يعود", "تعود", "يرجع", "ترجع",
                                               "بمناسبة", "لمناسبة", "وبمناسبة"))


def _garbles(tokens: list[Tok], skip: set[int], first: int) -> bool:
    """Whether taking the date out breaks the phrase around it: a noun it completes ("أعظم شعراء
    القرن التاسع عشر", "لإقامة صلاة عيد الفطر"), a date joined by "و" between two phrases
    ("مع فريقين أوروبيين ويوم 2 أغسطس مع العين"), a word left without what it needs ("ليس في
    رمضان ساعة ضائعة", "يعود إلى القرن الثالث عشر")."""
    lo, hi = min(skip), max(skip) + 1
    if _date_is_subject(tokens, lo, first, hi):
        return True
    if lo == 0 or not tokens[lo - 1].is_word:
        return False
    before, head = tokens[lo - 1], tokens[lo]
    if before.folded in _NEEDS_PREDICATE or bare(before.folded) in _NEEDS_PREDICATE:
        return True
    if head.folded[:1] == "و" and bare(head.folded) != head.folded and hi < len(tokens) and tokens[hi].is_word:
        return True  # "… أوروبيين ويوم 2 أغسطس مع العين"
    if any(tokens[i].is_word for i in range(lo, first)):
        return False  # a preposition or a governor took the date in: "إلى مسار آخر [بداية من عام 2021]"
    if tokens[first].folded in _DEICTIC_HEADS or tokens[first].folded in _WEEKDAYS or tokens[first].is_number \
            or (tokens[first].folded in DANGLING and any(tokens[i].is_number for i in range(first, hi))):
        return False  # an adverb of time ("أمس", "الثلاثاء", "عام 2009") leaves cleanly
    return _construct_noun(tokens, lo - 1)


def _date_is_subject(tokens: list[Tok], lo: int, first: int, hi: int) -> bool:
    """A date that is what the clause is about, right after "إن" or a quote mark and before its
    predicate: "قال المحلل إن «شهر رمضان أصبح فرصة للمتاجر»" (out, "قال المحلل أصبح" is left)."""
    j = first - 1
    while j >= 0 and not tokens[j].is_word:
        j -= 1  # over the quote mark
    opens = j < 0 or tokens[j].folded in _COMPLEMENTIZERS
    return opens and hi < len(tokens) and tokens[hi].is_word and \
        tokens[first].folded not in _DEICTIC_HEADS and tokens[first].folded not in _WEEKDAYS \
        and not tokens[first].is_number and tokens[hi].folded not in _COMPLEMENTIZERS


def _construct_noun(tokens: list[Tok], i: int) -> bool:
    """An indefinite noun that the next word completes ("شعراء", "صلاة", "احتفالات"), not a verb,
    a particle or a word with its article."""
    tok = tokens[i]
    folded = tok.folded
    return len(folded) > 2 and not folded.startswith("ال") and bare(folded) == folded \
        and folded not in STOP and folded not in DANGLING and folded not in NEEDS_COMPLEMENT \
        and folded not in PREPOSITIONS and not _is_verb_at(tokens, i) and not _imperfect(tok) \
        and not is_date_word(tok)


def _render(text: str, tokens: list[Tok], chosen: list[int]) -> str:
    """The chosen tokens as the text writes them: original spacing between neighbours, one space
    across a gap, no dangling brackets or doubled commas."""
    parts: list[str] = []
    previous: int | None = None
    for i in chosen:
        if previous is not None:
            parts.append(text[tokens[previous].end:tokens[i].start] if i == previous + 1 else " ")
        parts.append(tokens[i].text)
        previous = i
    label = _EMPTY_BRACKETS_RE.sub("", _SCRAPE_RESIDUE_RE.sub("", "".join(parts)))
    label = _SPACES_RE.sub(" ", label)
    label = _DOUBLED_COMMAS_RE.sub(r"\1", label)
    label = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", label)
    label = _balance(label)
    return _balance(label.strip(_EDGE_PUNCT + " ")).strip()  # the strip may take a closing quote


def _balance(label: str) -> str:
    """A bracket or quote mark the cut left alone goes: "(خطة العمل الشاملة" → "خطة العمل الشاملة"."""
    for opening, closing in (("(", ")"), ("«", "»")):
        if label.count(opening) != label.count(closing):
            label = label.replace(opening, "").replace(closing, "")
    if label.count("\"") % 2:
        label = label.replace("\"", "")
    return label


def _present_verb_before_subject(folded: str, rest: str) -> bool:
    """A present-tense verb after its conjunction, its subject next: "[و]تشير الإحصاءات",
    "[و]يشير النقاد"."""
    following = fold(rest.partition(" ")[0])
    return folded[:1] in "يت" and len(folded) >= 4 and not folded.endswith(("ة", "ات")) \
        and (following.startswith("ال") or following in ("هذا", "هذه"))


# prepositions a fronted phrase opens with, after the "و" that tied the sentence to the one before
_FRONTED = frozenset(fold(w) for w in ("في", "بعد", "من", "على", "خلال", "منذ", "مع", "عن", "إلى", "حسب", "بحسب",
                                       "قبل", "عند", "حول", "بين", "أمام", "وسط", "بسبب"))


def _first_word(label: str) -> str:
    """A leading conjunction that is a clitic goes ("ووصل" → "وصل", "والرئيس" → "الرئيس"); a word
    whose first letter is its own stays ("وزارة", "فيصل")."""
    head, _, rest = label.partition(" ")
    if head[:1] in "وف" and fold(head) in _VERB_PARTICLES and fold(head[1:]) in _VERB_PARTICLES:
        head = head[1:]  # "ولم توجه" → "لم توجه"
    elif head[:1] == "و" and fold(head[1:]) in _FRONTED:
        head = head[1:]  # "وفي نهاية الزيارة قدم السلطان" → "في نهاية الزيارة …"
    elif len(head) > 3 and head[0] in "وف":
        tail = head[1:]
        folded = fold(tail)
        known = LEMMAS.get(folded) or SPEECH.get(folded)
        if (known is not None and (known.past or not known.verb) and not tail.endswith("ة")) or \
                (folded.startswith("ال") and len(folded) > 4) or \
                (head[0] == "و" and (_present_verb_before_subject(folded, rest) or _feminine_past(folded)
                                     or folded in _EXPECTING)):
            # a verb known by its shape alone after "و"; "ف" starts names too often ("فيريس العملاق")
            head = tail
    return (head + " " + rest).strip() if rest else head


_LONG_LABEL_WORDS = 20


def _first_phrase(tokens: list[Tok], chosen: list[int], last: int) -> list[int]:
    """A long label ends at its first comma after the date when a whole phrase stands before it:
    "وصل غانتس إلى الرباط في زيارة هي الأولى …، وترمي إلى تعزيز التعاون …" → before the comma."""
    if sum(1 for i in chosen if tokens[i].is_word) <= _LONG_LABEL_WORDS:
        return chosen
    for n, i in enumerate(chosen):
        if i >= last and tokens[i].text in COMMAS and sum(1 for j in chosen[:n] if tokens[j].is_word) >= _PHRASE_WORDS \
                and not _closes_aside(tokens, chosen[:n]):
            return chosen[:n]
    return chosen


def _closes_aside(tokens: list[Tok], before: list[int]) -> bool:
    """Whether a comma closes an aside that opened right after "أن/إن" ("إنه وقبل أسبوعين على
    إعلان المجلس، كانت …"): what was said comes after it."""
    words = [i for i in before if tokens[i].is_word]
    said = [n for n, i in enumerate(words) if tokens[i].folded in _COMPLEMENTIZERS]
    if not said or said[-1] + 1 >= len(words):
        return False
    opener = tokens[words[said[-1] + 1]].folded
    return bare(opener) in SIDE_OPENERS and bare(opener) not in CLAUSE_OPENERS


_SUBORDINATORS = frozenset(fold(w) for w in ("عندما", "حين", "حينما", "عقب", "مما", "إذ", "لأن", "بعدما", "ريثما"))
_MAIN_CLAUSE_WORDS = 12


def _with_main_clause(tokens: list[Tok], chosen: list[int], skip: set[int]) -> list[int]:
    """A "when" clause takes the main clause it hangs on, when that is short: "عندما انتقد
    النظام" → "أثار غضب الحزب عندما انتقد النظام"."""
    if chosen and chosen[0] >= 2 and _after_that(tokens, chosen[0] - 2):
        chosen = [chosen[0] - 2, chosen[0] - 1] + chosen  # "أنهى معسكره" of "بعد أن أنهى معسكره"
        if not _with_main_clause(tokens, chosen, skip)[0] < chosen[0]:
            return chosen[2:]
    if not chosen or not (bare(tokens[chosen[0]].folded) in _SUBORDINATORS or _after_that(tokens, chosen[0])):
        return chosen
    main = leading_connectives(tokens, _sentence_start(tokens), chosen[0])
    before = [i for i in range(main, chosen[0]) if i not in skip]
    while before and not tokens[before[-1]].is_word:
        before.pop()  # "…، بعد أن": the comma before the subordinate clause
    words = sum(1 for i in before if tokens[i].is_word)
    if not 1 <= words <= _MAIN_CLAUSE_WORDS or any(tokens[i].text in ".؛;:!?؟" for i in before):
        return chosen
    return before + chosen


def _after_that(tokens: list[Tok], i: int) -> bool:
    """"بعد أن", "قبل أن": a subordinate clause, like "بعدما"."""
    return bare(tokens[i].folded) in ("بعد", "قبل") and i + 1 < len(tokens) and tokens[i + 1].folded in ("ان", "أن")


_POSSESSIVES = ("ه",)  # "زيارته": one doer named before; "ها/هم" point at others as often
_SUBJECT_GAP = 7
_SUBJECT_WORDS = 5
_PHRASE_AFTER_WORDS = 5


def _possessed_noun(word: str) -> str | None:
    """An event noun without its possessive pronoun ("زيارته" → "زيارة", "افتتاحه" → "افتتاح"),
    None when it carries none."""
    for suffix in _POSSESSIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem_ = word[:-len(suffix)]
            return stem_[:-1] + "ة" if stem_.endswith("ت") else stem_
    return None


# the titles a doer's name opens with, honorifics too ("صاحب السمو الملكي الأمير خالد")
_HONORIFICS = TITLES | frozenset(fold(w) for w in ("صاحب", "معالي", "فخامة", "سمو", "رئيس", "نائب", "قائد",
                                                   "أمين", "مستشار", "المستشار"))


def _construct_head(tokens: list[Tok], i: int) -> bool:
    """An indefinite noun that a definite one completes into a doer: "مؤشر السوق", "سعر الذهب"."""
    tok = tokens[i]
    return i + 1 < len(tokens) and tokens[i + 1].is_word and tokens[i + 1].text.startswith("ال") \
        and not is_date_word(tokens[i + 1]) and _construct_noun(tokens, i) and not tok.text.endswith("ا")


def _main_subject(tokens: list[Tok], end: int, most: int = _SUBJECT_WORDS) -> list[int]:
    """The subject of the sentence's main verb before `end`: the words after the verb, the
    definite ones and a title's name ("وأشاد وزير الصحة خلال …" → "وزير الصحة", "يزور الرئيس
    الأميركي باراك أوباما غدا" → "الرئيس الأميركي باراك أوباما"); empty when the sentence does
    not open on a verb."""
    start = leading_connectives(tokens, 0, end)
    if start >= end - 1 or not _opens_on_verb(tokens, start):
        return []
    subject: list[int] = []
    for i in range(start + 1, end):
        tok = tokens[i]
        if not tok.is_word or is_date_word(tok) or tok.folded in PREPOSITIONS or _is_verb_at(tokens, i) \
                or len(subject) >= most:
            break
        previous = tokens[subject[-1]].folded if subject else ""
        if subject and not (tok.text.startswith("ال") or previous in _HONORIFICS or previous in ("بن", "ابن")
                            or tok.folded in ("بن", "ابن")):
            break
        if subject and not tok.text.startswith("ال") and tok.text.endswith(("ًا", "اً", "ا")):
            break  # "أصدر القاضي حكما": an object after the title, not a name
        if not subject and not (tok.text.startswith("ال") or tok.folded in _HONORIFICS or _construct_head(tokens, i)):
            return []  # no definite doer: "قبل استقالتها" of someone named before
        subject.append(i)
    return subject


def _is_preposition(tok: Tok) -> bool:
    folded = tok.folded
    return folded in PREPOSITIONS or folded in ("الي", "حتي", "مع", "بين", "عبر") or \
        (folded[:1] in "لب" and len(folded) > 3 and bare(folded) == folded and folded[1:2] != "ا"
         and not folded.startswith("لكن"))


def _verbal_noun_words(tokens: list[Tok], noun: int, hi: int, skip: set[int]) -> list[int]:
    """What an event noun takes after it in the label: one prepositional phrase ("زيارته أمس
    لمدينة جدة بجهود" → "لمدينة جدة", not the main verb's "بجهود")."""
    words: list[int] = []
    preposition_seen = False
    for i in range(noun + 1, hi):
        if i in skip:
            continue
        tok = tokens[i]
        if not tok.is_word or _is_verb_at(tokens, i) or len(words) >= _PHRASE_AFTER_WORDS:
            break
        if _is_preposition(tok):
            if preposition_seen and not (words and tokens[words[-1]].folded in PREPOSITIONS):
                break
            preposition_seen = True
        elif not preposition_seen:
            break
        words.append(i)
    while words and _dangles(tokens[words[-1]]):
        words.pop()
    return words


def _side_event_label(text: str, tokens: list[Tok], clause: Clause, trigger: Trigger | None,
                      skip: set[int]) -> str | None:
    """A side phrase "خلال/منذ/بعد … + its event noun + pronoun" tells the event with the main
    clause's subject as its doer: "وأشاد الوزير خلال زيارته أمس لمدينة جدة بجهود العاملين" →
    "زيارة الوزير لمدينة جدة"; None for any other clause."""
    lo = clause.lo
    if trigger is None or trigger.lemma.verb or trigger.at != lo + 1 or \
            not (tokens[lo].folded in SIDE_OPENERS or bare(tokens[lo].folded) in SIDE_OPENERS):
        return None
    noun = _possessed_noun(tokens[trigger.at].text)
    subject = _main_subject(tokens, lo)
    if noun is None or not subject or lo - subject[-1] > _SUBJECT_GAP:
        return None
    after = _verbal_noun_words(tokens, trigger.at, clause.hi, skip)
    parts = [noun, _render(text, tokens, subject)]
    if after:
        parts.append(_render(text, tokens, after))
    return " ".join(p for p in parts if p)


def _without_bare_relative(tokens: list[Tok], chosen: list[int], skip: set[int], first: int,
                           last: int, event_verb: int | None = None) -> list[int]:
    """A relative clause left with its verb alone once the date is out ("في معرض فرانكفورت الذي
    يعقد [في سبتمبر]"): at the label's end it goes when a whole phrase stands before it, else the
    date stays in it ("الانتخابات البرلمانية التي ستجري في شباط 2016"), as it does after a verb that
    is itself the happening (`event_verb`: "… الضباط السابقين الذي توفي في مارس")."""
    words = [i for i in chosen if tokens[i].is_word or tokens[i].is_number]
    for n in range(len(words) - 1):
        relative, verb = words[n], words[n + 1]
        if not _is_relative(tokens[relative]) or verb >= first or verb + 1 > first or \
                any(tokens[i].is_word for i in range(verb + 1, first) if i not in skip):
            continue  # the date is not the relative clause's own complement
        end = last
        while end in skip:
            end += 1  # "(أيلول)", a closing dash
        if end < len(tokens) and end in chosen and tokens[end].is_word and tokens[end - 1].text not in "-–—":
            continue  # the relative clause goes on after the date: "الذي افتتح [أمس] في أبها"
        before = [i for i in chosen if i < relative]
        if n + 2 == len(words) and sum(1 for i in before if tokens[i].is_word) >= _FULL_LABEL_WORDS \
                and verb != event_verb:
            return _trim_end(tokens, before, skip=skip)
        leftovers = [i for i in sorted(skip) if verb < i < end]
        return sorted(set(chosen) | set(leftovers))
    return chosen


_CARRIED_SUBJECT_WORDS = 9


def _lacks_subject(tokens: list[Tok], chosen: list[int]) -> bool:
    """Whether the label's opening verb has no subject after it: a preposition, "أن" or a side
    phrase follows ("فر من السجن", "التقى خلالها نزلاء الدار", "أكد أن اللجنة")."""
    following = [i for i in chosen[1:2] if tokens[i].is_word]
    if not following:
        return False
    folded = tokens[following[0]].folded
    stems = (folded, bare(folded), folded[:-2] if folded.endswith(("ها", "هم")) else folded,
             folded[:-1] if folded.endswith("ه") else folded)
    return folded in PREPOSITIONS or folded in _GOVERNING_WORDS or folded.startswith(("بال", "لل")) \
        or folded in _COMPLEMENTIZERS or any(w in DANGLING or w in SIDE_OPENERS for w in stems)


_THEN = frozenset(fold(w) for w in ("و", "ثم", "كما", "وكان", "وكانت", "كان", "كانت", "وقد", "قد"))


def _goes_on(tokens: list[Tok], verb: int) -> bool:
    """Whether the verb goes on with the doer told before: a conjunction on it or before it
    ("وقدم", "وكان فر", "ثم التقى"), or "بعد أن" ("… بعد أن هبط"); not a verb after its own
    subject ("والمؤتمر السادس عقد")."""
    found = lemma_at(tokens, verb)
    if tokens[verb].text[:1] in "وف" and found is not None and found.key[:1] != tokens[verb].folded[:1]:
        return True  # the conjunction is a clitic: "وقدم", not the "و" of "وقع"
    before = tokens[verb - 1] if verb > 0 else None
    if before is None or not before.is_word:
        return False
    return before.folded in _THEN or (before.folded in _COMPLEMENTIZERS and verb > 1
                                      and bare(tokens[verb - 2].folded) in ("بعد", "قبل"))


def _feminine_verb(tok: Tok, key: str) -> bool:
    """A verb told of a feminine doer: "نجحت", "أعلنت", "تستعد" (not "ثبت", whose "ت" is its own)."""
    folded = tok.folded
    return (folded.endswith("ت") and not key.endswith("ت")) or folded[:1] == "ت" and not key.startswith("ت")


def _carried_subject(tokens: list[Tok], chosen: list[int], previous: list[Tok] | None) -> tuple[list[Tok], list[int]]:
    """The doer a label starting on a verb without its subject takes from its sentence's opening
    ("وصعد سعر الذهب … بعد أن هبط أثناء التعاملات" → "سعر الذهب") or, for a speech verb opening
    the sentence, from the previous one ("وأعلن الوزير … . وأكد أن …" → "الوزير"); nothing when
    the verb and the doer do not agree."""
    if not chosen:
        return tokens, []
    verb = chosen[0]
    found = lemma_at(tokens, verb)
    if found is None or not found.verb or impersonal(tokens[verb].folded) or tokens[verb].text.endswith("ا") \
            or not _lacks_subject(tokens, chosen):
        return tokens, []
    source: list[Tok] = tokens
    subject: list[int] = []
    opening = leading_connectives(tokens, 0, verb)
    if verb > _sentence_start(tokens) and _goes_on(tokens, verb) and _opens_on_verb(tokens, opening):
        subject = _main_subject(tokens, verb, _CARRIED_SUBJECT_WORDS)
    elif verb <= _sentence_start(tokens) and previous and found.key in SPEECH:
        # "وأضاف أن …" goes on with the speaker before; another verb may be told of anyone named there
        opening = leading_connectives(previous, 0, len(previous))
        if opening < len(previous) and _opens_on_verb(previous, opening):
            source, subject = previous, _main_subject(previous, len(previous), _CARRIED_SUBJECT_WORDS)
    if not subject:
        return tokens, []
    head = source[subject[0]].folded
    feminine = head.endswith(("ه", "ة", "ات")) and head not in TITLES
    if feminine != _feminine_verb(tokens[verb], found.key):
        return tokens, []
    return source, subject


_AGENCIES = frozenset(fold(w) for w in ("واس", "وكالات", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "د ب أ", "سبق",
                                         "الوئام", "الشرق", "الأوسط", "هـ", "ه", "م"))


def is_thin_label(label: str) -> bool:
    """Whether a label says too little to stand for an event: fewer than three words once dates,
    numbers and news agencies are out ("الرياض واس" of "الرياض 25 شوال 1436 هـ … واس", "قال")."""
    words = [t for t in tokenize(label, 0, len(label)) if t.is_word and not is_date_word(t)
             and t.folded not in _AGENCIES]
    return len(words) < _MIN_LABEL_WORDS


_BUT_THAT = frozenset({"غير", "بيد"})


def _past_but(tokens: list[Tok], hi: int) -> int:
    """A clause cut at "غير" that is no "غير أن" goes on to the next comma or break ("بطريقة غير
    نظامية، …"): "غير" is part of its phrase there."""
    if hi >= len(tokens) - 1 or tokens[hi].folded not in _BUT_THAT or tokens[hi + 1].folded in _COMPLEMENTIZERS:
        return hi
    return next((j for j in range(hi + 1, len(tokens)) if tokens[j].text in COMMAS or tokens[j].text in _HARD_BREAKS),
                len(tokens))


_STATEMENT_WORDS = 3


def _whole_statement(tokens: list[Tok], chosen: list[int], start: int, end: int, skip: set[int]) -> list[int]:
    """What was said, cut by a clause opener a few words after "أن/إن", goes on to the next comma
    or break: "قال أوباما إن تبني المجلس الاتفاق يظهر أن الدول [التي لم تكن طرفا … ترى …]",
    "قالت الخارجية إنها بصدد التثبت [مما إذا كانت الهجمات منسقة]"."""
    said = [n for n, i in enumerate(chosen) if tokens[i].folded in _COMPLEMENTIZERS]
    if not said or end >= len(tokens) or not tokens[end].is_word or \
            sum(1 for i in chosen[said[-1] + 1:] if tokens[i].is_word) > _STATEMENT_WORDS:
        return chosen
    stop = next((j for j in range(end, len(tokens)) if tokens[j].text in COMMAS or tokens[j].text in _HARD_BREAKS),
                len(tokens))
    longer = _label_words(tokens, start, stop, skip)
    return longer if len(longer) > len(chosen) else chosen


def _verb_shaped(tokens: list[Tok], i: int) -> bool:
    """A verb the lexicon knows, or a present-tense form it does not ("تستهدف", "وتستمر"); not a
    verbal noun ("توقيع") or a plural ("تطورات")."""
    found = lemma_at(tokens, i)
    if found is not None:
        return found.verb
    folded = tokens[i].folded
    if folded[:1] == "و" and len(folded) > 4:
        folded = folded[1:]  # "وتستمر" ("فيتنام" is no "ف" + verb)
    # an unknown word is taken for a verb only by the prefixes of derived present forms
    # ("تستهدف", "يتنافس", "ينتظرون"), not "ترامب" or "تقرير"
    return (_DERIVED_PRESENT_RE.match(folded) is not None or folded.startswith("ي") and folded.endswith("ون")) \
        and not tokens[i].text.endswith(("ة", "ات")) and not is_date_word(tokens[i])


def _date_completing_verb(tokens: list[Tok], chosen: list[int], skip: set[int], first: int) -> list[int]:
    """A label ending on the verb whose complement was the date keeps the date: "لكن الشركات
    الأخرى تستهدف عام 2020", "وتستمر حتى نهاية العام" (not "… تستهدف", "… وتستمر"); so does a
    participle that says what the date is of ("شوبان المولود في الأول من مارس 1810")."""
    words = [i for i in chosen if tokens[i].is_word or tokens[i].is_number]
    if not words or words[-1] >= first or \
            not (_verb_shaped(tokens, words[-1]) or tokens[words[-1]].folded in _DATED_PARTICIPLES) or \
            any(i not in skip and tokens[i].is_word for i in range(words[-1] + 1, first)):
        return chosen
    end = first
    while end in skip:
        end += 1
    if end < len(tokens) and tokens[end].is_word:
        return chosen  # the clause goes on after the date: the verb has its complement there
    return sorted(set(chosen) | {i for i in skip if words[-1] < i < end})


def _date_completing_noun(tokens: list[Tok], chosen: list[int], first: int, last: int) -> list[int]:
    """A date that is the second term of a construct keeps its place: "تعود منطقة العروض في دورة
    هذا العام", "في ختام تعاملات اليوم" (not "… في دورة"): a label that would end on a common noun
    without the article (ة, ات) right before a definite date is incomplete without it."""
    before = first - 1
    words = [i for i in chosen if tokens[i].is_word or tokens[i].is_number]
    if not words or words[-1] != before or not _construct_noun(tokens, before) or \
            not tokens[before].text.endswith(_COMMON_NOUN_ENDINGS) or tokens[before].folded in DATE_GOVERNORS or \
            not (tokens[first].folded.startswith("ال") or tokens[first].folded in _DEMONSTRATIVES) or \
            not _governed(tokens, before):
        return chosen
    return sorted(set(chosen) | set(range(first, last)))


def _governed(tokens: list[Tok], i: int) -> bool:
    """A noun a preposition governs ("في دورة", "لقدسية", "بنهاية تعاملات"): a construct's head,
    not an adjective after its noun ("وجهة جديدة", "وسائل إعلام رسمية") nor a definite noun
    ("للسيدات")."""
    previous = tokens[i - 1].folded if i > 0 else ""
    folded = tokens[i].folded
    return (folded[:1] == "ل" and folded[1:2] != "ل") or previous in DANGLING or previous in PREPOSITIONS \
        or bare(previous) in DATE_GOVERNORS or bare(previous) in _GOVERNING_NOUNS


_GOVERNING_NOUNS = frozenset(fold(w) for w in ("ختام", "مستهل", "أثناء"))  # DATE_GOVERNORS has the others


_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك"))
_COMMON_NOUN_ENDINGS = ("ة", "ات")  # "دورة", "تعاملات": not a name ("مصر", "عبدالعزيز")
# participles a date completes: born, died, held, dated
_DATED_PARTICIPLES = frozenset(fold(w) for w in ("المولود", "المولودة", "المتوفى", "المتوفاة", "المتوفي",
                                                  "المنعقد", "المنعقدة", "المؤرخ", "المؤرخة"))
_RELATIVE_REACH = 5
_WHILE_NOUNS = frozenset(fold(w) for w in ("الوقت", "الحين", "اللحظة"))


def _without_leading_preposition(tokens: list[Tok], chosen: list[int]) -> list[int]:
    """A label that is a relative clause's noun phrase starts at its noun, not at the preposition
    before it: "من الانتخابات البرلمانية التي ستجري في شباط 2016" → "الانتخابات البرلمانية …"."""
    words = [i for i in chosen if tokens[i].is_word]
    if len(words) < 3 or tokens[words[0]].folded not in _ADJUNCT_HEADS or not tokens[words[1]].text.startswith("ال"):
        return chosen
    if tokens[words[1]].folded in _WHILE_NOUNS:  # "في الوقت الذي وصف فيه العالم …" means "while"
        return [j for j in chosen if j > words[2]] if _is_relative(tokens[words[2]]) and len(words) > 4 else chosen
    for i in words[1:1 + _RELATIVE_REACH]:
        if _is_relative(tokens[i]):
            return [j for j in chosen if j > words[0]]
        if _is_verb_at(tokens, i):
            return chosen
    return chosen


def _fronted_date_clause(tokens: list[Tok], start: int, skip: set[int], last: int) -> int:
    """A date fronted in a clause joined by "، و": the label starts at that clause's verb ("قطعت
    العلاقات في 1961، وفي عام 1977 وافق كارتر …" → "وافق كارتر …" for 1977)."""
    lo = min(skip, default=start)
    if lo <= start or tokens[lo - 1].text not in COMMAS or tokens[lo].folded[:1] != "و":
        return start
    after = last
    while after in skip or (after < len(tokens) and tokens[after].text in COMMAS):
        after += 1
    if after < len(tokens) and tokens[after].is_word and _opens_on_verb(tokens, after):
        return after
    return start


def _doer_before(tokens: list[Tok], start: int, dates: frozenset[int] = frozenset()) -> bool:
    """Whether a label starting at `start` inside its sentence leaves its doer before it: a verb
    right after "أن" ("نجح الفريق أن ينهي"), a purpose verb ("؛ لتتجاوز قيمتها"), "مما", a verb
    with no definite subject after it ("… وأحرز أول لقب"), a noun phrase of the opening verb's
    clause ("دشن المحافظ فيصل الشامي، فعاليات المهرجان الذي …", "تعهد قائد الجيش في بورما الذي")."""
    tok, before = tokens[start], tokens[start - 1]
    if bare(tok.folded) in ("مما", "ما"):
        return True
    if before.folded in _PRONOUN_THAT and _is_verb_at(tokens, start):
        return True  # "قالت المقاومة إنها قتلت": the pronoun is the speaker
    if before.folded in _COMPLEMENTIZERS or _opens_statement(tokens, start - 1) or before.folded in _CLAUSE_SUBJECTS:
        return _imperfect(tok)  # "أن ينهي"; "إن المعرض", "فإن المشروع", "لكن مساعده" have their own subject
    if _purpose_verb(tok):
        return True
    if _is_verb_at(tokens, start):
        # the word after the verb, past a date: "وهاجموا [الشهر الماضي] حافلات" has no subject after it
        after = next((i for i in range(start + 1, len(tokens)) if i not in dates), None)
        return after is None or not (tokens[after].text.startswith("ال") or tokens[after].folded in _HONORIFICS
                                     or _construct_head(tokens, after))
    return True  # a noun phrase inside the opening verb's clause: its object, or a noun of it


_PRONOUN_THAT = frozenset({"انه", "انها", "بانه", "بانها"})


def _purpose_verb(tok: Tok) -> bool:
    """A verb of purpose or result with its "ل": "ليصل", "لتبلغ", "لتتجاوز" (not the verbal
    noun "لتطوير", whose "ي" stands before its last letter)."""
    folded = tok.folded
    if folded[:1] != "ل" or len(folded) < 5 or tok.text.endswith(("ة", "ات")) or is_date_word(tok):
        return False
    verb = folded[1:]
    return verb[:1] == "ي" or (verb[:1] == "ت" and not (len(verb) == 5 and verb[3] == "ي"))


# openings that are a side phrase or a source, not a clause with its doer
_SIDE_OPENINGS = frozenset(fold(w) for w in ("ورغم", "وبرغم", "ورغما", "وخلال", "وبعد", "وقبل", "وعند", "وحول",
                                         "ووفقا", "ووفق", "وبحسب", "وحسب", "ونقلا", "وطبقا", "وبموجب"))


def _feminine_past(folded: str) -> bool:
    """A past verb told of a feminine doer, by its folded shape: "ارتفعت", "وأعلنت" (not
    "صادرات", "بيروت", "الانترنت")."""
    return len(folded) >= 5 and folded.endswith("ت") and not folded.endswith(("ات", "وت", "يت")) \
        and not folded.startswith(("ال", "وال")) and not date_word(folded)


_OPENING_WORDS = 18
_OPENED_LABEL_WORDS = 36
_BREAKS_BEFORE_LABEL = frozenset("،,؛;")


def _with_sentence_opening(tokens: list[Tok], chosen: list[int], dates: frozenset[int],
                           relative: bool = False, carried: bool = False) -> list[int]:
    """A label that starts inside its sentence without its doer takes the sentence's opening up to
    it when that is short and dates nothing else: "ينهي سنوات العجاف … بعدما توج [أمس]" → "نجح
    آرسنال بقيادة مدربه أن ينهي سنوات العجاف …"; "لتتجاوز قيمتها السوقية 138 مليار ريال [في العام
    الماضي]" → "ارتفعت قيمة استثمارات المؤسسة …؛ لتتجاوز …". A relative clause's noun phrase is
    what its date dates and stays alone when it is whole ("تضررت المدينة في العاصفة التي ضربت
    الساحل [عام 2012]" → "العاصفة التي ضربت الساحل"), not when it starts inside a longer one
    ("وجهة جديدة لطيران الإمارات التي أطلقت …", "دشن المحافظ، فعاليات المهرجان الذي …")."""
    if not chosen:
        return chosen
    start, opening = chosen[0], _sentence_start(tokens)
    if start <= opening or impersonal(tokens[opening].folded) or tokens[opening].folded in _SIDE_OPENINGS:
        return chosen
    if relative:
        if carried or not _inside_noun_phrase(tokens, start):
            return chosen
    elif not _doer_before(tokens, start, dates):
        return chosen
    prefix = list(range(opening, start))
    inside = prefix[:-1] if tokens[start - 1].text in _BREAKS_BEFORE_LABEL else prefix
    if any(i in dates or tokens[i].text in _HARD_BREAKS or tokens[i].text in _QUOTE_MARKS for i in inside):
        return chosen  # another date, another sentence, a quotation: the opening is another phrase
    words = sum(1 for i in prefix if tokens[i].is_word or tokens[i].is_number)
    if words > _OPENING_WORDS or words + sum(1 for i in chosen if tokens[i].is_word) > _OPENED_LABEL_WORDS:
        return chosen
    return prefix + chosen


_QUOTE_MARKS = frozenset("«»\"“”")


def _inside_noun_phrase(tokens: list[Tok], start: int) -> bool:
    """Whether a relative clause's noun phrase starts inside a longer one: after a noun ("وجهة
    [جديدة لطيران الإمارات التي]") or the subject's comma; not after a verb, a preposition, a
    side opener, "أن" or a date ("في العاصفة التي", "التقى الوفد مدير البنك الذي")."""
    before = tokens[start - 1]
    if before.text in COMMAS:
        return True
    if not before.is_word or is_date_word(before) or _is_verb_at(tokens, start - 1):
        return False
    word = before.folded
    return not (word in _ADJUNCT_HEADS or word in SIDE_OPENERS or word in _GOVERNING_WORDS
                or word in _COMPLEMENTIZERS or word in DANGLING or word in _THEREFORE
                or _opens_on_verb(tokens, start - 1))


_SHORT_LABEL_WORDS = 8
_RELATIVE_TAIL_WORDS = 12


def _with_describing_relative(tokens: list[Tok], chosen: list[int], end: int, dates: frozenset[int]) -> list[int]:
    """A short label whose clause ended where a relative clause describes its last noun goes on
    through it, up to a comma or a break: "نشر الإعلام قوائم للمنتجات [التي ترفع ضريبتها]",
    "رفعت مصر السعر [الذي تدفعه للشركتين مقابل الغاز]" (else the label says too little: "السعر"
    of what?). Not across a comma ("احتفالات الأمانة، التي تواصلت …" describes the subject) nor
    over another date."""
    if not chosen or end >= len(tokens) or chosen[-1] != end - 1 or not _is_relative(tokens[end]) or \
            sum(1 for i in chosen if tokens[i].is_word) > _SHORT_LABEL_WORDS:
        return chosen
    tail: list[int] = []
    words = 0
    for i in range(end, len(tokens)):
        tok = tokens[i]
        if i in dates:
            return chosen
        if tok.text in COMMAS or tok.text in _HARD_BREAKS or (tok.is_word and words >= _RELATIVE_TAIL_WORDS):
            break
        tail.append(i)
        words += tok.is_word or tok.is_number
    tail = _trim_end(tokens, tail, complement=True)
    return chosen + tail if sum(1 for i in tail if tokens[i].is_word) >= 2 else chosen


def make_label(text: str, tokens: list[Tok], clause: Clause, trigger: Trigger | None,
               first: int, last: int, previous: list[Tok] | None = None,
               dates: frozenset[int] = frozenset()) -> tuple[str, int]:
    """(label, completeness score): the clause as a short phrase, date out. Score: an action (a
    trigger in the label) counts 2, an actor before or after it 1, each word a little."""
    skip = _date_leftovers(tokens, first, last, clause.lead, clause.hi, dates)
    since = since_at(tokens, first) is not None
    if _garbles(tokens, skip, first) or since:
        # "أعظم شعراء القرن التاسع عشر": the date stays rather than leave "أعظم شعراء،"; "معلقة منذ
        # أبريل 2014": without it the label says the talks are suspended, not since when
        skip = set()
    side = _side_event_label(text, tokens, clause, trigger, skip)
    if side is not None:
        return side, 20 + 10 + min(len(side.split()), _SCORED_WORDS)  # an event noun and its doer
    start = _fronted_date_clause(tokens, _label_start(tokens, clause, trigger, first), skip, last)
    antecedent = _relative_antecedent(tokens, clause, start, first) \
        if not any(tokens[i].folded in _COMPLEMENTIZERS for i in range(clause.lo, first)) else None
    if antecedent is not None:
        start = antecedent
        if tokens[clause.lo - 1].text in "-–—":
            skip.add(clause.lo - 1)  # "بلاتر - الذي انتخب": the aside's dash
    relative = start < clause.lo and _is_relative(tokens[clause.lo])
    end = _relative_end(tokens, clause, last) if relative else _past_but(tokens, clause.hi)
    closed = _closing_comma(tokens, clause.lo, first, skip) if relative else None
    if relative and (end <= first or closed is not None):
        # the relative clause closed before the date: the date is the outer clause's ("غويي المدعي بالحق
        # العام الذي يزود القوات بالذهب، سبعة أشهر في الاعتقال في 1987" → "أمضى غويي …")
        skip.update(range(clause.lo, (closed if closed is not None else end) + 1))
        start, end, antecedent = _phrase_start(tokens, start), clause.hi, None
    elif not _starts_phrase(tokens, start) and (not relative or not _heads_phrase(tokens, start)) \
            and not _told_by_trigger(tokens, clause, trigger, start):
        start = _phrase_start(tokens, start)  # "منذ انطلاق الفعاليات لوحات" → "قدمت 17 طائرة منذ …"
    skip.update(_asides(tokens, start, first))
    chosen = _label_words(tokens, start, end, skip)
    if relative and sum(1 for i in chosen if i > clause.lo and tokens[i].is_word) <= 1 and \
            sum(1 for i in chosen if tokens[i].is_word) < _FULL_LABEL_WORDS:
        # "الضجة الكبيرة التي حدثت [عام 2011]" tells nothing: the phrase it stands in, up to a break
        larger = _label_words(tokens, _phrase_start(tokens, start), _next_break(tokens, end), skip)
        if sum(1 for i in larger if tokens[i].is_word) >= _FULL_LABEL_WORDS:
            chosen = larger
    event_verb = trigger.at if trigger is not None and trigger.lemma.verb and \
        trigger.lemma.kind not in (None, "statement") else None
    chosen = _date_completing_verb(tokens, _without_bare_relative(tokens, chosen, skip, first, last, event_verb),
                                   skip, first)
    chosen = _date_completing_noun(tokens, chosen, first, last)
    chosen = _whole_statement(tokens, chosen, start, end, skip)
    if sum(1 for i in chosen if tokens[i].is_word) < _MIN_LABEL_WORDS:
        # a thin clause ("الذي وقع أمس"): the sentence's words around it
        wider = Clause(leading_connectives(tokens, 0, len(tokens)), len(tokens), 0)
        more = _label_words(tokens, min(start, wider.lo) if trigger is None else start, len(tokens), skip)
        if len(more) > len(chosen):
            chosen = more
    chosen = _with_main_clause(tokens, _first_phrase(tokens, chosen, last), skip)
    if since and any(first <= i < last for i in chosen):
        chosen = sorted(set(chosen) | set(range(first, last)))  # "منذ بداية [الشهر]": the whole date stays
    chosen = _with_describing_relative(tokens, chosen, end, dates)
    chosen = _with_sentence_opening(tokens, _without_leading_preposition(tokens, chosen), dates, relative,
                                    antecedent is not None)
    label = _first_word(_render(text, tokens, chosen))
    if antecedent is not None and chosen and chosen[0] == antecedent:
        label = _without_preposition(label)
    source, subject = _carried_subject(tokens, chosen, previous)
    heading = _heading(tokens, chosen) if not subject else []
    if subject:  # "فر من السجن" → "غوزمان فر من السجن"
        label = _first_word(_render(text, source, subject)) + " " + label
    elif heading:  # "بنيت للملك ويليام الثالث" → "المتاهة: بنيت للملك ويليام الثالث"
        told = label.split(" ", 1)[1] if tokens[chosen[0]].folded in _PRONOUN_OPENERS and " " in label else label
        label = _render(text, tokens, heading) + ": " + told
    score = min(len(chosen), _SCORED_WORDS)  # words past a short phrase add nothing
    if trigger is not None and trigger.at in chosen:
        score += 25 if trigger.lemma.verb else 20
        if any(tokens[i].text == "." for i in chosen):
            score -= 10  # across a sentence end: "توقيع اتفاق دفاعي بين إسرائيل والمغرب. في الرباط"
        if any(i < trigger.at and tokens[i].is_word for i in chosen) or \
                any(i > trigger.at and tokens[i].is_word and not is_stop(tokens[i]) for i in chosen):
            score += 10
    if chosen and chosen[0] == leading_connectives(tokens, 0, len(tokens)):
        score += 1  # from the sentence's start: its subject is in ("ومنعت السلطات …", not "الجبهة …، التي")
    if not label:
        outside = [i for i in range(len(tokens)) if i not in skip and tokens[i].is_word]
        label = _first_word(_render(text, tokens, outside[:_MAX_LABEL_WORDS]))
    return label, score

