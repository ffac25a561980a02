"""Extract candidate claims from an article, for review before they join the curated data.

Rule-based and offline: a gazetteer built from the dataset's names, patterns for names it
does not know, and a cue lexicon (``lexicon.yaml``) for relations, speech, modality and
negation. See docs/extraction.md.

    >>> from nhsgraph.extract import Gazetteer, ArticleInfo, extract_file
"""

from nhsgraph.extract.gazetteer import Gazetteer
from nhsgraph.extract.pipeline import ArticleInfo, Extraction, extract_file, extract_text

__all__ = ["ArticleInfo", "Extraction", "Gazetteer", "extract_file", "extract_text"]
