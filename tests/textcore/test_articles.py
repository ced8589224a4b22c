"""Whole invented articles on new topics: a check that the rules generalise beyond one beat.

The expectations are about behaviour (noise lines give no claims, which sentences give
check-worthy claims, what each quantity is), not about exact wording, except where the
wording is the point (a pronoun must be named, a dateline must not be part of a claim).
"""

import pytest

from textcore.extraction import extract_claims

HEALTH = """Measles cases hit a ten-year high across the region

By Priya Nair, Health Correspondent

GENEVA (Reuters) - Measles cases in the region rose 45% to 58,000 in 2023, the highest number \
in a decade, according to the regional health office.

Vaccination coverage for the second dose fell to 86 percent, well below the 95 percent needed to \
stop outbreaks. Dr Helena Brandt, the office's head of immunisation, said the figures were \
worrying.

Advertisement

The Northfield Children's Hospital, which treats about 1,200 patients a week, admitted 340 \
children with measles last year. It was the busiest winter in its history.

Health officials say the situation is likely to improve. Parents hope the new clinics will help.

(Photo: Getty Images)

Reporting by Priya Nair; Editing by Tom Hale
"""

BUDGET = """Council approves £2.3bn budget with 4.99% council tax rise

By the Local Democracy Desk

Ashbury City Council approved a £2.3bn budget on Wednesday, raising council tax by 4.99% for the \
coming year.

The council will spend £410m on adult social care, up from £372m last year, and has set aside \
£18.5m to repair roads. Its leader, Marcus Obi, said the plan protects frontline services.

The new Riverside depot, which covers 6 hectares, will cost £45m. It is due to open in 2026.

Opposition councillors argue the rise is unfair. Many residents say the city is heading in the \
right direction.

Will services improve? Only time will tell.

Photograph: Ashbury City Council
"""

TRANSPORT = """High-speed line cuts journey times between two cities

By Staff Reporter

LYON (AFP) - The new high-speed line between Lyon and Turin, which runs for 270 kilometres, will \
cut the journey time to under two hours, the operator said on Monday.

Trains will run at up to 300 km/h on the main section, which includes a 57.5km tunnel under the \
Alps. Its builder, Telt, says the tunnel cost €8.6bn.

The Stade Municipal, home of the city's rugby club, holds 25,000 spectators and was renovated in \
2019. It hosted three international matches last season.

Fans say the new line is a game changer. Officials expect passenger numbers to double.

Temperatures inside the tunnel can reach 40 degrees Celsius, engineers said.

Getty Images
"""

NOISE_MARKERS = ["Priya Nair", "Tom Hale", "Getty", "Desk", "Staff Reporter", "Photograph"]


def _claims(text):
    return extract_claims(text)


def _quantity(claims, surface):
    for claim in claims:
        for q in claim.quantities:
            if q.text == surface:
                return q
    raise AssertionError(f"no quantity {surface!r}")


def _best(claims, fragment):
    """Highest check-worthiness among the claims whose text contains `fragment`."""
    found = [c.checkworthiness for c in claims if fragment in c.text]
    assert found, fragment
    return max(found)


@pytest.mark.parametrize("text", [HEALTH, BUDGET, TRANSPORT])
def test_bylines_credits_and_ads_give_no_claims(text):
    for claim in _claims(text):
        assert not any(marker in claim.sentence for marker in NOISE_MARKERS), claim.sentence
        assert claim.text != "Advertisement."


@pytest.mark.parametrize("text", [HEALTH, TRANSPORT])
def test_dateline_never_becomes_part_of_a_claim(text):
    for claim in _claims(text):
        assert "(Reuters)" not in claim.text and "(AFP)" not in claim.text
        assert not claim.text.startswith(("GENEVA", "LYON"))


@pytest.mark.parametrize("text", [HEALTH, BUDGET, TRANSPORT])
def test_no_claim_is_built_on_a_bare_pronoun_role(text):
    for claim in _claims(text):
        lowered = claim.text.lower()
        assert " is its " not in lowered and " is his " not in lowered, claim.text


