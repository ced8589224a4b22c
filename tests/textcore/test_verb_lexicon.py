"""The verb lexicon derived from WordNet and the splitter rules that read it."""

import json
import sys
from pathlib import Path

import pytest

from tests.textcore.claims import claim_texts
from textcore.atomize import verbs
from textcore.atomize.grammar import find_subject, first_verb, is_verb, past_tense
from textcore.atomize.words import NOMINALISATIONS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_verb_lexicon  # noqa: E402

WORDNET = Path("/usr/share/wordnet")


def _subject(text: str) -> str | None:
    span = find_subject(text)
    return text[span[0] : span[1]] if span else None


def test_the_shipped_file_loads_with_its_licence():
    data = json.loads((ROOT / "textcore" / "atomize" / "verbs.json").read_text())
    assert data["version"] == build_verb_lexicon.VERSION
    assert "Princeton University" in data["licence"]
    assert len(verbs.PRESENT_FORMS) > 1000 and len(verbs.PAST_FORMS) > 1000


def test_the_shipped_file_is_what_wordnet_builds():
    assert build_verb_lexicon.main([str(WORDNET), "--check"]) == 0


def test_check_fails_on_a_file_that_differs(tmp_path):
    stale = tmp_path / "verbs.json"
    stale.write_text((ROOT / "textcore" / "atomize" / "verbs.json").read_text().replace("a", "b"))
    assert build_verb_lexicon.main([str(WORDNET), "--check", "--output", str(stale)]) == 1


def test_regular_forms_follow_english_spelling():
    assert {"refines", "carries", "teaches", "goes"} <= verbs.PRESENT_FORMS
    assert {"produced", "carried", "stopped", "agreed"} <= verbs.PAST_FORMS


def test_irregular_pasts_come_from_the_exception_list_and_participles_stay_out():
    assert {"rose", "took", "began", "wrote", "fought"} <= verbs.IRREGULAR_PAST_FORMS
    assert {"led", "fled", "fed"} <= verbs.IRREGULAR_PAST_FORMS  # irregular, though in -ed
    assert not {"stopped", "carried"} & verbs.IRREGULAR_PAST_FORMS
    assert _subject("The prime minister led talks with the unions.") == "The prime minister"
    assert not {"taken", "begun", "written", "shown"} & verbs.PAST_FORMS
    assert "risen" in build_verb_lexicon.irregular_forms("rise", ["risen", "rose"])[1]


def test_a_regular_past_beside_an_irregular_one_unless_it_is_a_noun():
    assert {"learned", "learnt", "addressed", "burned"} <= verbs.PAST_FORMS
    assert is_verb("addressed", "parliament")
    assert "seed" not in verbs.PAST_FORMS  # "see" has "saw"
    assert "co-ordinate" not in verbs.PAST_FORMS  # a spelling of "coordinate"
    assert "seed" in verbs.NOT_PAST_ED and "hundred" in verbs.NOT_PAST_ED


def test_a_word_that_is_mostly_a_noun_is_no_verb():
    assert "forms" not in verbs.PRESENT_FORMS | verbs.PRESENT_NOUN_FORMS
    assert "costs" not in verbs.PRESENT_FORMS | verbs.PRESENT_NOUN_FORMS
    assert "plans" in verbs.PRESENT_NOUN_FORMS and "plans" not in verbs.PRESENT_FORMS


