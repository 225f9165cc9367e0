"""report.md: stories with their cited summaries, facts and quotes, for reading as text."""

from __future__ import annotations

import re

from ..model import Report

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: str) -> str:
    """Escape Markdown and HTML syntax so article text shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render(report: Report) -> str:
    articles = report.by_id()
    number = {a.id: n for n, a in enumerate(report.articles, 1)}
    lines = ["# newsweave report", "",
             f"{len(report.articles)} articles, {len(report.stories)} stories, {len(report.errors)} inputs not read.", ""]
    for story in report.stories:
        outlets = sorted({articles[a].outlet for a in story.articles})
        lines += [f"## {md(story.title)}", "",
                  f"{len(outlets)} outlets, {len(story.articles)} articles: " + ", ".join(md(o) for o in outlets), ""]
        if story.summary:
            lines += ["### What happened", ""]
            for sentence in story.summary:
                cites = " ".join(f"[{number[s]}]" for s in sentence.sources)
                lines.append(f"- {md(sentence.text)} {cites}")
            lines.append("")
        if story.facts:
            lines += ["### Who agrees", "", "| fact | outlets |", "|---|---|"]
            for fact in story.facts[:40]:
                lines.append(f"| {md(fact.text)} | {len(set(fact.sources))}: " + ", ".join(md(articles[s].outlet) for s in fact.sources) + " |")
            lines.append("")
        if story.quotes:
            lines += ["### Who said what", ""]
            for quote in story.quotes:
                mark = "“" + md(quote.text) + "”" if quote.kind == "direct" else md(quote.text)
                lines.append(f"- **{md(quote.speaker)}** ({quote.cue}): {mark} [{number[quote.article]}]")
            lines.append("")
    lines += ["## Articles", ""]
    for article in report.articles:
        meta = ", ".join(md(x) for x in [article.outlet, article.published or "no date", article.path] if x)
        copy = f" (copy of [{number[article.duplicate_of]}])" if article.duplicate_of else ""
        lines.append(f"{number[article.id]}. {md(article.title or article.id)} ({meta}){copy}")
    if report.errors:
        lines += ["", "## Inputs not read", ""]
        lines += [f"- `{e.path.replace('`', '')}`: {md(e.error)}" for e in report.errors]
    return "\n".join(lines) + "\n"
