"""The stylesheet of report.html and the outlet colours.

Citations reveal their sentence with CSS alone (:hover and :focus on a link), so the
page needs no JavaScript and its Content-Security-Policy can forbid all scripts.
"""

from __future__ import annotations

# Dark enough for white chip text (contrast >= 4.5:1), distinct from each other.
PALETTE = (
    "#1f5fbf", "#b8321e", "#2d7a34", "#7a3fa0", "#a35a00",
    "#00707a", "#b0246b", "#5b4636", "#3f5166", "#6a7a00",
)
GOLDEN_ANGLE = 137.508  # spreads the hues of outlets beyond the palette evenly


def outlet_colour(index: int) -> str:
    if index < len(PALETTE):
        return PALETTE[index]
    return f"hsl({(index * GOLDEN_ANGLE) % 360:.0f} 60% 34%)"


def outlet_rules(count: int) -> str:
    """One class per outlet (``.o0``, ``.o1``...) that sets the colour variable ``--c``."""
    return "".join(f".o{n}{{--c:{outlet_colour(n)}}}" for n in range(count))


STYLE = """
:root{--ink:#1d232b;--muted:#5a6472;--line:#d8dde4;--panel:#f5f6f8;--bg:#fff;--mark:#fff1a8;
--warn:#a8261c;--warn-bg:#fdeceb;--c:#3f5166}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
li,dd,.cited,.conflict,.text,.story h2{overflow-wrap:anywhere}  /* long URLs in article text */
.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
a{color:#1f5fbf}
:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.4rem .8rem;z-index:50}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.page-head{border-bottom:1px solid var(--line);background:var(--panel)}
.page-head h1{font-size:1.05rem;margin:0;padding:.8rem 0 .1rem;letter-spacing:.02em}
.page-head p{margin:0;padding:0 0 .8rem;color:var(--muted);font-size:.92rem}
.page-head nav a{margin-right:.8rem}
.story{padding:1.5rem 0 2.5rem;border-bottom:3px solid var(--ink)}
.story h2{font-size:1.75rem;line-height:1.2;margin:0 0 .4rem;font-family:Georgia,"Times New Roman",serif}
.story h3{font-size:.85rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);
border-bottom:1px solid var(--line);padding-bottom:.3rem;margin:2rem 0 .8rem}
.story h4{font-size:1rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);font-size:.95rem;margin:.2rem 0}
.counts{font-weight:600;color:var(--ink)}
.toc{font-size:.88rem;margin:.6rem 0 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.chips{display:flex;flex-wrap:wrap;gap:.3rem;margin:.6rem 0}
.chip{display:inline-block;vertical-align:baseline;border-radius:999px;background:var(--c);color:#fff;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:.75rem;font-weight:600;line-height:1.6;padding:0 .55em;text-decoration:none;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.chip .label{display:inline-block;max-width:15em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
vertical-align:bottom}
.chip .n{opacity:.8;font-weight:400;margin-left:.25em}
.summary{list-style:none;margin:0;padding:0}
li{position:relative}
.summary>li{margin:.35rem 0;padding:.45rem .7rem .45rem .9rem;border-left:5px solid #aab3bf;
font-family:Georgia,"Times New Roman",serif;font-size:1.06rem}
.summary>li.all{border-left-color:var(--ink)}
.summary>li.one{border-left:5px dashed #c3c9d2;background:var(--panel);color:#3b4450}
.support{font-family:system-ui,sans-serif;font-size:.72rem;color:var(--muted);white-space:nowrap;margin:0 .3em}
.one .support{font-style:italic}
.cites{white-space:normal}
.cite{margin:0 .1em;cursor:help}
.cite:hover,.cite:focus{outline:2px solid var(--ink);outline-offset:1px}
.cited{display:none;position:absolute;left:0;right:0;top:100%;z-index:30;margin-top:2px;
background:#fff;color:var(--ink);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:6px;
box-shadow:0 8px 28px rgba(20,30,40,.22);padding:.55rem .8rem;font:400 .95rem/1.5 Georgia,"Times New Roman",serif;
white-space:normal;text-align:left;cursor:auto}
.cited-text{display:block}
.cited-text+.cited-text{margin-top:.4rem;padding-top:.4rem;border-top:1px dotted var(--line)}
.cited .from{display:block;font:600 .75rem/1.4 system-ui,sans-serif;color:var(--muted);margin-bottom:.2rem}
.cite:hover .cited,.cite:focus .cited{display:block}
.note{color:var(--muted);font-size:.88rem}
.matrix-wrap{position:relative;overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--panel);font-size:.8rem;white-space:nowrap}
.matrix thead .chip .label{max-width:7.5em}
.matrix.compact thead .chip .label{display:none}
.matrix .fact{min-width:16rem;font-size:.93rem}
.matrix .fact summary{cursor:pointer}
.matrix .fact ul{margin:.4rem 0;padding-left:1rem;font-size:.88rem;color:#3b4450}
.matrix td.mark{text-align:center;width:3rem}
.dot{display:inline-block;width:.85rem;height:.85rem;border-radius:50%;background:var(--c);
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.gap{color:#b7bec8}
.matrix td.count{font-size:.8rem;color:var(--muted);white-space:nowrap}
.lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(18rem,100%),1fr));gap:.4rem 1.5rem}
.lists ul,.copies ul{padding-left:1.1rem;margin:.3rem 0}
.lists li{margin:.2rem 0;font-size:.93rem}
.conflict{border:2px solid var(--warn);background:var(--warn-bg);border-radius:6px;padding:.5rem .9rem;margin:.6rem 0}
.conflict h4{margin:.2rem 0;color:var(--warn)}
.conflict .about{margin:.1rem 0 .3rem;font-size:.9rem;color:#3b4450}
.versions{list-style:none;padding:0;margin:.3rem 0}
.versions>li{margin:.3rem 0}
.speaker{margin:.9rem 0}
.speaker h4{margin:0 0 .2rem}
.speaker h4 .note{font-weight:400}
.role{font-weight:400;color:var(--muted)}
.statements{list-style:none;margin:0;padding:0}
.statements>li{margin:.3rem 0;padding:.3rem 0 .3rem .8rem;border-left:3px solid var(--line)}
.statements>li.direct{border-left-color:var(--ink)}
.kind{font-size:.7rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-right:.4em}
.direct q{font-family:Georgia,"Times New Roman",serif;font-size:1.03rem}
.copies li{margin:.25rem 0}
.more>summary{cursor:pointer;color:#1f5fbf;font-size:.88rem;margin:.3rem 0}
.diff{font-size:.88rem;color:#3b4450;margin:.2rem 0 0}
.diff ul{list-style:none;padding-left:0;margin:.1rem 0 .3rem}
.diff li{margin:.1rem 0}
.diff ins{background:#e6f4ea;text-decoration:none}
.diff del{background:#fce8e6}
.article{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;background:#fff}
.article>summary{cursor:pointer;padding:.55rem .8rem;list-style-position:inside}
.article>summary .title{font-weight:600}
.article .body{padding:0 .9rem .8rem}
.article dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;font-size:.85rem;margin:.3rem 0 .8rem}
.article dt{color:var(--muted)}
.article dd{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;max-width:44rem;line-height:1.6}
.text .s{scroll-margin-top:4rem}
.text .s:target{background:var(--mark);outline:2px solid #e0c200}
.removed{border:1px dashed #b7bec8;border-radius:6px;padding:.4rem .8rem;margin-top:.8rem;background:var(--panel);
font-size:.82rem;color:var(--muted)}
.removed ul{margin:.2rem 0;padding-left:1.1rem;overflow-wrap:anywhere}
.stories td.n,.stories td.when{text-align:right;white-space:nowrap}
.errors li{overflow-wrap:anywhere}
.errors code{font-size:.85rem}
@media (max-width:40rem){
 body{font-size:15px}
 .story h2{font-size:1.35rem}
 .summary>li{padding:.4rem .5rem .4rem .6rem;font-size:1rem}
 .chip .label{max-width:9em}
 .article dl{grid-template-columns:1fr}
 .matrix thead .chip .label{display:none}
 .matrix .fact{min-width:10rem;font-size:.85rem}
 .matrix td.mark{width:2rem;padding:.35rem .2rem}
 th,td{padding:.3rem .35rem}
}
@media print{
 body{font-size:10.5pt}
 .skip,.toc,.page-head nav{display:none}
 .wrap{max-width:none;padding:0}
 .story{break-before:page;border-bottom:0}
 .story:first-of-type{break-before:auto}
 .summary>li,.statements>li,.conflict,tr{break-inside:avoid}
 .cite:hover .cited,.cite:focus .cited{display:none}
 .matrix-wrap{overflow:visible;border:0}
 details::details-content{display:block;content-visibility:visible}
 details>summary{list-style:none}
 a{color:inherit;text-decoration:none}
}
"""
