"""The pieces every part of report.html uses: escaping, safe links, dates, outlet chips and
citation chips, and a context that numbers articles and gives each outlet its colour.

Every piece of text from an input goes through ``esc`` (HTML-escaped, quotes included);
element ids come from counters, never from input.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any, Iterable
from urllib.parse import urlsplit

from ..model import Article, Report, Story


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


def format_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%b %Y}"


@dataclass
class Context:
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


def text_slice(article: Article, start: Any, end: Any) -> str:
    if not isinstance(start, int) or not isinstance(end, int):
        return ""
    start = max(0, min(start, len(article.text)))
    return article.text[start:max(start, min(end, len(article.text)))]


def span_parts(span: Any) -> tuple[str, int, int] | None:
    """(article, start, end) from a Span, a dict or a Mention; None if it is none of those."""
    if isinstance(span, dict):
        values = span.get("article"), span.get("start"), span.get("end")
    else:
        values = getattr(span, "article", None), getattr(span, "start", None), getattr(span, "end", None)
    if isinstance(values[0], str) and isinstance(values[1], int) and isinstance(values[2], int):
        return values  # type: ignore[return-value]
    return None


def chip(ctx: Context, article: Article, numbered: bool = False) -> str:
    number = f"<span class='n'>#{ctx.number.get(article.id, '?')}</span>" if numbered else ""
    hint = article.outlet + (f": {article.title}" if article.title else "")
    return (f"<span class='chip {ctx.outlet_class(article)}' title='{esc(hint)}'>"
            f"<span class='label'>{esc(article.outlet)}</span>{number}</span>")


def cited_words(ctx: Context, article: Article, start: int, end: int, whole_sentence: bool) -> tuple[str, int | None]:
    """The cited text (widened to whole sentences if asked) and the index of its first sentence."""
    sentence = ctx.sentence_index(article, start)
    if whole_sentence and sentence is not None:
        last = ctx.sentence_index(article, max(start, end - 1))
        start = article.sentences[sentence].start
        end = max(end, article.sentences[last].end) if last is not None else end
    return text_slice(article, start, end), sentence


def cites(ctx: Context, spans: Iterable[Any], whole_sentence: bool = False) -> str:
    """One outlet chip per cited article that reveals its cited words on hover or keyboard
    focus and links to them in the article's text. Several spans of one article share a chip."""
    by_article: dict[str, list[tuple[str, int | None]]] = {}
    for span in spans:
        parts = span_parts(span)
        article = ctx.articles.get(parts[0]) if parts else None
        if article is not None:
            by_article.setdefault(article.id, []).append(cited_words(ctx, article, parts[1], parts[2], whole_sentence))
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


def story_articles(ctx: Context, story: Story) -> list[Article]:
    return [ctx.articles[i] for i in story.articles if i in ctx.articles]


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def dict_list(values: Any) -> list[dict]:
    """The dicts of a list read back from a report (anything else in it is skipped)."""
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def int_list(values: Any) -> list[int]:
    return [v for v in values if isinstance(v, int)] if isinstance(values, list) else []


def fact_text(story: Story, fact: Any) -> str:
    if isinstance(fact, int) and 0 <= fact < len(story.facts):
        return story.facts[fact].text
    return fact if isinstance(fact, str) else ""


def fold_list(items: list[str], limit: int, noun: str, list_class: str = "") -> str:
    """The first ``limit`` list items, and the rest folded in a <details>."""
    ul = f"<ul class='{list_class}'>" if list_class else "<ul>"
    shown = "".join(items[:limit])
    if len(items) <= limit:
        return f"{ul}{shown}</ul>"
    return (f"{ul}{shown}</ul><details class='more'><summary>{len(items) - limit} more {noun}</summary>"
            f"{ul}{''.join(items[limit:])}</ul></details>")
