"""Extraction on random Unicode text (any script, control characters, markup debris) never crashes.

The extraction tests' own properties use a vocabulary of likely words; these mix in
arbitrary Unicode, as scraped web pages do, and check the same promises through the
fuzz target's checks (``fuzz/extract_target.py``): offsets inside the text and pointing
at what they name, offsets mapping back into the source file, JSON that encodes, and a
review file that is valid YAML.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from extract_target import SUFFIXES, check_extract

WORDS = ["NHS England", "replaced", "CCGs", "integrated care boards", "said", "will", "not", "abolish", "Monitor",
         "should", "merge", "with", "the", "Health and Social Care Act 2012", "“", "”", ".", ",", "\n\n", "<p>", "</p>",
         "&amp;", "&#x0;", "*", "#", "[", "](", ")", "Dr.", "\u2028", "\x85", "\x00", "\ufeff", "\r\n"]
ARTICLE = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=40).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=ARTICLE, suffix=st.sampled_from(SUFFIXES))
def test_extraction_on_random_unicode_keeps_its_promises(source: str, suffix: str) -> None:
    check_extract(source, suffix)
