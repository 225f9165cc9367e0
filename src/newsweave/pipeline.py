"""The one place that knows the order of the stages.

ingest -> clean -> segment -> dedup -> cluster -> align -> summarize / attribute.
The CLI, the web layer and any distributed runner call ``analyze``; none adds steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import align, attribute, clean, cluster, coverage, dedup, ingest, nonarticle, segment, summarize
from .model import Article, InputError, Report, Story


@dataclass
class Options:
    summary_words: int = summarize.DEFAULT_WORDS


def _story_title(articles: list[Article]) -> str:
    """The most representative title: the one sharing most words with the others."""
    titles = [a.title for a in articles if a.title]
    if not titles:
        first = articles[0]
        return first.sentence_text(0)[:120] if first.sentences else first.id
    def overlap(title: str) -> int:
        mine = set(title.lower().split())
        return sum(len(mine & set(other.lower().split())) for other in titles if other is not title)
    return max(titles, key=lambda t: (overlap(t), -titles.index(t)))


def build_story(number: int, articles: list[Article], options: Options,
                copy_groups: list[dedup.CopyGroup]) -> Story:
    distinct = [a for a in articles if a.duplicate_of is None] or articles
    facts = align.align_facts(distinct)
    story = Story(
        id=f"story-{number}",
        title=_story_title(articles),
        articles=[a.id for a in articles],
        facts=facts,
        summary=summarize.summarize(distinct, facts, options.summary_words),
        quotes=attribute.attribute_story(articles),
    )
    dates = sorted(a.published for a in articles if a.published)
    story.extra["dates"] = [dates[0], dates[-1]] if dates else []
    story.extra["outlets"] = sorted({a.outlet for a in articles})
    story.extra.update(coverage.coverage_view(distinct, facts))
    story.extra["speakers"] = attribute.speakers(story.quotes, facts)
    summarize.name_speakers(story.summary, story.quotes)
    story.extra["copies"] = dedup.copies_view(copy_groups, articles)
    return story


def analyze_articles(articles: list[Article], errors=None, options: Options | None = None) -> Report:
    options = options or Options()
    clean.clean_articles(articles)
    kept = []
    errors = list(errors or [])
    for article in articles:
        if not article.text.strip():
            errors.append(InputError(article.path, "nothing left after removing boilerplate"))
            continue
        segment.segment_article(article)
        kept.append(article)
    nonarticle.mark_non_articles(kept)
    copy_groups = dedup.mark_duplicates(kept)
    groups = cluster.group_stories([a for a in kept if a.is_article])
    stories = [build_story(n, group, options, copy_groups) for n, group in enumerate(groups, 1)]
    return Report(articles=kept, stories=stories, errors=errors)


def analyze(paths: list[str] | str, options: Options | None = None,
            on_file: Callable | None = None, on_discover: Callable | None = None) -> Report:
    """Run the whole job on files, folders or globs and return the report.

    ``on_discover(n_files)`` and ``on_file(input_file)`` report progress.
    """
    if isinstance(paths, str):
        paths = [paths]
    articles, errors = ingest.read_paths(list(paths), on_file=on_file, on_discover=on_discover)
    return analyze_articles(articles, errors, options)
