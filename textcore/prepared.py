"""What matching reads of a passage's text, computed once per text instead of once per claim.

`score_candidates` (`textcore.matching`) reads three things of every candidate: its
analysis (`analysis.analyse`: normalised words, keys, names, speakers, years, countries),
the kinds of figure it can state (`figures.quantity_kinds`) and, when the claim states a
figure of such a kind, its figures read in context (`figures.read_passage`). They depend
on the passage alone, so the library index computes them when it is built and keeps them
with the index (`textcore.retrieval.prepared`); a caller without them gets them computed
on the fly, with the same result.

The plain form (`to_plain` / `from_plain`) turns these frozen dataclasses into JSON-ready
lists and back, exactly: the same types, the same values.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from .analysis import Analysis, analyse
from .figures import SentenceFacts, quantity_kinds, read_passage

__all__ = ["PreparedText", "from_plain", "prepare_text", "to_plain"]


@dataclass(frozen=True)
class PreparedText:
    """What `score_candidates` reads of one candidate text (see the module docstring)."""

    analysis: Analysis  # analyse(text, sentence_starts=False)
    # quantity_kinds(quantities, text) and read_passage(text), when first asked for: they
    # are needed only when the claim states a figure, and the figures only when the kinds
    # meet the claim's
    read_kinds: Callable[[], frozenset[str]] = field(compare=False, repr=False)
    read_facts: Callable[[], SentenceFacts] = field(compare=False, repr=False)

    @cached_property
    def kinds(self) -> frozenset[str]:
        return self.read_kinds()

    @cached_property
    def facts(self) -> SentenceFacts:
        return self.read_facts()


def prepare_text(
    text: str, quantities: Sequence[dict] = (), *, analysis: Analysis | None = None
) -> PreparedText:
    """The analysis of a passage text with the quantities stored with it (`analysis`:
    `analyse(text, sentence_starts=False)` when the caller has it)."""
    return PreparedText(
        analysis=analysis or analyse(text, sentence_starts=False),
        read_kinds=lambda: quantity_kinds(quantities, text),
        read_facts=lambda: read_passage(text),
    )


# --------------------------------------------------------------------------- plain form

_SCALARS = (str, int, float, bool, type(None))


def to_plain(value: Any, hint: Any) -> Any:
    """`value` (of type `hint`) as lists, numbers and strings, for JSON; TypeError if it
    holds a type the plain form does not know (it would not come back the same)."""
    return _codec(hint)[0](value)


def from_plain(data: Any, hint: Any) -> Any:
    """The value of type `hint` that `to_plain` turned into `data`."""
    return _codec(hint)[1](data)


def dumps(value: Any, hint: Any) -> bytes:
    return json.dumps(to_plain(value, hint), ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes, hint: Any) -> Any:
    return from_plain(json.loads(data), hint)


def _scalar(value: Any) -> Any:
    if type(value) not in _SCALARS:
        raise TypeError(f"{type(value).__name__} in a field the plain form reads as a scalar")
    return value


def _same(value: Any) -> Any:
    return value


@cache
def _codec(hint: Any) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """(encode, decode) for a type: scalars, frozensets, tuples, mappings with string
    keys, unions with None and frozen dataclasses of those."""
    if hint in _SCALARS or hint is float:
        return _scalar, _same
    if dataclasses.is_dataclass(hint):
        return _dataclass_codec(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        encode, decode = _codec(inner)
        return (
            lambda v: None if v is None else encode(v),
            lambda d: None if d is None else decode(d),
        )
    if origin is frozenset:
        encode, decode = _codec(args[0])

        def encode_set(value: Any) -> list:
            if type(value) is not frozenset:
                raise TypeError(f"{type(value).__name__} where a frozenset is expected")
            return sorted(encode(v) for v in value)

        if decode is _same:
            return encode_set, frozenset
        return encode_set, lambda d: frozenset(decode(x) for x in d)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            encode, decode = _codec(args[0])
            if decode is _same:
                return _checked(tuple, lambda v: [encode(x) for x in v]), tuple
            return _checked(tuple, lambda v: [encode(x) for x in v]), lambda d: tuple(
                decode(x) for x in d
            )
        codecs = [_codec(a) for a in args]
        if all(c[1] is _same for c in codecs):
            return _checked(
                tuple, lambda v: [c[0](x) for c, x in zip(codecs, v, strict=True)]
            ), tuple
        return _checked(
            tuple, lambda v: [c[0](x) for c, x in zip(codecs, v, strict=True)]
        ), lambda d: tuple(c[1](x) for c, x in zip(codecs, d, strict=True))
    if origin in (dict, Mapping) and args[0] is str:
        encode, decode = _codec(args[1])
        if decode is _same:
            return _checked(dict, lambda v: [[k, encode(x)] for k, x in v.items()]), dict
        return _checked(dict, lambda v: [[k, encode(x)] for k, x in v.items()]), lambda d: {
            k: decode(x) for k, x in d
        }
    raise TypeError(f"the plain form does not know {hint!r}")


def _checked(kind: type, encode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def checked(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"{type(value).__name__} where a {kind.__name__} is expected")
        return encode(value)

    return checked


def _dataclass_codec(cls: type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise TypeError(f"{cls.__name__} has fields its constructor does not take")
    names = [f.name for f in fields]
    codecs = [_codec(hints[name]) for name in names]

    def encode(value: Any) -> list:
        if type(value) is not cls:
            raise TypeError(f"{type(value).__name__} where a {cls.__name__} is expected")
        return [c[0](getattr(value, n)) for c, n in zip(codecs, names, strict=True)]

    decoders = [c[1] for c in codecs]

    def decode(data: list) -> Any:
        return cls(
            *[
                d if decoder is _same else decoder(d)
                for decoder, d in zip(decoders, data, strict=True)
            ]
        )

    return encode, decode
