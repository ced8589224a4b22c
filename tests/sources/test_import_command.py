"""The import_sources command: idempotent by key, all-or-nothing per file."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Match
from sources.models import Passage, Source
from tests.factories import MatchFactory

pytestmark = pytest.mark.django_db


def library(*sources):
    return "\n".join(json.dumps(s) for s in sources) + "\n"


def source(key="port-2022", passages=(("p1", "Cargo rose to 12 million tonnes in 2022."),)):
    return {
        "key": key,
        "title": f"Port statistics {key}",
        "publisher": "Port Authority",
        "url": None,
        "published": None,
        "kind": "statistics",
        "passages": [{"key": k, "text": t} for k, t in passages],
    }


def rows():
    return sorted(
        Passage.objects.values_list("source__key", "key", "text", "normalized_text", "locator")
    )


def test_importing_the_same_file_twice_leaves_the_same_rows(write_file):
    path = write_file("lib.jsonl", library(source(), source("port-2023")))
    call_command("import_sources", str(path), "--no-progress")
    first = (rows(), list(Source.objects.values_list("pk", "key")))
    call_command("import_sources", str(path), "--no-progress")
    assert (rows(), list(Source.objects.values_list("pk", "key"))) == first
    assert Passage.objects.count() == 2


def test_reimport_updates_passage_text_in_place(write_file):
    call_command("import_sources", str(write_file("a.jsonl", library(source()))), "--no-progress")
    passage_id = Passage.objects.get().pk
    changed = source(passages=(("p1", "Cargo rose to 13 million tonnes in 2022."),))
    call_command("import_sources", str(write_file("b.jsonl", library(changed))), "--no-progress")
    passage = Passage.objects.get()
    assert passage.pk == passage_id
    assert "13 million" in passage.text
    assert "13 million" in passage.normalized_text


def test_malformed_file_changes_nothing_and_names_the_line(write_file):
    call_command("import_sources", str(write_file("a.jsonl", library(source()))), "--no-progress")
    before = rows()
    bad = library(source(passages=(("p1", "Changed text."),)), source("second")) + "{oops\n"
    with pytest.raises(CommandError, match=r"bad\.jsonl, line 3: invalid JSON"):
        call_command("import_sources", str(write_file("bad.jsonl", bad)), "--no-progress")
    assert rows() == before
    assert not Source.objects.filter(key="second").exists()


def test_invalid_utf8_file_is_refused_with_a_reason(write_file):
    path = write_file("bin.jsonl", b'{"key": "x", "title": "caf\xe9"}\n')
    with pytest.raises(CommandError, match="not valid UTF-8"):
        call_command("import_sources", str(path), "--no-progress")
    assert Source.objects.count() == 0


def test_csv_library_is_imported(write_file):
    path = write_file(
        "lib.csv",
        "source_key,title,publisher,url,published,kind,passage_key,locator,text\n"
        "port-2022,Port statistics,Port Authority,,2023-02-01,statistics,p1,p. 3,Cargo rose.\n",
    )
    call_command("import_sources", str(path), "--no-progress")
    assert Source.objects.get(key="port-2022").passages.get().locator == "p. 3"


def test_passage_that_left_the_source_is_removed_with_its_unreviewed_matches(write_file):
    two = source(passages=(("p1", "Cargo rose."), ("p2", "Ships docked.")))
    call_command("import_sources", str(write_file("a.jsonl", library(two))), "--no-progress")
    MatchFactory(passage=Passage.objects.get(key="p2"))
    call_command("import_sources", str(write_file("b.jsonl", library(source()))), "--no-progress")
    assert list(Passage.objects.values_list("key", flat=True)) == ["p1"]
    assert Match.objects.count() == 0


def test_passage_accepted_as_evidence_is_kept_when_it_leaves_the_source(write_file):
    two = source(passages=(("p1", "Cargo rose."), ("p2", "Ships docked.")))
    call_command("import_sources", str(write_file("a.jsonl", library(two))), "--no-progress")
    MatchFactory(passage=Passage.objects.get(key="p2"), decision=Match.Decision.ACCEPTED)
    call_command("import_sources", str(write_file("b.jsonl", library(source()))), "--no-progress")
    assert sorted(Passage.objects.values_list("key", flat=True)) == ["p1", "p2"]
    assert Match.objects.get().decision == Match.Decision.ACCEPTED


def test_admin_filters_sources_by_year_published(client, write_file):
    from tests.factories import UserFactory

    lib = [source("old"), source("new")]
    lib[0]["published"], lib[1]["published"] = "2019-05-01", "2024-02-01"
    call_command("import_sources", str(write_file("a.jsonl", library(*lib))), "--no-progress")
    client.force_login(UserFactory(is_superuser=True))
    page = client.get("/admin/sources/source/?year=2024").content.decode()
    assert "Port statistics new" in page and "Port statistics old" not in page


def test_admin_records_who_changed_a_source(client, write_file):
    from tests.factories import UserFactory

    call_command("import_sources", str(write_file("a.jsonl", library(source()))), "--no-progress")
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    item = Source.objects.get()
    data = {
        "key": item.key,
        "title": "Renamed bulletin",
        "publisher": item.publisher,
        "url": "",
        "published": "",
        "kind": item.kind,
        "reliability_note": "",
        "passages-TOTAL_FORMS": "0",
        "passages-INITIAL_FORMS": "0",
    }
    response = client.post(f"/admin/sources/source/{item.pk}/change/", data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.changed_by) == ("Renamed bulletin", editor)
