"""Hostile page text is inert: a page whose title and sentences carry script, HTML and Markdown
injection, template and shell syntax, bidi overrides and a 10,000-character locality is
extracted, rendered into a brief and the index for real, and both pages are loaded in headless
Chromium: no script runs, no injected element exists, the text is visible as text, and no
request leaves the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.briefs.batch import run_briefs
from analysis.escape import html_text, md_text, plain
from analysis.tables import extract_folder, read_tables, write_tables
from tests.conftest import SEED

pytestmark = pytest.mark.slow

PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '</table><iframe src="http://evil.example/f"></iframe>**đậm** '
           '[bấm](http://evil.example/x) ![ảnh](http://evil.example/i.png) {{ 7*7 }} '
           '${7*7} $(touch /tmp/pwned) `rm -rf` \u202eđảo chiều\u202c <b>in đậm</b> '
           "<style>body{display:none}</style> Ea H'Leo \"kép\"")
LONG = "Ea " + "Á" * 10_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def test_escaping_helpers():
    assert plain("a\u202eb\u2066c\x00d") == "abcd"
    assert plain("x" * 500, 10) == "x" * 9 + "…"
    assert html_text('<b a="1">') == "&lt;b a=&quot;1&quot;&gt;"
    md = md_text("[x](http://e) <i> **b** | `c` &lt;")
    assert "<i>" not in md and "](" not in md and "**" not in md and "&amp;lt;" in md


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    raw = tmp / "raw"
    raw.mkdir()
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Đảng bộ thị xã Sa Pa quý I năm 2021",
                        f"Đảng bộ thị xã Sa Pa quý I năm 2021 {PAYLOAD}", 1)
    text = text.replace("với tổng số tiền 178 triệu đồng", f"với tổng số tiền 178 triệu đồng; {PAYLOAD}")
    text = text.replace("Hà Dinh", f"Hà Dinh {PAYLOAD}")
    (raw / "hostile.txt").write_text(text, encoding="utf-8")
    (raw / "other.txt").write_text(f"Tin khác {PAYLOAD} {'Á' * 10_000}\n\n"
                                   "Một bài không phải báo cáo quý, nói về công tác dân vận.\n",
                                   encoding="utf-8")
    tables = tmp / "tables"
    s = extract_folder(raw, tables)
    assert s.parsed == 2, s.errors
    # The extractor names at most a few words as locality; a longer name, carrying the payload
    # too, is what a future extractor or an edited table could give: it must be just as inert.
    t = read_tables(tables)
    t["reports"].loc[t["reports"]["source_file"] == "hostile.txt", "locality"] = \
        f"{LONG} {PAYLOAD}"
    write_tables(t, tables)
    out = tmp / "reports"
    summary = run_briefs(tables, out, jobs=1, progress=False)
    assert [r.state for r in summary.results] == ["ok", "ok"], summary.results
    [brief] = [out / r.job.html_rel for r in summary.results if r.job.scope == "locality"]
    assert len(brief.name) < 100
    return brief, out / "index.html"


def _load(page: Path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(java_script_enabled=True)
            outside, dialogs = [], []

            def route(r):
                if r.request.url.startswith(("file:", "data:", "about:")):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()
            ctx.route("**/*", route)
            tab = ctx.new_page()
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(300)
            found = tab.evaluate("""() => ({
                pwned: window.__pwned === undefined ? null : window.__pwned,
                scripts: [...document.querySelectorAll('script')].map(s => s.textContent),
                onerror: document.querySelectorAll('[onerror]').length,
                iframes: document.querySelectorAll('iframe').length,
                bold: [...document.querySelectorAll('b')].map(b => b.textContent),
                evil: [...document.querySelectorAll('[src],[href]')]
                        .map(e => e.getAttribute('src') || e.getAttribute('href'))
                        .filter(u => /evil|^https?:/.test(u)),
                visible: document.body.innerText,
                hidden: getComputedStyle(document.body).display,
            })""")
        finally:
            browser.close()
    return found, outside, dialogs


@pytest.mark.parametrize("which", ["brief", "index"])
def test_hostile_text_is_shown_as_text(hostile, which):
    page = hostile[0] if which == "brief" else hostile[1]
    found, outside, dialogs = _load(page)
    assert outside == [] and dialogs == []
    assert found["pwned"] is None and found["onerror"] == 0
    # a brief has no script; the index has only its own province filter (a few inline lines)
    assert len(found["scripts"]) == (0 if which == "brief" else 1), found["scripts"]
    assert not any("pwned" in s or "evil" in s for s in found["scripts"])
    assert found["iframes"] == 0 and found["evil"] == [] and found["hidden"] != "none"
    assert "in đậm" not in found["bold"]
    text = found["visible"]
    for shown in ("<script>window.__pwned=1</script>", "<img src=x onerror=", "{{ 7*7 }}",
                  "$(touch /tmp/pwned)", "[bấm](http://evil.example/x)", "**đậm**",
                  "<b>in đậm</b>", "đảo chiều"):
        # the index shows titles cut to 240 characters: only the payload's start is there
        if which == "brief" or PAYLOAD.index(shown) + len(shown) < 220:
            assert shown in text, (which, shown)
    assert "\u202e" not in text
    assert "Á" * 60 in text and "Á" * 10_000 not in text and "…" in text
