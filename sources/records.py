"""A parsed source and its passages, before anything is written (pure, no Django)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class PassageRecord:
    key: str
    text: str
    locator: str = ""


@dataclass
class SourceRecord:
    key: str
    title: str
    publisher: str = ""
    url: str = ""
    published: dt.date | None = None
    kind: str = "other"
    passages: list[PassageRecord] = field(default_factory=list)
    line: int = 0
