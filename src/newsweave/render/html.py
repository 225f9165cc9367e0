"""report.html: one self-contained page of story reports, built from the same data as report.json.

Safety: every piece of text that comes from an input goes through ``esc`` (HTML-escaped,
quotes included); links keep only http(s) URLs; element ids are made from counters, never
from input; and a Content-Security-Policy forbids scripts and every network request, so
even a missed escape could not run code or phone home. Citations reveal their sentence
with CSS (:hover/:focus on a link), so no JavaScript is needed.

Story fields beyond the data model (``story.extra``: coverage, only_in, omissions,
conflicts, speakers, copies, dates) are read defensively: a missing or malformed field
omits its section instead of breaking the page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any, Iterable
from urllib.parse import urlsplit

from ..model import Article, Report, Story
from .html_style import STYLE, outlet_rules

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")
MAX_MATRIX_ROWS = 40  # shared facts shown before "more"; the rest fold away
MAX_LISTED = 12  # items of an "only in" / "leaves out" list shown before "more"
MAX_NAMED_COLUMNS = 4  # coverage columns headed by outlet names; beyond, by article numbers
MAX_STATEMENTS = 6  # statements of one speaker shown before "more"


def esc(value: Any) -> str:
    """Escaped text, safe in element content and in double- or single-quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """The URL if it is plain http(s); None for javascript:, data: and anything odd."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(ch) < 33 for ch in url):  # control characters and spaces hide tricks
        return None
    return url


def _format_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%b %Y}"


@dataclass
class _Context:
    """What every section needs: articles by id, their numbers, outlet colours, anchors."""

    report: Report
    articles: dict[str, Article] = field(default_factory=dict)
    number: dict[str, int] = field(default_factory=dict)
    colour: dict[str, int] = field(default_factory=dict)  # outlet -> palette index
    _sentence_starts: dict[str, list[int]] = field(default_factory=dict)
    _ids: int = 0

    def new_id(self, prefix: str) -> str:
        """A fresh element id made from a counter (never from input text)."""
        self._ids += 1
        return f"{prefix}{self._ids}"

    def __post_init__(self) -> None:
        self.articles = self.report.by_id()
        self.number = {a.id: n for n, a in enumerate(self.report.articles, 1)}
        for outlet in sorted({a.outlet for a in self.report.articles}, key=str.lower):
            self.colour[outlet] = len(self.colour)

    def outlet_class(self, article: Article) -> str:
        return f"o{self.colour.get(article.outlet, 0)}"

    def sentence_index(self, article: Article, offset: int) -> int | None:
        """Index of the sentence of ``article`` that contains ``offset``."""
        starts = self._sentence_starts.get(article.id)
        if starts is None:
            starts = self._sentence_starts[article.id] = [s.start for s in article.sentences]
        n = bisect.bisect_right(starts, offset) - 1
        if n >= 0 and article.sentences[n].start <= offset < max(article.sentences[n].end, offset + 1):
            return n
        return None


def _slice(article: Article, start: Any, end: Any) -> str:
    if not isinstance(start, int) or not isinstance(end, int):
        return ""
    start = max(0, min(start, len(article.text)))
    return article.text[start:max(start, min(end, len(article.text)))]


def _span_parts(span: Any) -> tuple[str, int, int] | None:
    """(article, start, end) from a Span, a dict or a Mention; None if it is none of those."""
    if isinstance(span, dict):
        values = span.get("article"), span.get("start"), span.get("end")
    else:
        values = getattr(span, "article", None), getattr(span, "start", None), getattr(span, "end", None)
    if isinstance(values[0], str) and isinstance(values[1], int) and isinstance(values[2], int):
        return values  # type: ignore[return-value]
    return None


# ---- small pieces ---------------------------------------------------------------------

def chip(ctx: _Context, article: Article, numbered: bool = False) -> str:
    number = f"<span class='n'>#{ctx.number.get(article.id, '?')}</span>" if numbered else ""
    hint = article.outlet + (f": {article.title}" if article.title else "")
    return (f"<span class='chip {ctx.outlet_class(article)}' title='{esc(hint)}'>"
            f"<span class='label'>{esc(article.outlet)}</span>{number}</span>")


def _cited_words(ctx: _Context, article: Article, start: int, end: int, whole_sentence: bool) -> tuple[str, int | None]:
    """The cited text (widened to whole sentences if asked) and the index of its first sentence."""
    sentence = ctx.sentence_index(article, start)
    if whole_sentence and sentence is not None:
        last = ctx.sentence_index(article, max(start, end - 1))
        start = article.sentences[sentence].start
        end = max(end, article.sentences[last].end) if last is not None else end
    return _slice(article, start, end), sentence


def cites(ctx: _Context, spans: Iterable[Any], whole_sentence: bool = False) -> str:
    """One outlet chip per cited article that reveals its cited words on hover or keyboard
    focus and links to them in the article's text. Several spans of one article share a chip."""
    by_article: dict[str, list[tuple[str, int | None]]] = {}
    for span in spans:
        parts = _span_parts(span)
        article = ctx.articles.get(parts[0]) if parts else None
        if article is not None:
            by_article.setdefault(article.id, []).append(_cited_words(ctx, article, parts[1], parts[2], whole_sentence))
    out = []
    for article_id, cited in by_article.items():
        article = ctx.articles[article_id]
        first = next((n for _, n in cited if n is not None), None)
        anchor = f"#a{ctx.number[article.id]}" + (f"-s{first}" if first is not None else "")
        source = esc(article.outlet) + (f" · {esc(article.title)}" if article.title else "")
        words = "".join(f"<span class='cited-text'>{esc(text)}</span>" for text, _ in dict.fromkeys(cited))
        tip = ctx.new_id("c")
        out.append(f"<a class='chip cite {ctx.outlet_class(article)}' href='{anchor}' aria-describedby='{tip}'>"
                   f"<span class='label'>{esc(article.outlet)}</span>"
                   f"<span class='cited' id='{tip}' role='tooltip'><span class='from'>{source}</span>{words}</span></a>")
    return "".join(out)


