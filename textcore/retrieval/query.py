"""Cleaning a pasted claim into a search query, the way a search engine treats a post.

A claim arrives as a sentence, a headline or a social media post. What is not about the
claim is removed before the words are looked up: web addresses, a leading "RT @handle:", emoji and
other symbols. Hashtags and handles keep their words, split at case changes
("#ClimateChange" -> "Climate Change", "@NekoCase" -> "Neko Case"), because they often
name the subject; a hashtag written in lower case is split into the library's own words
when the library is given ("#tamperedwater" -> "tampered water", `split_glued_word`); so
does the credit line of an embedded post ("— Name (@handle) June 4,
2019"), whose name and date are often what a fact-check is about.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable

from textcore.analysis import normalize_text, term_key
from textcore.lexicon import STOP_WORDS

# Longer input is cut here (a claim is a sentence or a post; a pasted article is not a
# query): cost stays bounded and nothing is refused.
MAX_QUERY_CHARS = 2000

# "pic.twitter.com/..." is often glued to the word before it ("#Iranpic.twitter.com/x").
_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S*|\b(?:t\.co|bit\.ly|youtu\.be)/\S*",
    re.IGNORECASE,
)
_RETWEET_RE = re.compile(r"^\s*RT\s+@\w+:?\s*|\bRT\s+(?=@\w)", re.IGNORECASE)
_TAG_RE = re.compile(r"(?<![\w@#])[#@](\w+)")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")
_SPACES_RE = re.compile(r"\s+")
_GLUED_RE = re.compile(r"\b[a-z]{6,40}\b")
# How often a stop word is taken to occur, as a share of passages: the index does not
# count them, and hashtags glue them in ("#draintheswamp").
_STOP_WORD_SHARE = 0.1
_LONGEST_PIECE = 20
# The credit line an embedded post ends with once cleaned: "— Jane Doe ( jdoe ) May 4, 2019"
# (the dash is sometimes missing, or glued to the last word of the post).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CREDIT_END = rf"\(\s*[^()]{{1,60}}\)\s+{_MONTH}\s\d{{1,2}},\s\d{{4}}\s*$"
_CREDIT_RES = (
    re.compile(rf"\s*[\u2014\u2013][^\u2014\u2013]{{1,80}}?{_CREDIT_END}"),
    re.compile(rf"\s*{_CREDIT_END}"),
)
# Unicode categories dropped as noise: symbols (emoji, arrows, dingbats), marks standing
# alone, format and private-use characters.
_DROPPED_CATEGORIES = frozenset({"So", "Sk", "Cf", "Co", "Cs", "Cn"})


def split_camel_case(word: str) -> str:
    """ "ClimateChange" -> "Climate Change", "COVID19" -> "COVID 19", "NYCMayor" -> "NYC Mayor"."""
    return _CAMEL_RE.sub(" ", word.replace("_", " "))


def split_glued_word(word: str, share: Callable[[str], float]) -> str:
    """A lower-case run of words written as one ("texaschurchshooting") split into the
    most likely words ("texas church shooting"), each a search key of the library or a stop
    word; `share(key)` is the share of the library's passages holding a key (0: unknown).

    A word the library knows as a whole, or that cannot be split into known words only, is
    left as it is. The split maximises the product of the words' shares (the usual
    unigram segmentation), so fewer, commoner words win.
    """
    if share(term_key(word)) > 0:
        return word
    # best[i]: (log-probability, cut positions) of the best split of word[:i]
    best: list[tuple[float, tuple[int, ...]] | None] = [(0.0, ())] + [None] * len(word)
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - _LONGEST_PIECE), end - 1):
            if best[start] is None:
                continue
            piece = word[start:end]
            if piece in STOP_WORDS:
                p = _STOP_WORD_SHARE
            else:
                # two letters glued to a word are more often a cut in the wrong place
                # ("presser" -> "press er") than a word
                p = share(term_key(piece)) if end - start > 2 else 0.0
            if p <= 0:
                continue
            score = best[start][0] + math.log(p)
            if best[end] is None or score > best[end][0]:
                best[end] = (score, (*best[start][1], start))
    if best[-1] is None:
        return word
    cuts = (*best[-1][1][1:], len(word))
    starts = best[-1][1]
    return " ".join(word[a:b] for a, b in zip(starts, cuts, strict=True))


def _split_tag(match: re.Match, share: Callable[[str], float] | None) -> str:
    words = split_camel_case(match.group(1))
    if share is not None and match.group(0)[0] == "#":
        words = _GLUED_RE.sub(lambda m: split_glued_word(m.group(0), share), words)
    return " " + words + " "


def _drop_symbols(text: str) -> str:
    return "".join(" " if unicodedata.category(ch) in _DROPPED_CATEGORIES else ch for ch in text)


def clean_query(text: str, *, share: Callable[[str], float] | None = None) -> str:
    """The claim's words without links, retweet markers and emoji; tags and handles split.

    `share(key)`, the share of the library's passages holding a search key, lets a
    lower-case hashtag be split into the library's words (`split_glued_word`).
    """
    text = html.unescape((text or "")[:MAX_QUERY_CHARS])
    text = _URL_RE.sub(" ", text)
    text = _RETWEET_RE.sub(" ", text)
    text = _TAG_RE.sub(lambda m: _split_tag(m, share), text)
    text = _drop_symbols(text)
    return _SPACES_RE.sub(" ", text).strip()


def without_credit_line(text: str) -> str:
    """A cleaned claim without the credit line of an embedded post, if it ends with one.

    The author's name and the date say who posted, not what is claimed: the words of the
    claim itself are what a fact-check of it must share.
    """
    for pattern in _CREDIT_RES:
        cut = pattern.sub("", text)
        if cut != text:
            return cut
    return text


def index_terms(text: str) -> list[str]:
    """The search keys of a text, in order with repeats: words and numbers, stemmed.

    The one analyser of the lookup: passages, titles and queries all go through it, so
    stemming and number forms ("1,000" = "1000") always agree. Stop words and one-letter
    tokens carry nothing and are left out.
    """
    return [
        term_key(token)
        for token in normalize_text(text).split()
        if token not in STOP_WORDS and (len(token) > 1 or token.isdigit())
    ]


def query_terms(text: str) -> list[str]:
    """The search keys of a pasted claim: cleaned first, then analysed like the library."""
    return index_terms(clean_query(text))
