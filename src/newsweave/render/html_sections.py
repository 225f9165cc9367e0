"""The sections of one story in report.html: what happened (the cited summary), who agrees
(conflicts, coverage matrix, facts only one outlet has, facts an outlet leaves out), who said
what, and copies.

They read ``story.extra`` defensively: a missing or malformed field omits its part.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Fact, Story
from .html_parts import (Context, as_list, chip, cites, dict_list, esc, fact_text, fold_list, int_list, span_parts, story_articles,
                         text_slice)

MAX_MATRIX_ROWS = 40  # shared facts shown before "more"; the rest fold away
MAX_LISTED = 12  # items of an "only in" / "leaves out" list shown before "more"
MAX_NAMED_COLUMNS = 4  # coverage columns headed by outlet names; beyond, by article numbers
MAX_STATEMENTS = 6  # statements of one speaker shown before "more"


def summary_list(ctx: Context, story: Story) -> str:
    story_outlets = {a.outlet for a in story_articles(ctx, story) if not a.duplicate_of}
    rows = []
    for sentence in story.summary:
        supporting = {ctx.articles[s].outlet for s in sentence.sources if s in ctx.articles}
        total = max(len(story_outlets), len(supporting), 1)
        if len(supporting) >= total:
            level, label = "all", f"all {total} outlets"
        elif len(supporting) <= 1 and total > 1:
            level, label = "one", f"only 1 of {total} outlets"
        else:
            level, label = "some", f"{len(supporting)} of {total} outlets"
        support = f" <span class='support'>{label}</span>" if total > 1 else " "
        speaker = f" <span class='note speaker-name'>(speaker: {esc(sentence.speaker)})</span>" if sentence.speaker else ""
        rows.append(f"<li class='{level}'>{esc(sentence.text)}{speaker}{support}"
                    f"<span class='cites'>{cites(ctx, sentence.spans)}</span></li>")
    return f"<ol class='summary'>{''.join(rows)}</ol>"


def coverage_matrix(ctx: Context, story: Story, coverage: dict) -> str:
    """Facts (rows) reported by more than one article x articles (columns), most widely reported first."""
    columns = [ctx.articles[i] for i in as_list(coverage.get("articles")) if isinstance(i, str) and i in ctx.articles]
    shared = []  # (fact index, ids of the articles that report it)
    for row in dict_list(coverage.get("rows")):
        fact = row.get("fact")
        reporting = {i for i in as_list(row.get("articles")) if isinstance(i, str)}
        if isinstance(fact, int) and 0 <= fact < len(story.facts) and len(reporting) > 1:
            shared.append((fact, reporting))
    if len(columns) < 2 or not shared:
        return ""
    shared.sort(key=lambda row: (-len(row[1]), row[0]))
    rows = [_matrix_row(ctx, story.facts[fact], reporting, columns) for fact, reporting in shared]
    compact = " compact" if len(columns) > MAX_NAMED_COLUMNS else ""  # many columns: numbers, not names
    head = ("<thead><tr><th scope='col'>Fact</th>" + "".join(f"<th scope='col'>{chip(ctx, a, numbered=True)}</th>"
                                                           for a in columns) + "<th scope='col'>Outlets</th></tr></thead>")

    def table(body: list[str]) -> str:
        return f"<div class='matrix-wrap'><table class='matrix{compact}'>{head}<tbody>{''.join(body)}</tbody></table></div>"

    out = ("<p class='note'>Facts reported by more than one article, most widely reported first. "
           "Open a fact to read each outlet's words.</p>" + table(rows[:MAX_MATRIX_ROWS]))
    if len(rows) > MAX_MATRIX_ROWS:
        out += (f"<details class='more'><summary>{len(rows) - MAX_MATRIX_ROWS} more shared facts</summary>"
                f"{table(rows[MAX_MATRIX_ROWS:])}</details>")
    return out


def _matrix_row(ctx: Context, fact: Fact, reporting: set[str], columns: list[Article]) -> str:
    wordings = "".join(f"<li>{chip(ctx, ctx.articles[m.article])} {esc(text_slice(ctx.articles[m.article], m.start, m.end))}</li>"
                       for m in fact.mentions if m.article in ctx.articles)
    marks = "".join(
        f"<td class='mark {ctx.outlet_class(a)}'><span class='dot' title='{esc(a.outlet)} reports this'></span>"
        f"<span class='sr'>{esc(a.outlet)} reports this</span></td>" if a.id in reporting else
        f"<td class='mark'><span class='gap' aria-hidden='true'>–</span><span class='sr'>not in {esc(a.outlet)}</span></td>"
        for a in columns)
    count = len(reporting & {a.id for a in columns})
    return (f"<tr><td class='fact'><details><summary>{esc(fact.text)}</summary><ul>{wordings}</ul></details></td>"
            f"{marks}<td class='count'>{count}/{len(columns)}</td></tr>")


def _fact_mention(ctx: Context, story: Story, index: int, article_id: str) -> str:
    """A cite chip for the article's own sentence stating fact ``index``, if it has one."""
    if not 0 <= index < len(story.facts):
        return ""
    return cites(ctx, [m for m in story.facts[index].mentions if m.article == article_id])


