"""The rule engine: named rules whose patterns consume tokens, lexicon entries and items that
other rules built (Duckling-style composition), each production returning a typed value.

A rule is data plus a small production, written in a grammar module's RuleBook:

    @rule("ar.date.month_year", C("gmonth"), C("year"))
    def month_year(month, year):
        '''دجنبر 2020'''
        return TimeValue(year=year.value, month=month.value.month)

A Grammar is a value: chrono.tagger.grammar.build_grammar adds the rule books' rules to one, and the
parser is given it (`analyze_tokens(tokens, grammar)`); nothing here reads a global grammar.

Parsing fills a chart right to left: every item starting at a position is built from items
starting at the same or later positions, so when position p is done, all later ones are final.
Each position is saturated to a fixpoint (bounded), then overlapping candidates are resolved
by preferring the longest expression. Cost is linear in the number of tokens: patterns have
a fixed length and an item never spans more than MAX_SPAN tokens.
"""
from __future__ import annotations

import bisect
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from chrono.lexicon import Lexicon, load_lexicon
from chrono.normalize import Token, tokenize
from chrono.tagger.words import PLAIN_WORD, WordIndex, conjunction_shift, kinds_of

MAX_SPAN = 24  # tokens; no Arabic date phrase is longer, and it bounds the work per position
MAX_ITEMS_PER_POSITION = 160  # items (lexical and built) starting at one token: bounds adversarial input


@dataclass(eq=False)
class Item:
    """A span of tokens with a typed value, and how it was built."""

    cls: str
    value: Any
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    cstart: int  # normalized char offsets of the expression proper (context words excluded)
    cend: int
    rule: str
    children: tuple = ()
    prefix: str = ""  # proclitics stripped from the first token ("و" in "وعشرين")
    weight: int = 1  # tokens consumed including context; breaks ties between equal spans

    @property
    def kind(self) -> str:
        """What rules are indexed by: the class, or "kw:ROLE" for a function word ("kw:in" for في)."""
        return "kw:" + self.value.value if self.cls == "kw" else self.cls

    @property
    def kinds(self) -> tuple:
        """What a rule's next element may ask of it (see `kinds_of`)."""
        return kinds_of(self.cls, self.value)

    def tree(self, indent: int = 0) -> str:
        """The derivation, one rule per line (what `chrono explain` prints)."""
        shown = self.value.canonical() if hasattr(self.value, "canonical") else repr(self.value)
        line = "  " * indent + f"{self.rule}  [{self.cls}] {shown}"
        return "\n".join([line] + [c.tree(indent + 1) for c in self.children if c.rule != "tok"])


# -- pattern elements ------------------------------------------------------------------------
@dataclass(frozen=True)
class Elem:
    """Matches an item of class `cls` whose value passes `pred`. `ctx`: needed, not part of the text."""

    cls: str
    pred: Optional[Callable[[Item], bool]] = None
    ctx: bool = False
    label: str = ""
    # for literal-word elements: the words it can match, so plain words can be skipped fast
    words: Optional[frozenset] = None
    # for function-word elements (cls "kw"): the lexicon roles it accepts, to index rules by role
    roles: Optional[frozenset] = None
    # a literal element matching exactly `words` (T("(")), not their clitic forms: rules whose
    # next element it is are skipped where no such token follows
    exact: bool = False

    def as_context(self) -> Elem:
        return Elem(self.cls, self.pred, True, self.label, self.words, self.roles, self.exact)


@dataclass(frozen=True)
class Guard:
    """Zero-width check on the neighbouring token: `after` looks at the next one, else the previous.

    Why: "في 2020" is a year but "في 2020 شخصاً" is a count; "24-11-2021" is a date but not inside
    "0661-24-11-2021". The predicate receives the tokens and the neighbour's index (which may be
    outside the list at the text's edges).
    """

    pred: Callable[[list[Token], int], bool]
    after: bool = True
    label: str = ""
    ctx: bool = True
    cls: str = "guard"