def _story_articles(ctx: _Context, story: Story) -> list[Article]:
    return [ctx.articles[i] for i in story.articles if i in ctx.articles]


def _ints(values: Any) -> list[int]:
    return [v for v in values if isinstance(v, int)] if isinstance(values, list) else []


def _fact_text(story: Story, fact: Any) -> str:
    if isinstance(fact, int) and 0 <= fact < len(story.facts):
        return story.facts[fact].text
    return fact if isinstance(fact, str) else ""


def _more(items: list[str], limit: int, noun: str, list_class: str = "") -> str:
    """The first ``limit`` list items, and the rest folded in a <details>."""
    ul = f"<ul class='{list_class}'>" if list_class else "<ul>"
    shown = "".join(items[:limit])
    if len(items) <= limit:
        return f"{ul}{shown}</ul>"
    return (f"{ul}{shown}</ul><details class='more'><summary>{len(items) - limit} more {noun}</summary>"
            f"{ul}{''.join(items[limit:])}</ul></details>")


# ---- story sections ---------------------------------------------------------------------

def _header(ctx: _Context, story: Story, anchor: str, sections: list[tuple[str, str]]) -> str:
    members = _story_articles(ctx, story)
    outlets = {a.outlet for a in members}
    copies = sum(1 for a in members if a.duplicate_of)
    counts = [f"{len(outlets)} outlet{'s' * (len(outlets) != 1)}",
              f"{len(members)} article{'s' * (len(members) != 1)}"]
    if copies:
        counts.append(f"{copies} wire cop{'ies' if copies != 1 else 'y'}")
    dates = story.extra.get("dates")
    if not (isinstance(dates, list) and dates):
        dates = sorted(a.published for a in members if a.published)
    shown = [d for d in (_format_date(dates[0]), _format_date(dates[-1])) if d] if dates else []
    when = shown[0] if len(set(shown)) == 1 else " – ".join(shown) if shown else "no date"
    chips = "".join(chip(ctx, a, numbered=True) for a in members)
    toc = "".join(f"<a href='#{anchor}-{key}'>{label}</a>" for key, label in sections) + "<a href='#stories'>All stories</a>"
    return (f"<header><h2>{esc(story.title)}</h2>"
            f"<p class='meta'><span class='when'>{esc(when)}</span> · <span class='counts'>{', '.join(counts)}</span></p>"
            f"<div class='chips'>{chips}</div><nav class='toc' aria-label='Sections'>{toc}</nav></header>")


