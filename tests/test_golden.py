"""The seeds' golden files: regenerated only by `make golden`, reviewed as a diff."""
from tools.golden import diff, expected_files


def test_golden_files_match():
    lines = diff(expected_files())
    assert not lines, "golden files differ (run `make golden` if the change is intended):\n" + "\n".join(lines[:200])
