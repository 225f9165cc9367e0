"""Attribution by patterns around speech verbs, sentence by sentence (no model needed).

Covers the forms news copy uses most: quotations with the cue after or before them,
"X said (that) ...", "..., X said" and "..., said X", "Noting that ..., X said",
"..., according to X", and speakers with an appositive ("Yang Jin, an associate
research fellow at ..., told ..."). Works on any text with sentence spans.
"""

from __future__ import annotations

import re

from .lexicon import CUE_LEMMAS, EVALUATIVE_LEMMAS, PARTICIPLES, SPEECH_FORMS, STANCE_LEMMAS, TITLE_WORDS
from .records import CLOSE_QUOTES, OPEN_QUOTES, Attribution, CharSpan, kind_of, source_span, trim

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|al-\w+))*"
_QUALIFIER = r"(?:[A-Z][\w'’-]+\s+){0,3}"  # "Russian", "US", "Chinese Foreign"
_DESCRIPTION = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?|[Aa]nother|[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any)"
    r"\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:president|leader|side|minister|counterpart|spokes(?:man|woman|person)|officials?|ministry|government|"
    r"analysts?|experts?|professor|chancellor|premier|secretary|senator|governor|mayor|candidate|nominee|"
    r"ambassador|diplomats?|envoy|chief|director|chairman|researchers?|fellow|scholars?|sources?|aides?|"
    r"advis[eo]rs?|campaign|lawmakers?|report|statement|poll|survey|study|people|residents?|voters?|"
    r"supporters?|critics?|observers?|economists?|spokesperson|group|organi[sz]ation|committee|party|company|"
    r"union|network|newspaper|paper|magazine|council|court|judge|commission|board|office|department|agency|"
    r"administration|man|woman|members?|delegates?|officer|attorney|lawyer|prosecutors?|police|host|"
    r"moderator|author|article|ad|letter|memo|filing|documents?)"
)
# "(I-Vt.)", ", 21,", ", R-NY,": a party, an age or a state after the name
_TAG = r"(?:\s+\([A-Z]-[\w. ]{2,12}\)|,\s+\d{1,3},|,\s+[A-Z]-[A-Z][\w.]{1,10},)?"
_APPOSITIVE = _TAG + r"(?:,\s+(?:an?|the|who|whose|one of|[a-z][\w'’-]*)\s+[^,“”\"]{3,120}?(?:,\s+[A-Z][^,“”\"]{2,160}?)*,)?"
# "Senator Ivo Marsh of Dunmore": PolNeAR's source spans keep the place
_OF_PLACE = r"(?:\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
SPEAKER = (
    rf"(?:(?:{_QUALIFIER}{TITLE_WORDS}\s+)?{_NAME}{_OF_PLACE}{_APPOSITIVE}|{_DESCRIPTION}{_APPOSITIVE}|"
    r"[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ww]ho|[A-Z]{2,}(?:\s+[A-Z][\w]+)*)"
)
def _finite_forms(lemmas) -> set[str]:
    """Past and third-person forms of regular verbs: "warned", "vows", "denied"."""
    forms = set()
    for lemma in lemmas:
        if lemma.endswith("y") and lemma[-2] not in "aeiou":  # deny: denied, denies
            forms.update({lemma[:-1] + "ied", lemma[:-1] + "ies"})
        else:
            forms.add(lemma + "d" if lemma.endswith("e") else lemma + "ed")
            forms.add(lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s")
    return forms


def _alternatives(forms: set[str]) -> str:
    return "|".join(sorted(forms, key=len, reverse=True))


# every verb that reports speech on its own (lexicon.CUE_LEMMAS), beyond the hand-written
# SPEECH_FORMS (say, tell and write are irregular and listed there)
_REPORTING = _finite_forms(l for l, alone in CUE_LEMMAS.items() if alone and l not in {"say", "tell", "write"})
VERB = rf"(?:{SPEECH_FORMS}|{_alternatives(_REPORTING)})"
# "Senator Ivo Marsh criticized the levy": verbs whose object is what the subject said of
# something (lexicon.EVALUATIVE_LEMMAS), and stances PolNeAR counts (not statements)
_STANCE_FORMS = frozenset(_finite_forms(STANCE_LEMMAS))
_EVALUATIVE = _alternatives((_finite_forms(EVALUATIVE_LEMMAS) | _STANCE_FORMS) - _REPORTING)

# auxiliaries and adverbs between a speaker and the cue ("has also said", "did not say")
_HELPERS = r"(?:(?:has|have|had|also|later|then|further|not|did|does|would|will|previously|repeatedly|still|now|never|already|recently)\s+)*"
# after "according to" any short phrase names the source ("the city engineer", "a new poll")
_ANY_SOURCE = r"[^,;.“”\"]{2,100}?"
_OPEN = OPEN_QUOTES
_CLOSE = CLOSE_QUOTES
_TIME = r"(?:\s+(?:on|in|at|during|last|this|late|early)\s+(?:[A-Z]\w+|\w+day|night|week|month|year)(?:\s+\w+day)?)?"
_OBJECT = r"(?:\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|\s+(?:reporters|him|her|them|me|us|journalists))?"
_TAIL = _OBJECT + r"(?:\s+(?:on|in|at|to|during)\s+[\w ,’'-]{1,60}?)?(?:,\s+according to [^,.]+)?\s*(?:[,.;!?]|$)"

# what may stand before a sentence's speaker: a dateline ("LONDON (Reuters) - "), a
# conjunction ("But"), and a phrase or two set off by commas ("Moments earlier, in his
# opening remarks, Trump said ...")
_LEAD = (r"(?:[A-Z][A-Z .,'’-]+(?:\s*\([^()]{1,30}\))?\s*[—–-]{1,2}\s+)?(?:(?:But|And|Yet|So|Still|Now|Then|Meanwhile)\s+)?"
         r"(?:[A-Z][^,]{0,60},\s+(?:[a-z][^,]{0,60},\s+)?)?")

# (kind, pattern): tried in order, first match per sentence wins; each pattern names its
# groups content, speaker and cue
PATTERNS: list[tuple[str, re.Pattern]] = [
    # "...," Putin said.   /  "...," said Putin.
    ("quote-before", re.compile(
        rf"(?P<content>[{_OPEN}][^{_CLOSE}]{{6,}}?[{_CLOSE}]),?\s+"
        rf"(?:(?P<speaker>{SPEAKER})\s+(?P<cue>{VERB})|(?P<cue2>{VERB})\s+(?P<speaker2>{SPEAKER}))\b")),
    # Noting that ..., Putin said ...
    ("participle-first", re.compile(
        rf"^(?P<cue>{PARTICIPLES})\s+(?P<content>(?:that\s+)?.{{8,}}?),\s+(?P<speaker>{SPEAKER})\s+(?:{VERB})\b")),
    # The council, she added, is sure that ...
    ("parenthetical", re.compile(
        rf"^(?P<content>[^,]{{3,80}}?),\s+(?P<speaker>[Hh]e|[Ss]he|[Tt]hey|{_NAME})\s+(?P<cue>{VERB}),\s+"
        rf"(?P<content2>(?!adding|saying|noting|according)\w.{{8,}})$")),
    # ..., Xi said(, adding that ...).  /  ..., stressed the Russian president.
    ("content-before", re.compile(
        rf"^(?P<content>.{{12,}}?(?:,[”\"]|(?=,))),?\s+(?:(?P<speaker>{SPEAKER})\s*,?\s+{_HELPERS}(?P<cue>{VERB})|(?P<cue2>{VERB})\s+"
        rf"(?P<speaker2>{SPEAKER})){_TAIL}")),
    # ..., according to X.   /  According to X, ...
    ("according-after", re.compile(
        rf"^(?P<content>.{{12,}}?),?\s+(?P<cue>according to)\s+(?P<speaker>{_ANY_SOURCE})\s*[,.]?\s*$")),
    ("according-before", re.compile(
        rf"^(?P<cue>According to)\s+(?P<speaker>{_ANY_SOURCE}),\s+(?P<content>.{{8,}})$")),
    # any short subject before the cue: "Palm Beach County Supervisor of Elections Susan Bucher said ..."
    ("subject-first", re.compile(
        rf"^(?P<speaker>[A-Z][^,;:“”\"()]{{1,90}}?(?:,\s+\d+,)?)\s+{_HELPERS}(?P<cue>{VERB})"
        rf"(?:\s+(?:on|in|at)\s+[\w ]{{1,30}}?(?=\s+that\b))?\s+(?P<content>(?:that\s+)?[\w“\"‘'].{{8,}})$")),
    # transcripts and headlines: "Lopez: Well, no one is ...", "Kasich: We Are Going To ..."
    ("colon", re.compile(
        r"^(?!(?:Note|Update|Updated|Editor|Photo|Video|Watch|Related|Read|Source|Sources|Image|Credit|"
        r"Advertisement|Warning|Correction|Clarification|The Latest)\b)"  # AP's "The Latest: ..." is a column
        r"(?![A-Z]{2,}(?:[,:(]|\s+[^A-Z\s]))"  # nor a dateline: "BEIJING:" ("NY Post:" and "JAKE TAPPER:" speak)
        r"(?![A-Z]:)"  # nor an interview's "Q:" and "A:", whose speakers the transcript names elsewhere
        r"(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})(?P<cue>:)\s+(?P<content>\S.{6,})$")),
    # Putin said (that) ... / Putin told the Global Times on Thursday that "..."
    ("content-after", re.compile(
        rf"^{_LEAD}(?P<speaker>{SPEAKER})\s+{_HELPERS}"
        rf"(?P<cue>{VERB})(?:\s+(?:[A-Z][\w .’'-]{{1,60}}?|the\s+[\w ]{{1,40}}?|reporters|him|her|them|me|us)"
        rf"{_TIME}(?=\s+that\b))?(?:{_TIME}(?=\s+that\b))?[:,]?\s+(?P<content>.{{8,}})$")),
    # Senator Ivo Marsh criticized the levy as a tax on islanders.
    ("evaluation", re.compile(
        rf"^{_LEAD}(?P<speaker>{SPEAKER})\s+{_HELPERS}(?P<cue>{_EVALUATIVE})\s+(?P<content>\w.{{5,}})$")),
]

_WORD = re.compile(r"\w+")


def _group(match: re.Match, *names: str) -> tuple[int, int] | None:
    for name in names:
        if match.groupdict().get(name) is not None:
            return match.span(name)
    return None


def _open_quote_before(text: str, span: CharSpan) -> CharSpan:
    """'“A. B,” he said.': the sentence holds only 'B,”'; the quotation starts in an earlier
    sentence of the same paragraph."""
    start, end = span
    piece = text[start:end]
    if piece.rstrip(",.!?")[-1:] != "”" or "“" in piece:
        return span
    paragraph_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("“", paragraph_start, start)
    return (opening, end) if opening != -1 and "”" not in text[opening:start] else span


# words PolNeAR's cue spans take in before the verb ("has also said", "did not say")
_CUE_HELPERS = frozenset((
    "has", "have", "had", "also", "later", "then", "further", "not", "did", "does", "do", "would",
    "will", "could", "previously", "repeatedly", "again", "still", "now", "never", "already", "is",
    "was", "are", "were", "been", "recently", "often", "once", "publicly", "even", "just",
))


def _cue_with_helpers(text: str, speaker: CharSpan, cue: CharSpan) -> CharSpan:
    """The cue with the auxiliaries and adverbs between its speaker and it, and a colon after it."""
    start, end = cue
    if speaker[1] <= start:
        words = list(re.finditer(r"\S+", text[speaker[1]:start]))
        if words and all(w.group().lower() in _CUE_HELPERS for w in words):
            start = speaker[1] + words[0].start()
    if text[end:end + 1] == ":":
        end += 1
    return start, end


# speech forms that are nouns as often ("in six states", "his remarks") after these words
_NOUN_FORMS = re.compile(r"(?:states|remarks|comments|points|notes|reports|claims|promises|answers|charges|posts|"
                         r"estimates|warns|texts|counters|pledges|vows|responds|replies|admits)", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|other|several|few|many|all|"
                          r"both|some|one|two|three|four|five|six|seven|eight|nine|ten|recent|controversial|United)|\d)\s+\Z",
                          re.IGNORECASE)


def match_sentence(text: str, start: int, end: int, skip: tuple[str, ...] = ()) -> Attribution | None:
    """The first pattern (not named in ``skip``) that matches ``text[start:end]``."""
    sentence = text[start:end]
    for name, pattern in PATTERNS:
        if name in skip:
            continue
        match = pattern.search(sentence)
        if match is None:
            continue
        speaker = _group(match, "speaker", "speaker2")
        cue = _group(match, "cue", "cue2")
        content = match.span("content")
        if speaker is None or cue is None:
            continue
        speaker_span = source_span(text, start + speaker[0], start + speaker[1])
        content_span = trim(text, start + content[0], start + content[1])
        # a content span must say something and a speaker must not be a sentence fragment
        if len(_WORD.findall(text[content_span[0] : content_span[1]])) < 3:
            continue
        if name in {"quote-before", "content-before"}:
            content_span = _open_quote_before(text, content_span)
        if name in {"content-after", "subject-first"} and text[content_span[0]] in _OPEN and text[content_span[1] - 1] not in _CLOSE:
            close = text.find("”", content_span[1], end + 1)
            content_span = (content_span[0], close + 1) if close != -1 else content_span
        if _NOUN_FORMS.fullmatch(text[start + cue[0]:start + cue[1]]) and _NOUN_BEFORE.search(text, max(start, start + cue[0] - 30), start + cue[0]):
            continue  # "in all five states", "controversial remarks": a noun
        cue_span = _cue_with_helpers(text, speaker_span, (start + cue[0], start + cue[1]))
        parts = [content_span]
        if match.groupdict().get("content2") is not None:
            parts.append(trim(text, start + match.start("content2"), start + match.end("content2")))
        statement = text[start + cue[0]:start + cue[1]].lower() not in _STANCE_FORMS
        return Attribution(kind_of(text, content_span), cue_span, speaker_span, parts, statement=statement)
    return None


def find_attributions(text: str, sentences: list[CharSpan], skip: tuple[str, ...] = ()) -> list[Attribution]:
    """One attribution at most per sentence, by the first pattern that fits."""
    found = []
    for start, end in sentences:
        attribution = match_sentence(text, start, end, skip)
        if attribution is not None:
            found.append(attribution)
    return found