def _summary(ctx: _Context, story: Story) -> str:
    story_outlets = {a.outlet for a in _story_articles(ctx, story) if not a.duplicate_of}
    rows = []
    for sentence in story.summary:
        supporting = {ctx.articles[s].outlet for s in sentence.sources if s in ctx.articles}
        total = max(len(story_outlets), len(supporting), 1)
        if len(supporting) >= total:
            level, label = "all", f"all {total} outlets"
        elif len(supporting) <= 1 and total > 1:
            level, label = "one", f"only 1 of {total} outlets"
        else:
            level, label = "some", f"{len(supporting)} of {total} outlets"
        support = f" <span class='support'>{label}</span>" if total > 1 else " "
        rows.append(f"<li class='{level}'>{esc(sentence.text)}{support}"
                    f"<span class='cites'>{cites(ctx, sentence.spans)}</span></li>")
    return f"<ol class='summary'>{''.join(rows)}</ol>"


def _matrix(ctx: _Context, story: Story, coverage: dict) -> str:
    columns = [ctx.articles[i] for i in coverage.get("articles", []) if isinstance(i, str) and i in ctx.articles]
    rows = [r for r in coverage.get("rows", []) if isinstance(r, dict) and isinstance(r.get("fact"), int)
            and 0 <= r["fact"] < len(story.facts) and isinstance(r.get("articles"), list)]
    shared = sorted((r for r in rows if len(set(r["articles"])) > 1),
                    key=lambda r: (-len(set(r["articles"])), r["fact"]))
    if len(columns) < 2 or not shared:
        return ""
    head = "".join(f"<th scope='col'>{chip(ctx, a, numbered=True)}</th>" for a in columns)
    body = []
    for n, row in enumerate(shared):
        fact = story.facts[row["fact"]]
        reporting = set(row["articles"])
        wordings = "".join(f"<li>{chip(ctx, ctx.articles[m.article])} {esc(_slice(ctx.articles[m.article], m.start, m.end))}</li>"
                           for m in fact.mentions if m.article in ctx.articles)
        marks = "".join(
            f"<td class='mark {ctx.outlet_class(a)}'><span class='dot' title='{esc(a.outlet)} reports this'></span>"
            f"<span class='sr'>{esc(a.outlet)} reports this</span></td>" if a.id in reporting else
            f"<td class='mark'><span class='gap' aria-hidden='true'>–</span><span class='sr'>not in {esc(a.outlet)}</span></td>"
            for a in columns)
        hidden = " class='more-row'" if n >= MAX_MATRIX_ROWS else ""
        body.append(f"<tr{hidden}><td class='fact'><details><summary>{esc(fact.text)}</summary><ul>{wordings}</ul>"
                    f"</details></td>{marks}<td class='count'>{len(reporting)}/{len(columns)}</td></tr>")
    compact = " compact" if len(columns) > MAX_NAMED_COLUMNS else ""  # many columns: numbers, not names
    table = (f"<p class='note'>Facts reported by more than one article, most widely reported first. "
             f"Open a fact to read each outlet's words.</p>"
             f"<div class='matrix-wrap'><table class='matrix{compact}'><thead><tr><th scope='col'>Fact</th>"
             f"{head}<th scope='col'>Outlets</th></tr></thead><tbody>{''.join(body[:MAX_MATRIX_ROWS])}</tbody></table></div>")
    if len(body) > MAX_MATRIX_ROWS:
        table += (f"<details><summary>{len(body) - MAX_MATRIX_ROWS} more shared facts</summary><div class='matrix-wrap'>"
                  f"<table class='matrix'><tbody>{''.join(body[MAX_MATRIX_ROWS:])}</tbody></table></div></details>")
    return table


def _fact_mention(ctx: _Context, story: Story, index: int, article_id: str) -> str:
    """A cite chip for the article's own sentence stating fact ``index``, if it has one."""
    if not 0 <= index < len(story.facts):
        return ""
    return cites(ctx, [m for m in story.facts[index].mentions if m.article == article_id])


def _only_and_omitted(ctx: _Context, story: Story) -> str:
    blocks = []
    only_in = story.extra.get("only_in")
    if isinstance(only_in, dict):
        for article_id, facts in only_in.items():
            article = ctx.articles.get(article_id)
            items = [f"<li>{esc(_fact_text(story, n))} {_fact_mention(ctx, story, n, article_id)}</li>"
                     for n in _ints(facts) if _fact_text(story, n)]
            if article and items:
                blocks.append(f"<div><h4>Only in {chip(ctx, article, numbered=True)}</h4>{_more(items, MAX_LISTED, 'facts')}</div>")
    omissions = story.extra.get("omissions")
    if isinstance(omissions, dict):
        for article_id, facts in omissions.items():
            article = ctx.articles.get(article_id)
            items = []
            for n in _ints(facts):
                if not 0 <= n < len(story.facts):
                    continue
                others = len({s for s in story.facts[n].sources if s != article_id})
                items.append(f"<li>{esc(story.facts[n].text)} <span class='note'>(reported by {others} others)</span></li>")
            if article and items:
                blocks.append(f"<div><h4>{chip(ctx, article, numbered=True)} leaves out</h4>{_more(items, MAX_LISTED, 'facts')}</div>")
    return f"<div class='lists'>{''.join(blocks)}</div>" if blocks else ""


