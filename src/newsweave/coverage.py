"""Coverage: who reports what. The fact x outlet matrix, the facts every outlet reports,
facts only one outlet reports, what each outlet leaves out of the consensus, and
conflicting versions of a fact (``conflicts.py``)."""

from __future__ import annotations

from .conflicts import story_conflicts
from .model import Article, Fact


def consensus_facts(n_articles: int, facts: list[Fact]) -> list[int]:
    """Facts that more than half of the story's articles report (at least two of them):
    what a reader can take as the shared account, and what an outlet can be said to omit."""
    if n_articles < 2:
        return []
    return [n for n, f in enumerate(facts) if len(set(f.sources)) >= 2 and len(set(f.sources)) > n_articles / 2]


def coverage_view(articles: list[Article], facts: list[Fact]) -> dict:
    """Story-level fields, with facts named by their index in ``facts``:

    - ``coverage``: ``articles`` (ids), ``outlets`` (one per id) and ``rows`` (per fact, the
      ids of the articles that report it): the fact x outlet matrix.
    - ``reported_by_all``: facts every article reports (empty for a one-article story).
    - ``only_in``: article id -> facts no other article reports (its own additions:
      commentary, analysts, background).
    - ``omissions``: article id -> consensus facts it does not report.
    - ``conflicts``: facts whose articles give different numbers, dates or names.
    """
    ids = [a.id for a in articles]
    reporters = [set(f.sources) for f in facts]
    rows = [{"fact": n, "articles": [i for i in ids if i in reporters[n]]} for n in range(len(facts))]
    only_in: dict[str, list[int]] = {}
    if len(ids) > 1:
        for n, fact in enumerate(facts):
            if len(reporters[n]) == 1:
                only_in.setdefault(fact.sources[0], []).append(n)
    consensus = consensus_facts(len(ids), facts)
    omissions = {i: [n for n in consensus if i not in reporters[n]] for i in ids}
    return {
        "coverage": {"articles": ids, "outlets": [a.outlet for a in articles], "rows": rows},
        "reported_by_all": [n for n in range(len(facts)) if len(ids) > 1 and reporters[n] >= set(ids)],
        "only_in": only_in,
        "omissions": {i: v for i, v in omissions.items() if v},
        "conflicts": story_conflicts(articles, facts),
    }
