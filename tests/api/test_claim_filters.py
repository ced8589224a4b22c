"""Id filters of the claim list: a number outside the id range is a 400 naming the field."""

import pytest

from tests.factories import ClaimFactory


@pytest.mark.parametrize("value", ["-1.9e204", "9223372036854775808", "0", "1.5", "seven"])
def test_claim_list_refuses_an_assignee_that_is_not_a_row_id(client_for, fact_checker, value):
    response = client_for(fact_checker).get(f"/api/claims/?assignee={value}")

    assert response.status_code == 400
    assert "assignee" in response.json()["fields"]


def test_claim_list_refuses_an_article_id_beyond_the_id_range(client_for, fact_checker):
    response = client_for(fact_checker).get("/api/claims/?article=1e30")

    assert response.status_code == 400
    assert "article" in response.json()["fields"]


def test_claim_list_filters_by_assignee(client_for, fact_checker):
    mine = ClaimFactory(assignee=fact_checker)
    ClaimFactory()

    response = client_for(fact_checker).get(f"/api/claims/?assignee={fact_checker.pk}")

    assert [c["id"] for c in response.json()["results"]] == [mine.pk]
