"""report.html: one self-contained page of story reports, built from the same data as report.json.

This module lays out the page (header, each story with its articles, the list of stories,
inputs not read); html_sections renders a story's sections, html_parts the shared pieces
(escaping, chips, citations), html_style the CSS.

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

from typing import Iterable

from ..model import Article, Report, Story
from .html_parts import Context, chip, esc, format_date, safe_url, story_articles
from .html_sections import (conflict_notes, copy_groups, coverage_matrix, only_and_omitted, speaker_statements,
                            summary_list)
from .html_style import STYLE, outlet_rules
from .wording import counted

__all__ = ["render", "safe_url", "esc"]

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")


def _header(ctx: Context, story: Story, anchor: str, sections: list[tuple[str, str]]) -> str:
    members = story_articles(ctx, story)
    outlets = {a.outlet for a in members}
    copies = sum(1 for a in members if a.duplicate_of)
    counts = [counted(len(outlets), "outlet"), counted(len(members), "article")]
    if copies:
        counts.append(counted(copies, "wire copy"))
    dates = story.extra.get("dates")
    if not (isinstance(dates, list) and dates):
        dates = sorted(a.published for a in members if a.published)
    shown = [d for d in (format_date(dates[0]), format_date(dates[-1])) if d] if dates else []
    when = shown[0] if len(set(shown)) == 1 else " – ".join(shown) if shown else "no date"
    chips = "".join(chip(ctx, a, numbered=True) for a in members)
    toc = "".join(f"<a href='#{anchor}-{key}'>{label}</a>" for key, label in sections) + "<a href='#stories'>All stories</a>"
    return (f"<header><h2>{esc(story.title)}</h2>"
            f"<p class='meta'><span class='when'>{esc(when)}</span> · <span class='counts'>{', '.join(counts)}</span></p>"
            f"<div class='chips'>{chips}</div><nav class='toc' aria-label='Sections'>{toc}</nav></header>")


def _article_text(ctx: Context, article: Article) -> str:
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


def article_block(ctx: Context, article: Article) -> str:
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
            f"<span class='title'>{esc(article.headline)}</span> "
            f"<span class='note'>{esc(format_date(article.published) or '')}</span></summary>"
            f"<div class='body'><dl>{dl}</dl><div class='text'>{_article_text(ctx, article)}</div>{removed}</div></details>")


def story_section(ctx: Context, story: Story, number: int, shown: set[str]) -> str:
    anchor = f"story-{number}"
    sections: list[tuple[str, str, str]] = []  # (key, heading, html)
    if story.summary:
        sections.append(("summary", "What happened", summary_list(ctx, story)))
    coverage = story.extra.get("coverage")
    agree = (conflict_notes(ctx, story) + (coverage_matrix(ctx, story, coverage) if isinstance(coverage, dict) else "")
             + only_and_omitted(ctx, story))
    if agree:
        sections.append(("agree", "Who agrees", agree))
    said = speaker_statements(ctx, story)
    if said:
        sections.append(("said", "Who said what", said))
    copies = copy_groups(ctx, story)
    if copies:
        sections.append(("copies", "Copies", copies))
    members = [a for a in story_articles(ctx, story) if a.id not in shown]
    shown.update(a.id for a in members)
    if members:
        sections.append(("articles", "Articles", "".join(article_block(ctx, a) for a in members)))
    body = "".join(f"<section id='{anchor}-{key}'><h3>{heading}</h3>{html}</section>" for key, heading, html in sections)
    return (f"<article class='story' id='{anchor}'>{_header(ctx, story, anchor, [(k, h) for k, h, _ in sections])}"
            f"{body}</article>")


# ---- the page -----------------------------------------------------------------------------

def _story_list(ctx: Context, stories: list[Story]) -> str:
    def date_range(story: Story) -> list[str]:
        return sorted(ctx.articles[i].published for i in story.articles if i in ctx.articles and ctx.articles[i].published)

    order = sorted(range(len(stories)), key=lambda n: (-len(stories[n].articles), (date_range(stories[n]) or ["9999"])[0]))
    rows = []
    for n in order:
        story, dates = stories[n], date_range(stories[n])
        outlets = len({ctx.articles[i].outlet for i in story.articles if i in ctx.articles})
        when = " – ".join(dict.fromkeys(format_date(d) for d in (dates[0], dates[-1]))) if dates else "no date"
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


def _set_aside(ctx: Context, leftover: Iterable[Article]) -> str:
    blocks = "".join(article_block(ctx, a) for a in leftover)
    if not blocks:
        return ""
    return ("<section id='other' class='wrap'><h2>Read but in no story</h2><p class='note'>Pages that are not news "
            f"articles (crawl notices, widgets) and anything else left out of the stories.</p>{blocks}</section>")


def render(report: Report) -> str:
    ctx = Context(report)
    shown: set[str] = set()
    stories = "".join(story_section(ctx, story, n, shown) for n, story in enumerate(report.stories, 1))
    leftover = [a for a in report.articles if a.id not in shown]
    outlets = len(ctx.colour)
    title = report.stories[0].title if len(report.stories) == 1 else f"{len(report.stories)} stories"
    counts = (f"{counted(len(report.stories), 'story')} from {counted(len(report.articles), 'article')} "
              f"by {counted(outlets, 'outlet')} · {counted(len(report.errors), 'input')} not read")
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
