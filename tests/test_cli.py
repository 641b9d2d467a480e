"""The command line through click's CliRunner: formats, exit codes, explain, stdin."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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
    streamed = TagOutput.model_validate_json(r.output)
    assert streamed.model_dump() == TagOutput.model_validate(json.loads(r.output)).model_dump()


def test_tag_jsonl_and_csv():
    lines = run("tag", *SEEDS, "--format", "jsonl").output.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["timexes"] for line in lines)
    text = run("tag", *SEEDS, "--format", "csv").stdout_bytes.decode("utf-8")  # .output turns CRLF into LF
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert any(r["text"] == "دجنبر(ديسمبر) 2020" and r["value"] == "2020-12" for r in rows)
    # the timeline's dialect: CRLF line ends, lowercase booleans
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert {r["in_quote"] for r in rows} == {"true", "false"}


def test_tag_csv_takes_bom():
    assert run("tag", *SEEDS, "--format", "csv", "--bom").output.startswith("\ufeffdoc,id,")


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
    data = json.loads(run("tag", str(tmp_path)).stdout)
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


# ---------------------------------------------------------------- what a newcomer trips on (issue 15)

def _copy_seeds(folder, manifest: dict | None = None):
    import shutil

    folder.mkdir(exist_ok=True)
    for path in sorted(Path("seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    if manifest is not None:
        (folder / "m.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_files_chrono_cannot_read_are_named_with_what_to_do(tmp_path):
    (tmp_path / "article.txt").write_text("وصل الوزير أمس إلى الرباط", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = run("tag", str(tmp_path), "--anchor", "2021-11-24")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [d["id"] for d in data["documents"]] == ["article"]
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in data["errors"]}
    assert reasons["report.pdf"].startswith("PDF document: chrono reads text; extract it first (e.g. `pdftotext")
    assert reasons["photo.png"].startswith("image: chrono reads text; run OCR on it first")
    assert f"{tmp_path / 'report.pdf'}: PDF document" in r.stderr and f"{tmp_path / 'photo.png'}: image" in r.stderr


def test_a_manifest_key_matching_no_document_is_warned_with_the_closest_file(tmp_path):
    manifest = json.loads(Path("seeds/manifest.json").read_text(encoding="utf-8"))
    manifest["documents"][1]["file"] = "001_76ae0159d87ba1ad.txt"  # a typo: ac → ad
    _copy_seeds(tmp_path, manifest)
    r = run("timeline", str(tmp_path), "--manifest", str(tmp_path / "m.json"), "--format", "json")
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [
        f"chrono: warning: {tmp_path / 'm.json'} documents[1]: '001_76ae0159d87ba1ad.txt' names no document read; "
        "did you mean '001_76ae0159d87ba1ac.txt' (read without a manifest date)?",
        "chrono: warning: 1 document has no anchor (001_76ae0159d87ba1ac): its relative dates stay unresolved; "
        "give --manifest or --anchor"]
    plain = {"000_a5dac5ccf9ad4a48.txt": "2021-11-25", "01_76ae0159d87ba1ac.txt": "2021-11-24"}
    _copy_seeds(tmp_path / "plain", plain)
    r = run("tag", str(tmp_path / "plain"), "--manifest", str(tmp_path / "plain" / "m.json"), "--anchor", "2021-11-24")
    assert r.stderr == "", "--anchor overrides the manifest: nothing to warn about"
    r = run("tag", str(tmp_path / "plain"), "--manifest", str(tmp_path / "plain" / "m.json"))
    assert "key '01_76ae0159d87ba1ac.txt': '01_76ae0159d87ba1ac.txt' names no document read; did you mean " \
           "'001_76ae0159d87ba1ac.txt'" in r.stderr


def test_a_manifest_matching_every_document_gives_no_warning():
    r = run("timeline", *SEEDS, "--format", "json")
    assert r.exit_code == 0 and r.stderr == ""


def test_a_manifest_entry_for_a_file_left_out_of_the_run_is_not_a_typo():
    r = run("tag", "seeds/001_76ae0159d87ba1ac.txt", "--manifest", "seeds/manifest.json")
    assert r.exit_code == 0 and r.stderr == ""


def test_documents_without_an_anchor_are_counted_once(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("وصل الوزير أمس إلى الرباط", encoding="utf-8")
    for command in ("tag", "timeline"):
        r = run(command, str(tmp_path))
        assert r.exit_code == 0
        assert r.stderr == ("chrono: warning: 3 documents have no anchor (a, b, c): their relative dates stay "
                            "unresolved; give --manifest or --anchor\n"), command
    assert run("tag", str(tmp_path), "--anchor", "2021-11-24").stderr == ""


def test_a_windows_1256_jsonl_archive_is_read_like_a_txt_file(tmp_path):
    line = json.dumps({"id": "a", "text": "وقع الاتفاق أمس في الرباط", "published": "2021-11-24"},
                      ensure_ascii=False)
    (tmp_path / "archive.jsonl").write_bytes((line + "\n").encode("cp1256"))
    r = run("tag", str(tmp_path / "archive.jsonl"), "--format", "jsonl")
    assert r.exit_code == 0, r.output
    record = json.loads(r.stdout)
    assert record["encoding"] == "cp1256" and record["timexes"][0]["text"] == "أمس"


def test_a_damaged_utf8_jsonl_line_names_the_encoding_option(tmp_path):
    good = json.dumps({"id": "a", "text": "وقع الاتفاق أمس"}, ensure_ascii=False).encode("utf-8")
    (tmp_path / "archive.jsonl").write_bytes(good[:-8] + b"\xff" + good[-8:] + b"\n")
    r = run("tag", str(tmp_path / "archive.jsonl"), "--format", "jsonl")
    assert r.exit_code == 1
    assert "--encoding cp1256" in json.loads(r.stdout)["error"]["reason"]


def test_a_missing_input_path_is_a_usage_error(tmp_path):
    for command in ("tag", "timeline", "anchors"):
        r = run(command, str(tmp_path / "absent.txt"))
        assert r.exit_code == 2, command
        assert "does not exist" in r.stderr


def test_format_options_work_where_they_apply_and_are_refused_elsewhere(tmp_path):
    assert run("timeline", *SEEDS, "--format", "csv", "--bom", "--per-mention").stdout.startswith("\ufeffentry,")
    assert run("tag", *SEEDS, "--format", "csv", "--bom").stdout.startswith("\ufeffdoc,")
    refused = [
        (["tag", *SEEDS, "--format", "json", "--bom"],
         "--bom does not apply to --format json; it applies to --format csv"),
        (["timeline", *SEEDS, "--format", "json", "--per-mention"],
         "--per-mention does not apply to --format json; it applies to --format csv"),
        (["timeline", *SEEDS, "--format", "html", "--bom"], "--bom does not apply to --format html"),
        (["timeline", *SEEDS, "--format", "csv", "--bidi", "none"], "--bidi does not apply to --format csv"),
        (["timeline", *SEEDS, "--format", "json", "--title", "x"], "--title does not apply to --format json"),
        (["tag", *SEEDS, "--format", "json", "-o", str(tmp_path) + "/"], "is a folder: --format json writes one file"),
    ]
    for args, message in refused:
        r = run(*args)
        assert r.exit_code == 2, args
        assert len(r.stderr.splitlines()) == 1 and message in r.stderr, r.stderr
        assert r.stdout == ""


def test_html_title_and_timelinejs_grouping_are_options():
    page = run("timeline", *SEEDS, "--format", "html", "--title", "اتفاق الدفاع").stdout
    assert "<title>اتفاق الدفاع</title>" in page
    events = json.loads(run("timeline", *SEEDS, "--format", "timelinejs", "--group-by", "year").stdout)["events"]
    assert {e["group"] for e in events} == {str(e["start_date"]["year"]) for e in events}


def test_no_help_text_cites_a_document_users_do_not_have():
    import chrono.cli
    import chrono.read

    texts = [run(*command, "--help").output for command in
             (["tag"], ["timeline"], ["explain"], ["anchors"], ["diff"], [])]
    texts += [chrono.read.__doc__, chrono.cli.__doc__, chrono.read.iter_inputs.__doc__, chrono.__doc__]
    texts += [getattr(chrono, name).__doc__ or "" for name in chrono.__all__]
    for text in texts:
        assert "design" not in text and "§" not in text


def test_the_table_prints_entry_ids_and_explains_its_marks():
    r = run("timeline", *SEEDS, "--bidi", "none")
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "conflicts", "label", "sources"]
    count = len(json.loads(run("timeline", *SEEDS, "--format", "json").stdout)["entries"])
    ids = [line.split()[0] for line in lines[1:count + 1]]
    assert count > 20 and ids == [f"e{i}" for i in range(1, count + 1)]
    tenth = next(line for line in lines[1:count + 1] if "10 ديسمبر 2020" in line)
    twenty_second = next(line for line in lines[1:count + 1] if "22 ديسمبر 2020" in line).split()[0]
    assert f"≠{twenty_second}" in tenth
    assert f"≠{twenty_second}: the same happening is dated differently in entry {twenty_second}" in r.stdout
    assert "sources: the documents that mention the entry, by the number their file name starts with" in r.stdout
