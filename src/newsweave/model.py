"""The data model every stage reads and writes.

Text is stored once, in ``Article.text`` (the clean body). Everything downstream
(sentences, fact mentions, quotes, summary citations) points back into it with
``(article id, start, end)`` character offsets, so citations are exact and can be
highlighted and checked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Span:
    """A character span ``[start, end)`` in one article's clean text."""

    article: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    authors: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # lines dropped as boilerplate
    duplicate_of: str | None = None
    sentences: list[Span] = field(default_factory=list)
    is_article: bool = True  # False for crawl notices, widgets and other non-articles
    non_article_reason: str | None = None

    @property
    def outlet(self) -> str:
        """The label a reader sees for this article's outlet: its named source, else the
        site its URL is on, else (nothing names it) the article's own id."""
        if self.source:
            return self.source
        host = _hostname(self.url) if self.url else None
        return host.removeprefix("www.") if host else self.id

    @property
    def headline(self) -> str:
        """The title, or for an article without one its opening words, as a reader would
        name it."""
        if self.title:
            return self.title
        opening = self.text[:200].split()
        if not opening:
            return self.id
        return " ".join(opening[:12]) + (" …" if len(opening) > 12 else "")

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start : span.end]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "text": self.text,
            "removed": list(self.removed),
            "duplicate_of": self.duplicate_of,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "is_article": self.is_article,
            "non_article_reason": self.non_article_reason,
        }


@dataclass
class Mention:
    """One sentence of one article that states a fact."""

    article: str
    start: int
    end: int
    sentence: int  # index into that article's sentences


@dataclass
class Fact:
    """Sentences from different articles that report the same thing."""

    text: str  # the representative wording
    sources: list[str]  # supporting article ids
    mentions: list[Mention]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sources": list(self.sources),
            "mentions": [asdict(m) for m in self.mentions],
        }


@dataclass
class SummarySentence:
    text: str
    sources: list[str]  # every article that supports the sentence
    spans: list[Span]  # the supporting sentence in each of those articles
    # who speaks in the sentence when it names them only by a pronoun or a description
    # ("He stressed that ..."): out of its article, the sentence no longer says who
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sources": list(self.sources),
            "spans": [asdict(s) for s in self.spans],
            "speaker": self.speaker,
        }


@dataclass
class Quote:
    speaker: str  # canonical speaker name (or the description when no name is known)
    text: str  # the reported content
    kind: str  # "direct" or "indirect"
    cue: str  # the speech verb or phrase ("said", "according to")
    article: str
    start: int  # content span in the article's text
    end: int
    speaker_mention: str | None = None  # the words naming the speaker in this sentence
    role: str | None = None  # the speaker's description, where the article gives one
    cue_start: int | None = None  # the cue's span in the article's text
    cue_end: int | None = None
    speaker_start: int | None = None  # the speaker mention's span (None when carried over)
    speaker_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # coverage, conflicts, copies...

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "summary": [s.to_dict() for s in self.summary],
            "facts": [f.to_dict() for f in self.facts],
            "quotes": [q.to_dict() for q in self.quotes],
        }
        out.update(self.extra)
        return out


@dataclass
class InputError:
    path: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error}


SCHEMA_ID = "newsweave.report/1"


@dataclass
class Report:
    articles: list[Article]
    stories: list[Story]
    errors: list[InputError]

    def article(self, article_id: str) -> Article:
        return self.by_id()[article_id]

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "errors": [e.to_dict() for e in self.errors],
        }


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # an unreadable URL names no site
        return None
