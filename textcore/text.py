"""Plain text from HTML, and recognition of lines that are not part of the story.

For HTML the stored article text is `html_to_text(html)`; for plain text it is the input
unchanged, so noise lines (ad markers, bylines, navigation) are never deleted from the text:
the extractor skips them with `is_noise`, and offsets stay valid for highlighting.

Noise lines: ad markers and page furniture, bylines ("By Jane Doe", "By the Energy Desk",
"By Jane Smith, science correspondent"), agency credits ("Reporting by X; Editing by Y"),
picture credits ("(Photo: Reuters)", "Jane Doe/Getty Images"), bare dates and navigation
rows. A dateline opening a story ("LONDON (Reuters) - ") is not a line of its own:
`dateline_length` measures it, and the claim splitter (`textcore.atomize`) leaves it out of the claim.
"""

from __future__ import annotations

import re

from .lexicon import MONTH_NAMES

__all__ = ["dateline_length", "html_to_text", "is_noise", "normalize_claim_text"]

_MONTH = rf"(?:{'|'.join(m[:3].lower() for m in MONTH_NAMES)})[a-z]*\.?"
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
# "By the Energy Desk", "By Jane Smith, science correspondent, in Leeds": a job title after the
# names may be in lower case, but only when it ends in a reporting job word, so "By Friday,
# prices had risen" is still story text.
_JOB = (
    r"(?:correspondent|reporter|editor|writer|journalist|desk|staff|columnist|contributor|"
    r"producer|agencies|team|bureau|newsroom|analyst)s?"
)
_JOB_TITLE = rf"(?:(?:our|the|a)\s+)?(?:[\w'’-]+\s+){{0,4}}{_JOB}(?:,?\s+in\s+{_NAME})?"
_BYLINE_RE = re.compile(
    rf"^(?:By|BY|by|Por|Von|Par)\s+(?:the\s+)?{_NAME}(?:\s*(?:,|and|&|y)\s*{_NAME})*"
    rf"(?:\s*[,|–-]\s*(?:{_NAME}|{_JOB_TITLE}))*\.?$"
)
# Agency credits: "Reporting by Jane Smith in London; Editing by Alex Roe", "(Writing by X)".
# The job words ignore case; the names must be capitalised ("Reporting by the Guardian
# revealed ..." is story text).
_CREDIT_PART = (
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|research|graphics?|photos?|video|"
    r"production|compiled|translation|translated|fact-checking|sub-editing)"
    r"(?:\s+and\s+(?:reporting|writing|editing|research))?\s+by)\s+"
    rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s+in\s+{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)?"
)
_CREDIT_RE = re.compile(rf"^[(\[]?(?:{_CREDIT_PART})(?:\s*[;,|]\s*(?:{_CREDIT_PART}))*[)\]]?\.?$")
# Picture credits: "(Photo: Reuters)", "Photograph: Jane Doe/Getty Images", "Photo by X/AFP".
_AGENCY = (
    r"(?:getty images|reuters|afp|ap(?: photo)?|associated press|epa(?:-efe)?|shutterstock|"
    r"pa(?: media| wire| images)?|alamy|bloomberg|xinhua|anadolu|efe|dpa|ansa|kyodo)"
)
_PICTURE_CREDIT_RE = re.compile(
    r"^[(\[]?(?:"
    r"(?:photo(?:graph)?s?|pictures?|images?|illustrations?|credits?|pictured|file photo)"
    r"(?:\s+(?:credit|source))?\s*(?::|\s[-–]|/|\s+by\s+(?-i:[A-Z])|\s+courtesy\b)\s*.{0,80}"
    rf"|.{{0,60}}/\s*{_AGENCY}(?:\s+via\s+{_AGENCY})?"
    rf"|{_AGENCY}(?:\s+via\s+{_AGENCY})?"
    r")[)\]]?\.?$",
    re.IGNORECASE,
)
_DATE_LINE_RE = re.compile(
    r"^(?:\w+day,? )?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?"
    r"(?: \d{1,2})?,? \d{4}(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]m)?(?: \w{2,4})?)?$",
    re.IGNORECASE,
)
# Datelines that open a story's first sentence: "LONDON (Reuters) - ", "WASHINGTON, March 3
# (AP) — ", "Paris (AFP) -- ". A place in capitals needs the dash and a capital after it; a
# place in mixed case also needs the agency in brackets.
_CAPS_PLACE = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_MIXED_PLACE = r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}"
_DATELINE_TAIL = (
    r"(?:,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))*"
)
_DATELINE_AGENCY = r"\((?:[A-Z][\w&.'’ -]{1,30})\)"
_DATELINE_RE = re.compile(
    rf"^\s*(?:(?:{_CAPS_PLACE}){_DATELINE_TAIL}(?:\s*{_DATELINE_AGENCY})?"
    rf"|(?:{_MIXED_PLACE}){_DATELINE_TAIL}\s*{_DATELINE_AGENCY}|{_DATELINE_AGENCY})"
    r"\s*(?:--|[-–—])\s+(?=[\"“‘'(]?[A-Z0-9])"
)
_NAV_SEPARATORS_RE = re.compile(r"\s[|•›»/]\s")
_NOT_LETTERS_RE = re.compile(r"[\W\d_]+", re.UNICODE)
_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


