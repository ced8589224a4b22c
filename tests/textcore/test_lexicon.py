"""Word-list helpers of textcore.lexicon."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.lexicon import by_first_letter

# shapes the word lists use: groups, classes, quantifiers, escapes, several words
PATTERNS = [
    r"record(?:s|ed)?|all-time|largest|(?:a|the|world's|its) leading|lowest|\d+-year (?:high|low)",
    r"said|says|say|told|reported|(?:seen|viewed|regarded) as|suggested|s?aid|a|an|as|ask",
    r"will|shall|'ll|is set to|are set to|is due to|going to|[a-z]{3,}ed|rose|fell|reached",
    r"not|never|no|none|nor|n't|cannot|without any|[]x]y|[^)(]z|a+b|b{2}c|c*d",
]
_WORDS = ["record", "records", "said", "seen as", "a", "an", "as", "ask", "'ll", "will", "rose",
          "n't", "no", "none", "the leading", "20-year high", "fixed", "xy", "]y", "aab", "bbc"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS) | st.text(max_size=3), max_size=8), st.sampled_from(PATTERNS)
)
def test_grouping_alternatives_by_first_letter_matches_the_same_text(parts, pattern):
    text = " ".join(parts)
    plain = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    grouped = re.compile(rf"(?<![\w-])(?:{by_first_letter(pattern)})(?![\w-])", re.IGNORECASE)
    found = [(m.span(), m.group(0)) for m in grouped.finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in plain.finditer(text)]


def test_grouping_keeps_every_alternative():
    grouped = by_first_letter(PATTERNS[0])
    assert grouped.startswith("r(?:ecord(?:s|ed)?)|a(?:ll-time)|l(?:argest)|(?:a|the")
    for word in ("records", "all-time", "the leading", "lowest", "12-year low"):
        assert re.fullmatch(grouped, word)
