"""Clean: strip site chrome from article text and lift bylines and date lines into metadata.

Works line by line on the scraped text. A line is dropped only when it matches a
pattern of chrome (breadcrumbs, share and comment widgets, photo captions, credit
lines, bylines, date lines) or repeats across several articles of one outlet; every
dropped line is kept in ``Article.removed`` so nothing disappears unseen.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import islice

from .dates import parse_date
from .model import Article

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# A space other than the plain one: most lines have none, and then collapsing doubled plain
# spaces (str.replace, in C) does what _SPACES would, several times quicker on a long line.
_OTHER_SPACES = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u3000]")
_BREADCRUMB_SEPARATORS = r"(?:»|›|>|&gt;|/|\||::|→)"
_DOUBLED_FULL_STOP = re.compile(r"(?<![.\s])\.\.(?=\s|$)")  # a typo ("pandemic.."), not an ellipsis
_BREADCRUMB_START = re.compile(rf"^(?:home|homepage|start|news|index)\s*{_BREADCRUMB_SEPARATORS}", re.I)
_BREADCRUMB_PART = re.compile(rf"\s*{_BREADCRUMB_SEPARATORS}\s*")
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|published|posted|updated)\s*:?\s*"
    r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*", re.I)
_WORDED_DATE_LINE = re.compile(r"^\s*(?:published|posted|updated)(?:\s+on)?\s*:?\s+(.{6,40})$", re.I)
_AGENCIES = (r"Agencies|Agency|Reuters|AP|AFP|Xinhua|PTI|IANS|ANI|Bloomberg|dpa|DPA|UPI|"
             r"TASS|Tass|EFE|Kyodo|Yonhap|CNA|Bernama|Sputnik|ANSA|KUNA|WAM|SPA|APP|NNA")
_CREDIT_TAIL = re.compile(rf"\s*[–—-]{{1,2}}\s*\(?(?:{_AGENCIES})\)?\s*$")
_AGENCY_NAMES = tuple(_AGENCIES.split("|"))
_CREDIT_HEAD = re.compile(rf"^\s*(?:[A-Z][A-Z .,'-]{{1,40}}\s*)?\(\s*({_AGENCIES}|[A-Z][A-Za-z.]{{1,20}})\s*\)\s*[–—:-]{{1,2}}\s*")
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|words by)\s*:?\s+(.+)$", re.I)
_META_FIELD = re.compile(r"\b(source|published|updated|posted|date)\s*:\s*", re.I)
_CAPTION = re.compile(
    r"(?:\b(?:photo|photograph|picture|image|file photo|credit|video|graphic)s?\s*(?::|/|by)\s*[^.!?]{0,80}[.)]?\s*$"
    r"|\((?:courtesy|file photo|handout|photo|image|picture|credit)[^)]{0,80}\)\s*$"
    r"|\b(?:getty images|afp via getty images|shutterstock|ap photo|reuters/[A-Z][\w ]+)\s*\)?\.?\s*$)",
    re.I)
_WIDGETS = re.compile(
    r"^\s*(?:<[^<>]{1,60}>"
    r"|.*\bcomments? powered by\b.*"
    r"|(?:share this|share on \w+|share this (?:article|story|page))(?:\s*[|/:]\s*\w+)*"
    r"|(?:play\s+)?(?:share|tweet|email|e-mail|print|pin|save|facebook|twitter|whatsapp|linkedin|reddit|telegram)"
    r"(?:[\s|/:,·•]+(?:share|tweet|email|e-mail|print|pin|save|facebook|twitter|whatsapp|linkedin|reddit|telegram))*"
    r"|(?:related|related articles?|related stories|read more|more stories|see also|recommended|trending(?: now)?|most read|advertisement|sponsored(?: content)?|skip to (?:main )?content|also|photos?|videos?)\s*:?"
    r"|(?:advertisement\s*)?(?:continue reading(?: the main story| below)?|story continued below)"
    r"|tweet with a location|text size\s*[-+]?\s*[-+]?|reset|embed|close"
    r"|.{0,80}\ba (?:post|photo|video) shared by\b[^@]{0,80}\(@\w+\).{0,80}"  # an embedded social media post
    r"|(?:please )?enable javascript.{0,80}|(?:javascript|cookies) (?:is|are) (?:disabled|required).{0,80}"
    r"|rating is available when the video has been rented\.?|this feature is not available right now.{0,60}"
    r"|media playback is unsupported on your device|image copyright .{0,60}|image caption .{0,120}"
    r"|follow [\w .'-]{1,40} on (?:twitter|facebook|instagram)\b.{0,60}|have a tip.{0,80}"
    r"|[\W_]+"
    r"|(?:related|read more|see also|more on this(?: story)?|more stories|more|watch|listen)\s*:.{0,100}"
    r"|(?:click here|sign up for|subscribe to|follow us|join our|download our app|leave a comment|post a comment)\b.{0,100}"
    r"|(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4}).{0,150}"
    r"|all rights reserved.{0,100}"
    r"|(?:\d+\s+)?comments?|loading(?: comments)?\.{0,3}"
    r"|(?:previous|next)\s+(?:article|story|post)\s*:?.{0,150}"
    r"|(?:editor|edited by|source|disclaimer)\s*:.{0,80}"
    r")\s*$",
    re.I)
# "Kyle Park and the Associated Press contributed to this report." closing a story
_CONTRIBUTORS = re.compile(r"\bcontributed(?: reporting)? to this (?:report|story|article)\.?\s*$", re.I)
# A name or label with a parenthesised credit under a photo: "Harbour Board chair Ines
# Vale (Courtesy photo)". Nothing outside the brackets is a lowercase word or a figure.
_LABEL_THEN_BRACKETS = re.compile(r"^[^()]*[A-Za-z][^()]*\([^()]{1,60}\)\s*$")
_TERMINAL = ("." , "!", "?", '"', "”", "’", "'", ":", ";", ")")
_SECTION_ENDS = ("|", ":", ">", ">>", "»", "›", "...")
_NOT_A_HEADLINE = re.compile(
    r"^(?:published|posted|updated|by|photo|copyright|play)\b|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
    re.I)
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
HEADER_LINES = 6  # chrome and metadata lines are looked for in the first lines only


def normalise_line(line: str) -> str:
    if ".." in line:
        line = _DOUBLED_FULL_STOP.sub(".", line)
    if _OTHER_SPACES.search(line):
        return _SPACES.sub(" ", line).strip()
    while "  " in line:
        line = line.replace("  ", " ")
    return line.strip()


def is_breadcrumb(line: str) -> bool:
    if _BREADCRUMB_START.match(line):
        return True
    if not re.search(r"»|›|→|>|\|", line):
        return False  # no path separator: not a breadcrumb (checked before splitting the line)
    parts = [p for p in _BREADCRUMB_PART.split(line) if p]
    # "Harbour Times > Region": short capitalised parts joined by path separators,
    # with nothing that ends a sentence.
    return (2 <= len(parts) <= 6
            and not line.rstrip().endswith((".", "!", "?", '"', "”"))
            and all(len(p.split()) <= 4 and p[:1].isupper() for p in parts))


def is_widget(line: str) -> bool:
    return len(line) <= 200 and bool(_WIDGETS.match(line))


def is_caption(line: str) -> bool:
    if len(line.split()) > 45:
        return False
    if _CAPTION.search(line):
        return True
    if len(line) <= 100 and _LABEL_THEN_BRACKETS.match(line):
        label = line[: line.rindex("(")]
        return not re.search(r"\b[a-z]{2,}\b|\d", label)
    return False


def is_contributor_line(line: str) -> bool:
    """The closing credit of who else reported the story (one or two short sentences)."""
    return len(line) <= 250 and bool(_CONTRIBUTORS.search(line))


def credit_tail(line: str) -> re.Match | None:
    """A trailing agency credit (" - Reuters"), or None."""
    # The line must end with an agency name (or one in brackets): a cheap test that spares
    # running the pattern from every position of a long paragraph.
    end = line.rstrip()
    if not end.endswith(_AGENCY_NAMES) and not (end.endswith(")") and end[:-1].endswith(_AGENCY_NAMES)):
        return None
    return _CREDIT_TAIL.search(line)


def parse_byline(line: str) -> tuple[list[str], dict[str, str]] | None:
    """'By A and B Source:Outlet Published: 2020/4/17 1:02' -> (authors, fields)."""
    match = _BYLINE.match(line)
    rest = line
    authors: list[str] = []
    if match:
        rest = match.group(1)
    elif not _META_FIELD.match(line):
        return None
    pieces = _META_FIELD.split(rest)
    names = pieces[0].strip(" ,|")
    fields: dict[str, str] = {}
    for key, value in zip(pieces[1::2], pieces[2::2]):
        fields[key.lower()] = value.strip(" ,|")
    if match:
        if len(names.split()) > 12 or names.endswith("."):
            return None  # a sentence starting with "By", not a byline
        names = re.sub(r"\s*[|,]?\s*(?:staff writers?|staff reporters?|correspondents?)\s*$", "", names, flags=re.I)
        authors = [a.strip() for a in re.split(r",|\band\b|&", names) if a.strip()]
    return authors, fields


def _is_section_label(line: str, following: str) -> bool:
    """One capitalised word above a line that is itself a headline (no full stop)."""
    words = line.rstrip(" |:>»›").split()
    return (len(words) == 1 and words[0][:1].isupper() and not line.endswith(_TERMINAL[:3])
            and bool(following) and not following.endswith(_TERMINAL[:3]))


def _looks_like_title(line: str, next_line: str | None) -> bool:
    if len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS or not line[:1].isalnum():
        return False
    if line[:1].islower() or len(line.split()) < 2 or line.endswith(_SECTION_ENDS):
        return False  # "World", "PHILADELPHIA |", "Local News More>>": a section label
    if _NOT_A_HEADLINE.match(line) or is_widget(line) or is_caption(line) or parse_date(line):
        return False  # "Published on May 3, 2015", "2 years ago", "JavaScript is disabled"
    # A body paragraph ends like a sentence; a headline does not end with a full stop,
    # unless it is all there is.
    return not line.endswith(".") or next_line is None


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped paragraphs: a line that does not end a sentence, followed by a
    line starting in lower case, continues the same paragraph."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and not out[-1].endswith(_TERMINAL) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def clean_article(article: Article, find_title: bool = True) -> Article:
    """Clean one article in place and return it."""
    lines = _join_wrapped_lines([normalise_line(l) for l in article.text.split("\n")])
    removed = list(article.removed)
    kept: list[str] = []
    header = True
    seen_body_lines = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        if header:
            match = _DATE_PREFIX.match(line)
            if match:
                article.published = article.published or parse_date(match.group(1))
                removed.append(match.group(0).strip())
                line = line[match.end():].strip()
                if not line:
                    continue
            worded = _WORDED_DATE_LINE.match(line)
            worded_date = parse_date(worded.group(1)) if worded else None
            if worded_date:  # "Published on May 3, 2015"
                article.published = article.published or worded_date
                removed.append(line)
                continue
            byline = parse_byline(line)
            if byline is not None:
                authors, fields = byline
                article.authors = article.authors or authors
                if fields.get("source"):
                    article.source = article.source or fields["source"]
                for key in ("published", "date", "posted", "updated"):
                    if fields.get(key) and not article.published:
                        article.published = parse_date(fields[key])
                removed.append(line)
                continue
            if is_breadcrumb(line):
                removed.append(line)
                continue
            if find_title and article.title is None and not kept:
                following = next((l for l in islice(lines, index + 1, None) if l), "")
                if _is_section_label(line, following):
                    removed.append(line)  # "World", "Politics |" above the headline
                    continue
                if _looks_like_title(line, next_line):
                    article.title = line
                    continue
        if is_widget(line) or is_caption(line) or is_contributor_line(line):
            removed.append(line)
            continue
        head = _CREDIT_HEAD.match(line)
        if head and header:
            removed.append(head.group(0).strip())
            article.source = article.source or head.group(1)
            line = line[head.end():]
        tail = credit_tail(line)
        if tail and tail.start() > 0:
            removed.append(tail.group(0).strip())
            line = line[: tail.start()].rstrip()
        kept.append(line)
        seen_body_lines += 1
        if seen_body_lines >= 1 and len(line) > MAX_TITLE_CHARS:
            header = False
        elif seen_body_lines >= HEADER_LINES:
            header = False
    article.text = "\n\n".join(kept)
    article.removed = removed
    if article.published:
        article.published = parse_date(article.published)
    return article


def remove_repeated_lines(articles: list[Article], min_articles: int = 3, share: float = 0.5) -> None:
    """Drop lines that recur in many articles of one outlet (newsletter boxes, slogans).

    A paragraph counts as boilerplate when it appears in at least ``min_articles``
    articles of the same outlet and in at least ``share`` of that outlet's articles,
    so wire sentences shared across outlets are never touched.
    """
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.source:
            by_outlet[article.source].append(article)
    for group in by_outlet.values():
        if len(group) < min_articles:
            continue
        counts = Counter(p for a in group for p in set(a.text.split("\n\n")) if p)
        limit = max(min_articles, share * len(group))
        repeated = {p for p, n in counts.items() if n >= limit}
        if not repeated:
            continue
        for article in group:
            paragraphs = article.text.split("\n\n")
            keep = [p for p in paragraphs if p not in repeated]
            if len(keep) < len(paragraphs) and keep:
                article.removed.extend(p for p in paragraphs if p in repeated)
                article.text = "\n\n".join(keep)


def clean_articles(articles: list[Article]) -> list[Article]:
    for article in articles:
        clean_article(article, find_title=article.title is None)
    remove_repeated_lines(articles)
    return articles