def test_rules_on_a_small_wordnet(tmp_path):
    (tmp_path / "index.verb").write_text(
        "  1 licence line\nrefine v 1 1 @ 1 0 00000001  \nform v 1 1 @ 1 1 00000002  \n"
        "plan v 1 1 @ 1 1 00000003  \nrise v 1 1 @ 1 1 00000004  \nsee v 1 1 @ 1 1 00000007  \n"
        "work v 1 1 @ 1 1 00000009  \nbring v 1 1 @ 1 1 00000010  \n"
    )
    (tmp_path / "index.noun").write_text(
        "form n 1 1 @ 1 1 00000005  \nplan n 1 1 @ 1 1 00000006  \nseed n 1 1 @ 1 1 00000008  \n"
        "thing n 1 1 @ 1 1 00000011  \nrefinement n 1 1 @ 1 1 00000012  \n"
        "planning n 1 1 @ 1 1 00000013  \n"
    )
    (tmp_path / "index.adj").write_text("")
    (tmp_path / "index.adv").write_text("")
    (tmp_path / "data.verb").write_text(
        "00000001 30 v 01 refine 0 001 + 00000012 n 0101 | make more precise\n"
        '00000009 36 v 01 work 0 000 | exert oneself; "she worked hard"; "he worked late"\n'
    )
    # "refinement" names an act (04: noun.act), "planning" only a thing (06: noun.artifact)
    (tmp_path / "data.noun").write_text(
        "00000012 04 n 01 refinement 0 001 + 00000001 v 0101 | the act of refining\n"
        "00000013 06 n 01 planning 0 000 | a drawing\n"
        "00000005 06 n 01 form 0 000 | a shape\n"
        "00000006 06 n 01 plan 0 000 | a scheme\n"
        "00000008 06 n 01 seed 0 000 | a grain\n"
        "00000011 06 n 01 thing 0 000 | an object\n"
    )
    (tmp_path / "data.adj").write_text("")
    (tmp_path / "data.adv").write_text("")
    (tmp_path / "verb.exc").write_text("rose rise\nrisen rise\nsaw see\nseen see\nwrought work\n")
    (tmp_path / "cntlist.rev").write_text(
        "form%2:36:00:: 1 3\nform%1:10:00:: 1 9\nplan%2:31:00:: 1 8\nplan%1:09:00:: 1 4\n"
        "rise%2:38:00:: 1 5\nsee%2:39:00:: 1 9\nseed%1:20:00:: 1 2\n"
    )
    lexicon = build_verb_lexicon.build(tmp_path)
    assert lexicon["present"] == ["brings", "refines", "rises", "sees", "works"]
    assert lexicon["present_nouns"] == ["plans"]  # a verb first, a noun one time in three
    assert "forms" not in lexicon["present"] + lexicon["present_nouns"]
    assert {"rose", "saw", "refined"} <= set(lexicon["past"])
    assert "seed" not in lexicon["past"] and "seed" in lexicon["adjectives"]
    assert lexicon["participles"] == ["risen", "seen"]
    # "work" has no participle of its own, so "wrought" is one; "rose" is not ("risen" is)
    assert lexicon["participles_also_past"] == ["wrought"]
    # "worked" is written in the glosses, "wrought" is not: the claim says "worked"
    assert lexicon["past_of_participle"] == {"rising": "rose", "seeing": "saw"}
    assert lexicon["not_participles"] == ["bring", "thing"]  # "planning" is "plan" + -ing
    assert lexicon["nominalisations"] == {"refinement": ["refines", "refined"]}


def test_irregular_past_participles_come_from_the_lexicon():
    assert {"sold", "held", "stuck", "taught", "taken", "torn"} <= verbs.PAST_PARTICIPLE_FORMS
    assert not {"took", "rose", "went", "was", "ran", "came"} & verbs.PAST_PARTICIPLE_FORMS
    assert not build_verb_lexicon._vowel_of("sat", "sit")
    assert build_verb_lexicon._vowel_of("ran", "run")


def test_an_absolute_with_phrase_reads_irregular_participles_from_the_lexicon():
    texts = claim_texts(
        "The airline cancelled 200 flights on Friday, with 12,000 passengers stuck at the "
        "airport overnight."
    )
    assert "12,000 passengers were stuck at the airport overnight." in texts
    texts = claim_texts("The storm hit the coast, with 300 homes torn from their foundations.")
    assert "300 homes were torn from their foundations." in texts


def test_a_past_that_is_no_participle_opens_no_with_phrase():
    text = "The storm hit the coast, with the river rose to its highest level in March."
    assert claim_texts(text) == [text]


def test_the_past_of_a_participle_comes_from_the_lexicon():
    assert past_tense("making") == "made" and past_tense("beginning") == "began"
    assert past_tense("teaching") == "taught" and past_tense("seeking") == "sought"
    assert past_tense("working") == "worked"  # not the "wrought" verb.exc also lists
    assert past_tense("cutting") == "cut"  # spelled like its base form
    assert past_tense("announcing") == "announced"


def test_a_participle_clause_is_written_in_the_irregular_past():
    texts = claim_texts("The charity trained 400 nurses last year, teaching them basic surgery.")
    assert "The charity taught them basic surgery." in texts
    texts = claim_texts("The council sold the land in 2001, seeking a profit of 2m pounds.")
    assert "The council sought a profit of 2m pounds." in texts


def test_a_word_in_ing_that_is_no_verb_form_opens_no_participle_clause():
    assert {"thing", "bring", "morning", "outstanding"} <= verbs.NOT_PARTICIPLES
    assert not {"building", "making", "planning", "lying"} & verbs.NOT_PARTICIPLES
    texts = claim_texts("The hospital opened a new ward in May, outstanding work by its staff.")
    assert not any("outstand" in t and "outstanding" not in t for t in texts)


