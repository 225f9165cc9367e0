"""Story features: what one article says, as a sparse TF-IDF vector, for story clustering.

Following Miranda et al. (2018, "Multilingual Clustering of Streaming News"), an article
is described by TF-IDF over its content words, plus its names (capitalised word
sequences) and numbers as separate, up-weighted features: names and figures are what
tell one event from a similar one (two phone calls between the same countries, days
apart, differ in who spoke). The title and lead count twice, being what the article is
about. Vectors are plain ``dict[str, float]`` truncated to their strongest terms, so they
cost the same at any corpus size and can be stored.

Document frequencies come from ``TermStatistics``: counted over the whole batch in batch
mode, or kept up to date by the store in incremental mode; one code path serves both.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

from .model import Article
from .text_features import NAME, NUMBER, STOP_WORDS, WORD, matches_at_word_starts, without_leading_boundary

NAME_WEIGHT = 0.5  # names against content words (tuned on the dev sets; more hurt NeuS)
NUMBER_WEIGHT = 0.6
LEAD_CHARS = 600  # the title and this much of the text are counted twice
MAX_TERMS = 120  # strongest terms kept per article vector
MAX_TEXT_CHARS = 20_000  # a longer article is described by its beginning

Vector = dict[str, float]


_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”"})


def _names(text: str) -> list[str]:
    # A single capitalised word right after a sentence end is capitalised for grammar.
    out = []
    for match in NAME.finditer(text):
        name = match.group()
        if " " not in name:
            start = match.start()
            before = text[max(0, start - 2) : start]
            if start == 0 or before.strip()[-1:] in _SENTENCE_ENDS or before.endswith("\n"):
                continue
        out.append("n:" + name.lower())
        if " " in name:  # "Vladimir Putin" also counts as "putin", to meet "Putin" alone
            out.append("n:" + name.rsplit(" ", 1)[1].lower())
    return out


def article_terms(article: Article) -> Counter:
    """Raw term counts: content words, ``n:`` names and ``#:`` numbers; the lead counts twice."""
    text = article.text[:MAX_TEXT_CHARS]
    title = article.title or ""
    lead = f"{title}\n{text[:LEAD_CHARS]}" if title and not text.startswith(title) else text[:LEAD_CHARS]
    counts: Counter = Counter()
    for part, times in ((lead, 2), (text[LEAD_CHARS:], 1)):  # each character is read once
        terms = _content_words(part) + _names(part) + ["#:" + n for n in NUMBER.findall(part) if not _is_year(n)]
        counts.update(terms * times)
    return counts


def _content_words(text: str) -> list[str]:
    # text_features.content_words, lowercasing the text once rather than word by word.
    return [w for w in WORD.findall(text.replace("’", "'").lower()) if len(w) > 1 and w not in STOP_WORDS]


# A name right after a role word is a person's: who acted is what tells two similar events
# apart (the leaders' call vs. their foreign ministers' call two days earlier).
_PERSON_AFTER_ROLE = re.compile(
    r"\b(?:President|Premier|Prime Minister|Minister|Secretary|Chancellor|Councilor|Senator|Sen\.|Rep\.|"
    r"Gov\.|Governor|King|Queen|Prince|Pope|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|General|Gen\.|Mayor|Judge|Justice|"
    r"Ambassador|Chairman|Chairwoman|CEO|Coach|Speaker|Leader|Spokesman|Spokeswoman|counterpart)"
    r"\s+((?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\s?){1,3})")
# Searched without its leading \b, which makes the regex engine try every position (4x slower).
_PERSON_AFTER_ROLE_BODY = without_leading_boundary(_PERSON_AFTER_ROLE)
PEOPLE_CHARS = 1000  # people are looked for in the title and this much of the text


def key_people(article: Article) -> frozenset[str]:
    """Words of the names of people introduced by their role near the top of the article."""
    top = f"{article.title or ''}\n{article.text[:PEOPLE_CHARS]}"
    found = matches_at_word_starts(_PERSON_AFTER_ROLE_BODY, top)
    return frozenset(w.lower() for match in found for w in match.group(1).split())


def _is_year(number: str) -> bool:
    # Years recur across unrelated stories; an exact figure (a death toll) does not.
    return len(number) == 4 and number[:2] in {"19", "20"}


_KIND_WEIGHT = {"n:": NAME_WEIGHT, "#:": NUMBER_WEIGHT}  # by term prefix; content words weigh 1


@dataclass
class TermStatistics:
    """Document frequencies for IDF; ``add`` as articles arrive."""

    documents: int = 0
    frequency: Counter = field(default_factory=Counter)

    def add(self, terms) -> None:
        self.documents += 1
        self.frequency.update(set(terms))

    def idf(self, term: str) -> float:
        # Smoothed so that an unseen term (a new name) weighs most, never infinitely.
        return math.log((1 + self.documents) / (1 + self.frequency.get(term, 0))) + 1.0


# 1 + log(count) for the small counts nearly every term has (the same floats, looked up).
_SUBLINEAR_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]


def vectorise(terms: Counter, stats: TermStatistics, max_terms: int = MAX_TERMS) -> Vector:
    """Sublinear TF x IDF x kind weight, strongest ``max_terms`` kept, L2-normalised."""
    log, frequency = math.log, stats.frequency
    top_idf = log(1 + stats.documents) + 1.0  # idf = top_idf - log(1 + df), as in TermStatistics.idf
    weights = {t: (_SUBLINEAR_TF[c] if c < len(_SUBLINEAR_TF) else 1.0 + log(c)) * (top_idf - log(1 + frequency.get(t, 0))) * _KIND_WEIGHT.get(t[:2], 1.0)
               for t, c in terms.items()}
    # Strongest first: callers take a vector's leading terms as its most telling ones.
    return normalised(dict(sorted(weights.items(), key=itemgetter(1), reverse=True)[:max_terms]))


def normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def strongest(vector: Vector, n: int) -> list[str]:
    """The ``n`` leading terms of a vector built strongest first (``vectorise``, profiles)."""
    return list(islice(vector, n))


def sparse_dot(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors (their cosine when both are L2-normalised)."""
    # The shared keys are found by a set intersection in C; few terms are shared.
    return sum(a[t] * b[t] for t in a.keys() & b.keys())
