"""report.html: one self-contained page (no network requests); all article text escaped."""

from __future__ import annotations

from html import escape

from ..model import Report


def render(report: Report) -> str:
    articles = report.by_id()
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             "<title>newsweave report</title></head><body><h1>newsweave report</h1>"]
    for story in report.stories:
        parts.append(f"<section class='story' id='{escape(story.id)}'><h2>{escape(story.title)}</h2><ol class='summary'>")
        for sentence in story.summary:
            cites = " ".join(
                f"<span class='cite' title='{escape(articles[s.article].text[s.start:s.end])}'>{escape(articles[s.article].outlet)}</span>"
                for s in sentence.spans)
            parts.append(f"<li>{escape(sentence.text)} {cites}</li>")
        parts.append("</ol></section>")
    parts.append("<section id='errors'><h2>Inputs not read</h2><ul>")
    parts += [f"<li><code>{escape(e.path)}</code>: {escape(e.error)}</li>" for e in report.errors]
    parts.append("</ul></section></body></html>")
    return "\n".join(parts)
