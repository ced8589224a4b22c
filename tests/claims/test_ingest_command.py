"""ingest_article: text and HTML files, processed before the command returns."""

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article

pytestmark = pytest.mark.django_db

TEXT = "The port handled 12.4 million tonnes of cargo in 2022, up 8% on 2021.\n"


def test_ingest_prints_the_article_id_last_and_processes_it(write_file, capsys):
    call_command(
        "ingest_article",
        str(write_file("a.txt", TEXT)),
        "--title",
        "Port record",
        "--outlet",
        "Gazette",
        "--published",
        "2023-01-05",
    )
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    article = Article.objects.get(pk=int(last_line))
    assert article.status == Article.Status.DONE
    assert article.body == TEXT
    assert article.outlet == "Gazette"
    assert article.claims.exists()


def test_ingest_html_file_stores_text(write_file, capsys):
    html = f"<html><body><article><h1>Port record</h1><p>{TEXT}</p></article></body></html>"
    call_command("ingest_article", str(write_file("a.html", html)), "--title", "Port record")
    article = Article.objects.get(pk=int(capsys.readouterr().out.split()[-1]))
    assert "<p>" not in article.body and "12.4 million tonnes" in article.body


def test_ingest_refuses_a_bad_date_without_storing_anything(write_file):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("ingest_article", str(write_file("a.txt", TEXT)), "--published", "May 5")
    assert Article.objects.count() == 0


def test_ingest_refuses_an_empty_file(write_file):
    with pytest.raises(CommandError, match="no text"):
        call_command("ingest_article", str(write_file("a.txt", "  \n")), "--title", "Empty")
    assert Article.objects.count() == 0
