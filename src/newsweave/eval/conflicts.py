"""Conflicts: how many planted disagreements newsweave finds, and how often it flags facts
nobody touched.

No dataset marks where outlets disagree, so disagreements are planted in real stories
(Multi-News CSV or NeuS ``.source``): in every fact two or more articles report, where two
articles give the same number, date or name for one slot and no conflict is flagged yet,
one article's value is changed (a count doubled and three added, a weekday moved two days,
a day of the month moved three, a year moved two, a name swapped for another). A planted
disagreement is found when a conflict over that slot lists the changed value. Next to
recall, ``flagged_untouched`` is the share of those same facts flagged before anything is
changed (their own disagreements, real or not; a hand check of newsweave's flags on
Multi-News validation found about two in three real). The baseline flags a fact whenever
two of its wordings do not carry the same figures, weekdays, years and capitalised names.
"""

from __future__ import annotations

import argparse
import dataclasses
import re

from .. import align, conflicts
from ..model import Article, Fact
from .summarize import cluster_articles, news_articles, stories_to_evaluate

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FIGURE = r"(?<![\w.,])(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w,]|\.\d)"  # not a year


def _more(figure: str) -> str:
    number = int(figure.replace(",", "")) * 2 + 3
    return f"{number:,}" if "," in figure else str(number)


# What is planted, found the same way in every wording (not by newsweave's own slot reader):
# kind -> (what an article writes, how the planted version is written)
PLANTS = {
    "number": (re.compile(_FIGURE), _more),
    "date": (re.compile(r"\b(?:%s)\b|\b(?:19|20)\d\d\b" % "|".join(_WEEKDAYS)),
             lambda d: _WEEKDAYS[(_WEEKDAYS.index(d) + 2) % 7] if d in _WEEKDAYS else str(int(d) + 2)),
    # a name of two or more words inside the wording; the planted one is fictional
    "name": (re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"), lambda name: "Ines Okoro"),
}
_CLOCK_OR_DAY = re.compile(r"(?:[:]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s)$", re.I)
_BASELINE_TOKENS = re.compile(r"\d[\d,.]*\d|\d|\b(?:%s)\b|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*" % "|".join(_WEEKDAYS))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="Multi-News .csv file, or NeuS .source file")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N stories")


def plant(fact: Fact, by_id: dict[str, Article], kind: str):
    """(articles, fact, (article id, start)) with one article's copy of a figure, date or
    name that another article of the fact also writes changed; None where there is none."""
    pattern, change = PLANTS[kind]
    wordings = [by_id[m.article].text[m.start:m.end] for m in fact.mentions]
    seen: dict[str, str] = {}  # token -> first article writing it
    for n, (mention, wording) in enumerate(zip(fact.mentions, wordings)):
        for match in pattern.finditer(wording):
            token = match.group()
            if kind == "number" and (_CLOCK_OR_DAY.search(wording, max(0, match.start() - 6), match.start())
                                     or wording[match.end():match.end() + 1] == ":"):
                continue  # a time of day or a day of a month is not a count
            if seen.get(token, mention.article) == mention.article:
                seen[token] = mention.article
                continue
            article = by_id[mention.article]
            start = mention.start + match.start()
            new = change(token)
            changed = dataclasses.replace(article, text=article.text[:start] + new + article.text[start + len(token):])
            mentions = list(fact.mentions)
            mentions[n] = dataclasses.replace(mention, end=mention.end + len(new) - len(token))
            return {**by_id, article.id: changed}, dataclasses.replace(fact, mentions=mentions), (article.id, start)
    return None


def newsweave_finds(fact: Fact, by_id: dict[str, Article], planted: tuple[str, int]) -> bool:
    article, start = planted
    return any(span["article"] == article and span["start"] <= start < span["end"]
               for conflict in conflicts.fact_conflicts(fact, by_id)
               for version in conflict["versions"] for span in version["spans"])


def baseline_flags(fact: Fact, by_id: dict[str, Article]) -> bool:
    tokens = [frozenset(_BASELINE_TOKENS.findall(by_id[m.article].text[m.start:m.end])) for m in fact.mentions]
    return len(set(tokens)) > 1


def run(args: argparse.Namespace) -> dict:
    kind, clusters = stories_to_evaluate(args.path, args.limit)
    found = {system: {k: 0 for k in PLANTS} for system in ("newsweave", "baseline")}
    flagged = {"newsweave": 0, "baseline": 0}
    planted = {k: 0 for k in PLANTS}
    facts_used = 0
    for number, cluster in enumerate(clusters):
        articles = news_articles(cluster_articles(cluster, number))
        by_id = {a.id: a for a in articles}
        for fact in align.align_facts(articles):
            if len(set(fact.sources)) < 2:
                continue
            plants = {k: plant(fact, by_id, k) for k in PLANTS}
            if not any(plants.values()):
                continue
            facts_used += 1
            flagged["newsweave"] += bool(conflicts.fact_conflicts(fact, by_id))
            flagged["baseline"] += baseline_flags(fact, by_id)
            for k, planting in plants.items():
                if planting is None:
                    continue
                changed_articles, changed_fact, where = planting
                planted[k] += 1
                found["newsweave"][k] += newsweave_finds(changed_fact, changed_articles, where)
                found["baseline"][k] += baseline_flags(changed_fact, changed_articles)
    total = sum(planted.values())
    systems = {}
    for system in found:
        systems[system] = {"planted_recall": sum(found[system].values()) / max(1, total),
                           **{f"recall_{k}": found[system][k] / max(1, planted[k]) for k in PLANTS},
                           "flagged_untouched": flagged[system] / max(1, facts_used)}
    return {
        "task": "conflicts",
        "dataset": f"{kind} {args.path}",
        "items": total,
        "systems": systems,
        "notes": [f"planted in {facts_used} facts of {len(clusters)} stories: "
                  + ", ".join(f"{n} {k}s" for k, n in planted.items()),
                  "flagged_untouched: share of the same facts flagged before anything was changed"],
    }