def test_health_statistics():
    claims = _claims(HEALTH)
    rise = _quantity(claims, "45%")
    assert (rise.value, rise.unit, rise.dimension) == (45, "percent", "ratio")
    level = _quantity(claims, "58,000")
    assert (level.value, level.unit) == (58_000, "count")
    coverage = _quantity(claims, "86 percent")
    assert (coverage.value, coverage.unit, coverage.qualifier) == (86, "percent", "exact")
    patients = _quantity(claims, "about 1,200 patients")
    assert (patients.value, patients.qualifier, patients.noun) == (1200, "about", "patients")
    assert _best(claims, "rose 45%") >= 0.5
    assert _best(claims, "rose to 58,000") >= 0.5
    assert _best(claims, "admitted 340") >= 0.5
    # the relative clause keeps the number whole and names the hospital
    assert any(
        c.text.startswith("The Northfield Children's Hospital treats about 1,200") for c in claims
    )
    assert any(c.text == "Dr Helena Brandt is the office's head of immunisation." for c in claims)


def test_health_opinions_and_outlooks_score_low():
    claims = _claims(HEALTH)
    assert _best(claims, "the figures were worrying") < 0.5
    assert _best(claims, "situation is likely to improve") < 0.5
    assert _best(claims, "Parents hope") < 0.5


def test_health_it_for_a_period_is_not_the_hospital():
    claims = _claims(HEALTH)
    assert not any(c.text.startswith("The Northfield Children's Hospital was") for c in claims)


def test_city_budget_amounts():
    claims = _claims(BUDGET)
    budget = _quantity(claims, "£2.3bn")
    assert (budget.value, budget.unit, budget.dimension) == (2.3e9, "GBP", "currency")
    assert (_quantity(claims, "£410m").value, _quantity(claims, "£410m").unit) == (410e6, "GBP")
    assert _quantity(claims, "4.99%").unit == "percent"
    site = _quantity(claims, "6 hectares")
    assert (site.value, site.unit, site.dimension) == (6, "hectare", "area")
    assert _best(claims, "approved a £2.3bn budget") >= 0.5
    assert _best(claims, "set aside") >= 0.5


def test_city_budget_pronouns_are_named():
    texts = [c.text for c in _claims(BUDGET)]
    assert "Marcus Obi is the council's leader." in texts
    assert "The new Riverside depot is due to open in 2026." in texts


def test_city_budget_opinions_and_questions_score_low():
    claims = _claims(BUDGET)
    assert _best(claims, "the rise is unfair") < 0.5
    assert _best(claims, "heading in the right direction") < 0.5
    assert _best(claims, "Will services improve?") < 0.5
    assert _best(claims, "Only time will tell") < 0.5


def test_transport_units():
    claims = _claims(TRANSPORT)
    length = _quantity(claims, "270 kilometres")
    assert (length.value, length.unit, length.dimension) == (270, "km", "length")
    speed = _quantity(claims, "up to 300 km/h")
    assert (speed.value, speed.unit, speed.dimension, speed.qualifier) == (
        300,
        "km/h",
        "speed",
        "up_to",
    )
    tunnel = _quantity(claims, "57.5km")
    assert (tunnel.value, tunnel.unit) == (57.5, "km")
    heat = _quantity(claims, "40 degrees Celsius")
    assert (heat.value, heat.unit, heat.dimension) == (40, "celsius", "temperature")
    cost = _quantity(claims, "€8.6bn")
    assert (cost.value, cost.unit) == (8.6e9, "EUR")
    crowd = _quantity(claims, "25,000 spectators")
    assert (crowd.value, crowd.unit, crowd.noun) == (25_000, "count", "spectators")


def test_transport_relative_clause_describes_the_whole_subject():
    claims = _claims(TRANSPORT)
    line = next(c for c in claims if any(q.unit == "km" and q.value == 270 for q in c.quantities))
    assert line.text.startswith("The new high-speed line between Lyon and Turin")


def test_transport_stadium_facts_name_the_stadium():
    texts = [c.text for c in _claims(TRANSPORT)]
    assert "The Stade Municipal is home of the city's rugby club." in texts
    assert "The Stade Municipal hosted three international matches last season." in texts
    assert not any("Trains's" in t for t in texts)


def test_transport_views_score_low_and_facts_high():
    claims = _claims(TRANSPORT)
    assert _best(claims, "game changer") < _best(claims, "the tunnel cost")
    assert _best(claims, "passenger numbers to double") < 0.5
    assert _best(claims, "the tunnel cost") >= 0.5
    assert _best(claims, "holds 25,000 spectators") >= 0.5
