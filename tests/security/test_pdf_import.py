"""PDF sources: pages become passages located by page; unreadable PDFs say why."""

import pytest
from django.core.management import CommandError, call_command

from sources.documents import parse_pdf
from sources.importers import ImportFormatError
from sources.models import Passage, Source
from tests.security.pdfs import blank_pdf, encrypt_pdf, make_pdf

REPORT = make_pdf(
    [
        "The harbour handled 12 million tonnes of cargo in 2022.\nIt was the busiest year.",
        "Coal made up 40 percent of the cargo.",
    ],
    title="Harbour annual report",
)


def test_pdf_pages_become_passages_with_page_locators():
    record = parse_pdf(REPORT, "reports/Harbour Report 2022.pdf")
    assert record.key == "harbour-report-2022"
    assert record.title == "Harbour annual report"
    assert [(p.key, p.locator) for p in record.passages] == [
        ("p1-1", "page 1"),
        ("p2-1", "page 2"),
    ]
    assert record.passages[0].text == (
        "The harbour handled 12 million tonnes of cargo in 2022. It was the busiest year."
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        (encrypt_pdf(REPORT), "encrypted with a password"),
        (REPORT[: len(REPORT) // 2], "damaged"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 20, "damaged"),
        (b"Quarterly figures: 12 Mt", "not a PDF file"),
        (b"", "not a PDF file"),
        (blank_pdf(), "no text could be extracted"),
    ],
    ids=["encrypted", "truncated", "garbage", "text-named-pdf", "empty", "no-text-layer"],
)
def test_unreadable_pdfs_raise_the_import_error_with_a_reason(data, reason):
    with pytest.raises(ImportFormatError, match=reason):
        parse_pdf(data, "report.pdf")


@pytest.mark.django_db
def test_import_command_imports_a_pdf(write_file):
    path = write_file("harbour-2022.pdf", REPORT)
    call_command("import_sources", str(path), "--no-progress")
    source = Source.objects.get(key="harbour-2022")
    assert list(source.passages.order_by("position").values_list("locator", flat=True)) == [
        "page 1",
        "page 2",
    ]


@pytest.mark.django_db
def test_import_command_refuses_an_encrypted_pdf_and_imports_nothing(write_file):
    path = write_file("secret.pdf", encrypt_pdf(REPORT))
    with pytest.raises(CommandError, match="encrypted with a password"):
        call_command("import_sources", str(path), "--no-progress")
    assert Source.objects.count() == 0 and Passage.objects.count() == 0
