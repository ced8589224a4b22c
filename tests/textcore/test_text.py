"""HTML to text and recognition of noise lines."""

import pytest

from textcore.extraction import extract_claims
from textcore.text import html_to_text, is_noise, normalize_claim_text

ARTICLE_HTML = """<html><head><title>Port traffic hits record</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article><h1>Port traffic hits record</h1>
<p>Container traffic at the port of Valdera rose 7.5% to 4.1 million boxes in 2023, the port
authority said on Monday in its annual report.</p>
<p>The authority, which employs 2,300 people, plans to build two new berths by 2026 and expects
further growth as shipping lines add routes to the region.</p>
<div class="ad">Advertisement</div>
<p>Harbour master Ines Duarte said the new berths would cut waiting times for ships.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_keeps_paragraphs_and_drops_navigation():
    text = html_to_text(ARTICLE_HTML)
    assert "rose 7.5% to 4.1 million boxes" in text
    assert "Home | World" not in text
    assert "All rights reserved" not in text
    assert "\n\n" in text


def test_html_title_comes_first():
    assert html_to_text(ARTICLE_HTML).splitlines()[0] == "Port traffic hits record"


def test_claims_from_html_point_into_the_extracted_text():
    text = html_to_text(ARTICLE_HTML)
    claims = extract_claims(text)
    assert claims
    for claim in claims:
        assert text[claim.sentence_start : claim.sentence_end] == claim.sentence


def test_empty_or_broken_html_gives_text_without_raising():
    assert html_to_text("") == ""
    assert isinstance(html_to_text("<p>unclosed <b>tags"), str)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Publicidad",
        "Read more",
        "By Jane Doe, BBC News",
        "in , ,",
        "Home | World | Business | Sport",
        "Share this article",
        "12 March 2024",
    ],
)
def test_noise_lines(line):
    assert is_noise(line)


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, prices rose sharply.",
        "Published figures show a rise.",
        "Record year for copper",
    ],
)
def test_story_lines_are_not_noise(line):
    assert not is_noise(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the Transport Desk",
        "By Priya Nair, Health Correspondent",
        "By Tom Ellery, political editor, in Cardiff",
        "By Staff Reporter",
        "Reporting by Lena Fischer in Berlin; Editing by Mark Odell",
        "Reporting by Ana Ruiz and Ken Oduya; additional reporting by Sam Lee in Lagos",
        "(Writing by Omar Haddad)",
        "(Photo: Reuters)",
        "Getty Images",
        "Photograph: Carla Mendes/Getty Images",
        "Photo by Ian Park/AFP via Getty Images",
        "[Image: Shutterstock]",
        "MADRID (Reuters) -",
    ],
)
def test_bylines_and_picture_credits_are_noise(line):
    assert is_noise(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, ticket sales had doubled.",
        "By the end of 2022, the fund held $4bn.",
        "Reporting by the local paper revealed the overspend.",
        "Pictures show the flooded station.",
        "The footage was first published by Reuters.",
    ],
)
def test_story_sentences_that_look_like_credits_are_not_noise(line):
    assert not is_noise(line)


def test_byline_desk_gives_no_claim():
    text = "By the Science Desk\n\nThe observatory recorded 412 meteors on Tuesday night."
    assert [c.text for c in extract_claims(text)] == [
        "The observatory recorded 412 meteors on Tuesday night."
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "OSLO (Reuters) - ",
        "NAIROBI, May 4 (AP) — ",
        "SAN DIEGO -- ",
        "Lima (AFP) - ",
    ],
)
def test_dateline_is_not_part_of_the_claim(opening):
    text = f"{opening}Ferry operators carried 2.1 million passengers last year."
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["Ferry operators carried 2.1 million passengers last year."]
    assert text[claims[0].start :].startswith("Ferry operators")


def test_dashes_after_a_name_are_not_a_dateline():
    text = "NASA - the US space agency - launched 3 probes in 2021."
    # the name stays the subject (no dateline cut); the aside describes it
    assert sorted(c.text for c in extract_claims(text)) == [
        "NASA is the US space agency.",
        "NASA launched 3 probes in 2021.",
    ]


def test_a_quote_mark_left_unpaired_by_a_split_is_dropped():
    assert (
        normalize_claim_text("Ms Kaur said the ferry will be replaced in spring.'")
        == "Ms Kaur said the ferry will be replaced in spring."
    )
    assert normalize_claim_text('"The depot will close.') == "The depot will close."


def test_apostrophes_and_paired_quotes_stay():
    assert normalize_claim_text("The fathers' group met.") == "The fathers' group met."
    assert normalize_claim_text('He called it "a mess."') == 'He called it "a mess."'
