"""Print an evaluation result as a readable table or as one JSON object."""

from __future__ import annotations

import json


def format_table(result: dict) -> str:
    systems = result["systems"]
    metrics: list[str] = []
    for values in systems.values():
        metrics.extend(m for m in values if m not in metrics)
    name_width = max([len("system")] + [len(s) for s in systems])
    widths = [max(len(m), 6) for m in metrics]
    lines = [f"{result['task']} on {result['dataset']} ({result['items']} items)", ""]
    lines.append("  ".join(["system".ljust(name_width)] + [m.rjust(w) for m, w in zip(metrics, widths)]))
    lines.append("  ".join(["-" * name_width] + ["-" * w for w in widths]))
    for system, values in systems.items():
        cells = []
        for metric, width in zip(metrics, widths):
            value = values.get(metric)
            cells.append(("-" if value is None else f"{100 * value:.1f}" if isinstance(value, float) else str(value)).rjust(width))
        lines.append("  ".join([system.ljust(name_width)] + cells))
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    lines.append("(figures are percentages)")
    return "\n".join(lines)


def print_result(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps({k: result[k] for k in ("task", "dataset", "items", "systems")} | (
            {"notes": result["notes"]} if result.get("notes") else {}), indent=None))
    else:
        print(format_table(result))