def only_and_omitted(ctx: Context, story: Story) -> str:
    blocks = []
    only_in = story.extra.get("only_in")
    if isinstance(only_in, dict):
        for article_id, facts in only_in.items():
            article = ctx.articles.get(article_id)
            items = [f"<li>{esc(fact_text(story, n))} {_fact_mention(ctx, story, n, article_id)}</li>"
                     for n in int_list(facts) if fact_text(story, n)]
            if article and items:
                blocks.append(f"<div><h4>Only in {chip(ctx, article, numbered=True)}</h4>{fold_list(items, MAX_LISTED, 'facts')}</div>")
    omissions = story.extra.get("omissions")
    if isinstance(omissions, dict):
        for article_id, facts in omissions.items():
            article = ctx.articles.get(article_id)
            items = []
            for n in int_list(facts):
                if not 0 <= n < len(story.facts):
                    continue
                others = len({s for s in story.facts[n].sources if s != article_id})
                items.append(f"<li>{esc(story.facts[n].text)} <span class='note'>(reported by {others} others)</span></li>")
            if article and items:
                blocks.append(f"<div><h4>{chip(ctx, article, numbered=True)} leaves out</h4>{fold_list(items, MAX_LISTED, 'facts')}</div>")
    return f"<div class='lists'>{''.join(blocks)}</div>" if blocks else ""


def _sources_chips(ctx: Context, sources: Any, spans: Any = None) -> str:
    """Cite chips from spans where given, plain outlet chips for the remaining sources."""
    spans = [s for s in spans if span_parts(s)] if isinstance(spans, list) else []
    out, cited = [cites(ctx, spans, whole_sentence=True)], {span_parts(s)[0] for s in spans}
    for source in as_list(sources):
        if isinstance(source, str) and source in ctx.articles and source not in cited:
            out.append(chip(ctx, ctx.articles[source]))
    return f"<span class='cites'>{''.join(out)}</span>"


def conflict_notes(ctx: Context, story: Story) -> str:
    blocks = []
    for conflict in dict_list(story.extra.get("conflicts")):
        kind, slot = (conflict.get(k) if isinstance(conflict.get(k), str) else "" for k in ("kind", "slot"))
        about = fact_text(story, conflict.get("fact")) or conflict.get("about")
        versions = []
        for version in dict_list(conflict.get("versions")):
            sources = version.get("sources") or version.get("articles")
            versions.append(f"<li><strong>{esc(version.get('value') or version.get('text') or '')}</strong> "
                            f"{_sources_chips(ctx, sources, version.get('spans'))}</li>")
        if versions:
            what = (f" on a {esc(kind)}" if kind else "") + (f" <span class='note'>({esc(slot)})</span>" if slot else "")
            blocks.append(f"<div class='conflict' role='note'><h4>Outlets disagree{what}</h4>"
                          + (f"<p class='about'>{esc(about)}</p>" if isinstance(about, str) and about else "")
                          + f"<ul class='versions'>{''.join(versions)}</ul></div>")
    return "".join(blocks)


