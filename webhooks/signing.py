"""The signature of a webhook body: HMAC-SHA256 over "<timestamp>.<body>" with the secret.

Sent as `X-Factcheck-Signature: t=<unix seconds>,v1=<hex digest>`; README shows how a
receiver checks it.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Factcheck-Signature"


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The header value for `body` signed at `timestamp`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(*, secret: str, header: str, body: bytes, now: int, tolerance: int = 300) -> bool:
    """Whether a header signs `body` with `secret`, no more than `tolerance` seconds ago."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))
