"""newsweave: from a pile of news articles to cited story reports."""

from .model import Article, Report, Story
from .pipeline import Options, analyze

__version__ = "0.1.0"
__all__ = ["analyze", "Options", "Article", "Report", "Story", "__version__"]