def _sources_chips(ctx: _Context, sources: Any, spans: Any = None) -> str:
    """Cite chips from spans where given, plain outlet chips for the remaining sources."""
    spans = [s for s in spans if _span_parts(s)] if isinstance(spans, list) else []
    out, cited = [cites(ctx, spans, whole_sentence=True)], {_span_parts(s)[0] for s in spans}
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, str) and source in ctx.articles and source not in cited:
            out.append(chip(ctx, ctx.articles[source]))
    return f"<span class='cites'>{''.join(out)}</span>"


def _conflicts(ctx: _Context, story: Story) -> str:
    conflicts = story.extra.get("conflicts")
    if not isinstance(conflicts, list):
        return ""
    blocks = []
    for conflict in conflicts:
        if not isinstance(conflict, dict):
            continue
        kind, slot = (conflict.get(k) if isinstance(conflict.get(k), str) else "" for k in ("kind", "slot"))
        about = _fact_text(story, conflict.get("fact")) or conflict.get("about")
        versions = []
        for version in conflict.get("versions") if isinstance(conflict.get("versions"), list) else []:
            if isinstance(version, dict):
                sources = version.get("sources") or version.get("articles")
                versions.append(f"<li><strong>{esc(version.get('value') or version.get('text') or '')}</strong> "
                                f"{_sources_chips(ctx, sources, version.get('spans'))}</li>")
        if versions:
            what = (f" on a {esc(kind)}" if kind else "") + (f" <span class='note'>({esc(slot)})</span>" if slot else "")
            blocks.append(f"<div class='conflict' role='note'><h4>Outlets disagree{what}</h4>"
                          + (f"<p class='about'>{esc(about)}</p>" if isinstance(about, str) and about else "")
                          + f"<ul class='versions'>{''.join(versions)}</ul></div>")
    return "".join(blocks)


def _unquoted(text: str) -> str:
    """A direct quote without its own quotation marks and trailing comma: <q> adds the marks."""
    words = text.strip()
    opened = words[:1] in "\"'“‘«„"
    words = (words[1:] if opened else words).rstrip(" ,")
    # a closing ' or ’ may be an apostrophe ("the workers'"): drop it only after an opening mark
    if words[-1:] in "\"”»" or (opened and words[-1:] in "'’"):
        words = words[:-1].rstrip(" ,")
    return words or text


def _speakers(ctx: _Context, story: Story) -> str:
    speakers = story.extra.get("speakers")
    if not isinstance(speakers, list):
        return ""
    blocks = []
    for speaker in speakers:
        if not isinstance(speaker, dict) or not speaker.get("speaker"):
            continue
        items = []
        for statement in speaker.get("statements") or []:
            if not isinstance(statement, dict) or not statement.get("text"):
                continue
            direct = statement.get("kind") == "direct"
            words = (f"<span class='kind'>quote</span><q>{esc(_unquoted(statement['text']))}</q>" if direct
                     else esc(statement["text"]))
            items.append(f"<li class='{'direct' if direct else 'indirect'}'>{words} "
                         f"{_sources_chips(ctx, statement.get('sources'), statement.get('spans'))}</li>")
        if items:
            role = f" <span class='role'>{esc(speaker['role'])}</span>" if speaker.get("role") else ""
            blocks.append(f"<div class='speaker'><h4>{esc(speaker['speaker'])}{role}</h4>"
                          f"{_more(items, MAX_STATEMENTS, 'statements', 'statements')}</div>")
    return "".join(blocks)


def _diff_items(values: Any, tag: str, label: str) -> str:
    """Sentences a copy added (<ins>) or cut (<del>), one per line."""
    texts = [v if isinstance(v, str) else v.get("text") for v in values if isinstance(v, (str, dict))] \
        if isinstance(values, list) else []
    items = "".join(f"<li><{tag}>{esc(t)}</{tag}></li>" for t in texts if isinstance(t, str) and t)
    return f"<div class='diff'><span class='kind'>{label}</span><ul>{items}</ul></div>" if items else ""


