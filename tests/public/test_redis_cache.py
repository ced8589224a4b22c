"""The Redis cache backend of production (CACHE_URL), against the real Redis of the test run.

Every web process must see the same cached pages, publication generation and rate-limit
counters; one redis-py client per cache object serves every operation.
"""

import os
import uuid

import pytest
import redis
from django.core.cache import cache, caches

from factcheck.cache import RedisCache
from public.cache import GENERATION_KEY
from tests.public.conftest import claim_in, publish_claim

pytestmark = [pytest.mark.django_db, pytest.mark.broker]


@pytest.fixture
def redis_url():
    # The broker's Redis database; every key below carries a prefix of its own.
    return os.environ["CELERY_BROKER_URL"]


@pytest.fixture
def prefix():
    return f"test-cache-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def redis_cache(settings, redis_url, prefix):
    """The default cache on Redis, as settings configure it when CACHE_URL is set."""
    settings.CACHES = {
        "default": {
            "BACKEND": "factcheck.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"client_name": prefix},
        }
    }
    yield caches["default"]
    server = redis.Redis.from_url(redis_url)
    keys = list(server.scan_iter(f"{prefix}:*"))
    if keys:
        server.delete(*keys)


def another_process(redis_url, prefix) -> RedisCache:
    """The same cache as another web process builds it."""
    return RedisCache(redis_url, {"KEY_PREFIX": prefix})


def test_what_the_default_cache_stores_another_process_reads(redis_cache, redis_url, prefix):
    assert isinstance(redis_cache, RedisCache)
    cache.set("greeting", {"text": "hello"}, timeout=60)
    assert another_process(redis_url, prefix).get("greeting") == {"text": "hello"}


def test_a_page_cached_by_one_process_is_served_and_made_stale_for_all(
    client, newsroom, published, redis_cache, redis_url, prefix
):
    checker, editor = newsroom
    claim = published()
    url = client.get(f"/claims/{claim.pk}/")["Location"]
    assert client.get(url)["X-Public-Cache"] == "miss"
    assert client.get(url)["X-Public-Cache"] == "hit"
    other = another_process(redis_url, prefix)
    generation = other.get(GENERATION_KEY)
    assert generation == redis_cache.get(GENERATION_KEY)

    publish_claim(claim_in(sentence="The tunnel cost 4 billion dollars."), checker, editor)
    assert other.get(GENERATION_KEY) > generation
    assert client.get(url)["X-Public-Cache"] == "miss"
    assert "The tunnel cost 4 billion dollars." in client.get("/").content.decode()


def test_counters_are_shared_and_atomic_across_processes(redis_cache, redis_url, prefix):
    other = another_process(redis_url, prefix)
    assert redis_cache.add("window", 1, timeout=60)
    assert not other.add("window", 1, timeout=60)
    assert other.incr("window") == 2
    assert redis_cache.incr("window", 3) == 5
    assert redis_cache.decr("window") == 4
    assert other.get("window") == 4
    with pytest.raises(ValueError):
        redis_cache.incr("no-such-counter")


def test_timeouts_keep_expire_and_remove(redis_cache, redis_url, prefix):
    server = redis.Redis.from_url(redis_url)
    redis_cache.set("forever", "x", timeout=None)
    assert server.ttl(f"{prefix}:1:forever") == -1
    redis_cache.set("a-while", "x", timeout=30)
    assert 0 < server.ttl(f"{prefix}:1:a-while") <= 30
    redis_cache.touch("a-while", None)
    assert server.ttl(f"{prefix}:1:a-while") == -1
    redis_cache.set("a-while", "y", timeout=0)
    assert redis_cache.get("a-while", "gone") == "gone"
    assert redis_cache.add("never", "x", timeout=0)
    assert not redis_cache.has_key("never")


def test_values_round_trip_as_stored_pages_are(redis_cache):
    page = (1733130000123456789, b"<html>\xc2\xa3</html>", [("Content-Type", "text/html")])
    redis_cache.set_many({"page": page, "count": 7}, timeout=60)
    assert redis_cache.get_many(["page", "count", "missing"]) == {"page": page, "count": 7}
    assert redis_cache.delete("page")
    redis_cache.delete_many(["count"])
    assert redis_cache.get_many(["page", "count"]) == {}


def test_one_client_and_one_connection_serve_many_operations(redis_cache, redis_url, prefix):
    client = redis_cache.client
    for n in range(50):
        redis_cache.set(f"k{n}", n, timeout=60)
        assert redis_cache.get(f"k{n}") == n
    assert redis_cache.client is client
    server = redis.Redis.from_url(redis_url)
    ours = [c for c in server.client_list() if c.get("name") == prefix]
    assert len(ours) == 1


def test_clear_removes_this_caches_keys_and_leaves_the_rest_of_the_database(
    redis_cache, redis_url, prefix
):
    # The cache may share its Redis database with the Celery broker or another cache.
    server = redis.Redis.from_url(redis_url)
    neighbour = f"{prefix}-neighbour"
    server.set(neighbour, "a queued task", ex=60)
    look_alike = RedisCache(redis_url, {"KEY_PREFIX": f"{prefix}*"})
    look_alike.set("kept", 1, timeout=60)
    try:
        redis_cache.set_many({f"k{n}": n for n in range(2500)}, timeout=60)
        assert redis_cache.clear()
        assert list(server.scan_iter(f"{prefix}:*")) == []
        assert server.get(neighbour) == b"a queued task"
        assert look_alike.get("kept") == 1
        look_alike.clear()
        assert look_alike.get("kept") is None
        assert redis_cache.get("k0") is None
    finally:
        server.delete(neighbour)
        look_alike.clear()
