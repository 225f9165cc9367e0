"""Non-articles: pages that are not news articles at all (crawl notices, widgets, error pages).

A scraped "article" is sometimes the chrome of a web archive, a tweet embed or a
"JavaScript is disabled" page. Such a page is short and most of its sentences speak about
the web page itself (crawls, tweets, cookies, browsers, sign-ups), not about the world.
They get ``is_article = False`` and a reason, and are never merged into a story.
"""

from __future__ import annotations

import re

from .model import Article
from .text_features import words

MIN_WORDS = 8  # fewer words than this is a fragment, not an article (a title and lead has more)
MAX_INTERFACE_WORDS = 400  # longer pages are articles that merely contain some chrome
INTERFACE_SHARE = 0.5  # share of sentences about the page itself that marks a non-article

# Matched against the lowercased text (3x quicker than re.I on a long article).
_INTERFACE = re.compile(
    r"\b(?:crawl(?:s|ed|er|ing)?|wayback|internet archive|archive-?it|web archive|web pages?|urls?|"
    r"javascript|your browser|cookies|sign up|log ?in|subscribe|newsletter|mailing list|"
    r"e-?mail address|privacy policy|terms of (?:use|service)|click (?:here|below)|embed(?:s|ded)?|"
    r"media playback|rented|interactive transcript|page (?:you requested|not found|cannot be found)|"
    r"location information|your tweets|tweet with a location|third-party (?:applications|apps)|"
    r"try again later|feature is not available|is disabled|custom domain|data ?set|seed list|(?:this|the) page|"
    r"webmaster|navigation|bookmark|publicly accessible|"
    # account pages and site set-up notices
    r"sign(?:ed)?[ -]in|registration information|for registering|have an account|your (?:account|profile|password)|"
    r"confirmation e-?mail|click on the link|help cent(?:er|re)|mobile alerts|domain mapping|"
    # a crawl's seed description
    r"inter-?domain|ranked (?:urls|pages)|slash pages|the seed for)\b")
# Substrings one of which every _INTERFACE match contains: a fast test before the regex.
_TRIGGERS = ("crawl", "wayback", "archive", "web page", "url", "javascript", "browser", "cookies", "sign up",
             "log in", "login", "subscribe", "newsletter", "mailing list", "mail address", "privacy policy",
             "terms of", "click", "embed", "playback", "rented", "transcript", "page", "location information",
             "your tweets", "tweet with", "third-party", "try again", "not available", "disabled", "custom domain",
             "data set", "dataset", "seed list", "webmaster", "navigation", "bookmark", "publicly accessible",
             "sign", "regist", "have an account", "your account", "your profile", "your password", "confirmation",
             "click on the link", "help cent", "mobile alerts", "domain", "ranked", "slash pages", "the seed for")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def non_article_reason(text: str) -> str | None:
    """Why this text is not a news article, or None when it reads like one."""
    rough_words = len(text.split())  # cheap tests first: most texts are plain articles
    if rough_words > 2 * MAX_INTERFACE_WORDS:
        return None
    n_words = len(words(text)) if rough_words < 2 * MIN_WORDS else rough_words
    if n_words < MIN_WORDS:
        return f"only {n_words} words"
    if n_words > MAX_INTERFACE_WORDS:
        return None
    lowered = text.lower()
    if not any(trigger in lowered for trigger in _TRIGGERS) or not _INTERFACE.search(lowered):
        return None
    sentences = [s for s in _SENTENCE_END.split(lowered) if len(s.split()) >= 3]
    if not sentences:
        return "no sentences"
    about_page = sum(1 for s in sentences if _INTERFACE.search(s))
    if about_page / len(sentences) >= INTERFACE_SHARE:
        return f"{about_page} of {len(sentences)} sentences are about the web page (archive, widget or site notice)"
    return None


def mark_non_articles(articles: list[Article]) -> int:
    """Set ``is_article``/``non_article_reason``; return how many were marked."""
    marked = 0
    for article in articles:
        reason = non_article_reason(article.text)
        if reason:
            article.is_article = False
            article.non_article_reason = reason
            marked += 1
    return marked
