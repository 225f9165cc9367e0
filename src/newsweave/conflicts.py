"""Conflicts: one fact, reported by several outlets with different numbers, dates or names.

Inside each fact (mentions from different articles that report the same thing), every
mention is read for *slots*: a number with the word it counts ("3.4 percent", "12
people"), a date (a weekday, a day of a month, a year) and a name with the role or speech
word before it ("mayor John Smith", "said John Smith", or two words where the one before is
a link: "identified as John Smith"). Two articles disagree when they fill the same slot with different
values and neither mentions the other's value anywhere in its own wording of the fact.
Each conflict lists every version with its articles and the exact span of the value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from .attribution.lexicon import DESCRIPTION_HEADS
from .model import Article, Fact
from .paraphrase import concept
from .text_features import STOP_WORDS

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_NUMBER_WORD = "|".join(_NUMBER_WORDS)
# a figure or number word, a scale ("2.1 million"), and a number word after a scale ("one
# hundred and three"); not a clock time ("5:30") or a decimal's tail
_NUMBER = re.compile(
    r"(?<![\w.:])(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _NUMBER_WORD + r")"
    r"(?P<scale>\s+(?:" + "|".join(_SCALES) + r"))?"
    r"(?:(?<=[a-z])\s+(?:and\s+)?(?P<plus>" + _NUMBER_WORD + r"))?(?![\w:])", re.I)
_RATE = re.compile(r"(?:\s+(?:million|billion|trillion|thousand))?\s+(?:a|an|per|each)\s+(hour|day|week|month|year)\b", re.I)
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
_DURATIONS = {concept(w) for w in ("second", "minute", "hour", "day", "week", "month", "year", "decade", "year-old")}
SAME_NUMBER_TOLERANCE = 0.005  # 19,350 feet and 19,356 feet are one height, rounded two ways
_NEXT_WORD = re.compile(r"\s*(?:-\s*)?([A-Za-z%][A-Za-z-]*)")
_MONTH_NAME = "|".join(_MONTHS) + "|" + "|".join(f"{a}\\.?" for a in _MONTH_ABBREVIATIONS)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAME})\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH_NAME})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{3}})", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*)*")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\W*$")
_LINKING_WORDS = ("as", "by", "to")
_SPEECH_WORDS = ("said", "says", "told")
# The lowercase word before a name fills a role only when it is a role ("mayor John Smith",
# "suspect Karl Brenner"); an adjective ("ancient Egypt", "senior Obama administration
# official") is no slot. Checked on the name conflicts over Multi-News validation: every
# one keyed by another word compared two different things.
_ROLE_NOUNS = frozenset(DESCRIPTION_HEADS) | {
    "suspect", "victim", "defendant", "driver", "pilot", "captain", "coach", "manager", "owner",
    "founder", "attorney", "lawyer", "judge", "prosecutor", "officer", "detective", "sheriff",
    "commander", "general", "rival", "challenger", "opponent", "incumbent", "winner", "player",
    "star", "actor", "actress", "singer", "rapper", "author", "writer", "reporter", "photographer",
    "husband", "wife", "son", "daughter", "father", "mother", "brother", "sister", "boyfriend",
    "girlfriend", "partner", "colleague", "teacher", "student", "doctor", "nurse", "gunman",
    "shooter", "killer", "chairwoman", "ceo", "executive", "president-elect", "congressman",
    "congresswoman", "representative", "councilman", "councilwoman", "councillor", "councilor",
}
_POSSESSIVE = re.compile(r"['’]s?$")
SAME_NAME_SIMILARITY = 0.8  # "Muammar Gaddafi" / "Moammar Gadhafi": one name, two spellings


@dataclass(frozen=True)
class Value:
    """One filled slot in one mention: ``slot`` says what is counted or named, ``value`` is
    the normalised content, ``start``/``end`` the exact span in the article's text."""

    kind: str  # "number", "date" or "name"
    slot: str
    value: str
    start: int
    end: int
    label: str = ""  # the slot in the article's words, for readers ("hours after lasted")


def _number_value(match: re.Match) -> float:
    token = match.group("value").lower().replace(",", "")
    number = float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)
    if match.group("scale"):
        number *= _SCALES[match.group("scale").strip().lower()]
    if match.group("plus"):
        number += _NUMBER_WORDS[match.group("plus").lower()]
    return number


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_NUMBER_TOLERANCE * max(abs(a), abs(b))


