"""A claim is a *draft* over the sentence: the sentence with everything that is not part of the
claim blanked out (replaced by spaces, so offsets never move), plus words the sentence implies
but that lie elsewhere (the shared subject of a coordinated verb), or a generated text for
facts the sentence states by its structure ("Li Chenggang is China's Deputy Minister of
Commerce" from an appositive).

A dateline ("LONDON (Reuters) - ") and a discourse marker ("However,") opening the sentence
are blanked first. Names may end in a number ("Hornsea 2"), and a comma inside a number
("1,200") never closes an appositive or a relative clause.

The rules, applied in this order, each on general sentence structure rather than wording:

1. roles before names: "Treasury Secretary Scott Bessent" -> "Scott Bessent is Treasury
   Secretary" (a title of two or more words; bare forms of address like "President Trump" are
   left alone);
2. appositives: "China's Deputy Minister, Li Chenggang, said" and "Kevin Hassett, the head of
   X, said" give "NAME is ROLE"; the appositive is then removed from the main clause;
3. relative clauses and dashes: "Nvidia, which is under sanctions," -> "Nvidia is under
   sanctions"; "components - used in motors -" -> "components are used in motors";
   "the previous record - 2003's imbalance" -> "the previous record was 2003's imbalance";
4. modifiers of the subject: "The delegation, led by A and including B," -> "The delegation
   was led by A", "The delegation included B";
5. coordination: "; ", ", while", ", and" + verb (the subject is repeated), ", and" + a new
   subject and verb, ", thus refining" (participle; the subject is repeated);
6. quantities: "rose 12.3% to $1.15 trillion" states a change and a level, so it gives two
   claims; "hit an all-time high of $X" gives the record and the figure.

The package: `words` (the word lists), `draft` (a claim over a sentence), `grammar` (verbs,
subjects, tense and number without a tagger), `names` (roles, appositives, ownership),
`asides` (dashes, relative clauses, subject modifiers), `clauses` (coordination and
attribution), `adjuncts` (gerund and "with" adjuncts, earlier figures), `lists` (distributive
lists), `subordinates` (subordinate clauses, "such as" examples); this module applies them in
order and splits figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import dateline_length
from .adjuncts import adjunct_claims
from .asides import dash_asides, named_which, relatives, subject_modifiers
from .clauses import attributed_clauses
from .draft import Draft, blank
from .grammar import forget_subjects
from .lists import distribute_lists
from .names import appositive_claims, ownership, roles_before_names
from .subordinates import coordinated_gerunds, examples, subordinate_claims

__all__ = ["Draft", "atomize"]

_DISCOURSE_RE = re.compile(
    r"^(?:However|Meanwhile|Still|Lastly|Moreover|Also|And|But|In addition|Furthermore|Yet|So|"
    r"Indeed|Besides|Nevertheless|Nonetheless|Instead|Overall|Finally|Separately|Similarly|"
    r"Likewise|Additionally|For example|For instance|In fact|Notably|Crucially|Importantly|"
    r"Thus|Therefore|Hence|Consequently|Then|Now|Again|Elsewhere|Further|First|Second|Third)"
    r"\b,?\s+"
)
_TRAILING_RE = re.compile(r"[\s.!;:…]+$")  # a question mark stays: it marks a question
_RECORD_RE = re.compile(
    r"(?P<record>(?:an?\s+)?(?:new\s+)?(?:all-time|record|[\w]+-year|multi-year|[\w]+-month)\s+(?:high|low))\s+of\s+$",
    re.IGNORECASE,
)
_CHANGE_TO_LEVEL_RE = re.compile(
    r"^\s*(?:(?:in|on|during|for|over|by)\s+[\w ]{1,25}?\s+)?(?P<conn>to|at)\s+(?:an?\s+)?(?:new\s+)?"
    r"(?:record(?:\s+high)?|all-time\s+high)?(?:\s+of)?\s*$",
    re.IGNORECASE,
)

_PLACE = r"\s+(?:in|for|at|on|among)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_PLACE_AND_RE = re.compile(rf"{_PLACE}(?P<and>,?\s+and\s+)")
_PLACE_RE = re.compile(_PLACE)


def _split_quantities(draft: Draft, quantity_spans: list[tuple[int, int, str]]) -> list[Draft]:
    """'rose 12.3% to $1.15 trillion' -> a claim for the change and one for the level."""
    inside = [
        q
        for q in quantity_spans
        if draft.kept[q[0] : q[1]].strip() and " " * (q[1] - q[0]) != draft.kept[q[0] : q[1]]
    ]
    for first, second in zip(inside, inside[1:], strict=False):
        between = draft.kept[first[1] : second[0]]
        change = _CHANGE_TO_LEVEL_RE.match(between)
        if first[2] == "ratio" and second[2] != "ratio" and change:
            level_end = second[1]
            # keep a parenthetical conversion with its figure: "$671.7bn (£484bn)", also after
            # a currency the figure's parser does not know ("86.7bn Swiss francs ($74.6bn)")
            paren = re.match(r"(?:\s+[A-Za-z]+){0,3}\s*\([^)]*\)", draft.kept[level_end:])
            if paren:
                level_end += paren.end()
            change_only = blank(draft.kept, first[1] + change.start("conn"), level_end)
            by = re.search(r"(?:\bby\s+)?$", draft.kept[: first[0]])
            by_start = by.start() if by else first[0]
            level_only = blank(draft.kept, by_start, first[1])
            return [
                replace(draft, kept=change_only),
                replace(draft, kept=level_only),
            ]
    for first, second in zip(inside, inside[1:], strict=False):
        # "raised the cap to 49% from 40%": the new level, and the earlier one
        between = draft.kept[first[1] : second[0]]
        before = draft.kept[: first[0]]
        if (
            first[2] == second[2]
            and re.fullmatch(r"\s+from\s+", between)
            and re.search(r"\bto\s+$", before)
        ):
            to_at = re.search(r"\bto\s+$", before).start()
            return [
                replace(draft, kept=blank(draft.kept, first[1], second[1])),
                replace(draft, kept=blank(draft.kept, to_at, second[0] - len(between) + 1)),
            ]
    for first, second in zip(inside, inside[1:], strict=False):
        # "sales fell 13% in New York and 16% in Ireland": one figure per place
        between = _PLACE_AND_RE.fullmatch(draft.kept[first[1] : second[0]])
        place = _PLACE_RE.match(draft.kept, second[1])
        if between and place and first[2] == second[2]:
            and_at = first[1] + between.start("and")
            return [
                replace(draft, kept=blank(draft.kept, and_at, place.end())),
                replace(draft, kept=blank(draft.kept, first[0], second[0])),
            ]
    for quantity in inside:
        before = draft.kept[: quantity[0]].rstrip()
        if before[-2:].lower() != "of" or not before[-3:-2].isspace():
            continue  # no "... high of" right before the figure
        record = _RECORD_RE.search(draft.kept[: quantity[0]])
        if record:
            level_end = quantity[1]
            paren = re.match(r"\s*\([^)]*\)", draft.kept[level_end:])
            if paren:
                level_end += paren.end()
            record_only = blank(draft.kept, record.end("record"), level_end)
            figure_only = blank(draft.kept, record.start("record"), quantity[0])
            return [
                replace(draft, kept=record_only),
                replace(draft, kept=figure_only),
            ]
    return [draft]


def atomize(sentence: str, quantity_spans: list[tuple[int, int, str]] | None = None) -> list[Draft]:
    """Atomic claim drafts of one sentence; `quantity_spans` are (start, end, dimension)."""
    quantity_spans = quantity_spans or []
    forget_subjects()
    work = sentence
    dateline = dateline_length(work)
    if dateline:
        work = blank(work, 0, dateline)
    position = dateline
    for _ in range(3):  # "But now, ...", "And yet, ...": markers may come in a row
        rest = work[position:]
        marker = _DISCOURSE_RE.match(rest[:1].upper() + rest[1:] if position > dateline else rest)
        if not marker:
            break
        position += marker.end()
        work = blank(work, 0, position)
    trailing = _TRAILING_RE.search(work)
    if trailing:
        work = blank(work, trailing.start(), len(work))

    drafts: list[Draft] = []
    drafts += roles_before_names(sentence)
    drafts += ownership(sentence)
    drafts += examples(sentence)
    found, work = appositive_claims(sentence, work)
    drafts += found
    found, work = dash_asides(sentence, work)
    drafts += found
    found, work = relatives(work)
    drafts += found
    drafts += named_which(work)
    found, work = subject_modifiers(work)
    drafts += found
    found, work = adjunct_claims(work)
    drafts += found
    drafts += subordinate_claims(work)
    drafts += coordinated_gerunds(work)
    drafts += attributed_clauses(work)
    atomic: list[Draft] = []
    for draft in drafts:
        if draft.text:
            atomic.append(draft)
            continue
        for item in distribute_lists(draft) if draft.kind == "clause" else [draft]:
            atomic += _split_quantities(item, quantity_spans)
    return atomic
