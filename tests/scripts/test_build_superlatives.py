"""scripts/build_superlatives.py derives English superlatives from a WordNet folder."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_superlatives  # noqa: E402

WORDNET = Path("/usr/share/wordnet")  # scripts/ensure-wordnet.sh installs it for the tests
SHIPPED = ROOT / "textcore" / "superlatives.json"


@pytest.mark.parametrize(
    ("adjective", "superlative"),
    [
        ("large", "largest"),
        ("high", "highest"),
        ("big", "biggest"),
        ("wet", "wettest"),
        ("early", "earliest"),
        ("narrow", "narrowest"),
        ("new", "newest"),
        ("cheap", "cheapest"),
    ],
)
def test_the_regular_superlative_is_spelled_as_the_grammar_books_spell_it(adjective, superlative):
    assert build_superlatives.superlative(adjective) == superlative


def test_only_short_adjectives_take_est():
    for adjective in ("large", "high", "early", "narrow", "simple", "clever"):
        assert build_superlatives.takes_est(adjective), adjective
    for adjective in ("expensive", "beautiful", "modern", "famous"):
        assert not build_superlatives.takes_est(adjective), adjective


def test_the_shipped_file_is_what_wordnet_builds():
    assert build_superlatives.main([str(WORDNET), "--check"]) == 0


def test_check_fails_on_a_file_that_differs(tmp_path):
    stale = tmp_path / "superlatives.json"
    stale.write_text(SHIPPED.read_text().replace('"largest", ', ""))
    assert build_superlatives.main([str(WORDNET), "--check", "--output", str(stale)]) == 1


def test_superlatives_include_irregular_ones_and_leave_out_words_of_their_own():
    data = json.loads(SHIPPED.read_text())
    assert "Princeton University" in data["licence"]
    found = set(data["superlatives"])
    assert {"best", "worst", "largest", "greatest", "lowest", "busiest", "hottest"} <= found
    # words that only look like a superlative
    assert not found & {"modest", "honest", "earnest", "interest", "forest", "west", "protest"}
