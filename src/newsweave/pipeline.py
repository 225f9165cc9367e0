"""The one place that knows the order of the stages.

ingest -> clean -> segment -> dedup -> cluster -> align -> summarize / attribute.
The CLI, the web layer and any distributed runner call ``analyze``; none adds steps.
With ``jobs`` above 1, worker processes do what needs one file only (``prepare``: read, clean,
segment, set non-articles apart) and then what needs one story only (``build_story``); this
process keeps what needs everything seen so far: ids, repeated lines, duplicates, stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import align, attribute, cluster, coverage, dedup, prepare, summarize
from .model import Article, InputError, Report, Story
from .workers import in_order


@dataclass
class Options:
    summary_words: int = summarize.DEFAULT_WORDS


STEPS = prepare.Steps(segment=True)  # what the stories need of each article, prepared file by file
# Fewer articles than this in stories are built in this process whatever ``jobs`` says: a
# worker takes seconds to start (importing newsweave, loading the spaCy pipeline), what
# attribution with spaCy takes for a few articles and the rule path for about a hundred.
WORKERS_MIN_ARTICLES = 100


def _story_title(articles: list[Article]) -> str:
    """The most representative title: the one sharing most words with the others (where no
    article has a title, the first article's opening words, as the article lists name it)."""
    titles = [a.title for a in articles if a.title]
    if not titles:
        return articles[0].headline
    def overlap(title: str) -> int:
        mine = set(title.lower().split())
        return sum(len(mine & set(other.lower().split())) for other in titles if other is not title)
    return max(titles, key=lambda t: (overlap(t), -titles.index(t)))


def distinct_articles(articles: list[Article]) -> list[Article]:
    """The articles that are not copies of another (all of them if every one is)."""
    return [a for a in articles if a.duplicate_of is None] or articles


def build_story(number: int, articles: list[Article], options: Options, copy_groups: list[dedup.CopyGroup],
                frequencies: summarize.ConceptFrequencies | None = None) -> Story:
    """One story's report; ``frequencies`` (for the summary's IDF) are counted over the whole
    input, by default over the story's own articles."""
    distinct = distinct_articles(articles)
    facts = align.align_facts(distinct)
    story = Story(
        id=f"story-{number}",
        title=_story_title(articles),
        articles=[a.id for a in articles],
        facts=facts,
        summary=summarize.summarize(distinct, facts, options.summary_words, frequencies=frequencies),
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


def analyze_articles(articles: list[Article], errors=None, options: Options | None = None, jobs: int = 1) -> Report:
    """The job on articles read but not cleaned yet (``analyze`` reads them from files)."""
    batch = prepare.prepare_articles(articles, STEPS)
    batch.errors[:0] = list(errors or [])
    return _report(prepare.remove_repeated_lines(batch, STEPS), options or Options(), jobs)


def analyze(paths: list[str] | str, options: Options | None = None,
            on_file: Callable | None = None, on_discover: Callable | None = None, jobs: int = 1) -> Report:
    """Run the whole job on files, folders or globs and return the report.

    ``on_discover(n_files)`` and ``on_file(input_file)`` report progress. ``jobs`` worker
    processes read, clean and segment the files, then build the story reports (1: all in
    this process); the report is the same for any number of jobs.
    """
    if isinstance(paths, str):
        paths = [paths]
    everything = prepare.Prepared()
    for batch in prepare.prepare_batches(list(paths), jobs, STEPS, None, on_file, on_discover):
        everything.extend(batch)
    prepare.make_ids_unique(everything.articles)
    return _report(everything, options or Options(), jobs)


def _report(prepared: prepare.Prepared, options: Options, jobs: int) -> Report:
    kept = []
    errors = list(prepared.errors)
    for article in prepared.articles:
        if not article.text.strip():
            errors.append(InputError(article.path, "nothing left after removing boilerplate"))
            continue
        kept.append(article)
    copy_groups = dedup.mark_duplicates(kept)
    groups = cluster.group_stories([a for a in kept if a.is_article])
    return Report(articles=kept, stories=build_stories(groups, options, copy_groups, jobs), errors=errors)


def build_stories(groups: list[list[Article]], options: Options, copy_groups: list[dedup.CopyGroup],
                  jobs: int = 1) -> list[Story]:
    """``build_story`` for each group, numbered from 1, in ``jobs`` worker processes.

    Each story needs only its own articles and copy groups (its facts, summary and quotes
    are its own) and, for its summary, how common its words are in all the stories' articles,
    so stories are built apart; a worker gets a story's articles and gives back the story.
    One whose worker dies is built again here.
    """
    if sum(map(len, groups)) < WORKERS_MIN_ARTICLES:
        jobs = 1
    frequencies = summarize.ConceptFrequencies.of(a for articles in groups for a in distinct_articles(articles))
    position = {group.canonical: n for n, group in enumerate(copy_groups)}
    tasks = []
    for number, articles in enumerate(groups, 1):
        own = sorted((position[a.id] for a in articles if a.id in position))
        tasks.append((number, articles, options, [copy_groups[n] for n in own],
                      frequencies.restricted_to(distinct_articles(articles))))
    jobs = min(jobs, len(tasks))
    return [story if isinstance(story, Story) else _build_task(task)
            for task, story in in_order(_build_task, tasks, jobs, ahead=8 * jobs)]


def _build_task(task: tuple[int, list[Article], Options, list[dedup.CopyGroup], summarize.ConceptFrequencies]) -> Story:
    return build_story(*task)
