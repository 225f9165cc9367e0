"""report.html: what it shows, that citations reveal their sentence, and that hostile input stays text.

The browser tests open the page in headless Chromium (driven over the DevTools pipe by
newsweave.tools.browser). They skip where Chromium is absent, except in CI (CI set),
where a missing Chromium is a failure.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsweave import analyze
from newsweave.model import Article, Report, Span, Story, SummarySentence
from newsweave.render import html as html_report
from newsweave.render import markdown
from newsweave.render import write_reports
from newsweave.tools.browser import Browser, find_chromium

MARKER = "pwned"  # what every hostile payload tries to write into the page
HOSTILE_PAYLOADS = [
    f"<script>document.title='{MARKER}';window.{MARKER}=1;alert(1)</script>",
    f"<img src=x onerror=\"document.title='{MARKER}';alert(2)\">",
    "<a href=\"javascript:alert(3)\">click here</a>",
    "</div></section></main><iframe src=\"https://evil.example/frame\"></iframe>",
    "<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>",
    f"<svg onload=\"window.{MARKER}=1\"><math><mtext><table><mglyph><style><img src=x onerror=alert(4)>",
    "<!-- unclosed comment <b class=\"x' onmouseover='alert(5)",
    "' onfocus='alert(6)' autofocus x='",
]


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# ---- corpora ------------------------------------------------------------------------------

def _write_hostile_corpus(folder: Path) -> None:
    """Three outlets report one (invented) flood; every field an attacker controls is hostile."""
    story = ("Flood waters rose across the Ember valley on Tuesday, forcing 3,000 residents from their homes. "
             "The regional council said the barrier at Kestrel Bridge failed after two days of heavy rain. "
             "Emergency crews opened shelters in four schools, the council said. ")
    records = []
    for n, outlet in enumerate(["<img src=x onerror=alert(7)>Daily Ledger", "Courier\"><script>alert(8)</script>",
                                "Valley Post"]):
        payloads = " ".join(HOSTILE_PAYLOADS[n::3])
        records.append({
            "id": f"hostile-{n}",
            "title": f"</title><script>document.title='{MARKER}'</script> Ember valley flood forces 3,000 from homes",
            "source": outlet,
            "url": ["javascript:alert(document.domain)", " JaVaScRiPt:alert(9)",
                    "https://valley.example/flood\" onmouseover=\"alert(10)"][n],
            "authors": ["<b onmouseover=alert(11)>Reporter</b>"],
            "published": "2026-03-0" + str(n + 1),
            "text": f"{story}Residents said {payloads} was written on a shop window. {HOSTILE_PAYLOADS[n]} "
                    f"\"We lost everything {HOSTILE_PAYLOADS[1]}\", said Mara Quell, a shop owner.",
        })
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "broken.txt").write_text(
        "Ember valley flood <b>forces <i>3,000 from homes\n\n" + story + "\n<div><p>unclosed <table><tr><td>"
        + " ".join(HOSTILE_PAYLOADS), encoding="utf-8")
    (folder / "not-json.jsonl").write_text("{\"text\": <script>alert(12)</script>\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Report, Path]:
    folder = tmp_path_factory.mktemp("hostile-corpus")
    _write_hostile_corpus(folder)
    report = analyze([str(folder)])
    written = write_reports(report, tmp_path_factory.mktemp("hostile-report"))
    return report, written["report.html"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[Report, Path]:
    from conftest import SEEDS, require
    report = analyze([str(require(SEEDS))])
    written = write_reports(report, tmp_path_factory.mktemp("seeds-report"))
    return report, written["report.html"]


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if not executable:
        if _ci():
            pytest.fail("Chromium is missing in CI: the browser tests must run there (apt-get install chromium)")
        pytest.skip("Chromium not installed (Debian: apt-get install chromium); browser tests skipped")
    with Browser(executable) as running:
        yield running


# ---- the markup itself (no browser) -------------------------------------------------------------

class _Markup(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "header", "nav", "main", "article", "section",
                "h1", "h2", "h3", "h4", "p", "div", "span", "ol", "ul", "li", "q", "details", "summary", "table",
                "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "code", "strong", "ins", "del"}


def test_hostile_text_stays_text_in_the_markup(hostile):
    report, path = hostile
    page = path.read_text(encoding="utf-8")
    markup = _Markup()
    markup.feed(page)
    tags = {tag for tag, _ in markup.tags}
    assert tags <= ALLOWED_TAGS, f"unexpected elements: {tags - ALLOWED_TAGS}"
    assert [t for t, _ in markup.tags].count("style") == 1
    for tag, attrs in markup.tags:
        assert not [name for name in attrs if name.startswith("on") or name in ("src", "srcdoc", "autofocus")], (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or re.match(r"https?://[^\s\"'<>]+$", href), href
    # the payloads are on the page, as visible text
    assert "&lt;script&gt;document.title=" in page
    assert any(a.url and a.url.lower().strip().startswith("javascript:") for a in report.articles)


def test_links_keep_only_plain_web_addresses():
    assert html_report.safe_url("https://example.com/a?b=c") == "https://example.com/a?b=c"
    assert html_report.safe_url("http://example.com") == "http://example.com"
    for bad in ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>",
                "vbscript:x", "//evil.example/x", "https://example.com/\" onclick=\"x", "https://", None, 42]:
        assert html_report.safe_url(bad) is None, bad


def test_the_page_forbids_scripts_and_requests(hostile):
    _, path = hostile
    head = path.read_text(encoding="utf-8").split("<body>", 1)[0]
    policy = re.search(r"http-equiv='Content-Security-Policy' content=\"([^\"]+)\"", head)
    assert policy, "no Content-Security-Policy meta"
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";") if rule.strip())
    assert rules["default-src"] == "'none'" and "script-src" not in rules
    assert head.index("Content-Security-Policy") < head.index("<style>"), "the policy must come before any content"


def test_odd_story_fields_and_empty_reports_render():
    article = Article(id="a", path="a.txt", text="One sentence here. Another one.", sentences=[Span("a", 0, 18)])
    story = Story(id="s", title="<b>t</b>", articles=["a", "missing"],
                  summary=[SummarySentence("One sentence here.", ["a", "missing"],
                                           [Span("a", 0, 18), Span("missing", 0, 5), Span("a", 40, 99)])])
    story.extra.update({"coverage": {"articles": "a", "rows": [None, {"fact": 99}, {"fact": 0, "articles": [{}, "a"]}]}, "only_in": {"a": [5, "x"]},
                        "omissions": [], "conflicts": [{"fact": 0, "versions": [{"text": "3,000", "sources": ["a", 1]}]}, 7],
                        "speakers": [{"speaker": "X", "statements": [{"text": "q", "kind": "direct", "spans": [{}]}]}, "y"],
                        "copies": [{"canonical": "a", "copies": [None, {"id": "a", "added": ["x", 3]}]}], "dates": []})
    report = Report(articles=[article], stories=[story], errors=[])
    page = html_report.render(report)
    assert "&lt;b&gt;t&lt;/b&gt;" in page and "One sentence here." in page
    assert "Outlets disagree" in page and "3,000" in page
    # the Markdown report reads the same odd fields (its stories name only articles it has)
    story.articles, story.summary = ["a"], [SummarySentence("One sentence here.", ["a"], [Span("a", 0, 18)])]
    text = markdown.render(report)
    assert "Outlets disagree" in text and "\\<b\\>t" in text
    empty = html_report.render(Report(articles=[], stories=[], errors=[]))
    assert "No stories" in empty


# ---- in the browser --------------------------------------------------------------------------------

def _text(value: str) -> str:
    return " ".join(value.split())


CITED_STATE = """(() => {
  const chip = document.activeElement.closest('.cite') || document.querySelector(%s);
  const box = chip.querySelector('.cited'), words = chip.querySelector('.cited-text');
  const r = words.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + Math.min(r.height / 2, 8));
  return {display: getComputedStyle(box).display, width: r.width, height: r.height,
          right: r.right, viewport: innerWidth, onTop: !!top && words.contains(top),
          text: words.textContent, focused: document.activeElement === chip};
})()"""


@pytest.mark.browser
def test_every_story_title_is_rendered(browser, seeds):
    report, path = seeds
    page = browser.open_page(path.as_uri())
    titles = page.evaluate("[...document.querySelectorAll('article.story h2')].map(h => h.innerText)")
    assert [_text(t) for t in titles] == [_text(s.title) for s in report.stories]
    assert page.evaluate("[...document.querySelectorAll('article.story h2')].every(h => h.checkVisibility())")
    assert page.evaluate("document.querySelectorAll('#stories tbody tr').length") == len(report.stories)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.browser
def test_keyboard_focus_on_a_citation_reveals_its_sentence(browser, seeds):
    report, path = seeds
    story = next((s for s in report.stories if s.summary), None)
    assert story is not None, "the seeds should give at least one summarised story"
    number = report.stories.index(story) + 1
    span = story.summary[0].spans[0]
    expected = report.article(span.article).text[span.start:span.end]
    selector = json.dumps(f"#story-{number}-summary .cite")
    page = browser.open_page(path.as_uri())
    hidden = page.evaluate(CITED_STATE % selector)
    assert hidden["display"] == "none" and hidden["height"] == 0
    # Tab from the element just before the summary's first chip: keyboard alone reaches it.
    page.evaluate(f"document.querySelector('#story-{number} .toc a:last-child').focus()")
    for _ in range(3):
        page.press_tab()
        if page.evaluate("!!document.activeElement.closest('.cite')"):
            break
    shown = page.evaluate(CITED_STATE % selector)
    assert shown["focused"], "Tab did not reach the first citation chip"
    assert shown["display"] == "block" and shown["height"] > 0 and shown["onTop"]
    assert shown["right"] <= shown["viewport"]
    assert _text(shown["text"]) == _text(expected)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_hovering_a_citation_reveals_its_sentence(browser, seeds, width):
    report, path = seeds
    page = browser.open_page(path.as_uri(), width=width, height=800, mobile=width < 600)
    # the fourth chip (or the last, if fewer): not just the first one on the page
    href = page.evaluate("(c => c[Math.min(3, c.length - 1)].getAttribute('href'))(document.querySelectorAll('.summary .cite'))")
    selector = json.dumps(f".summary .cite[href=\"{href}\"]")
    box = page.evaluate(f"""(() => {{ const c = document.querySelector({selector}); c.scrollIntoView({{block: 'center'}});
        const r = c.getBoundingClientRect(); return {{x: r.left + r.width / 2, y: r.top + r.height / 2}}; }})()""")
    page.hover(box["x"], box["y"])
    shown = page.evaluate(CITED_STATE % selector)
    assert shown["display"] == "block" and shown["height"] > 0 and shown["onTop"]
    assert shown["right"] <= shown["viewport"] + 1
    # the revealed words are one of the cited sentences of that article, verbatim
    number = int(href.split("-")[0][2:])  # "#a3-s5": article 3, sentence 5
    article = report.articles[number - 1]
    cited = {_text(article.text[s.start:s.end]) for st in report.stories for sent in st.summary
             for s in sent.spans if s.article == article.id}
    assert _text(shown["text"]) in cited
    page.hover(1, 1)
    assert page.evaluate(CITED_STATE % selector)["display"] == "none"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"


@pytest.mark.browser
def test_citation_links_open_the_sentence_in_its_article(browser, seeds):
    _, path = seeds
    page = browser.open_page(path.as_uri())
    href = page.evaluate("document.querySelector('.summary .cite').getAttribute('href')")
    page.evaluate(f"document.querySelector('.summary .cite[href=\"{href}\"]').click()")
    # the browser opens the <details> and scrolls in later frames: let two frames pass
    state = page.evaluate(f"""(async () => {{
        for (let n = 0; n < 2; n++) await new Promise(done => requestAnimationFrame(done));
        const s = document.getElementById({json.dumps(href[1:])}), r = s.getBoundingClientRect();
        return {{open: s.closest('details').open, visible: r.height > 0 && r.bottom > 0 && r.top < innerHeight,
                 target: s.matches(':target')}}; }})()""")
    assert state == {"open": True, "visible": True, "target": True}


@pytest.mark.browser
def test_printing_expands_articles_and_hides_navigation(browser, seeds):
    _, path = seeds
    page = browser.open_page(path.as_uri())
    visible = """[document.querySelector('details.article .text').checkVisibility(),
                   document.querySelector('.page-head nav').checkVisibility()]"""
    assert page.evaluate(visible) == [False, True]
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    assert page.evaluate(visible) == [True, False]


@pytest.mark.browser
@pytest.mark.parametrize("keep_policy", [False, True], ids=["escaping-alone", "with-policy"])
def test_hostile_articles_cannot_run_code_or_load_anything(browser, hostile, tmp_path, keep_policy):
    report, path = hostile
    page_html = path.read_text(encoding="utf-8")
    if not keep_policy:  # prove the escaping holds on its own, without the CSP safety net
        page_html = re.sub(r"<meta http-equiv='Content-Security-Policy'[^>]*>", "", page_html)
        assert "Content-Security-Policy" not in page_html
    target = tmp_path / "report.html"
    target.write_text(page_html, encoding="utf-8")
    page = browser.open_page(target.as_uri())
    for chip_index in range(3):  # hover and focus hostile content too
        page.evaluate(f"(document.querySelectorAll('.cite')[{chip_index}] || document.body).focus()")
    state = page.evaluate(f"""({{title: document.title, marker: typeof window.{MARKER},
        scripts: document.scripts.length, frames: document.querySelectorAll('iframe,img,object,embed,link,svg').length,
        styles: document.querySelectorAll('style').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        badLinks: [...document.querySelectorAll('a[href]')].filter(a => !/^(#|https?:)/.test(a.getAttribute('href'))).length,
        text: document.body.innerText}})""")
    assert state["title"].startswith("newsweave: ") and state["title"] != MARKER and state["marker"] == "undefined"
    assert state["scripts"] == 0 and state["frames"] == 0 and state["styles"] == 1
    assert state["handlers"] == 0 and state["badLinks"] == 0
    assert "<script>document.title=" in state["text"]  # shown as the words the article holds
    assert not page.events("Page.javascriptDialogOpening")
    requests = [e["request"]["url"] for e in page.events("Network.requestWillBeSent")]
    assert requests == [target.as_uri()], f"unexpected requests: {requests}"
    assert report.stories, "the hostile corpus should still make a story"


@pytest.mark.browser
def test_the_policy_blocks_a_script_that_slipped_through(browser, seeds, tmp_path):
    """Defence in depth: even markup injected past the escaping cannot run or fetch."""
    _, path = seeds
    injected = path.read_text(encoding="utf-8").replace(
        "<body>", f"<body><script>document.title='{MARKER}'</script><img src='http://127.0.0.1:9/x.png'>", 1)
    target = tmp_path / "report.html"
    target.write_text(injected, encoding="utf-8")
    page = browser.open_page(target.as_uri())
    assert MARKER not in page.evaluate("document.title")
    external = [e for e in page.events("Network.requestWillBeSent") if e["request"]["url"].startswith("http")]
    failed = {e["requestId"]: e.get("blockedReason") for e in page.events("Network.loadingFailed")}
    assert all(failed.get(e["requestId"]) == "csp" for e in external), failed


@pytest.mark.browser
def test_screenshots_are_full_page_pngs_at_desktop_and_phone_width(browser, hostile, tmp_path):
    from newsweave.tools.screenshot import take_screenshots

    _, path = hostile
    shots = take_screenshots(path, tmp_path)
    assert [p.name for p in shots] == ["report.png", "report-phone.png"]
    for shot, width in zip(shots, (1280, 390)):
        header = shot.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        png_width, png_height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert png_width == width and png_height > 900  # the whole page, not one screenful


def test_counts_are_worded_for_one_and_many():
    from newsweave.render.wording import counted

    assert [counted(1, "article"), counted(2, "article"), counted(1, "story"), counted(0, "story"),
            counted(3, "copy"), counted(1, "new story"), counted(2, "new story"), counted(2, "wire copy")] == [
        "1 article", "2 articles", "1 story", "0 stories", "3 copies", "1 new story", "2 new stories", "2 wire copies"]
