"""report.json: the documented contract (src/newsweave/schema/report.schema.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..model import Report


@lru_cache(maxsize=1)
def report_schema() -> dict:
    return json.loads(resources.files("newsweave").joinpath("schema/report.schema.json").read_text("utf-8"))


def validation_errors(payload: dict) -> list[str]:
    """Messages for every way ``payload`` breaks the schema (empty when it conforms)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(report_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(payload)]


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
