"""Which figure of a passage a claim's figure must be compared with, and the verdict.

A passage figure is compared only with claim figures of the same kind (a level with a
level, a change with a change, amounts in one currency), and only when the two are about
the same thing: the same measure (profit is not sales), the same subject (the names each
text gives), the same period (year, quarter, months, "a year earlier") and both actual or
both forecast. When a claim states several figures of one kind, the passage figure goes
with the one whose own clause shares its words ("Altria rose 5% and Reynolds 4.5%").

The answer is `agrees` when an aligned pair can have the same value, `conflicts` when the
aligned figure cannot and the alignment is clear (the passage names no subject the claim
lacks, says what the figure measures in the claim's words), and `none` otherwise: an
unclear alignment is never a conflict. Every answer carries the pairs compared, their
values converted to one unit and the reason.

The package: `subjects` (the names and countries a text is about), `measures` (what a
figure measures), `wholes` (what a share or an amount is of), `pairing` (which figures go
together and whether they agree); this module applies the checks in order.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from textcore.alignment.measures import core, measure_groups, measure_words, topical
from textcore.alignment.pairing import (
    MAX_READINGS,
    comparable,
    judge,
    overlap,
    pair_distance,
    same_limit,
    whole_clash,
)
from textcore.alignment.subjects import countries_in, missing_names, names_in
from textcore.figures import Figure, SentenceFacts, fold, read_sentence

__all__ = ["Comparison", "compare_texts", "compare_facts"]


@dataclass(frozen=True)
class Comparison:
    """The relation of a claim's figures to a passage's, with what it rests on."""

    numeric: str
    pairs: tuple[dict, ...]
    reason: str

    def to_dict(self) -> dict:
        """The exchange form (`compare_quantities`, `/api/compare/`): pairs as written, plus
        converted values and the reason."""
        return {
            "numeric": self.numeric,
            "pairs": [
                {
                    "claim": pair["claim"]["text"],
                    "passage": pair["passage"]["text"],
                    "relation": pair["relation"],
                    "claim_value": pair["claim"],
                    "passage_value": pair["passage"],
                }
                for pair in self.pairs
            ],
            "reason": self.reason,
        }


def _period_clash(claim: SentenceFacts, passage: SentenceFacts) -> str | None:
    if claim.years and passage.years and not claim.years & passage.years:
        return (
            f"other years (claim {', '.join(map(str, sorted(claim.years)))}, "
            f"passage {', '.join(map(str, sorted(passage.years)))})"
        )
    if claim.quarters and passage.quarters and not claim.quarters & passage.quarters:
        return "other quarters"
    if claim.months and passage.months and not claim.months & passage.months:
        return "other months"
    for one, other in ((claim, passage), (passage, claim)):
        if one.months and other.years and not (other.months or other.quarters):
            return "a month against a whole year"
    if (claim.quarters and passage.whole_year) or (passage.quarters and claim.whole_year):
        return "a quarter against a whole year"
    if claim.earlier != passage.earlier:
        return "one text speaks of an earlier period"
    return None


def compare_facts(claim: SentenceFacts, passage: SentenceFacts) -> Comparison:
    """Compare two read texts (see `compare_texts`)."""
    if not claim.figures or not passage.figures:
        side = "claim" if not claim.figures else "passage"
        return Comparison("none", (), f"no figure in the {side}")
    clash = _period_clash(claim, passage)
    if clash:
        return Comparison("none", (), f"different periods: {clash}")
    if "forecast" in (claim.modality, passage.modality) and claim.modality != passage.modality:
        return Comparison("none", (), "a forecast against an actual figure")
    claim_names = names_in(core(claim.text), passage.text)
    passage_names = names_in(core(passage.text), claim.text)
    claim_only = missing_names(claim_names, passage.text)
    passage_only = missing_names(passage_names, claim.text)
    claim_countries, passage_countries = countries_in(claim.text), countries_in(passage.text)
    if claim_countries and passage_countries and not claim_countries & passage_countries:
        return Comparison(
            "none",
            (),
            f"different countries ({', '.join(sorted(claim_countries))} vs "
            f"{', '.join(sorted(passage_countries))})",
        )
    if claim_only and passage_only:
        return Comparison(
            "none",
            (),
            f"different subjects: the claim names {', '.join(claim_only)}, "
            f"the passage {', '.join(passage_only)}",
        )
    # defining figures ("waiting more than 18 months") must be the same on both sides
    for p in passage.figures:
        if not p.defining:
            continue
        for c in claim.figures:
            if c.defining and comparable(c, p) and not (overlap(c, p) and same_limit(c, p)):
                return Comparison("none", (), f"different groups measured ({c.text} vs {p.text})")
    shared_topical = topical(claim.keys & passage.keys)
    name_words = {w for name in claim_names + passage_names for w in name}
    shared_topical = {w for w in shared_topical if w not in name_words}
    claim_measures = measure_groups(measure_words(claim.text))
    passage_measures = measure_groups(measure_words(passage.text))
    different_measure = (
        claim_measures and passage_measures and not claim_measures & passage_measures
    )
    if different_measure:
        return Comparison(
            "none",
            (),
            f"different measures ({', '.join(sorted(claim_measures))} vs "
            f"{', '.join(sorted(passage_measures))})",
        )
    agreed: list[dict] = []
    conflicting: list[dict] = []
    # the readings of one written passage figure ("15% higher": a relative rise, or points)
    # conflict only when none of them agrees
    groups: dict[tuple[int, int], list[Figure]] = {}
    for p in passage.figures[:MAX_READINGS]:
        if not p.defining:
            groups.setdefault((p.start, p.end), []).append(p)
    for readings in groups.values():
        found_agree: dict | None = None
        found_conflict: dict | None = None
        for p in readings:
            verdict = judge(p, claim, passage, passage_only, shared_topical)
            if verdict is None:
                continue
            if verdict["relation"] == "agrees":
                found_agree = found_agree or verdict
            else:
                found_conflict = found_conflict or verdict
        if found_agree:
            agreed.append(found_agree)
        elif found_conflict:
            conflicting.append(found_conflict)
    if conflicting:
        conflicting.sort(key=pair_distance)
        first = conflicting[0]
        return Comparison(
            "conflicts",
            tuple(conflicting + agreed),
            f"same measure; {first['claim']['text']} vs {first['passage']['text']}"
            + (f" ({first['claim'].get('direction')} vs {first['passage'].get('direction')})"
               if first["claim"].get("direction") and first["passage"].get("direction")
               and first["claim"].get("direction") != first["passage"].get("direction")
               else ""),
        )  # fmt: skip
    if agreed:
        first = agreed[0]
        return Comparison(
            "agrees",
            tuple(agreed),
            f"{first['claim']['text']} is consistent with {first['passage']['text']}",
        )
    clash = whole_clash(claim, passage)
    if clash:
        return Comparison("none", (), f"not comparable: {clash}")
    return Comparison("none", (), "no figure of the same kind about the same thing")


def compare_texts(claim: str, passage: str) -> Comparison:
    """Compare the figures of a claim with those of a source passage.

    Deterministic and total: any two strings give an answer, `none` when nothing can be
    compared.
    """
    return compare_facts(read_sentence(fold(claim)), read_sentence(fold(passage)))
