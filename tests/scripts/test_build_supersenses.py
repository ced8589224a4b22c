"""scripts/build_supersenses.py gives each word form the supersense of its most frequent sense."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_supersenses  # noqa: E402

from textcore.supersenses import SUPERSENSES_PATH  # noqa: E402

WORDNET = Path("/usr/share/wordnet")  # scripts/ensure-wordnet.sh installs it for the tests

# A WordNet database in miniature, in the files' own format: "rate" is tagged more often as a
# noun (noun.relation, 24) than as a verb (verb.cognition, 31); "bank"'s first sense in the
# index is noun.group (14) but its sense tagged most often is noun.object (17); "zloty" was
# never tagged; "said" is an irregular form of "say"; "in" (inch) is a function word.
FILES = {
    "data.noun": [
        "00000001 24 n 01 rate 0 000 | amount per unit",
        "00000002 18 n 01 senator 0 000 | a member of a senate",
        "00000003 14 n 01 bank 0 000 | an institution",
        "00000004 17 n 01 bank 0 000 | sloping land",
        "00000005 21 n 01 zloty 0 000 | the money of Poland",
        "00000006 23 n 01 in 0 000 | an inch",
    ],
    "index.noun": [
        "bank n 2 0 2 2 00000003 00000004  ",
        "in n 1 0 1 1 00000006  ",
        "rate n 1 0 1 1 00000001  ",
        "senator n 1 0 1 1 00000002  ",
        "zloty n 1 0 1 0 00000005  ",
    ],
    "data.verb": [
        "00000011 31 v 01 rate 0 000 01 + 01 00 | judge",
        "00000012 32 v 01 say 0 000 01 + 01 00 | express in words",
    ],
    "index.verb": ["rate v 1 0 1 1 00000011  ", "say v 1 0 1 1 00000012  "],
    "data.adj": [],
    "index.adj": [],
    "data.adv": [],
    "index.adv": [],
    "noun.exc": [],
    "verb.exc": ["said say"],
    "adj.exc": [],
    "adv.exc": [],
}
COUNTS = [
    "say%2:32:00:: 1 10",
    "bank%1:17:00:: 2 7",
    "rate%1:24:00:: 1 5",
    "in%1:23:00:: 1 3",
    "bank%1:14:00:: 1 2",
    "rate%2:31:00:: 1 2",
    "senator%1:18:00:: 1 1",
]
LICENCE = "  1 This software and database is being provided to you, the LICENSEE, by"


def write_wordnet(folder: Path) -> Path:
    folder.mkdir()
    for name, lines in FILES.items():
        (folder / name).write_text("\n".join([LICENCE, *lines]) + "\n", encoding="utf-8")
    (folder / "cntlist.rev").write_text("\n".join(COUNTS) + "\n", encoding="utf-8")
    return folder


def table(wordnet: Path) -> dict[str, str]:
    return build_supersenses.supersenses(wordnet)


def test_a_word_takes_the_supersense_of_its_sense_tagged_most_often(tmp_path):
    found = table(write_wordnet(tmp_path / "wordnet"))
    assert found["bank"] == "noun.object"  # not the index's first sense, noun.group
    assert found["rate"] == "noun.relation"  # a noun more often than a verb
    assert found["senator"] == "noun.person"


def test_inflected_and_irregular_forms_take_their_lemma_s_supersense(tmp_path):
    found = table(write_wordnet(tmp_path / "wordnet"))
    assert found["senators"] == "noun.person"
    assert found["rates"] == "noun.relation"
    assert found["rated"] == found["rating"] == "verb.cognition"
    assert found["said"] == found["says"] == "verb.communication"


def test_untagged_lemmas_keep_their_first_sense_without_made_up_forms(tmp_path):
    found = table(write_wordnet(tmp_path / "wordnet"))
    assert found["zloty"] == "noun.possession"
    assert "zlotys" not in found


def test_function_words_have_no_supersense(tmp_path):
    assert "in" not in table(write_wordnet(tmp_path / "wordnet"))


def test_building_twice_writes_the_same_file_recording_its_sources(tmp_path):
    wordnet = write_wordnet(tmp_path / "wordnet")
    outputs = [tmp_path / "a.json", tmp_path / "b.json"]
    for output in outputs:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_supersenses.py"), str(wordnet),
             "--output", str(output)],
            check=True, capture_output=True, cwd=ROOT,
        )  # fmt: skip
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    data = json.loads(outputs[0].read_text(encoding="utf-8"))
    assert "cntlist.rev" in data["source"]["wordnet"]
    assert "senators" in data["supersenses"]["noun.person"].split()


def test_check_fails_on_a_file_that_differs(tmp_path):
    wordnet = write_wordnet(tmp_path / "wordnet")
    output = tmp_path / "s.json"
    assert build_supersenses.main([str(wordnet), "--output", str(output)]) == 0
    assert build_supersenses.main([str(wordnet), "--check", "--output", str(output)]) == 0
    output.write_text(output.read_text(encoding="utf-8").replace("senators", "senatorz"))
    assert build_supersenses.main([str(wordnet), "--check", "--output", str(output)]) == 1


def test_the_shipped_file_is_what_wordnet_builds_with_its_licence():
    assert build_supersenses.main([str(WORDNET), "--check"]) == 0
    shipped = json.loads(SUPERSENSES_PATH.read_text(encoding="utf-8"))
    assert "Princeton University" in shipped["licence"]
