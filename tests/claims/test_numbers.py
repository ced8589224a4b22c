"""claims.numbers: the figures of a stored numeric comparison, read one way everywhere."""

from claims.numbers import FigurePair, figure_pairs

DETAIL = {
    "numeric": {
        "pairs": [
            {
                "claim": {"text": "$6.4bn", "converted": 6.4e9, "converted_unit": "USD"},
                "passage": {"text": "$640m", "converted": 6.4e8, "converted_unit": "USD"},
                "relation": "conflicts",
            },
            {"claim": {"value": 12}, "passage": {"text": "12"}, "relation": "agrees"},
            {"claim": {"text": "2023"}, "passage": {"text": "2024"}, "relation": "none"},
            "not a pair",
        ],
        "ignored": "2021",
    }
}


def test_pairs_of_a_match_read_as_written_with_values_in_one_unit():
    first, second, third = figure_pairs(DETAIL)
    assert first == FigurePair("$6.4bn", "$640m", "conflicts", "= 6.4bn USD", "= 640m USD")
    assert (second.claim, second.passage, second.claim_converted) == ("12", "12", "")
    assert third.relation == "none"


def test_the_comparison_itself_reads_like_the_detail_around_it():
    assert figure_pairs(DETAIL["numeric"]) == figure_pairs(DETAIL)


def test_only_the_relations_asked_for():
    assert [p.relation for p in figure_pairs(DETAIL, relations=("agrees", "conflicts"))] == [
        "conflicts",
        "agrees",
    ]


def test_numbers_kept_with_a_published_verdict_read_the_same_way():
    kept = [{"claim": "24%", "passage": "17 per cent", "relation": "conflicts"}, None]
    assert figure_pairs(kept) == [FigurePair("24%", "17 per cent", "conflicts")]


def test_malformed_details_give_no_pairs():
    for detail in (None, "x", {"numeric": "x"}, {"pairs": "x"}, {}):
        assert figure_pairs(detail) == []
