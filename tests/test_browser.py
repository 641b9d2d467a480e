"""End to end: the timeline page in headless Chromium (issue 5).

The browser is driven over the Chrome DevTools Protocol on a pipe (`--remote-debugging-pipe`:
JSON messages separated by NUL bytes on file descriptors 3 and 4), so no Python package and
no open port are needed. Screenshots go to a temporary folder for review (listed, as file://
links, at the end of the pytest run), never into the user's out/ folder.
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from chrono.export.html import render

try:
    from html_fixtures import ROOT, generated_timeline, seeds_timeline
except ImportError:  # tests/ became a package
    from tests.html_fixtures import ROOT, generated_timeline, seeds_timeline

USER_OUT = ROOT / "out"  # `make demo`'s folder: tests never write there
LAPTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe",
]


def _chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "chromium not installed: run `make browser`"
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " (CI=true: the Makefile should have installed it)")
    pytest.skip(reason)


class DevTools:
    """A Chromium process and its DevTools pipe; events are kept for later inspection."""

    def __init__(self, binary: str):
        self.profile = tempfile.mkdtemp(prefix="chrono-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def hand_pipes_to_fds_3_and_4():
            # dup first: dup2 onto the same number would keep the close-on-exec flag.
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [binary, *LAUNCH_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=hand_pipes_to_fds_3_and_4, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("no message from chromium in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        os.write(self._to_browser, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            seen = len(self.events)
            self.events.append(self._read_message(deadline))

    def close(self):
        with contextlib.suppress(RuntimeError, EOFError, TimeoutError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


class Tab:
    """One page: navigation, evaluation, real mouse and keyboard input, screenshots."""

    def __init__(self, devtools: DevTools, device: dict = LAPTOP):
        self.devtools = devtools
        target = devtools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = devtools.call("Target.attachToTarget",
                                     {"targetId": target, "flatten": True})["sessionId"]
        self.target = target
        self.device = device
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", device)

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.devtools.call(method, params, session=self.session)

    def goto(self, url: str) -> float:
        """Navigate and wait for the load event and a painted frame; return the seconds."""
        started = time.monotonic()
        self.send("Page.navigate", {"url": url})
        self.devtools.wait_for("Page.loadEventFired", self.session)
        self.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        return time.monotonic() - started

    def eval(self, expression: str):
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True})
        if "exceptionDetails" in reply:
            raise AssertionError(f"page script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def click(self, selector: str):
        """A real mouse click in the middle of the element, after scrolling it into view."""
        box = self.eval(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
            el.scrollIntoView({{block: 'center'}}); const r = el.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}}; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"],
                                                   "button": "left", "clickCount": 1})

    def press_enter(self):
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13,
                                                 **({"text": "\r"} if kind == "keyDown" else {})})

    def screenshot(self, path: Path, full_page: bool = False):
        """PNG of the viewport, or of the whole page (the viewport stretched to its height)."""
        if full_page:
            height = self.eval("document.documentElement.scrollHeight")
            self.send("Emulation.setDeviceMetricsOverride", {**self.device, "height": height})
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        if full_page:
            self.send("Emulation.setDeviceMetricsOverride", self.device)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def console_errors(self) -> list[str]:
        errors = []
        for event in self.devtools.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(json.dumps(params["exceptionDetails"], ensure_ascii=False)[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description")))
                                       for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"]["text"])
        return errors

    def requested_urls(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.devtools.events
                if e.get("sessionId") == self.session
                and e.get("method") == "Network.requestWillBeSent"]

    def close(self):
        self.devtools.call("Target.closeTarget", {"targetId": self.target})


@pytest.fixture(scope="module")
def devtools():
    browser = DevTools(_chromium_binary())
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _files_in_user_out() -> dict[str, int]:
    if not USER_OUT.is_dir():
        return {}
    return {str(p): p.stat().st_mtime_ns for p in USER_OUT.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def seeds_page_file(tmp_path_factory):
    timeline, origin = seeds_timeline()
    path = tmp_path_factory.mktemp("html") / "timeline.html"
    path.write_text(render(timeline, title="المغرب وإسرائيل: مذكرة التفاهم الدفاعية"),
                    encoding="utf-8")
    return path, timeline, origin


@pytest.fixture
def seeds_tab(devtools, seeds_page_file):
    path, timeline, _ = seeds_page_file
    tab = Tab(devtools)
    tab.goto(path.as_uri())
    yield tab, timeline
    errors = tab.console_errors()
    tab.close()
    assert errors == [], f"console errors: {errors}"


def _visible_entry_ids(tab: Tab) -> list[str]:
    return tab.eval("""[...document.querySelectorAll('li[data-entry]')]
        .filter(el => el.checkVisibility()).map(el => el.dataset.entry)""")


def test_every_entry_is_rendered_and_visible(seeds_tab):
    tab, timeline = seeds_tab
    assert timeline.entries, "the seeds' chronology should not be empty"
    assert sorted(_visible_entry_ids(tab)) == sorted(e.id for e in timeline.entries)


def test_page_is_right_to_left_arabic(seeds_tab):
    tab, _ = seeds_tab
    direction = tab.eval("""({html: getComputedStyle(document.documentElement).direction,
        label: getComputedStyle(document.querySelector('li[data-entry] .label')).direction,
        lang: document.documentElement.lang})""")
    assert direction == {"html": "rtl", "label": "rtl", "lang": "ar"}
    # In RTL the timeline (inline start) sits to the right of the filters.
    sides = tab.eval("""({main: document.querySelector('main').getBoundingClientRect().left,
        aside: document.querySelector('aside').getBoundingClientRect().left})""")
    assert sides["main"] > sides["aside"]


def test_clicking_an_entry_shows_its_sources_and_sentences(seeds_tab, screenshots, record_property):
    tab, timeline = seeds_tab
    entry = max(timeline.entries, key=lambda e: len(e.sources))
    selector = f'li[data-entry="{entry.id}"]'
    assert not tab.eval(f"document.querySelector('{selector} .details').checkVisibility()")
    tab.click(f"{selector} button.head")
    shown = tab.eval(f"""(() => {{ const el = document.querySelector('{selector}');
        const details = el.querySelector('.details');
        return {{visible: details.checkVisibility(), text: details.innerText,
                 expanded: el.querySelector('button.head').getAttribute('aria-expanded'),
                 marks: [...details.querySelectorAll('mark')].map(m => m.textContent)}}; }})()""")
    assert shown["visible"] and shown["expanded"] == "true"
    for source in entry.sources:
        assert source in shown["text"]
    assert set(shown["marks"]) <= {m.text for m in entry.mentions}
    assert shown["marks"], "the quoted sentence should highlight the expression"
    tab.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 0, "y": 0})  # no hover
    tab.screenshot(screenshots / "timeline.png", full_page=True)
    record_property("screenshot", (screenshots / "timeline.png").as_uri())


def test_enter_key_toggles_an_entry(seeds_tab):
    tab, timeline = seeds_tab
    selector = f'li[data-entry="{timeline.entries[0].id}"] button.head'
    tab.eval(f"document.querySelector('{selector}').focus()")
    state = f"""(() => {{ const b = document.querySelector('{selector}');
        return [b.getAttribute('aria-expanded'),
                document.getElementById(b.getAttribute('aria-controls')).checkVisibility()]; }})()"""
    tab.press_enter()
    assert tab.eval(state) == ["true", True]
    tab.press_enter()
    assert tab.eval(state) == ["false", False]


def test_conflict_link_jumps_to_the_other_entry(seeds_tab):
    tab, timeline = seeds_tab
    linked = [(e.id, c.entry) for e in timeline.entries for c in e.conflicts]
    if not linked:
        pytest.skip("this chronology has no conflict to follow")
    source, target = linked[0]
    assert tab.eval(f"document.querySelector('li[data-entry=\"{target}\"]').classList"
                    ".contains('conflict')"), "both sides of a conflict are marked"
    tab.click(f'li[data-entry="{source}"] button.head')
    tab.click(f'li[data-entry="{source}"] a[data-jump="{target}"]')
    landed = tab.eval("""({focus: document.activeElement.closest('li[data-entry]').dataset.entry,
        open: document.activeElement.getAttribute('aria-expanded')})""")
    assert landed == {"focus": target, "open": "true"}


def test_source_and_period_filters(seeds_tab):
    tab, timeline = seeds_tab
    sources = tab.eval("JSON.parse(document.getElementById('chrono-data').textContent).sources")
    chosen = sources[-1]
    tab.click('button[data-sources="none"]')
    assert _visible_entry_ids(tab) == []
    tab.click(f'input[name="source"][value="{sources.index(chosen)}"]')
    expected = {e.id for e in timeline.entries if chosen in e.sources}
    assert set(_visible_entry_ids(tab)) == expected

    tab.click('button[data-sources="all"]')
    tab.eval("""(() => { const s = document.getElementById('from-year'); s.value = '2021';
        s.dispatchEvent(new Event('change', {bubbles: true})); })()""")
    from_2021 = {e.id for e in timeline.entries
                 if e.start_date and (e.end_date or e.start_date).year >= 2021}
    assert set(_visible_entry_ids(tab)) == from_2021
    assert "يظهر" in tab.eval("document.getElementById('count').textContent")
    tab.click("#reset-filters")
    assert len(_visible_entry_ids(tab)) == len(timeline.entries)


def test_no_request_leaves_the_machine_and_the_console_is_clean(seeds_tab):
    tab, _ = seeds_tab
    tab.click("li[data-entry] button.head")
    tab.click('button[data-sources="none"]')
    tab.click("#reset-filters")
    urls = tab.requested_urls()
    assert urls, "the navigation itself should have been recorded"
    assert all(u.startswith(("file://", "data:", "about:")) for u in urls), urls
    assert tab.console_errors() == []


def test_a_link_to_an_entry_opens_it(devtools, seeds_page_file):
    path, timeline, _ = seeds_page_file
    last = timeline.entries[-1].id
    for fragment, opened in ((f"#entry-{last}", True), ("#entry-%E0%A4%A", False)):
        tab = Tab(devtools)
        try:
            tab.goto(path.as_uri() + fragment)
            selector = f'li[data-entry="{last}"] .details'
            assert tab.eval(f"document.querySelector('{selector}').checkVisibility()") is opened
            assert tab.console_errors() == [], "a malformed fragment is ignored quietly"
        finally:
            tab.close()


def test_phone_layout_screenshot(devtools, seeds_page_file, screenshots, record_property):
    path, timeline, _ = seeds_page_file
    before = _files_in_user_out()
    tab = Tab(devtools, PHONE)
    try:
        tab.goto(path.as_uri())
        width = tab.eval("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], "no horizontal scrolling on a phone"
        tab.screenshot(screenshots / "timeline-phone.png")
        assert tab.console_errors() == []
    finally:
        tab.close()
    record_property("screenshot", (screenshots / "timeline-phone.png").as_uri())
    assert (screenshots / "timeline-phone.png").stat().st_size > 0
    assert _files_in_user_out() == before, "the tests wrote into the user's out/ folder"


def test_two_thousand_entries_render_quickly(devtools, tmp_path):
    timeline = generated_timeline(2000)
    started = time.monotonic()
    page = render(timeline)
    render_seconds = time.monotonic() - started
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    tab = Tab(devtools)
    try:
        load_seconds = tab.goto(path.as_uri())
        assert tab.eval("document.querySelectorAll('li[data-entry]').length") == 2000
        filter_seconds = tab.eval("""(() => { const t = performance.now();
            document.querySelector('button[data-sources="none"]').click();
            document.querySelector('button[data-sources="all"]').click();
            return (performance.now() - t) / 1000; })()""")
        assert tab.console_errors() == []
    finally:
        tab.close()
    print(f"2000 entries: render {render_seconds:.2f}s, {len(page) / 1e6:.1f} MB, "
          f"load+paint {load_seconds:.2f}s, two filter passes {filter_seconds:.2f}s")
    assert render_seconds < 2
    assert load_seconds < 5
    assert filter_seconds < 2
