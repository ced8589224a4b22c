"""Plain text from HTML, and recognition of lines that are not part of the story.

For HTML the stored article text is `html_to_text(html)`; for plain text it is the input
unchanged, so noise lines (ad markers, bylines, navigation) are never deleted from the text:
the extractor skips them with `is_noise`, and offsets stay valid for highlighting.
"""

from __future__ import annotations

import re

__all__ = ["html_to_text", "is_noise", "normalize_claim_text"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# Whole lines that are page furniture; patterns with a free tail need a colon or a date, so
# story sentences such as "Published figures show ..." are not taken for furniture.
_BOILERPLATE_RE = re.compile(
    r"^(?:advertisement|advertising|publicidad|publicité|anzeige|pubblicità|sponsored(?: content)?|"
    r"paid content|promoted|read more|read next|more on this story|related(?: articles| stories| topics)?|"
    r"see also|share(?: this)?(?: article| story| page)?|share on \w+|tweet|email|print|comments?|"
    r"click here(?: to \w+)?|subscribe(?: now| here)?|sign up(?: now| here)?|sign in|log in|"
    r"follow us(?: on \w+)?|newsletter|image(?: source| caption)?(?:[:,].*)?|"
    r"(?:photo|picture|video|graphic|image)(?: credit)?:.*|getty images|(?:reuters|ap|afp)(?: photo)?|"
    r"copyright\b.*|©.*|all rights reserved|skip to (?:main )?content|menu|home|back to top|"
    r"top stories|most read|loading|watch(?::.*)?|listen(?::.*)?|"
    rf"(?:published|updated|last updated|posted)(?: on)?:?\s+(?:\d|\w+day\b|{_MONTH}).*|"
    r"\d+ (?:minutes?|hours?|days?) ago|accept(?: all)?(?: cookies)?)[.!:]?$",
    re.IGNORECASE,
)
# "By Jane Doe", "By Jane Doe and John Roe, BBC News": capitalised names only, so "By contrast,
# prices rose." is not a byline.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:de|da|van|von|al|[A-Z][\w.'’-]*))*"
_BYLINE_RE = re.compile(
    rf"^(?:By|BY|by|Por|Von|Par)\s+{_NAME}(?:\s*(?:,|and|&|y)\s*{_NAME})*(?:\s*[,|–-]\s*{_NAME})?\.?$"
)
_DATE_LINE_RE = re.compile(
    r"^(?:\w+day,? )?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?"
    r"(?: \d{1,2})?,? \d{4}(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]m)?(?: \w{2,4})?)?$",
    re.IGNORECASE,
)
_NAV_SEPARATORS_RE = re.compile(r"\s[|•›»/]\s")
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def is_noise(line: str) -> bool:
    """True for lines that are not story text: ad markers, bylines, navigation, stray punctuation."""
    stripped = line.strip()
    if not stripped:
        return True
    letters = len(_LETTER_RE.findall(stripped))
    words = _WORD_RE.findall(stripped)
    # "in , ,", "* * *", "12:30": too little language to state anything
    if len(words) < 2 or letters < 0.5 * len(stripped.replace(" ", "")):
        return True
    if len(stripped) <= 120 and _BOILERPLATE_RE.match(stripped):
        return True
    if len(stripped) <= 120 and _BYLINE_RE.match(stripped):
        return True
    if _DATE_LINE_RE.match(stripped):
        return True
    # "Home | World | Business | Sport": a row of menu items
    if len(_NAV_SEPARATORS_RE.findall(stripped)) >= 2 and not re.search(r"[.!?]$", stripped):
        return True
    return False


def normalize_claim_text(text: str) -> str:
    """Straight quotes, single spaces, no space before punctuation, capital first letter."""
    text = text.translate(_QUOTE_MAP)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.!?%)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"(?:,\s*)+([.!?]?)$", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = text.strip(" ,;:-–—")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def html_to_text(html: str) -> str:
    """Main text of an HTML page, paragraphs separated by blank lines, title first when known."""
    if not html or not html.strip():
        return ""
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            deduplicate=True,
        )
    except Exception:  # trafilatura raises various parser errors on broken markup
        document = None
    title = ""
    body = ""
    if document is not None:
        title = (getattr(document, "title", None) or "").strip()
        body = (getattr(document, "text", None) or "").strip()
    if not body:
        body = _fallback_text(html)
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)


def _fallback_text(html: str) -> str:
    """Paragraph text through lxml when trafilatura finds no main content (tiny pages)."""
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
    except Exception:  # not parseable as HTML at all
        return ""
    for bad in root.xpath("//script|//style|//nav|//header|//footer|//aside|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//h1|//h2|//h3|//p|//li")
    lines = [" ".join(block.text_content().split()) for block in blocks]
    lines = [line for line in lines if line]
    if not lines:
        lines = [" ".join(root.text_content().split())]
    return "\n".join(lines)
