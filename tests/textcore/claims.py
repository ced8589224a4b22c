"""The claim texts the extractor draws from a text, for the extraction tests."""

from textcore.extraction import extract_claims


def claim_texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]