def _copy_changes(copy: dict) -> str:
    similarity = copy.get("similarity")
    same = (f" <span class='note'>{similarity:.0%} the same wording</span>"
            if isinstance(similarity, (int, float)) and 0 <= similarity <= 1 else "")
    added = _diff_items(copy.get("added"), "ins", "added")
    removed = _diff_items(copy.get("removed"), "del", "cut")
    if copy.get("exact") is True or not (added or removed):
        return f"{same} <span class='note'>· word for word</span>" if copy.get("exact") is True else same
    return same + added + removed


def _copies(ctx: _Context, story: Story) -> str:
    groups = story.extra.get("copies")
    if not isinstance(groups, list):
        return ""
    blocks = []
    for group in groups:
        if not isinstance(group, dict) or group.get("canonical") not in ctx.articles:
            continue
        original = ctx.articles[group["canonical"]]
        items = []
        for copy in group.get("copies") if isinstance(group.get("copies"), list) else []:
            copy_id = copy if isinstance(copy, str) else (copy.get("id") or copy.get("article")) if isinstance(copy, dict) else None
            if copy_id not in ctx.articles:
                continue
            article = ctx.articles[copy_id]
            changes = _copy_changes(copy) if isinstance(copy, dict) else ""
            items.append(f"<li>{chip(ctx, article, numbered=True)} {esc(article.title or '')}{changes}</li>")
        if items:
            blocks.append(f"<div class='copies'><p>{chip(ctx, original, numbered=True)} {esc(original.title or '')} "
                          f"<span class='note'>(the original) was carried by</span></p><ul>{''.join(items)}</ul></div>")
    return "".join(blocks)


def _article_text(ctx: _Context, article: Article) -> str:
    """The clean text with each sentence an anchor that citations link to."""
    number, cursor, out = ctx.number[article.id], 0, []
    for n, span in enumerate(article.sentences):
        if span.start < cursor or span.end <= span.start or span.end > len(article.text):
            continue
        out.append(esc(article.text[cursor:span.start]))
        out.append(f"<span class='s' id='a{number}-s{n}'>{esc(article.text[span.start:span.end])}</span>")
        cursor = span.end
    out.append(esc(article.text[cursor:]))
    return "".join(out)


def article_block(ctx: _Context, article: Article) -> str:
    number = ctx.number[article.id]
    meta = [("Outlet", esc(article.outlet)), ("Published", esc(article.published or "no date"))]
    if article.authors:
        meta.append(("By", esc(", ".join(article.authors))))
    url = safe_url(article.url)
    if url:
        meta.append(("Link", f"<a href='{esc(url)}' rel='noopener noreferrer nofollow' target='_blank'>{esc(url)}</a>"))
    elif article.url:
        meta.append(("Link", f"{esc(article.url)} <span class='note'>(not a web address; not linked)</span>"))
    meta.append(("File", esc(article.path)))
    if article.duplicate_of in ctx.articles:
        meta.append(("Copy of", chip(ctx, ctx.articles[article.duplicate_of], numbered=True)))
    if not article.is_article:
        meta.append(("Set aside", esc(article.non_article_reason or "not a news article")))
    removed = ""
    if article.removed:
        lines = "".join(f"<li>{esc(line)}</li>" for line in article.removed)
        removed = (f"<div class='removed'><strong>Removed as boilerplate or metadata ({len(article.removed)} lines)</strong>"
                   f"<ul>{lines}</ul></div>")
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta)
    return (f"<details class='article' id='a{number}'><summary>{chip(ctx, article, numbered=True)} "
            f"<span class='title'>{esc(article.title or article.id)}</span> "
            f"<span class='note'>{esc(_format_date(article.published) or '')}</span></summary>"
            f"<div class='body'><dl>{dl}</dl><div class='text'>{_article_text(ctx, article)}</div>{removed}</div></details>")


