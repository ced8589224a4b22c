"""Caching of public pages, valid for one publication generation.

Every cached page carries the generation number it was rendered in; the current number
lives in the shared cache. Publishing or correcting a fact-check (or editing what public
pages show) bumps the number, so every page cached before is stale at once and is
re-rendered on its next request; nothing has to know which pages showed what.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

GENERATION_KEY = "public:generation"
# Headers set per answer, never replayed from the cache.
UNCACHED_HEADERS = {"content-length", "set-cookie", "date", "x-public-cache"}


def generation() -> int:
    """The current publication generation (created on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A clock value, not 0: if the key is ever evicted, the new generation can never
        # equal one whose pages are still in the cache.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def bump_generation() -> None:
    """Make every cached public page stale: now, and again once the transaction commits."""
    _bump()
    # The second bump covers a reader who re-cached the old page between the first bump
    # and the commit (their request could not yet see the new data).
    transaction.on_commit(_bump)


def page_key(request) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}"
    return "public:page:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def cached_public_page(view):
    """Serve GET/HEAD answers of a public view from the cache, per publication generation.

    Only successful answers without cookies are cached (body and headers): public pages
    show nothing that depends on who is asking.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        # One round trip for both: the page is stored with the generation it was made in,
        # and counts only while that generation is current.
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY)
        if current is None:
            current = generation()
        hit = found.get(key)
        if hit is not None and hit[0] == current:
            _, content, headers = hit
            response = HttpResponse(content, headers=headers)
            response["X-Public-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = {k: v for k, v in response.items() if k.lower() not in UNCACHED_HEADERS}
            # `current` was read before rendering: a publication meanwhile makes this stale.
            cache.set(key, (current, response.content, headers), settings.PUBLIC_CACHE_SECONDS)
            response["X-Public-Cache"] = "miss"
        return response

    return wrapper
