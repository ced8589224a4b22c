"""The public page quotes only what the article said: a fact-checker's rewording of the
claim is shown as the checked wording, without quotation marks."""

import pytest

from public.fact_checks import same_wording
from public.selectors import fact_check
from tests.public.conftest import claim_in, publish_claim

pytestmark = pytest.mark.django_db

SENTENCE = "He said it handled 12m tonnes last year, its busiest ever."
SPAN = "it handled 12m tonnes last year"
CHECKED = "The harbour of Porthaven handled 12 million tonnes of cargo in 2024."


def page_of(client, claim):
    response = client.get(f"/claims/{claim.pk}/", follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_reworded_claim_shows_the_articles_words_quoted_and_ours_plain(client, newsroom):
    claim = claim_in(sentence=SENTENCE, claim_span=SPAN, text=CHECKED)
    publish_claim(claim, *newsroom)
    check = fact_check(claim.pk)
    assert (check.stated, check.reworded) == (SPAN, True)
    html = page_of(client, claim)
    assert f'<h1 id="checked-claim">{CHECKED}</h1>' in html
    assert f'<q class="as-stated__quote">{SPAN}</q>' in html
    assert f"“{CHECKED}”" not in html
    assert f'content="False: {CHECKED}"' in html  # og:title, unquoted too


def test_a_claim_in_the_articles_words_is_quoted_once(client, published):
    claim = published("The bridge is 1,200 metres long.")
    html = page_of(client, claim)
    assert '<h1 id="checked-claim">“The bridge is 1,200 metres long.”</h1>' in html
    assert 'id="as-stated"' not in html


@pytest.mark.parametrize(
    "stated,checked,same",
    [
        ("The bridge is 1,200 metres long", "The bridge is 1,200 metres long.", True),
        ("the  bridge is 1,200 metres long.", "The bridge is 1,200 metres long.", True),
        ("“The bridge is long”", "The bridge is long", True),
        ("it is 1,200 metres long", "The bridge is 1,200 metres long.", False),
        ("The bridge is 1,200 metres long", "The bridge is 1,300 metres long", False),
    ],
)
def test_same_wording(stated, checked, same):
    assert same_wording(stated, checked) is same


def test_the_list_quotes_only_claims_in_the_articles_words(client, newsroom, published):
    reworded = claim_in(sentence=SENTENCE, claim_span=SPAN, text=CHECKED)
    publish_claim(reworded, *newsroom)
    published("The bridge is 1,200 metres long.")
    html = client.get("/").content.decode()
    assert f">{CHECKED}</a>" in html and f"“{CHECKED}”" not in html
    assert ">“The bridge is 1,200 metres long.”</a>" in html
