"""Attribute stage: quotes and reported speech with their speakers (see ``newsweave.attribution``).

Kept as the stage's name in the pipeline; the work is done in the ``attribution`` package.
"""

from __future__ import annotations

from .attribution import attribute_story, extract_quotes, find_attributions, role_names, speakers

__all__ = ["attribute_story", "extract_quotes", "find_attributions", "role_names", "speakers"]