@dataclass
class Rule:
    name: str
    pattern: tuple
    production: Callable[..., Any]
    out: str
    priority: int = 0
    order: int = 0
    doc: str = ""
    next_kinds: Optional[frozenset] = None  # set by Grammar.add from following_kinds()
    # set by Grammar.add: where the production's arguments (non-context elements) and the real
    # (non-guard) elements stand in the pattern
    arg_positions: tuple = ()
    real_positions: tuple = ()
    last_real: int = 0
    first_pred: Optional[Callable[[Item], bool]] = None  # pattern[0].pred
    single: bool = False  # a one-element pattern: its first item is the whole match
    pair: bool = False  # two elements, no guard: the second is looked for in place (no _extend call)
    all_args: bool = False  # every element is an argument: the matched items are the arguments

    def following_kinds(self) -> Optional[frozenset]:
        """What must start right after the first element ('kw:of', 'gmonth', 'tok:('), or None.
        Guards are zero-width, so the element after them is the one that must be there."""
        e = next((e for e in self.pattern[1:] if isinstance(e, Elem)), None)
        if e is None:
            return None
        if e.roles:
            return frozenset("kw:" + r for r in e.roles)
        if e.exact and e.words:
            return frozenset("tok:" + w for w in e.words)
        return frozenset([e.cls])


@dataclass
class Grammar:
    """Rules indexed for the parser, over one lexicon: a value, built by
    chrono.tagger.grammar.build_grammar and passed to whatever parses."""

    lexicon: Lexicon = field(default_factory=load_lexicon)
    rules: list[Rule] = field(default_factory=list)
    by_first_cls: dict[str, list[Rule]] = field(default_factory=dict)
    # every Arabic word any literal element names: only these words need a `tok` item
    literal_words: set = field(default_factory=set)
    by_first_role: dict[str, list[Rule]] = field(default_factory=dict)
    _role_cache: dict[str, list[Rule]] = field(default_factory=dict)
    # applicable(): first class → following kinds → rules; function words by role in a dict of
    # their own (no "kw:" + role string, no tuple key to build and hash per item in _saturate)
    _applicable: dict[str, dict[frozenset, list[Rule]]] = field(default_factory=dict)
    _applicable_kw: dict[str, dict[frozenset, list[Rule]]] = field(default_factory=dict)
    _applicable_size: int = 0
    rank: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule name → (priority, order)
    _words: Optional[WordIndex] = None

    @property
    def words(self) -> WordIndex:
        """The written words' lexicon facts for this grammar's lexicon and literal words (built
        when first needed, again after a rule is added)."""
        if self._words is None:
            self._words = WordIndex(self.lexicon, frozenset(self.literal_words))
        return self._words

    def applicable(self, item: Item, following: frozenset) -> list[Rule]:
        """The rules that could start on `item` given the kinds of items right after it, in rule
        order; cached per (first kind, following kinds): a text repeats few combinations."""
        by_following = (self._applicable_kw.setdefault(item.value.value, {}) if item.cls == "kw"
                        else self._applicable.setdefault(item.cls, {}))
        found = by_following.get(following)
        if found is None:
            found = [r for r in self.rules_for(item)
                     if r.next_kinds is None or not r.next_kinds.isdisjoint(following)]
            if self._applicable_size < 100_000:
                by_following[following] = found
                self._applicable_size += 1
        return found

    def rules_for(self, item: Item) -> list[Rule]:
        """The rules whose first element could take `item` (function words indexed by role)."""
        if item.cls == "kw":
            role = item.value.value
            found = self._role_cache.get(role)
            if found is None:
                found = self._role_cache[role] = self.by_first_role.get(role, []) + self.by_first_cls.get("kw", [])
            return found
        return self.by_first_cls.get(item.cls, [])

    def add(self, r: Rule) -> None:
        if any(x.name == r.name for x in self.rules):
            raise ValueError(f"duplicate rule name {r.name}")
        if not any(isinstance(e, Elem) and not e.ctx for e in r.pattern):
            raise ValueError(f"rule {r.name} matches nothing of its own (empty expression)")
        if isinstance(r.pattern[0], Guard):
            raise ValueError(f"rule {r.name} starts with a guard; put guards after the first element")
        arity = sum(1 for e in r.pattern if isinstance(e, Elem) and not e.ctx)
        takes = _arity(r.production)
        if takes != arity:
            raise ValueError(f"rule {r.name}: production takes {takes} arguments, pattern gives {arity}")
        if r.out in ("kw", "tok"):
            raise ValueError(f"rule {r.name} builds a {r.out!r} item; those come from the lexicon only")
        first = r.pattern[0]
        if first.cls == "tok" and first.words is None:
            raise ValueError(f"rule {r.name} starts with a literal token but lists no words")
        for e in r.pattern:
            if isinstance(e, Elem) and e.cls == "tok" and e.words:
                self.literal_words |= e.words
            if isinstance(e, Elem) and e.roles and not e.roles <= self.lexicon.roles:
                raise ValueError(f"rule {r.name} names keyword roles the lexicon lacks: "
                                 f"{sorted(e.roles - self.lexicon.roles)}")
        r.order = len(self.rules)
        self.rank[r.name] = (r.priority, r.order)
        r.next_kinds = r.following_kinds()
        r.arg_positions = tuple(i for i, e in enumerate(r.pattern) if isinstance(e, Elem) and not e.ctx)
        r.real_positions = tuple(i for i, e in enumerate(r.pattern) if isinstance(e, Elem))
        r.last_real = r.real_positions[-1]
        r.first_pred = first.pred
        r.single = len(r.pattern) == 1
        r.pair = len(r.pattern) == 2 and isinstance(r.pattern[1], Elem)
        r.all_args = r.arg_positions == tuple(range(len(r.pattern)))
        self._role_cache.clear()
        self._applicable.clear()
        self._applicable_kw.clear()
        self._applicable_size = 0
        self._words = None
        self.rules.append(r)
        if first.cls == "kw" and first.roles:
            for role in sorted(first.roles):
                self.by_first_role.setdefault(role, []).append(r)
        else:
            self.by_first_cls.setdefault(first.cls, []).append(r)


