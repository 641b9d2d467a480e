"""The command line through click's CliRunner: formats, exit codes, explain, stdin."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from chrono.cli import main

SEEDS = ["seeds/", "--manifest", "seeds/manifest.json"]


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_tag_json_on_the_seeds():
    r = run("tag", *SEEDS, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["schema"] == "chrono.tags/1" and len(data["documents"]) == 5 and data["errors"] == []
    d001 = next(d for d in data["documents"] if d["id"].startswith("001"))
    assert d001["anchor"] == {"date": "2021-11-24", "source": "manifest", "confidence": 1.0,
                              "evidence": d001["anchor"]["evidence"], "candidates": None,
                              "warnings": d001["anchor"]["warnings"]}
    assert {"text": "اليوم الأربعاء", "value": "2021-11-24"}.items() <= d001["timexes"][0].items()


def test_tag_json_stream_equals_the_model_dump():
    from chrono.models import TagOutput

    r = run("tag", *SEEDS, "--format", "json")
    assert TagOutput.model_validate_json(r.output).model_dump() == TagOutput.model_validate(json.loads(r.output)).model_dump()


def test_tag_jsonl_and_csv():
    lines = run("tag", *SEEDS, "--format", "jsonl").output.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["timexes"] for line in lines)
    text = run("tag", *SEEDS, "--format", "csv").stdout_bytes.decode("utf-8")  # .output turns CRLF into LF
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert any(r["text"] == "دجنبر(ديسمبر) 2020" and r["value"] == "2020-12" for r in rows)
    # the timeline's dialect: CRLF line ends, lowercase booleans
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert {r["in_quote"] for r in rows} == {"true", "false"}


def test_tag_csv_bom_and_an_option_csv_does_not_take_is_ignored():
    assert run("tag", *SEEDS, "--format", "csv", "--bom").output.startswith("\ufeffdoc,id,")
    assert run("tag", *SEEDS, "--format", "json", "--bom").output.startswith("{")


def test_tag_timeml_into_a_folder(tmp_path):
    r = run("tag", *SEEDS, "--format", "timeml", "-o", str(tmp_path / "tml") + "/")
    assert r.exit_code == 0
    assert len(list((tmp_path / "tml").glob("*.tml"))) == 5


def test_prefer_help_says_what_each_policy_does():
    text = run("tag", "--help").output + run("timeline", "--help").output
    assert "design" not in text and "§" not in text
    words = " ".join(run("tag", "--help").output.split())
    assert "news (the latest on or before the anchor, the next one on or after it" in words


def test_jsonl_input_from_stdin():
    line = json.dumps({"id": "a", "text": "وقع الاتفاق أمس", "published": "2021-11-24"}, ensure_ascii=False)
    r = run("tag", "-", "--format", "jsonl", input=line + "\n")
    assert r.exit_code == 0
    assert json.loads(r.output)["timexes"][0]["value"] == "2021-11-23"


def test_bad_anchor_is_a_usage_error():
    r = CliRunner().invoke(main, ["tag", "seeds/", "--anchor", "31/02/2021"])
    assert r.exit_code == 2 and "--anchor" in r.output


def test_bad_manifest_is_a_usage_error(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text("{not json", encoding="utf-8")
    r = CliRunner().invoke(main, ["tag", "seeds/", "--manifest", str(bad)])
    assert r.exit_code == 2 and "m.json" in r.output


def test_a_broken_file_is_reported_and_the_rest_written(tmp_path):
    (tmp_path / "good.txt").write_text("وصل الوزير أمس", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    r = CliRunner().invoke(main, ["tag", str(tmp_path), "--anchor", "2021-11-24"])
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert data["errors"][0]["path"].endswith("bad.txt")


def test_no_anchor_leaves_relative_values_unresolved(tmp_path):
    (tmp_path / "a.txt").write_text("وصل الوزير أمس بعد زيارة في 24 نوفمبر 2021", encoding="utf-8")
    data = json.loads(run("tag", str(tmp_path)).output)
    values = {t["text"]: (t["value"], t["flags"]) for t in data["documents"][0]["timexes"]}
    assert values["24 نوفمبر 2021"][0] == "2021-11-24"


def test_explain_prints_value_and_rule_tree():
    r = run("explain", "وقع الاتفاق يوم الأربعاء الماضي", "--anchor", "2021-11-27")
    assert r.exit_code == 0
    assert "2021-11-24" in r.output and "ar.weekday.shifted" in r.output and "ar.weekday.bare" in r.output


def test_output_file_is_written(tmp_path):
    out = tmp_path / "tags.json"
    assert run("tag", *SEEDS, "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["documents"]


def test_tag_timeml_is_one_well_formed_stream():
    import xml.dom.minidom

    r = run("tag", *SEEDS, "--format", "timeml")
    assert r.exit_code == 0
    doc = xml.dom.minidom.parseString(r.output.encode("utf-8"))
    assert len(doc.getElementsByTagName("TimeML")) == 5
    texts = [t.firstChild.data for t in doc.getElementsByTagName("TIMEX3") if t.firstChild]
    assert "اليوم الأربعاء" in texts and "دجنبر(ديسمبر) 2020" in texts