# A short opening phrase before the subject ("In 2004, ", "Last week, "): a capitalised word,
# up to six more, then a comma.
_INTRO_RE = re.compile(r"^(?:[A-Z][\w'’-]*+)(?:\s+[\w'’-]++){0,6},\s+")
_POSSESSIVE_S_RE = re.compile(r"['’]s$")
# normalize_claim_text: runs of spaces, a space before punctuation or after "(", commas
# left at the end or doubled by a removed phrase; a quotation mark that is no apostrophe
_SPACES_RE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION_RE = re.compile(r"\s+([,;:.!?%)])")
_SPACE_AFTER_BRACKET_RE = re.compile(r"([(])\s+")
_TRAILING_COMMAS_RE = re.compile(r"(?:,\s*)+([.!?]?)$")
_DOUBLE_COMMA_RE = re.compile(r",\s*,")
_SINGLE_QUOTE_MARK_RE = re.compile(r"(?<![A-Za-z])'|(?<=[.!?,])'")


def subject_opening(text: str) -> list[str]:
    """The first two words of the sentence's subject, past a short opening phrase ("In 2004,")
    and without trailing punctuation or a possessive 's: what tells whether a name opens it."""
    intro = _INTRO_RE.match(text)
    if intro and len(text[: intro.end()].split()) <= 7:
        text = text[intro.end() :]
    return [_POSSESSIVE_S_RE.sub("", w.strip(",.;:'\"")) for w in text.split()[:2]]


def is_noise(line: str) -> bool:
    """True for lines that are not story text: ad markers, bylines, navigation, stray punctuation."""
    stripped = line.strip()
    if not stripped:
        return True
    letters = len(_NOT_LETTERS_RE.sub("", stripped))
    words = _WORD_RE.findall(stripped)
    # "in , ,", "* * *", "12:30": too little language to state anything
    if len(words) < 2 or letters < 0.5 * len(stripped.replace(" ", "")):
        return True
    if len(stripped) <= 120 and _BOILERPLATE_RE.match(stripped):
        return True
    if len(stripped) <= 120 and _BYLINE_RE.match(stripped):
        return True
    if len(stripped) <= 200 and _CREDIT_RE.match(stripped):
        return True
    if len(stripped) <= 120 and _PICTURE_CREDIT_RE.match(stripped):
        return True
    if _DATE_LINE_RE.match(stripped):
        return True
    # a dateline on a line of its own: "LONDON (Reuters) -"
    if dateline_length(stripped + " A") == len(stripped) + 1:
        return True
    # "Home | World | Business | Sport": a row of menu items
    if len(_NAV_SEPARATORS_RE.findall(stripped)) >= 2 and not re.search(r"[.!?]$", stripped):
        return True
    return False


def dateline_length(sentence: str) -> int:
    """Length of a dateline opening the sentence ("LONDON (Reuters) - "), 0 when there is none."""
    match = _DATELINE_RE.match(sentence)
    return match.end() if match else 0


def normalize_claim_text(text: str) -> str:
    """Straight quotes, single spaces, no space before punctuation, capital first letter."""
    text = text.translate(_QUOTE_MAP)
    text = _SPACES_RE.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCTUATION_RE.sub(r"\1", text)
    text = _SPACE_AFTER_BRACKET_RE.sub(r"\1", text)
    text = _TRAILING_COMMAS_RE.sub(r"\1", text)
    text = _DOUBLE_COMMA_RE.sub(",", text)
    text = text.strip(" ,;:-–—")
    text = _drop_unpaired_quote(text)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _quote_marks(text: str, quote: str) -> int:
    """Quotation marks of one kind; an apostrophe inside a word ("China's") is not one."""
    if quote == '"':
        return text.count('"')
    if "'" not in text:
        return 0
    return len(_SINGLE_QUOTE_MARK_RE.findall(text))


def _drop_unpaired_quote(text: str) -> str:
    """'... released in volume.'' -> '... released in volume.': the claim ended inside a quote
    whose opening mark lies in an earlier part of the sentence (or the other way round)."""
    for quote in ('"', "'"):
        if _quote_marks(text, quote) % 2 == 0:
            continue
        closing = re.search(rf"(?<=[.!?,]){re.escape(quote)}$", text)
        if closing:
            return text[: closing.start()].rstrip()
        if text.startswith(quote):
            return text[1:].lstrip()
    return text


def close_quote(claim: str, sentence: str) -> str:
    """'Lee stated that "exports will rise.' from 'Lee stated that "exports will rise and
    jobs will come."': a quotation that closes in a part of the sentence the claim left out
    is closed where the claim ends (its words are the speaker's own). A quotation still open
    at the sentence's end, going on in the next sentence, is left as it is."""
    if "'" not in claim and '"' not in claim:
        return claim
    sentence = sentence.translate(_QUOTE_MAP)
    for quote in ('"', "'"):
        if _quote_marks(claim, quote) % 2 == 0 or _quote_marks(sentence, quote) % 2:
            continue
        opening = list(re.finditer(rf"(?:(?<=\s)|^){re.escape(quote)}(?=\w)", claim))
        if opening and quote not in claim[opening[-1].end() :]:
            body = claim.rstrip()
            stop = body[-1] if body[-1:] in ".!?" else ""
            return f"{body[: len(body) - len(stop)]}{stop or '.'}{quote}"
    return claim


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
