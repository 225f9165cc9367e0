"""Attribute: quotes and reported speech with their speakers (rule-based path).

Finds direct quotes and indirect speech sentence by sentence with patterns around
speech verbs, resolves pronouns to the last named speaker of the article and
descriptions ("the Russian president") through the roles the story's articles
give people ("Russian President Vladimir Putin"), and maps name variants
("President Xi", "Xi") to one canonical name per story.
"""

from __future__ import annotations

import re

from .model import Article, Quote

SPEECH_VERBS = (
    "said|says|added|adds|noted|notes|stressed|stresses|told|tells|promised|pointed out|"
    "stated|declared|explained|argued|warned|insisted|claimed|announced|confirmed|"
    "urged|asked|replied|wrote|believes|believed|expressed|emphasized|emphasised|"
    "underlined|reiterated|acknowledged|admitted|suggested|maintained|recalled|remarked|"
    "observed|continued|concluded|vowed|predicted|estimated|contended"
)
PRONOUNS = {"he", "she", "they", "his", "her"}
_TITLE_WORDS = r"(?:President|Prime Minister|Premier|Minister|Foreign Minister|Chancellor|Senator|Governor|Mayor|Secretary|Spokesman|Spokeswoman|Spokesperson|Ambassador|General|Director|Chairman|Chief|King|Queen|Pope|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Professor)"
_NAME = r"[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){0,3}"
_DESCRIPTION = r"(?:the|his|her|their)\s+(?:[A-Z]?[a-z]+\s+){0,3}(?:president|leader|side|minister|counterpart|spokesman|spokeswoman|spokesperson|official|ministry|government|analyst|expert|professor|chancellor|premier|secretary)"
SPEAKER = rf"(?:{_TITLE_WORDS}\s+)?(?:{_NAME}|{_DESCRIPTION}|[Hh]e|[Ss]he|[Tt]hey)"
VERB = rf"(?:{SPEECH_VERBS})"
_OPEN = "\"“"
_CLOSE = "\"”"

PATTERNS = [
    # "...," Putin said.   /  "...," said Putin.
    ("direct", re.compile(rf"[{_OPEN}](?P<content>[^{_CLOSE}]{{8,}}?)[,.!?]?[{_CLOSE}],?\s+(?:(?P<speaker>{SPEAKER})\s+(?P<cue>{VERB})|(?P<cue2>{VERB})\s+(?P<speaker2>{SPEAKER}))\b")),
    # Putin said: "..."  /  Putin told the Global Times that "..."
    ("direct", re.compile(rf"(?P<speaker>{SPEAKER})\s+(?P<cue>{VERB})\b[^{_OPEN}]{{0,80}}?(?:that\s+)?[{_OPEN}](?P<content>[^{_CLOSE}]{{8,}})[{_CLOSE}]")),
    # Noting that ..., Putin said ...
    ("indirect", re.compile(rf"^(?P<cue>Noting|Recalling|Stressing|Saying|Adding|Pointing out|Stating|Expressing)\s+(?:that\s+)?(?P<content>.{{8,}}?),\s+(?P<speaker>{SPEAKER})\s+(?:{VERB})\b")),
    # ..., Xi said(, adding that ...).  /  ..., stressed the Russian president.
    ("indirect", re.compile(rf"^(?P<content>.{{12,}}?),\s+(?:(?P<speaker>{SPEAKER})\s*,?\s+(?P<cue>{VERB})|(?P<cue2>{VERB})\s+(?P<speaker2>{SPEAKER}))(?:\s+(?:on|in|at)\s+[A-Z]\w+)?(?:,\s+according to [^,.]+)?\s*(?:[,.]|$)")),
    # Putin said (that) ...
    ("indirect", re.compile(rf"^(?:[A-Z][^,]{{0,40}},\s+)?(?P<speaker>{SPEAKER})\s+(?:also\s+|further\s+)?(?P<cue>{VERB})(?:\s+(?:that|the\s+\w+\s+that|[A-Z][\w ]{{1,40}}\s+(?:on\s+\w+\s+)?that))?\s+(?P<content>.{{12,}})$")),
    # ..., according to X.
    ("indirect", re.compile(rf"^(?P<content>.{{12,}}?),?\s+(?P<cue>according to)\s+(?P<speaker>{SPEAKER}|[A-Z]{{2,}})")),
]


