"""The figures of a stored numeric comparison, as text: the pairs of a match's
`numeric_detail` (claim figure vs passage figure) and the numbers a published verdict keeps
with its evidence. The claim page, its warnings, the stored evidence and the public page
all read them here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigurePair:
    """A figure of the claim and one of the passage, as written, and how they compare."""

    claim: str
    passage: str
    relation: str
    # The values in one unit ("= 900m USD"), where the comparison converted them.
    claim_converted: str = ""
    passage_converted: str = ""


def quantity_text(described) -> str:
    """A figure of a stored numeric comparison as written ("12 million tonnes")."""
    if isinstance(described, dict):
        described = described.get("text") or described.get("value")
    return str(described or "").strip()


def converted_text(described) -> str:
    """ "= 900m USD" for a quantity converted to its base unit, if known."""
    if not isinstance(described, dict) or described.get("converted") is None:
        return ""
    try:
        value = float(described["converted"])
    except (TypeError, ValueError):
        return ""
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            written = f"{value / scale:,.4g}{suffix}"
            break
    else:
        written = f"{value:,.4g}"
    return f"= {written} {described.get('converted_unit') or ''}".rstrip()


def numeric_part(detail) -> dict:
    """The comparison in a match's numeric detail ({"numeric": {...}} or the comparison)."""
    numeric = detail.get("numeric", detail) if isinstance(detail, dict) else {}
    return numeric if isinstance(numeric, dict) else {}


def figure_pairs(pairs, *, relations: tuple[str, ...] | None = None) -> list[FigurePair]:
    """The figure pairs of a stored comparison (a list of pairs, or a match's numeric
    detail), those with one of `relations` when given; malformed entries are skipped."""
    if not isinstance(pairs, list):
        pairs = numeric_part(pairs).get("pairs")
    if not isinstance(pairs, list):
        return []
    return [
        FigurePair(
            claim=quantity_text(pair.get("claim")),
            passage=quantity_text(pair.get("passage")),
            relation=str(pair.get("relation", "")),
            claim_converted=converted_text(pair.get("claim")),
            passage_converted=converted_text(pair.get("passage")),
        )
        for pair in pairs
        if isinstance(pair, dict) and (relations is None or pair.get("relation") in relations)
    ]
