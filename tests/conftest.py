"""Test-wide settings. Hypothesis is derandomized so that a run is reproducible on any machine
(CI must not pass or fail by luck); set HYPOTHESIS_PROFILE=explore to search with fresh examples."""
import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_terminal_summary(terminalreporter):
    """List the screenshots the browser tests took (`record_property("screenshot", uri)`), as
    links: they live in pytest's temporary folder, never in the user's out/."""
    uris = [value for reports in terminalreporter.stats.values() for report in reports
            for name, value in getattr(report, "user_properties", ()) if name == "screenshot"]
    if uris:
        terminalreporter.write_sep("-", "screenshots")
        for uri in dict.fromkeys(uris):
            terminalreporter.write_line(uri)


USER_OUT = Path(__file__).resolve().parent.parent / "out"  # `make demo` writes there; tests never do


def _files_in(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {}


@pytest.fixture(scope="session", autouse=True)
def the_users_out_folder_is_left_alone():
    """Fails the run (as an error after the last test) if any test created or changed a file in out/."""
    before = _files_in(USER_OUT)
    yield
    after = _files_in(USER_OUT)
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert not changed, f"tests wrote into the user's out/ folder: {changed}"