def number_values(text: str, offset: int = 0) -> list[Value]:
    out = []
    for match in _NUMBER.finditer(text):
        token = match.group("value")
        if _YEAR.fullmatch(token) or (token.isdigit() and _is_part_of_date(text, match)):
            continue
        before = text[max(0, match.start() - 5):match.start()].lower()
        after = _NEXT_WORD.match(text, match.end())
        if before[-1:] in _CURRENCIES:  # "$700 a week", "£2.1 million": the unit is written first
            unit = _CURRENCIES[before[-1]]
            rate = _RATE.match(text, match.end())
            if rate:  # "$700 a week" is not "$36,400 a year"
                unit = f"{unit} a {rate.group(1).lower()}"
            elif after and after.group(1).lower() not in STOP_WORDS:  # "a $100,000 bond"
                unit = f"{after.group(1).lower()} in {unit}"
        elif re.search(r"\bage[ds]?\s+$", before):  # "at age 40"
            unit = "age"
        elif not after:
            continue
        else:
            unit = after.group(1).lower()
        if (unit in STOP_WORDS and unit not in ("percent", "per")) or (len(unit) < 2 and unit != "%"):
            continue  # "two of the ..." counts nothing nameable; "1 p.m." is a time
        if unit in ("per", "%"):
            unit = "percent"
        slot, label = " ".join(concept(w.rstrip("s")) for w in unit.split()), unit
        if slot in _DURATIONS or unit in _CURRENCIES.values():  # (money with no word of its own after it)
            # a span of time, like a date, is compared by what it measures: "lasted 10
            # hours" against "lasted nine hours", not against "takes another two hours";
            # a sum of money by what it buys or counts ("a lump sum of $359 million" is not
            # "walked away with $17 million")
            slot, label = _anchored(slot, label, text, match.start())
        start = match.start() - (before[-1:] in _CURRENCIES)  # "$100,000" as written
        out.append(Value("number", slot, f"{_number_value(match):.15g}", offset + start, offset + match.end(), label))
    return out


def _is_part_of_date(text: str, match: re.Match) -> bool:
    window = text[max(0, match.start() - 12): match.end() + 12]
    return bool(_DAY_MONTH.search(window) or _MONTH_DAY.search(window))


def date_values(text: str, offset: int = 0) -> list[Value]:
    out = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            month = match.group("month").lower().rstrip(".")
            month = _MONTH_ABBREVIATIONS.get(month[:4] if month.startswith("sept") else month[:3], month)
            out.append(Value("date", "day", f"{int(match.group('day'))} {month}", offset + match.start(), offset + match.end()))
    # A weekday or a year dates whatever it follows ("the town hall on Tuesday" is when
    # someone spoke, "the lower town on Monday" when water came; "founded in 1987", "a debut
    # album in 1993"): the slot is that anchor word.
    for kind, pattern, normal in (("year", _YEAR, str), ("weekday", _WEEKDAY, str.lower)):
        for match in pattern.finditer(text):
            slot, label = _anchored(kind, kind, text, match.start())
            out.append(Value("date", slot, normal(match.group()), offset + match.start(), offset + match.end(), label))
    return out


def _anchored(slot: str, label: str, text: str, position: int) -> tuple[str, str]:
    """``slot`` and ``label`` tied to the last content word before ``position``: the slot by
    its concept (compared), the label by the word as written (shown)."""
    for word in reversed(re.findall(r"[A-Za-z]+", text[max(0, position - 60):position])):
        word = word.lower()
        if len(word) > 2 and word not in STOP_WORDS and word not in _WEEKDAYS:  # not "m" of "6:30 a.m."
            return f"{slot} after {concept(word)}", f"{label} after {word}"
    return slot, label


def name_values(text: str, offset: int = 0) -> list[Value]:
    """Names with the word before them as the slot; a name opening the clause has no
    context to compare and is skipped."""
    out = []
    for match in _NAME.finditer(text):
        name_words = match.group().split()
        while name_words and name_words[0].lower() in STOP_WORDS:
            name_words.pop(0)
        if not name_words or name_words[0].lower() in _MONTHS + _WEEKDAYS:
            continue
        start = match.end() - len(" ".join(name_words))
        previous = _PREVIOUS_WORD.search(text[:start])
        if not previous or previous.group(1)[0].isupper():
            continue
        slot = previous.group(1).lower()
        if slot in _LINKING_WORDS:
            # "identified as X", "was led by X", "was handed to X": the word before the link
            # names the role
            before = _PREVIOUS_WORD.search(text[:previous.start()])
            if before and before.group(1).islower() and before.group(1) not in STOP_WORDS:
                slot = f"{before.group(1)} {slot}"
        if " " not in slot and slot not in _SPEECH_WORDS and slot not in _ROLE_NOUNS:
            continue  # "of Russia", "and Putin", "ancient Egypt": a phrase, not a role filled by one name
        value = _POSSESSIVE.sub("", " ".join(name_words))
        out.append(Value("name", slot, value, offset + start, offset + start + len(value)))
    return out


