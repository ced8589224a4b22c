"""scripts/wordnet.py reads WordNet's database files for the lexicon scripts."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import wordnet  # noqa: E402

LICENCE = "  1 This software and database is being provided to you, the LICENSEE, by"


def test_an_index_line_gives_the_lemmas_synsets_in_order(tmp_path):
    (tmp_path / "index.noun").write_text(
        f"{LICENCE}\nsale n 2 2 @ ~ 2 1 01114824 01117541  \ncafé n 1 0 1 0 07881800  \n",
        encoding="utf-8",
    )
    index = wordnet.read_index(tmp_path, "noun")
    assert index == {"sale": ["01114824", "01117541"], "café": ["07881800"]}


def test_a_data_line_gives_its_lexicographer_file_lemmas_and_pointers(tmp_path):
    (tmp_path / "data.adj").write_text(
        f"{LICENCE}\n00000021 00 s 01 Galore(ip) 0 001 \\ 00000031 n 0102 | abundant\n",
        encoding="utf-8",
    )
    synset = wordnet.read_synsets(tmp_path, "adj")["00000021"]
    assert synset.lexfile == 0 and synset.lemmas == ["galore"]
    assert synset.pointers == [("\\", "n", "00000031", 1, 2)]


def test_a_file_that_is_not_utf8_stops_the_build(tmp_path):
    (tmp_path / "index.noun").write_bytes(b"caf\xe9 n 1 0 1 0 07881800  \n")
    with pytest.raises(UnicodeDecodeError):
        wordnet.read_index(tmp_path, "noun")
