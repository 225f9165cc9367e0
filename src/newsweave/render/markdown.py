"""report.md: stories with their cited summaries, facts and quotes, for reading as text."""

from __future__ import annotations

import re

from ..model import Report, Story
from .wording import counted

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: str) -> str:
    """Escape Markdown and HTML syntax so article text shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _fact(story: Story, index) -> str | None:
    return story.facts[index].text if isinstance(index, int) and 0 <= index < len(story.facts) else None


def _coverage_notes(story: Story, articles: dict, number: dict) -> list[str]:
    """Conflicts, facts only one article reports, and consensus facts an article leaves out."""
    lines = []
    for conflict in story.extra.get("conflicts") or []:
        versions = conflict.get("versions") if isinstance(conflict, dict) else None
        if not isinstance(versions, list):
            continue
        what = " ".join(conflict[k] for k in ("kind", "slot") if isinstance(conflict.get(k), str))
        told = "; ".join(
            f"{md(str(v.get('value') or v.get('text') or ''))} "
            + " ".join(f"[{number[a]}]" for a in (v.get("articles") or v.get("sources") or []) if a in number)
            for v in versions if isinstance(v, dict))
        lines.append(f"- **Outlets disagree** ({md(what) or 'one fact'}): {told}")
    for key, label in (("only_in", "Only in {}"), ("omissions", "{} leaves out")):
        notes = story.extra.get(key)
        for article_id, facts in (notes.items() if isinstance(notes, dict) else []):
            texts = [md(t) for t in (_fact(story, n) for n in (facts if isinstance(facts, list) else [])) if t]
            if article_id in articles and texts:
                lines.append(f"- **{label.format(md(articles[article_id].outlet))}** [{number[article_id]}]: " + " / ".join(texts))
    return lines + [""] if lines else []


def _copies(story: Story, articles: dict, number: dict) -> list[str]:
    lines = []
    for group in story.extra.get("copies") or []:
        if not isinstance(group, dict) or group.get("canonical") not in articles:
            continue
        for copy in group.get("copies") or []:
            copy_id = copy.get("id") if isinstance(copy, dict) else copy
            if copy_id not in articles:
                continue
            changes = ""
            if isinstance(copy, dict):
                added = [md(str(x.get("text", ""))) for x in copy.get("added") or [] if isinstance(x, dict)]
                cut = [md(str(x.get("text", ""))) for x in copy.get("removed") or [] if isinstance(x, dict)]
                changes = "".join([f"; added: {' / '.join(added)}" if added else "", f"; cut: {' / '.join(cut)}" if cut else ""])
            lines.append(f"- {md(articles[copy_id].outlet)} [{number[copy_id]}] copies "
                         f"{md(articles[group['canonical']].outlet)} [{number[group['canonical']]}]{changes}")
    return ["### Copies", ""] + lines + [""] if lines else []


def _who_said_what(story, number: dict[str, int]) -> list[str]:
    """Each speaker once, with each statement once and every article that carried it."""
    speakers = [s for s in story.extra.get("speakers") or [] if isinstance(s, dict) and s.get("speaker")]
    if not speakers:
        return []
    lines = ["### Who said what", ""]
    for speaker in speakers:
        role = f", {md(str(speaker['role']))}" if speaker.get("role") else ""
        lines.append(f"- **{md(str(speaker['speaker']))}**{role}")
        for statement in speaker.get("statements") or []:
            if not isinstance(statement, dict) or not isinstance(statement.get("text"), str):
                continue
            text = statement["text"]
            quoted = statement.get("kind") == "direct" and not text.lstrip().startswith(('"', "“", "'", "‘"))
            mark = f"“{md(text)}”" if quoted else md(text)
            cites = " ".join(f"[{number[s]}]" for s in statement.get("sources") or [] if s in number)
            lines.append(f"  - {mark} {cites}")
    return lines + [""]


def render(report: Report) -> str:
    articles = report.by_id()
    number = {a.id: n for n, a in enumerate(report.articles, 1)}
    lines = ["# newsweave report", "",
             f"{counted(len(report.articles), 'article')}, {counted(len(report.stories), 'story')}, "
             f"{len(report.errors)} inputs not read.", ""]
    for story in report.stories:
        outlets = sorted({articles[a].outlet for a in story.articles})
        lines += [f"## {md(story.title)}", "",
                  f"{counted(len(outlets), 'outlet')}, {counted(len(story.articles), 'article')}: " + ", ".join(md(o) for o in outlets), ""]
        if story.summary:
            lines += ["### What happened", ""]
            for sentence in story.summary:
                cites = " ".join(f"[{number[s]}]" for s in sentence.sources)
                speaker = f" *(speaker: {md(sentence.speaker)})*" if sentence.speaker else ""
                lines.append(f"- {md(sentence.text)}{speaker} {cites}")
            lines.append("")
        if story.facts:
            lines += ["### Who agrees", "", "| fact | outlets |", "|---|---|"]
            for fact in sorted(story.facts, key=lambda f: -len(set(f.sources)))[:40]:
                lines.append(f"| {md(fact.text)} | {len(set(fact.sources))}: " + ", ".join(md(articles[s].outlet) for s in fact.sources) + " |")
            lines.append("")
        lines += _coverage_notes(story, articles, number)
        lines += _who_said_what(story, number)
        lines += _copies(story, articles, number)
    lines += ["## Articles", ""]
    for article in report.articles:
        meta = ", ".join(md(x) for x in [article.outlet, article.published or "no date", article.path] if x)
        copy = f" (copy of [{number[article.duplicate_of]}])" if article.duplicate_of else ""
        lines.append(f"{number[article.id]}. {md(article.headline)} ({meta}){copy}")
    if report.errors:
        lines += ["", "## Inputs not read", ""]
        lines += [f"- `{e.path.replace('`', '')}`: {md(e.error)}" for e in report.errors]
    return "\n".join(lines) + "\n"