def mention_values(text: str, offset: int = 0) -> list[Value]:
    return number_values(text, offset) + date_values(text, offset) + name_values(text, offset)


def _mentions_value(text: str, value: Value) -> bool:
    """Whether a wording mentions ``value`` anywhere (in any slot), so it does not contradict it."""
    if value.kind == "name":
        lower = text.lower()
        return any(part.lower() in lower for part in value.value.split() if len(part) > 2)
    if value.kind == "number":
        return any(_same_number(_number_value(m), float(value.value)) for m in _NUMBER.finditer(text))
    return any(v.value == value.value for v in date_values(text))


def _same_value(kind: str, a: str, b: str) -> bool:
    if kind == "name":  # spellings of one name (transliterations, a typo) name one person
        return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SAME_NAME_SIMILARITY
    if kind == "number":
        return _same_number(float(a), float(b))
    return a == b


def _versions_merged(kind: str, versions: dict[str, list]) -> dict[str, list]:
    """Versions that are one value written two ways, joined under the first way."""
    merged: dict[str, list] = {}
    for value, holders in versions.items():
        same = next((kept for kept in merged if _same_value(kind, kept, value)), None)
        if same is None:
            merged[value] = list(holders)
        else:
            merged[same].extend(holders)
    return merged


def _closest_numbers_only(versions: dict[str, list]) -> dict[str, list]:
    """An article that counts one thing several times in its wording of a fact ("three
    people were stabbed and 12 arrested") keeps only the count closest to what the other
    articles say: that one is its version of their figure; the others count something else."""
    values_of: dict[str, set[str]] = defaultdict(set)
    for value, holders in versions.items():
        for article, _ in holders:
            values_of[article].add(value)
    closest: dict[str, str] = {}
    for article, mine in values_of.items():
        others = [float(v) for a, theirs in values_of.items() if a != article for v in theirs]
        if len(mine) > 1 and others:
            closest[article] = min(mine, key=lambda v: min(abs(float(v) - o) for o in others))
    kept: dict[str, list] = defaultdict(list)
    for value, holders in versions.items():
        for article, found in holders:
            if closest.get(article, value) == value:
                kept[value].append((article, found))
    return dict(kept)


def fact_conflicts(fact: Fact, articles: dict[str, Article]) -> list[dict]:
    """The conflicting slots of one fact, each with every version and where it is written."""
    wording = {m.article: articles[m.article].text[m.start:m.end] for m in fact.mentions if m.article in articles}
    by_slot: dict[tuple[str, str], dict[str, list[tuple[str, Value]]]] = defaultdict(lambda: defaultdict(list))
    for mention in fact.mentions:
        if mention.article not in wording:
            continue
        for value in mention_values(wording[mention.article], mention.start):
            by_slot[(value.kind, value.slot)][value.value].append((mention.article, value))
    conflicts = []
    for (kind, slot), versions in by_slot.items():
        if len(versions) < 2:
            continue
        # keep only the versions some other article contradicts: it fills the slot differently
        # and never mentions this value in its own wording of the fact
        versions = _versions_merged(kind, versions)
        if kind == "number":
            versions = _closest_numbers_only(versions)
        disputed = {}
        for value, holders in versions.items():
            holder_articles = {a for a, _ in holders}
            rivals = [a for other, others in versions.items() if other != value for a, _ in others
                      if a not in holder_articles and not _mentions_value(wording[a], holders[0][1])]
            if rivals:
                disputed[value] = holders
        if len(disputed) >= 2:
            conflicts.append({
                "kind": kind,
                "slot": next(iter(disputed.values()))[0][1].label or slot,
                "versions": [{"value": articles[h[0][0]].text[h[0][1].start:h[0][1].end],
                              "articles": sorted({a for a, _ in h}),
                              "spans": [{"article": a, "start": v.start, "end": v.end} for a, v in h]}
                             for h in disputed.values()],
            })
    return conflicts


def story_conflicts(articles: list[Article], facts: list[Fact]) -> list[dict]:
    """Conflicts over every fact that more than one article reports; ``fact`` indexes ``facts``."""
    by_id = {a.id: a for a in articles}
    out = []
    for number, fact in enumerate(facts):
        if len(set(fact.sources)) < 2:
            continue
        for conflict in fact_conflicts(fact, by_id):
            out.append({"fact": number, **conflict})
    return out
