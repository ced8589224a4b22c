"""Claim lookup: one path for matching, the command and the API (sources.search.lookup)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.test import APIClient

from sources import search, search_index
from tests.factories import FactCheckerFactory, PassageFactory, SourceFactory
from tests.sources.sample import LIBRARY
from textcore.retrieval.prepared import prepare_passage
from textcore.retrieval.rank import rank_candidates

pytestmark = pytest.mark.django_db


def add_passages(*texts, title="Annual harbour report"):
    source = SourceFactory(title=title)
    return [PassageFactory(source=source, text=text) for text in texts]


def test_gold_passage_sharing_only_common_words_stays_a_candidate():
    # Ten rare words each lead to one distractor; the passage the claim is about shares
    # only words that many passages have.
    rare = "zelvanor quintaric mobrelle trastow vennick ulbrath caspin derrowe flimmet oskary"
    for word in rare.split():
        add_passages(f"The {word} committee met.", title="Minutes")
    add_passages(*[f"Harbour record number {n} was filed." for n in range(20)], title="Log")
    add_passages(*[f"Cargo manifest {n} was lost." for n in range(20)], title="Log")
    [gold] = add_passages("The harbour handled record cargo.", title="Log")
    found = [c.passage_id for c in search.find_candidates(f"{rare} harbour record cargo")]
    assert gold.pk in found


def test_lookup_ranks_the_paraphrased_passage_first():
    passages = add_passages(*LIBRARY)
    [best] = search.lookup(text="Brenmoor quarries doubled output after the new road", top_k=1)
    assert (best.passage_id, best.passage_key) == (passages[5].pk, passages[5].key)
    assert 0 <= best.score <= 100


def test_source_title_is_searched():
    add_passages(*LIBRARY[:5])
    [passage] = add_passages("Output rose sharply.", title="Velmora gravel pit statistics")
    found = search.lookup(text="Velmora gravel pit", top_k=3)
    assert [m.passage_id for m in found] == [passage.pk]


@pytest.mark.parametrize("noise", ["https://example.com/story", "\U0001f600\U0001f389", "the"])
def test_noise_only_query_returns_nothing_without_touching_the_database(
    noise, django_assert_num_queries
):
    add_passages(*LIBRARY)
    with django_assert_num_queries(0):
        assert search.lookup(text=noise, top_k=5) == []


@pytest.mark.postgresql("the library's version and term statistics are kept in PostgreSQL")
def test_index_out_of_step_with_the_database_is_rebuilt():
    [passage] = add_passages(LIBRARY[0])
    assert search.lookup(text="Orlasco vintners", top_k=5) == []
    # a write that bypasses the application: only the database knows
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sources_passage SET text = %s WHERE id = %s",
            ["Vintners in Orlasco picked grapes early.", passage.pk],
        )
    assert [m.passage_id for m in search.lookup(text="Orlasco vintners", top_k=5)] == [passage.pk]


def test_removed_passage_is_not_returned():
    passages = add_passages(*LIBRARY)
    search.lookup(text="Brenmoor quarry", top_k=5)
    passages[5].delete()
    assert search.lookup(text="Brenmoor quarry", top_k=5) == []


def test_match_claims_writes_one_line_per_claim_in_input_order(tmp_path):
    passages = add_passages(*LIBRARY)
    queries = tmp_path / "claims.jsonl"
    queries.write_text(
        json.dumps({"id": "q2", "text": "Ferry services to the islands suspended"})
        + "\n"
        + json.dumps({"id": "q1", "text": "https://t.co/x"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    call_command("match_claims", str(queries), "--top", "2", "--output", str(out))
    first, second = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert first["id"] == "q2" and second == {"id": "q1", "matches": []}
    assert first["matches"][0]["passage_key"] == passages[4].key
    assert set(first["matches"][0]) == {"source_key", "passage_key", "score", "numeric"}
    assert len(first["matches"]) <= 2


def test_match_claims_names_the_bad_line(tmp_path):
    queries = tmp_path / "claims.jsonl"
    queries.write_text('{"id": "a", "text": "ok"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("match_claims", str(queries))


@pytest.fixture
def api(db):
    client = APIClient()
    client.force_authenticate(FactCheckerFactory())
    return client


def test_match_api_answers_matches_to_the_newsroom(api):
    passages = add_passages(*LIBRARY)
    response = api.post("/api/match/", {"text": "Brenmoor quarry output doubled"}, format="json")
    assert response.status_code == 200
    assert response.json()["matches"][0]["passage_key"] == passages[5].key


def test_match_api_cuts_a_very_long_claim_instead_of_failing(api):
    add_passages(*LIBRARY)
    text = "Brenmoor quarry output doubled. " + "x" * 10_000
    response = api.post("/api/match/", {"text": text}, format="json")
    assert response.status_code == 200


def test_match_api_without_text_is_a_field_error(api):
    response = api.post("/api/match/", {"top_k": 3}, format="json")
    assert response.status_code == 400
    assert "text" in response.json()["fields"]


def test_second_stage_scores_as_many_candidates_as_the_ranker_was_trained_on(settings):
    from textcore.retrieval.rank import default_ranker

    trained = default_ranker().meta["first_stage"]["candidates"]
    settings.FACTCHECK_CANDIDATES_PER_CLAIM = trained * 4
    assert search.candidates_per_claim() == trained
    settings.FACTCHECK_CANDIDATES_PER_CLAIM = 7
    assert search.candidates_per_claim() == 7


@pytest.mark.postgresql("the library's version and term statistics are kept in PostgreSQL")
def test_lookup_on_a_current_index_is_one_round_trip_to_the_database(
    django_assert_num_queries,
):
    add_passages(*LIBRARY)
    search.lookup(text="Brenmoor quarry", top_k=5)  # reads the library into the index
    with django_assert_num_queries(1):
        matches = search.lookup(text="Brenmoor quarry output doubled", top_k=5)
    assert matches


@pytest.mark.postgresql("the library's version and term statistics are kept in PostgreSQL")
def test_another_process_opens_the_saved_index_instead_of_reading_the_library(
    monkeypatch, django_assert_num_queries
):
    passages = add_passages(*LIBRARY)
    search.lookup(text="Brenmoor quarry", top_k=5)  # the first process builds and saves it
    monkeypatch.setattr(search_index, "_loaded", None)  # a process that has not looked yet
    with django_assert_num_queries(1):  # the library's stamp only: no passage is read
        search_index.library_index()
    [best] = search.lookup(text="Brenmoor quarries doubled output after the new road", top_k=1)
    assert best.passage_id == passages[5].pk


def test_without_a_folder_for_saved_indexes_each_process_keeps_its_own(settings):
    settings.FACTCHECK_SEARCH_INDEX_DIR = ""
    passages = add_passages(*LIBRARY)
    [best] = search.lookup(text="Brenmoor quarries doubled output after the new road", top_k=1)
    assert best.passage_id == passages[5].pk


def test_the_index_keeps_each_passage_analysed_as_the_lookup_would_analyse_it():
    passages = add_passages(*LIBRARY)
    search.lookup(text="Brenmoor quarry", top_k=5)
    loaded = search_index.library_index()
    for doc, passage_id in enumerate(loaded.passage_ids):
        passage = next(p for p in passages if p.pk == passage_id)
        stored = loaded.prepared.get(doc, passage.text)
        fresh = prepare_passage(passage.text, passage.source.title, passage.quantities)
        assert stored.text.analysis == fresh.text.analysis
        assert stored.text.kinds == fresh.text.kinds
        assert stored.text.facts == fresh.text.facts
        assert (stored.keys, stored.title, stored.title_keys) == (
            fresh.keys,
            fresh.title,
            fresh.title_keys,
        )


@pytest.mark.postgresql("the library's version and term statistics are kept in PostgreSQL")
def test_analysis_of_a_passage_changed_behind_the_applications_back_is_rebuilt():
    [passage] = add_passages(LIBRARY[0])
    search.lookup(text="Tressilian reservoir", top_k=5)
    changed = "The Tressilian reservoir held 12 billion litres in March."
    with connection.cursor() as cursor:
        cursor.execute("UPDATE sources_passage SET text = %s WHERE id = %s", [changed, passage.pk])
    [candidate] = search.find_candidates("Tressilian reservoir litres")
    assert candidate.text == changed
    assert candidate.prepared.text.analysis == prepare_passage(changed).text.analysis
    assert candidate.prepared.text.facts == prepare_passage(changed).text.facts


def test_lookup_with_the_indexs_analysis_ranks_as_analysing_each_candidate_would():
    add_passages(*LIBRARY)
    claim = "Imports of frozen fish through the harbour fell by 20% last year"
    found = search.find_candidates(claim)
    assert all(c.prepared is not None for c in found)
    index = search_index.library_index().index
    ranked = [
        rank_candidates(
            claim,
            [],
            search.ranking_input(found, with_analysis=with_index),
            idf=index.text.idf,
            library_size=len(index),
        )
        for with_index in (True, False)
    ]
    assert ranked[0] == ranked[1] and ranked[0]


def test_the_saved_index_is_named_by_all_the_code_that_builds_it():
    # every module the index and the prepared passages are built with counts in the name
    # of a saved index, so a change to any of them builds a new one
    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, textcore.retrieval.index, textcore.retrieval.prepared; "
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
            "if n.split('.')[0] == 'textcore'))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()
    root = Path(settings.BASE_DIR).resolve()
    for file in imported:
        name = Path(file).resolve().relative_to(root).as_posix()
        assert any(name == c or name.startswith(c + "/") for c in search_index.INDEX_CODE), name


def run_match_claims(queries: Path, out: Path, jobs: str) -> None:
    """`manage.py match_claims` in a process of its own, on this test's database.

    The command forks its workers; forking from a test-runner process that has threads of
    its own (pytest-xdist's) can leave a child waiting on a lock that no thread will free,
    so the command runs as it does in use: a process of its own.
    """
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("CELERY_BROKER_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "match_claims", str(queries), "--jobs", jobs]
        + ["--output", str(out)],
        check=True,
        cwd=settings.BASE_DIR,
        env=env,
        timeout=300,
    )


@pytest.mark.postgresql("the command runs in a process of its own, which needs a database on disk")
@pytest.mark.django_db(transaction=True)
def test_match_claims_in_several_processes_writes_what_one_process_writes(tmp_path):
    add_passages(*LIBRARY)
    claims = [f"{text} ({n})" for n in range(6) for text in LIBRARY] + ["https://t.co/x"]
    queries = tmp_path / "claims.jsonl"
    queries.write_text(
        "".join(json.dumps({"id": i, "text": c}) + "\n" for i, c in enumerate(claims)),
        encoding="utf-8",
    )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        run_match_claims(queries, out, jobs)
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[1].splitlines()] == list(range(len(claims)))
