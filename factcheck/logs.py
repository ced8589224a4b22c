"""Structured logs: one JSON object per line, for Django, Celery and gunicorn alike."""

from __future__ import annotations

import datetime as dt
import json
import logging

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# gunicorn's access-log atoms, renamed to words a reader knows.
_ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "f": "referer",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON with time, level, logger and message."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            for atom, name in _ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-", ""):
                    entry[name] = _number(value) if name in {"status", "bytes"} else value
            # Django's own request logger and the access log can be told apart by this.
            entry["source"] = "access"
        else:
            entry["message"] = record.getMessage()
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry and not key.startswith("_"):
                entry[key] = _plain(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _plain(value):
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    # The request object Django attaches to its log records is not JSON; its path is.
    path = getattr(value, "path", None)
    if isinstance(path, str):
        return {"method": getattr(value, "method", ""), "path": path}
    return str(value)


def logging_config(*, json_lines: bool, level: str = "INFO") -> dict:
    """A dictConfig for the web and worker processes: JSON lines or plain text on stderr."""
    formatter = "json" if json_lines else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "factcheck.logs.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's request logger repeats what the access log says for every 4xx.
            "django.request": {"level": "ERROR"},
            "django.security": {"level": "WARNING"},
            # axes announces its configuration at every start; lockouts are warnings.
            "axes": {"level": "WARNING"},
            "gunicorn.error": {"level": level, "handlers": ["console"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }
