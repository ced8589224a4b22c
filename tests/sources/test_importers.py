"""Parsing library files: pure, no database."""

import json

import pytest

from sources.importers import ImportFormatError, parse_csv, parse_jsonl


def jsonl(*objects):
    return [json.dumps(o) for o in objects]


SOURCE = {
    "key": "port-2022",
    "title": "Port statistics 2022",
    "publisher": "Port Authority",
    "published": "2023-02-01",
    "kind": "statistics",
    "passages": [{"key": "p1", "locator": "p. 3", "text": "Cargo rose to 12 million tonnes."}],
}


def test_jsonl_source_keeps_its_fields_and_passages():
    (record,) = parse_jsonl(jsonl(SOURCE), "lib.jsonl")
    assert record.key == "port-2022"
    assert record.published.isoformat() == "2023-02-01"
    assert record.passages[0].locator == "p. 3"


def test_jsonl_unknown_fields_are_ignored():
    (record,) = parse_jsonl(jsonl({**SOURCE, "colour": "blue"}), "lib.jsonl")
    assert record.title == "Port statistics 2022"


def test_jsonl_text_is_split_into_passages_by_the_given_splitter():
    source = {k: v for k, v in SOURCE.items() if k != "passages"} | {"text": "Whole document."}
    (record,) = parse_jsonl(jsonl(source), "lib.jsonl")
    assert [p.text for p in record.passages] == ["Whole document."]


def test_jsonl_invalid_json_names_file_and_line():
    lines = [*jsonl(SOURCE), "{not json"]
    with pytest.raises(ImportFormatError) as caught:
        parse_jsonl(lines, "lib.jsonl")
    assert caught.value.line == 2
    assert "lib.jsonl, line 2" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"key": ""}, "'key' is required"),
        ({"kind": "blog"}, "'kind' must be one of"),
        ({"published": "June 2023"}, "not an ISO date"),
        ({"passages": [{"key": "p1", "text": ""}]}, "has no text"),
        ({"passages": [{"key": "p1", "text": "a"}, {"key": "p1", "text": "b"}]}, "appears twice"),
    ],
)
def test_jsonl_invalid_source_gives_the_reason(change, reason):
    with pytest.raises(ImportFormatError, match=reason):
        parse_jsonl(jsonl({**SOURCE, **change}), "lib.jsonl")


def test_jsonl_duplicate_source_key_is_refused():
    with pytest.raises(ImportFormatError, match="already appears on line 1"):
        parse_jsonl(jsonl(SOURCE, SOURCE), "lib.jsonl")


CSV_HEADER = "source_key,title,publisher,url,published,kind,passage_key,locator,text\n"


def test_csv_rows_of_one_source_become_its_passages():
    text = CSV_HEADER + (
        'port-2022,Port statistics,Port Authority,,2023-02-01,statistics,p1,p. 3,"Cargo rose, again."\n'
        "port-2022,Port statistics,Port Authority,,2023-02-01,statistics,p2,p. 4,Ships: 4100.\n"
    )
    (record,) = parse_csv(text, "lib.csv")
    assert [p.key for p in record.passages] == ["p1", "p2"]
    assert record.passages[0].text == "Cargo rose, again."


def test_csv_missing_columns_are_named():
    with pytest.raises(ImportFormatError, match="missing column"):
        parse_csv("source_key,title\nx,y\n", "lib.csv")


def test_csv_bad_row_names_its_line():
    text = CSV_HEADER + "a,T,,,,statistics,p1,,ok\nb,T,,,,magazine,p1,,bad kind\n"
    with pytest.raises(ImportFormatError) as caught:
        parse_csv(text, "lib.csv")
    assert caught.value.line == 3
