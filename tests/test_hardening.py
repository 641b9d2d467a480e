"""Bad input never crashes chrono or loses a document (issue: hardening)."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from chrono.cli import main
from chrono.normalize import normalize
from chrono.pipeline import tag_text
from chrono.tagger import default_grammar
from chrono.tagger.engine import analyze

ANCHOR = date(2021, 11, 24)
NEWS = "وصل وزير الدفاع منتصف ليلة أمس إلى الرباط في أول زيارة منذ توقيع الاتفاق في 22 ديسمبر الماضي. "

ADVERSARIAL = {
    "digits": "1234567890 ",
    "digit_run": "9",
    "ranges": "من 12 إلى ",
    "modifiers": "الماضي ",
    "ago": "قبل ",
    "dates": "24 نوفمبر 2021 ",
    "numeric": "24/11/",
    "parens": "ديسمبر (",
    "clitics": "وبالأمس ",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_linear_and_safe(name):
    """The engine's work (chart items built) doubles when the input doubles: no pattern blows up.
    Counting items, not seconds, keeps this deterministic; `make bench` times the 5 MB versions."""
    unit = ADVERSARIAL[name]
    sizes = (4000, 8000)
    work = []
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        work.append(len(analyze(normalize(text).text, default_grammar())[1]))
        for t in tag_text(text, ANCHOR):
            assert text[t.start:t.end] == t.text
    assert work[1] <= 2.2 * work[0] + 50, f"{name}: {work} items for {sizes} chars"


@pytest.mark.parametrize("phrase,flag", [
    ("في 31 فبراير 2021", "invalid"),
    ("في 29 فبراير 2023", "invalid"),
    ("عام 99999", None),
    ("قبل 10000 عام", "invalid"),
    ("300 ق.م", "before the common era"),
    ("في 30 شعبان 1443 هـ", "invalid"),  # شعبان 1443 has 29 days
])
def test_odd_values_are_flagged_never_invented(phrase, flag):
    timexes = tag_text(phrase, ANCHOR)
    for t in timexes:
        if flag:
            assert any(flag in f for f in t.flags), (t.text, t.value, t.flags)
        assert t.start_date is None and t.end_date is None, (t.text, t.value)


def _write_folder(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(20):
        (folder / f"good_{i:02d}.txt").write_text(f"{NEWS}المقال رقم {i}.", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.txt").write_bytes((NEWS + "ب").encode("utf-8")[:-1])  # cut inside a letter
    (folder / "legacy_cp1256.txt").write_bytes(NEWS.encode("cp1256"))
    (folder / "export_utf16.txt").write_bytes(NEWS.encode("utf-16"))
    (folder / "adversarial.txt").write_text("من 12 إلى " * 3000, encoding="utf-8")
    return folder


def test_a_messy_folder_loses_no_good_article(tmp_path):
    folder = _write_folder(tmp_path)
    result = CliRunner().invoke(main, ["tag", str(folder), "--anchor", "2021-11-24"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    ids = {d["id"]: d for d in data["documents"]}
    assert {f"good_{i:02d}" for i in range(20)} <= set(ids)
    failed = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in data["errors"]}
    assert set(failed) == {"binary.txt", "empty.txt", "truncated.txt"}, failed
    assert "binary" in failed["binary.txt"] and "empty" in failed["empty.txt"] and "UTF-8" in failed["truncated.txt"]
    for legacy, encoding in (("legacy_cp1256", "cp1256"), ("export_utf16", "utf-16")):
        doc = ids[legacy]
        assert doc["encoding"].replace("_", "-").startswith(encoding[:6]), doc["encoding"]
        assert [t["value"] for t in doc["timexes"]] == [t["value"] for t in ids["good_00"]["timexes"]][:2]
    assert "binary.txt" in result.stderr


def test_jsonl_with_malformed_lines(tmp_path):
    good = [json.dumps({"id": f"a{i}", "text": NEWS, "published": "2021-11-24"}, ensure_ascii=False)
            for i in range(5)]
    lines = good[:2] + ['{"id": "broken", "text": '] + good[2:4] + ["[1, 2]"] + good[4:]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records if "id" in r] == [f"a{i}" for i in range(5)]
    errors = [r["error"] for r in records if "error" in r]
    assert [e["line"] for e in errors] == [3, 6]


def test_interrupted_output_leaves_no_partial_file(tmp_path, monkeypatch):
    out = tmp_path / "tags.json"
    out.write_text("previous run", encoding="utf-8")
    import chrono.pipeline

    def explode(doc, settings=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(chrono.pipeline, "tag_document", explode)
    CliRunner().invoke(main, ["tag", "seeds/", "--anchor", "2021-11-24", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous run"
    assert [p.name for p in tmp_path.iterdir()] == ["tags.json"]