def _arity(fn: Callable) -> int:
    """How many arguments a production takes (a plain function's code says it, faster than
    inspect.signature on each of ~300 rules at start-up)."""
    code = getattr(fn, "__code__", None)
    if code is not None and not (code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS)) \
            and not code.co_kwonlyargcount and not getattr(fn, "__defaults__", None):
        return code.co_argcount
    return len(inspect.signature(fn).parameters)


class RuleBook:
    """The rules of one grammar module, in the order they are written: data that
    chrono.tagger.grammar.build_grammar adds to a Grammar. Registering a rule changes no grammar.

        RULES = RuleBook()
        rule = RULES.rule

        @rule("ar.weekday.bare", C("weekday"))
        def weekday_bare(w):
            '''الجمعة'''
            return TimeValue(weekday=lexval(w))
    """

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def rule(self, name: str, *pattern, out: str = "tv", priority: int = 0):
        """Record a production: its positional arguments are the matched items of the non-guard,
        non-context elements, in order; it returns the value or None to reject."""

        def register(fn):
            self.add(Rule(name, tuple(pattern), fn, out, priority, doc=(fn.__doc__ or "").strip()))
            return fn

        return register

    def add(self, r: Rule) -> None:
        self.rules.append(r)

    def add_to(self, grammar: Grammar) -> None:
        """Add copies of the rules (a Grammar sets their indexes) to `grammar`, in order."""
        for r in self.rules:
            grammar.add(replace(r))