def test_any_noun_of_an_act_with_of_and_by_states_what_the_agent_did():
    assert NOMINALISATIONS["inspection"] == ("inspects", "inspected")
    assert NOMINALISATIONS["sale"] == ("sells", "sold")  # no derivational link in WordNet
    texts = claim_texts(
        "The port reopened on Monday, with an estimated inspection of 300 containers by Customs."
    )
    assert "Customs inspected an estimated 300 containers." in texts


def test_a_verb_of_the_lexicon_is_found_without_a_hand_list():
    assert _subject("Acme monopolises the market for tin.") == "Acme"
    assert is_verb("withstands")


def test_a_verb_that_is_also_a_noun_needs_the_words_around_it():
    assert not is_verb("plans")
    assert is_verb("plans", "to")
    assert _subject("Tax cuts will lift spending.") == "Tax cuts"
    assert _subject("Peace talks collapsed on Friday.") == "Peace talks"


def test_a_possessive_opens_a_noun_phrase():
    assert _subject("Brazil's exports rose 4% last year.") == "Brazil's exports"


def test_a_capitalised_word_is_a_name_not_a_verb():
    assert _subject("Rose Okafor said the plant would close.") == "Rose Okafor"
    assert first_verb("officials from the United Nations arrived") is not None
    assert not is_verb("United", "Nations")


def test_after_and_a_verb_that_is_also_a_noun_parallels_the_verb_before():
    texts = claim_texts(
        "The bank expects weaker growth and forecasts lower interest rates next year."
    )
    assert "The bank forecasts lower interest rates next year." in texts


def test_a_list_gathered_by_a_collective_noun_is_one_subject():
    texts = claim_texts(
        "A combination of bad weather, rising fuel bills and a weak economy has hurt sales at Acme."
    )
    assert texts == [
        "A combination of bad weather, rising fuel bills and a weak economy has hurt sales at Acme."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The report says that rising prices hurt demand and weakens growth.",
        "Officials said that the new rules slow approvals and raises costs.",
    ],
)
def test_and_inside_a_that_clause_keeps_the_clause_subject(text):
    texts = claim_texts(text)
    assert not any(t.startswith(("The report weakens", "Officials raises")) for t in texts)


def test_and_after_a_gerund_joins_its_objects():
    texts = claim_texts(
        "The bill allows holding protesters and political suspects without charge for a month."
    )
    assert not any(t.startswith("Political suspects") for t in texts)


def test_an_aside_opening_with_an_irregular_participle_describes_the_noun():
    texts = claim_texts("The Kivu mine - dug by Belgian engineers in 1952 - employs 3,000 people.")
    assert "The Kivu mine employs 3,000 people." in texts
    assert any(t.startswith("The Kivu mine is dug by Belgian engineers") for t in texts)


def test_after_a_capitalised_first_word_a_noun_verb_waits_for_another_verb():
    peace = first_verb("Peace talks between the two sides collapsed.")
    assert peace is not None and peace.group(0) == "collapsed."
    acme = first_verb("Acme plans to hire 300 workers.")
    assert acme is not None and acme.group(0) == "plans"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Trade talks in Geneva ended without a deal on Friday.", "Trade talks in Geneva"),
        ("Oil exports to Asia rose 12% in March.", "Oil exports to Asia"),
        ("Car sales in Spain fell 5% in May.", "Car sales in Spain"),
        ("Coal plants in Poland produce most of its power.", "Coal plants in Poland"),
        ("Rent increases for tenants will be capped at 5%.", "Rent increases for tenants"),
        ("Crude oil exports to Asia have doubled.", "Crude oil exports to Asia"),
        ("The wage talks at the plant collapsed.", "The wage talks at the plant"),
    ],
)
def test_a_plural_noun_that_looks_like_a_verb_heads_the_phrase_before_the_verb(text, subject):
    assert _subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "Acme exports to Asia most of its steel.",  # no other verb follows
        "Acme plans to cut 300 jobs.",  # "cut" is the infinitive after "to"
        "Acme reports on its website that sales rose.",  # "rose" is in another clause
        "Norway sells to Sweden, which buys most of it.",
        "The firm plans to cut 300 jobs.",
        "It reports on its website that sales rose.",
    ],
)
def test_after_a_name_a_verb_before_a_preposition_stays_the_verb(text):
    assert _subject(text) in ("Acme", "Norway", "The firm", "It")


def test_the_next_claim_of_a_noun_compound_keeps_the_whole_subject():
    texts = claim_texts("Oil exports to Asia rose 12% in March and fell 3% in April.")
    assert "Oil exports to Asia fell 3% in April." in texts
    texts = claim_texts("Trade talks in Geneva ended on Friday, leaving tariffs on steel in place.")
    assert "Trade talks in Geneva left tariffs on steel in place." in texts