def _strip_titles(name: str) -> str:
    return re.sub(rf"^(?:{_TITLE_WORDS}\s+)+", "", name).strip()


def _is_pronoun(speaker: str) -> bool:
    return speaker.lower() in PRONOUNS


def _is_description(speaker: str) -> bool:
    return bool(re.match(_DESCRIPTION + r"$", speaker))


def role_names(articles: list[Article]) -> dict[str, str]:
    """'Russian President Vladimir Putin' -> {'russian president': 'Vladimir Putin'}."""
    roles: dict[str, str] = {}
    pattern = re.compile(rf"\b((?:[A-Z][a-z]+\s+){{1,2}})({_TITLE_WORDS})\s+({_NAME})")
    for article in articles:
        for match in pattern.finditer(article.text):
            qualifier = match.group(1).strip().lower()
            title = match.group(2).lower()
            name = match.group(3)
            roles.setdefault(f"{qualifier} {title}", name)
            roles.setdefault(f"{qualifier.split()[-1]} {title}", name)
    return roles


def canonical_names(names: set[str]) -> dict[str, str]:
    """Map each name variant to the longest name of the story that ends with its surname."""
    full = sorted({_strip_titles(n) for n in names if n}, key=lambda n: -len(n.split()))
    mapping: dict[str, str] = {}
    for name in names:
        bare = _strip_titles(name)
        tokens = bare.split()
        best = bare
        for candidate in full:
            if candidate != bare and tokens and set(tokens) <= set(candidate.split()):
                best = candidate
                break
        mapping[name] = best
    return mapping


def _resolve(speaker: str, last_named: str | None, roles: dict[str, str]) -> str | None:
    if _is_pronoun(speaker):
        return last_named
    if _is_description(speaker):
        words = speaker.lower().split()[1:]
        for size in range(len(words), 0, -1):
            key = " ".join(words[-size - 1:]) if size < len(words) else " ".join(words)
            if key in roles:
                return roles[key]
        return speaker
    return _strip_titles(speaker) or speaker


def extract_quotes(article: Article, roles: dict[str, str] | None = None) -> list[Quote]:
    roles = roles if roles is not None else role_names([article])
    quotes: list[Quote] = []
    last_named: str | None = None
    for span in article.sentences:
        sentence = article.text[span.start : span.end]
        for kind, pattern in PATTERNS:
            match = pattern.search(sentence)
            if not match:
                continue
            groups = match.groupdict()
            speaker = groups.get("speaker") or groups.get("speaker2")
            cue = groups.get("cue") or groups.get("cue2") or ""
            resolved = _resolve(speaker, last_named, roles) if speaker else None
            if not resolved:
                continue
            content_start = span.start + match.start("content")
            content_end = span.start + match.end("content")
            quotes.append(Quote(
                speaker=resolved, text=article.text[content_start:content_end], kind=kind, cue=cue,
                article=article.id, start=content_start, end=content_end, speaker_mention=speaker,
            ))
            if not _is_pronoun(speaker) and not _is_description(speaker):
                last_named = resolved
            break
        else:
            named = re.search(rf"\b({_NAME})\b", sentence[1:])
            if named is not None and len(named.group(1).split()) >= 2:
                pass  # a sentence without speech does not change who "he" is
    return quotes


def attribute_story(articles: list[Article]) -> list[Quote]:
    """Quotes of every article of a story, with speakers canonical across the story."""
    roles = role_names(articles)
    quotes = [q for article in articles for q in extract_quotes(article, roles)]
    mapping = canonical_names({q.speaker for q in quotes} | set(roles.values()))
    for quote in quotes:
        quote.speaker = mapping.get(quote.speaker, quote.speaker)
    return quotes


def speakers(quotes: list[Quote]) -> list[dict]:
    """Each speaker once, with their statements; the same statement from several
    articles is one entry with all its sources."""
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    out = []
    for name, said in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        out.append({
            "speaker": name,
            "role": next((q.role for q in said if q.role), None),
            "statements": [{"text": q.text, "kind": q.kind, "sources": [q.article],
                            "spans": [{"article": q.article, "start": q.start, "end": q.end}]} for q in said],
        })
    return out
