"""Bad input gets a clear error and leaves nothing half-stored: API, commands, importers."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article
from sources.models import Passage, Source

pytestmark = pytest.mark.django_db

TEN_MB = 10 * 1000 * 1000
SCRIPTED_HTML = (
    "<html><head><title>Harbour</title><script>alert('head')</script></head><body>"
    "<p onclick=\"alert('click')\">The harbour handled 12 million tonnes of cargo in 2022.</p>"
    "<img src=x onerror=\"alert('img')\"><iframe src=\"javascript:alert('frame')\"></iframe>"
    "<p>Its busiest year<script>alert('inline')</script> was 2022.</p></body></html>"
)


def submit(client, **fields):
    data = {"title": "Harbour report", "body": "The harbour handled 12 million tonnes.", **fields}
    return client.post("/api/articles/", data=json.dumps(data), content_type="application/json")


# --- API ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, words",
    [
        ("", "blank"),
        ("   \n\t  ", "no text"),
        ("The harbour\x00handled cargo.", "null characters"),
        ("<html><body><script>alert(1)</script></body></html>", "no text"),
    ],
    ids=["empty", "whitespace", "nul-byte", "html-without-text"],
)
def test_api_refuses_an_article_without_usable_text(staff_client, body, words):
    fmt = "html" if body.startswith("<html") else "text"
    response = submit(staff_client, body=body, original_format=fmt)
    assert response.status_code == 400
    assert words in json.dumps(response.json()["fields"]["body"]).lower()
    assert Article.objects.count() == 0


def test_api_refuses_a_ten_megabyte_article_with_the_limit(staff_client):
    response = submit(staff_client, body="cargo " * (TEN_MB // 6))
    assert response.status_code == 400
    assert "longer than 2,000,000 characters" in response.json()["fields"]["body"][0]
    assert Article.objects.count() == 0


def test_an_article_just_under_the_character_limit_fits_the_default_upload_limit(
    staff_client, settings
):
    body = "cargo " * (settings.FACTCHECK_MAX_ARTICLE_CHARS // 6)
    response = submit(staff_client, body=body)
    assert response.status_code == 202
    assert len(Article.objects.get().body) == len(body)


def test_api_refuses_a_request_body_over_the_upload_limit_before_reading_it(staff_client, settings):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 1000
    response = submit(staff_client, body="cargo " * 500)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "limit is 1,000 bytes" in response.json()["detail"]
    assert Article.objects.count() == 0


def test_api_refuses_invalid_utf8(staff_client):
    raw = b'{"title": "Harbour", "body": "The harbour \xff\xfe handled cargo."}'
    response = staff_client.post("/api/articles/", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert "utf-8" in response.json()["detail"].lower()
    assert Article.objects.count() == 0


def test_api_refuses_malformed_json(staff_client):
    response = staff_client.post(
        "/api/articles/", data=b'{"title": "Harbour", "body": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert "json" in response.json()["detail"].lower()


def test_api_refuses_a_lone_surrogate(staff_client):
    raw = b'{"title": "Harbour", "body": "The harbour \\ud800 handled 12 million tonnes."}'
    response = staff_client.post("/api/articles/", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_api_refuses_a_javascript_url(staff_client):
    response = submit(staff_client, url="javascript:alert(document.cookie)")
    assert response.status_code == 400
    assert "url" in response.json()["fields"]


def test_api_stores_html_articles_as_text_without_scripts_or_handlers(staff_client):
    response = submit(staff_client, body=SCRIPTED_HTML, original_format="html")
    assert response.status_code == 202
    body = Article.objects.get().body
    assert "12 million tonnes" in body
    for markup in ("<script", "alert(", "onclick", "onerror", "<img", "<iframe", "javascript:"):
        assert markup not in body


# --- ingest_article command --------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "has no text"),
        ("blank.txt", b"\n\n   \n", "has no text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("latin1.txt", "Caf\xe9 owners said 40% of cargo.".encode("latin-1"), "not valid UTF-8"),
        ("huge.txt", b"The harbour handled cargo. " * (TEN_MB // 27 + 1), "longer than"),
        ("scripts.html", b"<script>alert(1)</script><style>p{}</style>", "has no text"),
    ],
    ids=["empty", "blank", "binary", "invalid-utf8", "ten-megabytes", "html-only-script"],
)
def test_ingest_command_refuses_bad_files_with_a_reason(write_file, name, content, message):
    path = write_file(name, content)
    with pytest.raises(CommandError, match=message):
        call_command("ingest_article", str(path), "--title", "Harbour")
    assert Article.objects.count() == 0


def test_ingest_command_names_the_line_of_invalid_utf8(write_file):
    path = write_file("bad.txt", b"Line one.\nLine two.\nBad \xc3\x28 byte.\n")
    with pytest.raises(CommandError, match="line 3"):
        call_command("ingest_article", str(path), "--title", "Harbour")


def test_ingest_command_refuses_a_javascript_url(write_file):
    path = write_file("a.txt", "The harbour handled 12 million tonnes of cargo in 2022.")
    with pytest.raises(CommandError, match="http:// or https://"):
        call_command("ingest_article", str(path), "--url", "javascript:alert(1)")
    assert Article.objects.count() == 0


def test_ingest_command_refuses_an_outlet_longer_than_the_database_keeps(write_file):
    path = write_file("a.txt", "The harbour handled 12 million tonnes of cargo in 2022.")
    with pytest.raises(CommandError, match="outlet: Longer than 300 characters"):
        call_command("ingest_article", str(path), "--outlet", "O" * 301)
    assert Article.objects.count() == 0


def test_ingest_command_strips_scripts_from_html(write_file):
    path = write_file("scripted.html", SCRIPTED_HTML)
    call_command("ingest_article", str(path))
    body = Article.objects.get().body
    assert "12 million tonnes" in body
    assert "alert(" not in body and "<script" not in body


def test_an_article_with_more_claims_than_the_limit_fails_with_the_reason(write_file, settings):
    settings.FACTCHECK_MAX_CLAIMS_PER_ARTICLE = 2
    text = " ".join(f"The harbour handled {n} million tonnes in 20{n:02d}." for n in range(10, 15))
    path = write_file("many.txt", text)
    with pytest.raises(CommandError, match="limit is 2"):
        call_command("ingest_article", str(path), "--title", "Many claims")
    article = Article.objects.get()
    assert article.status == Article.Status.FAILED
    assert "Split it into smaller articles" in article.error
    assert article.claims.count() == 0


# --- import_sources command --------------------------------------------------------------

GOOD_LINE = json.dumps(
    {"key": "ons-1", "title": "Harbour statistics", "passages": [{"key": "p1", "text": "12 Mt."}]}
)
GOOD_CSV_HEADER = "source_key,title,publisher,url,published,kind,passage_key,locator,text\n"
GOOD_CSV_ROW = "ons-1,Harbour statistics,ONS,,,statistics,p1,,The harbour handled 12 Mt.\n"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bin.jsonl", b"\x00\x01\x02" * 100, "binary file"),
        ("late-nul.csv", (GOOD_CSV_HEADER + GOOD_CSV_ROW * 400).encode() + b"\x00", "binary file"),
        (
            "latin1.jsonl",
            GOOD_LINE.encode() + b"\n" + '{"key": "caf\xe9"}'.encode("latin-1"),
            "line 2: the file is not valid UTF-8",
        ),
        (
            "bad.jsonl",
            f"{GOOD_LINE}\n{GOOD_LINE.replace('ons-1', 'ons-2')}\n{{not json\n",
            "line 3: invalid JSON",
        ),
        ("array.jsonl", f"{GOOD_LINE}\n[1, 2]\n", "line 2: each line must be a JSON object"),
        (
            "dup.jsonl",
            f"{GOOD_LINE}\n{GOOD_LINE}\n",
            "line 2: source key 'ons-1' already appears on line 1",
        ),
        (
            "js-url.jsonl",
            GOOD_LINE.replace('"title"', '"url": "javascript:alert(1)", "title"'),
            "line 1: 'url' must start with http",
        ),
        (
            "long.jsonl",
            GOOD_LINE.replace('"title"', '"publisher": "' + "P" * 301 + '", "title"'),
            "line 1: 'publisher' is longer than 300 characters",
        ),
        (
            "long-locator.csv",
            GOOD_CSV_HEADER + GOOD_CSV_ROW.replace(",p1,,", ",p1," + "L" * 201 + ","),
            "line 2: 'locator' is longer than 200",
        ),
        ("columns.csv", "key,text\nons-1,x\n", "line 1: missing column"),
        (
            "extra.csv",
            GOOD_CSV_HEADER + GOOD_CSV_ROW + GOOD_CSV_ROW.replace("p1", "p2").rstrip() + ",extra\n",
            "line 3: more fields",
        ),
        (
            "quote.csv",
            GOOD_CSV_HEADER + GOOD_CSV_ROW + 'ons-2,"Unclosed title,,,,,p1,,text\n',
            "line 3: malformed CSV",
        ),
        (
            "huge-field.csv",
            GOOD_CSV_HEADER + 'ons-1,T,,,,,p1,,"' + "x" * 200_000 + '"\n',
            "line 2: malformed CSV",
        ),
        ("notes.docx", b"PK\x03\x04 word document", "unknown file type '.docx'"),
        ("notes.xml", "<sources/>", "unknown file type"),
    ],
)
def test_import_refuses_malformed_files_and_imports_nothing(write_file, name, content, message):
    path = write_file(name, content)
    with pytest.raises(CommandError) as error:
        call_command("import_sources", str(path), "--no-progress")
    assert message in str(error.value)
    assert "nothing of this file was imported" in str(error.value)
    assert Source.objects.count() == 0 and Passage.objects.count() == 0


def test_import_keeps_markup_in_source_text_as_text(write_file):
    line = json.dumps(
        {
            "key": "x",
            "title": "<script>alert(1)</script>Harbour",
            "passages": [{"key": "p1", "text": "<img src=x onerror=alert(1)> 12 Mt of cargo."}],
        }
    )
    call_command("import_sources", str(write_file("x.jsonl", line)), "--no-progress")
    # Stored as the text it is; every page escapes it (see tests/security/test_browser.py).
    assert Source.objects.get().title == "<script>alert(1)</script>Harbour"
