"""scripts/build_related_words.py derives related search keys from a WordNet folder."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from textcore.analysis import term_key
from textcore.retrieval.related import RELATED_PATH, parse_related

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_related_words  # noqa: E402

WORDNET = Path("/usr/share/wordnet")  # scripts/ensure-wordnet.sh installs it for the tests

# A WordNet database in miniature, in the files' own format: "murder" and "slay" share
# the first sense of both; "off" has that sense of "murder" only as its fourth; "slayer"
# is derived from "slay"; "Finnish" pertains to "Finland".
FILES = {
    "data.verb": [
        "00000001 41 v 02 murder 0 slay 0 001 + 00000011 n 0201 01 + 08 00 | kill on purpose",
        "00000002 41 v 02 off 0 murder 0 000 01 + 08 00 | kill (informal)",
        "00000003 38 v 01 off 0 000 01 + 01 00 | go away",
        "00000004 38 v 01 off 0 000 01 + 01 00 | leave",
        "00000005 38 v 01 off 0 000 01 + 01 00 | depart",
    ],
    "index.verb": [
        "murder v 2 1 + 2 1 00000001 00000002  ",
        "off v 4 0 4 0 00000003 00000004 00000005 00000002  ",
        "slay v 1 1 + 1 1 00000001  ",
    ],
    "data.noun": [
        "00000011 18 n 01 slayer 0 001 + 00000001 v 0102 | someone who kills",
        "00000031 15 n 01 Finland 0 000 | a country of northern Europe",
    ],
    "index.noun": ["finland n 1 0 1 0 00000031  ", "slayer n 1 1 + 1 0 00000011  "],
    "data.adj": ["00000021 01 a 01 Finnish 0 001 \\ 00000031 n 0101 | of Finland"],
    "index.adj": ["finnish a 1 1 \\ 1 0 00000021  "],
    "data.adv": [],
    "index.adv": [],
}
LICENCE = "  1 This software and database is being provided to you, the LICENSEE, by"


def write_wordnet(folder: Path) -> Path:
    folder.mkdir()
    for name, lines in FILES.items():
        (folder / name).write_text("\n".join([LICENCE, *lines]) + "\n", encoding="latin-1")
    return folder


def build(wordnet: Path, output: Path) -> dict:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_related_words.py"), str(wordnet),
         "--output", str(output)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(output.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """The file the script builds from the miniature WordNet, built once for the module."""
    folder = tmp_path_factory.mktemp("related")
    return build(write_wordnet(folder / "wordnet"), folder / "r.json")


def related_to(data: dict, word: str) -> set[str]:
    return set(parse_related(data).get(term_key(word), ()))


def test_building_twice_from_the_same_folder_writes_the_same_file(tmp_path):
    wordnet = write_wordnet(tmp_path / "wordnet")
    build(wordnet, tmp_path / "a.json")
    build(wordnet, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_synonyms_in_a_frequent_sense_of_both_words_are_related(built):
    data = built
    assert term_key("slay") in related_to(data, "murder")
    assert term_key("murder") in related_to(data, "slay")


def test_a_sense_rare_for_one_of_the_words_does_not_relate_them(built):
    data = built
    assert term_key("off") not in related_to(data, "murder")


def test_derived_forms_and_pertainyms_are_related(built):
    data = built
    assert term_key("slayer") in related_to(data, "slay")
    assert term_key("finland") in related_to(data, "finnish")


def test_the_file_records_the_wordnet_files_it_was_built_from(built):
    data = built
    assert set(data["source"]["wordnet"]) == {n for n in FILES if n.startswith(("data", "index"))}


def test_the_shipped_file_is_what_wordnet_builds_with_its_licence():
    assert build_related_words.main([str(WORDNET), "--check"]) == 0
    shipped = json.loads(RELATED_PATH.read_text(encoding="utf-8"))
    assert "Princeton University" in shipped["licence"]


def test_check_fails_on_a_file_that_differs(tmp_path):
    wordnet = write_wordnet(tmp_path / "wordnet")
    output = tmp_path / "r.json"
    build(wordnet, output)
    assert build_related_words.main([str(wordnet), "--check", "--output", str(output)]) == 0
    output.write_text(output.read_text(encoding="utf-8").replace("slai", "slay"))
    assert build_related_words.main([str(wordnet), "--check", "--output", str(output)]) == 1
