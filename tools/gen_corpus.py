"""A large, varied JSONL corpus of Arabic news text for benchmarks, made from the seeds (no download).

Each generated article takes sentences of the seed articles (mostly from one seed, some from
others), moves its publication day by a random number of days, and shifts the text with it: years
("العام 2020" → "العام 2017"), Gregorian month names of every regional series ("ديسمبر" →
"سبتمبر", "كانون الأول" → "أيلول") and weekday names ("اليوم الأربعاء" → "اليوم الأحد"), so the
tagger meets many different dates, not five articles repeated. Deterministic for a seed.

    python -m tools.gen_corpus --mb 50 -o /tmp/corpus.jsonl
    {"id": "g0000001", "text": "وقع المغرب وإسرائيل اليوم الأحد ...", "published": "2018-03-11"}
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from chrono.lexicon import load_lexicon

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+|\n+")
_YEAR = re.compile(r"(?<![0-9٠-٩])(19[5-9][0-9]|20[0-3][0-9])(?![0-9٠-٩])")


def _seed_articles(seeds: Path) -> list[tuple[date, list[str]]]:
    """(anchor, sentences) of each seed article listed in the manifest."""
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    articles = []
    for entry in manifest["documents"]:
        text = (seeds / entry["file"]).read_text(encoding="utf-8")
        sentences = [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20]
        articles.append((date.fromisoformat(entry["published"]), sentences))
    return articles


def _word_table() -> tuple[dict[str, tuple[str, int]], dict[tuple[str, int], list[str]],
                           dict[str, int], dict[int, str]]:
    """Month forms → (series, month), (series, month) → forms; weekday form → ISO day, and back
    (from the validated lexicon, as written there)."""
    data = load_lexicon().data
    month_of, forms_of = {}, {}
    for entry in data.gregorian_months:
        key = (entry.series, entry.month)
        forms_of[key] = list(entry.forms)
        for form in entry.forms:
            month_of[form] = key
    weekday_of, weekday_form = {}, {}
    for entry in data.weekdays:
        weekday_form[entry.iso] = entry.forms[0]
        for form in entry.forms:
            weekday_of[form] = entry.iso
    return month_of, forms_of, weekday_of, weekday_form


class _Shifter:
    """Rewrites a seed sentence for an article moved by `days` (years, months and weekdays follow)."""

    def __init__(self) -> None:
        self.month_of, self.forms_of, self.weekday_of, self.weekday_form = _word_table()
        words = sorted(list(self.month_of) + list(self.weekday_of), key=len, reverse=True)
        # whole words, with an optional clitic before them ("وديسمبر", "بالأربعاء" stay readable)
        self.pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, words)) + r")(?![\w])")

    def shift(self, sentence: str, years: int, months: int, weekdays: int) -> str:
        sentence = _YEAR.sub(lambda m: str(int(m.group(1)) + years), sentence)

        def replace(match: re.Match) -> str:
            word = match.group(1)
            if word in self.weekday_of:
                return self.weekday_form[(self.weekday_of[word] - 1 + weekdays) % 7 + 1]
            series, month = self.month_of[word]
            target = (series, (month - 1 + months) % 12 + 1)
            return self.forms_of.get(target, [word])[0]

        return self.pattern.sub(replace, sentence)


def generate(target_bytes: int, seed: int = 0, seeds: Path = SEEDS) -> Iterator[str]:
    """JSONL lines until about `target_bytes` bytes have been produced."""
    rng = random.Random(seed)
    articles = _seed_articles(seeds)
    shifter = _Shifter()
    produced, number = 0, 0
    while produced < target_bytes:
        number += 1
        base_anchor, own = articles[rng.randrange(len(articles))]
        days = rng.randint(-3650, 400)
        anchor = base_anchor + timedelta(days=days)
        months = (anchor.year - base_anchor.year) * 12 + anchor.month - base_anchor.month
        sentences = rng.sample(own, min(len(own), rng.randint(6, 30)))
        for _ in range(rng.randint(0, 6)):  # a few borrowed sentences: varied mixtures
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(rng.choice(articles)[1]))
        text = "\n".join(shifter.shift(s, anchor.year - base_anchor.year, months, days) for s in sentences)
        line = json.dumps({"id": f"g{number:07d}", "text": text, "published": anchor.isoformat()},
                          ensure_ascii=False) + "\n"
        produced += len(line.encode("utf-8"))
        yield line


def write_corpus(path: str, megabytes: float, seed: int = 0) -> int:
    """Write the corpus; returns the number of documents."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for line in generate(int(megabytes * 1_000_000), seed):
            out.write(line)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size in megabytes (default 50)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    count = write_corpus(args.output, args.mb, args.seed)
    print(f"wrote {count} documents to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