def _unquoted(text: str) -> str:
    """A direct quote without its own quotation marks and trailing comma: <q> adds the marks."""
    words = text.strip()
    opened = words[:1] in "\"'“‘«„"
    words = (words[1:] if opened else words).rstrip(" ,")
    # a closing ' or ’ may be an apostrophe ("the workers'"): drop it only after an opening mark
    if words[-1:] in "\"”»" or (opened and words[-1:] in "'’"):
        words = words[:-1].rstrip(" ,")
    return words or text


def speaker_statements(ctx: Context, story: Story) -> str:
    blocks = []
    for speaker in dict_list(story.extra.get("speakers")):
        if not speaker.get("speaker"):
            continue
        items = []
        for statement in dict_list(speaker.get("statements")):
            if not statement.get("text"):
                continue
            direct = statement.get("kind") == "direct"
            words = (f"<span class='kind'>quote</span><q>{esc(_unquoted(statement['text']))}</q>" if direct
                     else esc(statement["text"]))
            items.append(f"<li class='{'direct' if direct else 'indirect'}'>{words} "
                         f"{_sources_chips(ctx, statement.get('sources'), statement.get('spans'))}</li>")
        if items:
            role = f" <span class='role'>{esc(speaker['role'])}</span>" if speaker.get("role") else ""
            carried = {i for i in as_list(speaker.get("sources")) if isinstance(i, str) and i in ctx.articles}
            if len(carried) > 1:
                role += f" <span class='note'>· in {len(carried)} articles</span>"
            blocks.append(f"<div class='speaker'><h4>{esc(speaker['speaker'])}{role}</h4>"
                          f"{fold_list(items, MAX_STATEMENTS, 'statements', 'statements')}</div>")
    return "".join(blocks)


def _diff_items(values: Any, tag: str, label: str) -> str:
    """Sentences a copy added (<ins>) or cut (<del>), one per line."""
    texts = [v if isinstance(v, str) else v.get("text") for v in values if isinstance(v, (str, dict))] \
        if isinstance(values, list) else []
    items = "".join(f"<li><{tag}>{esc(t)}</{tag}></li>" for t in texts if isinstance(t, str) and t)
    return f"<div class='diff'><span class='kind'>{label}</span><ul>{items}</ul></div>" if items else ""


def _copy_changes(copy: dict) -> str:
    similarity = copy.get("similarity")
    same = (f" <span class='note'>{similarity:.0%} the same wording</span>"
            if isinstance(similarity, (int, float)) and 0 <= similarity <= 1 else "")
    added = _diff_items(copy.get("added"), "ins", "added")
    removed = _diff_items(copy.get("removed"), "del", "cut")
    if copy.get("exact") is True or not (added or removed):
        return f"{same} <span class='note'>· word for word</span>" if copy.get("exact") is True else same
    return same + added + removed


def copy_groups(ctx: Context, story: Story) -> str:
    blocks = []
    for group in dict_list(story.extra.get("copies")):
        if group.get("canonical") not in ctx.articles:
            continue
        original = ctx.articles[group["canonical"]]
        items = []
        for copy in as_list(group.get("copies")):
            copy_id = copy if isinstance(copy, str) else (copy.get("id") or copy.get("article")) if isinstance(copy, dict) else None
            if copy_id not in ctx.articles:
                continue
            article = ctx.articles[copy_id]
            changes = _copy_changes(copy) if isinstance(copy, dict) else ""
            items.append(f"<li>{chip(ctx, article, numbered=True)} {esc(article.title or '')}{changes}</li>")
        if items:
            blocks.append(f"<div class='copies'><p>{chip(ctx, original, numbered=True)} {esc(original.title or '')} "
                          f"<span class='note'>(the original) was carried by</span></p><ul>{''.join(items)}</ul></div>")
    return "".join(blocks)
