"""Whole documents (HTML, plain text) become one source with located passages."""

import pytest
from django.core.management import call_command

from sources.documents import parse_html_document, parse_text_document
from sources.importers import ImportFormatError
from sources.models import Source

HTML = """<html><head><title>Harbour annual report 2023</title><script>var x=1;</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<h1>Harbour annual report</h1>
<h2>Cargo</h2><p>The harbour handled 12.4 million tonnes of cargo in 2023.</p>
<p>Container traffic rose by 8% on the year before.</p>
<h2>Staff</h2><ul><li>The harbour employs 450 people.</li></ul>
<footer>Copyright the Harbour Board</footer></body></html>"""


def test_html_passages_are_located_by_the_heading_above_them():
    record = parse_html_document(HTML, "report.html")
    assert record.title == "Harbour annual report 2023"
    located = {p.text: p.locator for p in record.passages}
    assert located["The harbour handled 12.4 million tonnes of cargo in 2023."] == "Cargo"
    assert located["The harbour employs 450 people."] == "Staff"


def test_html_navigation_scripts_and_footers_are_left_out():
    text = " ".join(p.text for p in parse_html_document(HTML, "r.html").passages)
    assert "About us" not in text and "var x" not in text and "Copyright" not in text


def test_html_without_paragraphs_is_refused_with_a_reason():
    with pytest.raises(ImportFormatError, match="no paragraphs"):
        parse_html_document("<html><body><nav>Menu</nav></body></html>", "x.html")


def test_text_passages_are_located_by_paragraph_number():
    text = "Harbour report\n\nCargo rose to 12.4 million tonnes.\n\nStaff numbers fell.\n"
    record = parse_text_document(text, "harbour-report.txt")
    assert record.key == "harbour-report"
    assert record.title == "Harbour report"
    assert [p.locator for p in record.passages] == ["para 1", "para 2", "para 3"]


@pytest.mark.django_db
def test_import_sources_takes_a_document_with_its_description(write_file):
    path = write_file("report.html", HTML)
    call_command(
        "import_sources",
        str(path),
        "--no-progress",
        "--publisher",
        "Harbour Board",
        "--kind",
        "report",
        "--published",
        "2024-03-01",
    )
    source = Source.objects.get(key="report")
    assert (source.publisher, source.kind, source.published.isoformat()) == (
        "Harbour Board",
        "report",
        "2024-03-01",
    )
    assert source.passages.filter(locator="Cargo").exists()