# -- parsing ---------------------------------------------------------------------------------
class Chart:
    """Items by start position. Positions are created on first use: most words build nothing."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.items: dict[int, list[Item]] = {}
        self.keys: dict[int, dict] = {}  # (rule, end, class) → the values built, per position
        # the classes (and function-word roles) present at each position: a rule whose second
        # element finds nothing of its kind there is skipped without matching
        self.kinds: dict[int, set] = {}
        self.final_kinds: dict[int, frozenset] = {}  # the same, frozen once the position is saturated

    def at(self, pos: int) -> list[Item]:
        return self.items.get(pos, [])

    def add_position(self, pos: int, lexical: list[Item], kinds: set) -> None:
        """The lexical items starting at `pos` (unique by construction: rules never build "lex.*")
        and their kinds."""
        self.items[pos] = lexical
        self.keys[pos] = {}
        self.kinds[pos] = kinds

    def add(self, item: Item) -> bool:
        """A built item, unless the same rule already built the same value over the same span.
        Values are compared only when rule, end and class agree: hashing a TimeValue costs more
        than the rare comparison."""
        pos = item.start
        seen = self.keys.get(pos)
        if seen is None:
            seen = self.keys[pos] = {}
            self.items[pos] = []
            self.kinds[pos] = set()
        bucket = self.items[pos]
        if len(bucket) >= MAX_ITEMS_PER_POSITION:
            return False
        key = (item.rule, item.end, item.cls)
        values = seen.get(key)
        if values is None:
            seen[key] = [item.value]
        elif item.value in values:
            return False
        else:
            values.append(item.value)
        bucket.append(item)
        self.kinds[pos].add(item.cls)  # rules build no "kw" or "tok" items (Grammar.add checks)
        return True


def add_lexical_items(chart: Chart, tokens: list[Token], words: WordIndex) -> None:
    """Terminal items, position by position: digit runs as `digits`, lexicon entries (one or more
    words), and `tok` items for the punctuation and words a rule names literally ("(", "/",
    "صحيفة"). "في 24 نوفمبر" → kw:in at 0; digits "24" at 1; month 11 at 2."""
    max_words = words.lexicon.max_words
    cache = words.cache
    literal = words.literal_words
    multi_later = words.multi_later
    n = len(tokens)
    for i, (text, start, tok_end, kind) in enumerate(tokens):
        if kind == "num":
            digits = Item("digits", text, i, i + 1, start, tok_end, "lex.digits")
            if text in literal:  # no rule names a number today; a `tok` item would match nothing
                chart.add_position(i, [Item("tok", text, i, i + 1, start, tok_end, "tok"), digits],
                                   {*kinds_of("tok", text), "digits"})
            else:
                chart.add_position(i, [digits], {"digits"})
            continue
        if kind == "nl":
            continue
        info = cache.get((text, kind)) or words.info(text, kind)
        if info is PLAIN_WORD:
            continue  # most words of a news text: nothing to build
        bucket = []
        kinds = set(info.kinds)
        if info.literal:  # only literal elements (T, W) take `tok` items
            bucket.append(Item("tok", text, i, i + 1, start + info.tok_shift, tok_end, "tok"))
            kinds.update(kinds_of("tok", text))
        if info.multi and i + 1 < n and tokens[i + 1].text in multi_later:
            for m in range(min(max_words, n - i), 1, -1):
                rest = tuple([t.text for t in tokens[i + 1:i + m]])
                for lex, prefix in words.lookup_readings(info.multi, rest):
                    item = Item(lex.cls, lex, i, i + m, start + conjunction_shift(prefix), tokens[i + m - 1].end,
                                "lex." + lex.cls, prefix=prefix)
                    bucket.append(item)
                    kinds.update(item.kinds)
        for cls, lex, shift, rule_name, prefix in info.items:
            bucket.append(Item(cls, lex, i, i + 1, start + shift, tok_end, rule_name, prefix=prefix))
        if bucket:
            chart.add_position(i, bucket, kinds)


def analyze(normalized: str, grammar: Grammar) -> tuple[list[Token], list[Item]]:
    """The tokens of the text and every item the grammar builds on them."""
    tokens = tokenize(normalized)
    return tokens, analyze_tokens(tokens, grammar)


def analyze_tokens(tokens: list[Token], grammar: Grammar) -> list[Item]:
    """Every item the grammar builds on these tokens (token indexes are positions in the list)."""
    chart = Chart(tokens)
    add_lexical_items(chart, tokens, grammar.words)
    # Lexical items are added left to right and rules only add items where a position already
    # has some, so the chart's positions are already in order: no sorting needed.
    positions = list(chart.items)
    final_kinds, kinds, items = chart.final_kinds, chart.kinds, chart.items
    for pos in reversed(positions):
        _saturate(chart, pos, grammar)
        final_kinds[pos] = frozenset(kinds[pos])  # nothing more starts here
    return [item for pos in positions for item in items[pos]]


_NOTHING: frozenset = frozenset()
_NO_ITEMS: tuple = ()


def _saturate(chart: Chart, pos: int, grammar: Grammar) -> None:
    """Every rule on every item starting at `pos`, including the items this builds here.

    Items at later positions are final (the chart fills right to left) and a rule's first element
    takes the item at `pos`, so each item needs trying with its rules exactly once: walk the bucket
    while it grows.
    """
    bucket = chart.items[pos]
    final_kinds = chart.final_kinds
    items_at = chart.items
    cached, cached_kw = grammar._applicable, grammar._applicable_kw
    for first in bucket:  # a list iterator also visits the items appended while it runs
        following = final_kinds.get(first.end, _NOTHING)
        cls = first.cls
        by_following = cached_kw.get(first.value.value) if cls == "kw" else cached.get(cls)  # applicable(), inlined
        rules = by_following.get(following) if by_following is not None else None
        if rules is None:
            rules = grammar.applicable(first, following)
        for r in rules:
            pred = r.first_pred  # the class already matches: rules are indexed by it
            if pred is not None and not pred(first):
                continue
            if r.single:
                _produce(chart, r, [first])
                continue
            if r.pair:  # _extend for one element, inlined: most rules have two
                second = r.pattern[1]
                cls2, pred2 = second.cls, second.pred
                for item in items_at.get(first.end, _NO_ITEMS):  # a later position: final, not growing
                    if item.cls == cls2 and (pred2 is None or pred2(item)) and item.end - pos <= MAX_SPAN:
                        _produce(chart, r, [first, item])
                continue
            found: list = []
            _extend(chart, r.pattern, 1, first.end, pos, [first], found)
            for items in found:
                _produce(chart, r, items)


def _extend(chart: Chart, pattern: tuple, k: int, pos: int, start: int, acc: list, found: list) -> None:
    """Every way the elements pattern[k:] match from token `pos` (a match that began at `start`
    with the items `acc`), appended to `found`. Items after `start` are final while this runs."""
    if k == len(pattern):
        found.append(acc)
        return
    elem = pattern[k]
    if elem.__class__ is Guard:
        if elem.pred(chart.tokens, pos if elem.after else start - 1):
            _extend(chart, pattern, k + 1, pos, start, acc + [None], found)
        return
    items = chart.items.get(pos)
    if not items:
        return
    cls, pred = elem.cls, elem.pred
    last = k + 1 == len(pattern)
    for item in items:
        if item.cls == cls and (pred is None or pred(item)) and item.end - start <= MAX_SPAN:
            if last:
                found.append(acc + [item])  # the pattern's end: no call to find that out
            else:
                _extend(chart, pattern, k + 1, item.end, start, acc + [item], found)


def _produce(chart: Chart, r: Rule, items: list) -> bool:
    args = items if r.all_args else [items[i] for i in r.arg_positions]
    try:
        value = r.production(*args)
    except (ValueError, OverflowError):
        value = None  # a production that cannot build a value rejects the match
    if value is None:
        return False
    weight = 1  # tokens consumed including context; breaks ties between equal spans
    for i in r.real_positions:
        weight += items[i].weight
    first = items[0]
    return chart.add(Item(r.out, value, first.start, items[r.last_real].end, args[0].cstart, args[-1].cend,
                          r.name, tuple(args), first.prefix, weight))


def select(items: Iterable[Item], grammar: Grammar, classes: tuple = ("tv",)) -> list[Item]:
    """Non-overlapping expressions: longest text first, then more context consumed, then rule order."""
    candidates = [it for it in items if it.cls in classes]
    if len(candidates) < 2:
        return candidates
    order = grammar.rank
    candidates.sort(key=lambda it: (-(it.cend - it.cstart), -order.get(it.rule, (0, 0))[0], -it.weight,
                                    it.cstart, order.get(it.rule, (0, 0))[1]))
    chosen: list[Item] = []
    starts: list[int] = []  # taken spans, sorted and disjoint, so their ends are sorted too
    ends: list[int] = []
    for it in candidates:
        i = bisect.bisect_left(starts, it.cend)
        if i > 0 and ends[i - 1] > it.cstart:
            continue
        chosen.append(it)
        starts.insert(i, it.cstart)
        ends.insert(i, it.cend)
    chosen.sort(key=lambda it: (it.cstart, it.cend))
    return chosen