def story_section(ctx: _Context, story: Story, number: int, shown: set[str]) -> str:
    anchor = f"story-{number}"
    sections: list[tuple[str, str, str]] = []  # (key, heading, html)
    if story.summary:
        sections.append(("summary", "What happened", _summary(ctx, story)))
    coverage = story.extra.get("coverage")
    agree = (_conflicts(ctx, story) + (_matrix(ctx, story, coverage) if isinstance(coverage, dict) else "")
             + _only_and_omitted(ctx, story))
    if agree:
        sections.append(("agree", "Who agrees", agree))
    said = _speakers(ctx, story)
    if said:
        sections.append(("said", "Who said what", said))
    copies = _copies(ctx, story)
    if copies:
        sections.append(("copies", "Copies", copies))
    members = [a for a in _story_articles(ctx, story) if a.id not in shown]
    shown.update(a.id for a in members)
    if members:
        sections.append(("articles", "Articles", "".join(article_block(ctx, a) for a in members)))
    body = "".join(f"<section id='{anchor}-{key}'><h3>{heading}</h3>{html}</section>" for key, heading, html in sections)
    return (f"<article class='story' id='{anchor}'>{_header(ctx, story, anchor, [(k, h) for k, h, _ in sections])}"
            f"{body}</article>")


# ---- the page -----------------------------------------------------------------------------

def _story_list(ctx: _Context, stories: list[Story]) -> str:
    def date_range(story: Story) -> list[str]:
        return sorted(ctx.articles[i].published for i in story.articles if i in ctx.articles and ctx.articles[i].published)

    order = sorted(range(len(stories)), key=lambda n: (-len(stories[n].articles), (date_range(stories[n]) or ["9999"])[0]))
    rows = []
    for n in order:
        story, dates = stories[n], date_range(stories[n])
        outlets = len({ctx.articles[i].outlet for i in story.articles if i in ctx.articles})
        when = " – ".join(dict.fromkeys(_format_date(d) for d in (dates[0], dates[-1]))) if dates else "no date"
        rows.append(f"<tr><td><a href='#story-{n + 1}'>{esc(story.title)}</a></td><td class='n'>{len(story.articles)}</td>"
                    f"<td class='n'>{outlets}</td><td class='when'>{esc(when)}</td></tr>")
    return ("<section id='stories' class='wrap'><h2>Stories by size and time</h2><div class='matrix-wrap'><table class='stories'>"
            "<thead><tr><th scope='col'>Story</th><th scope='col'>Articles</th><th scope='col'>Outlets</th>"
            f"<th scope='col'>Dates</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")


def _errors(report: Report) -> str:
    if not report.errors:
        return "<section id='errors' class='wrap'><h2>Inputs not read</h2><p class='note'>Every input was read.</p></section>"
    items = "".join(f"<li><code>{esc(e.path)}</code>: {esc(e.error)}</li>" for e in report.errors)
    return f"<section id='errors' class='wrap errors'><h2>Inputs not read ({len(report.errors)})</h2><ul>{items}</ul></section>"


def _set_aside(ctx: _Context, leftover: Iterable[Article]) -> str:
    blocks = "".join(article_block(ctx, a) for a in leftover)
    if not blocks:
        return ""
    return ("<section id='other' class='wrap'><h2>Read but in no story</h2><p class='note'>Pages that are not news "
            f"articles (crawl notices, widgets) and anything else left out of the stories.</p>{blocks}</section>")


def render(report: Report) -> str:
    ctx = _Context(report)
    shown: set[str] = set()
    stories = "".join(story_section(ctx, story, n, shown) for n, story in enumerate(report.stories, 1))
    leftover = [a for a in report.articles if a.id not in shown]
    outlets = len(ctx.colour)
    title = report.stories[0].title if len(report.stories) == 1 else f"{len(report.stories)} stories"
    counts = (f"{len(report.stories)} stor{'ies' if len(report.stories) != 1 else 'y'} from "
              f"{len(report.articles)} article{'s' * (len(report.articles) != 1)} by {outlets} outlet{'s' * (outlets != 1)}"
              f" · {len(report.errors)} input{'s' * (len(report.errors) != 1)} not read")
    return "".join([
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
        "<meta name='referrer' content='no-referrer'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>newsweave: {esc(title)}</title><style>{STYLE}{outlet_rules(outlets)}</style></head><body>",
        "<a class='skip' href='#main'>Skip to the stories</a>",
        f"<header class='page-head'><div class='wrap'><h1>newsweave report</h1><p>{counts}</p>"
        "<nav aria-label='Report'><a href='#stories'>All stories</a><a href='#errors'>Inputs not read</a></nav></div></header>",
        f"<main id='main' class='wrap'>{stories or '<p>No stories: no article could be read.</p>'}</main>",
        _story_list(ctx, report.stories) if report.stories else "",
        _set_aside(ctx, leftover),
        _errors(report),
        "</body></html>\n",
    ])
