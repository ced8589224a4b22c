"""Settings for the fact-checking tool: one module, configured by environment variables.

Defaults are safe for local use: an SQLite file in the project folder and Celery
tasks run in-process. Production sets DATABASE_URL (PostgreSQL), CELERY_BROKER_URL,
DJANGO_SECRET_KEY, DJANGO_DEBUG=0 and DJANGO_ALLOWED_HOSTS.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from factcheck.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
# The fallback key is only usable with DEBUG on; production must set its own.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    "insecure-local-development-key" if DEBUG else None
)
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "axes",
    "csp",
    "factcheck.apps.SecurityConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "tokens",
    "webhooks",
    "sources",
    "claims",
    "desk",
    "django.contrib.sitemaps",
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.security.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "factcheck.security.BadValueMiddleware",
    # After BadValueMiddleware so its 400 page answers admin lists first.
    "factcheck.admin_errors.AdminBadQueryMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factcheck.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that does not answer fails requests and health checks in seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

MEDIA_URL = "media/"
# Uploaded source files waiting for import; not served to the public.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Celery ---------------------------------------------------------------------------
# No broker configured: the embedded default runs every task in-process, at once.
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", not os.environ.get("CELERY_BROKER_URL")
)
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "factcheck")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With Redis, a message taken by a worker that died is redelivered after this many
# seconds; tasks are idempotent, so an early redelivery is harmless.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    # How often (seconds x every Nth sweep) workers look for such messages to restore.
    "unacked_restore_interval": int(os.environ.get("CELERY_UNACKED_RESTORE_INTERVAL", "10")),
    "unacked_restore_throttle": int(os.environ.get("CELERY_UNACKED_RESTORE_THROTTLE", "10")),
}

# --- REST API -------------------------------------------------------------------------
REST_FRAMEWORK = {
    # The token class first: a missing or refused token answers 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tokens.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PARSER_CLASSES": [
        "factcheck.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "factcheck.pagination.Pagination",
    "PAGE_SIZE": int(os.environ.get("API_PAGE_SIZE", "50")),
    "DEFAULT_SCHEMA_CLASS": "factcheck.api.NewsroomAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
    },
    # Proxies in front that append to X-Forwarded-For; 0 = use REMOTE_ADDR, so a client
    # cannot pick a fresh throttle bucket by sending its own X-Forwarded-For.
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0")),
    "EXCEPTION_HANDLER": "desk.api.errors.error_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-check API",
    "DESCRIPTION": "Articles, claims, sources and their matches.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files are served from our own static files: no CDN, and the CSP holds.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name for a source's kind wherever it appears (sources, outside evidence).
    "ENUM_NAME_OVERRIDES": {"SourceKindEnum": "sources.models.SourceKind"},
}

# --- Email (workflow notifications) ---------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "factcheck@localhost")

# --- Outgoing webhooks (workflow events) -----------------------------------------------
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "10"))
# Attempts per delivery (the first included); retries wait base x 2^(n-1) seconds, capped.
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "6"))
WEBHOOK_RETRY_BASE_SECONDS = int(os.environ.get("WEBHOOK_RETRY_BASE_SECONDS", "30"))
WEBHOOK_RETRY_MAX_SECONDS = int(os.environ.get("WEBHOOK_RETRY_MAX_SECONDS", "3600"))

# --- Product limits -------------------------------------------------------------------
FACTCHECK_MAX_ARTICLE_CHARS = int(os.environ.get("FACTCHECK_MAX_ARTICLE_CHARS", 2_000_000))
FACTCHECK_MATCHES_PER_CLAIM = int(os.environ.get("FACTCHECK_MATCHES_PER_CLAIM", 10))
# A stricter score floor (0-100) for suggested matches, on top of the lookup's own (the
# ranker's floor and the relevance gate, README "Relevance floor"); 0 adds none.
FACTCHECK_MATCH_FLOOR = float(os.environ.get("FACTCHECK_MATCH_FLOOR", 0))
# The learned check-worthiness model (JSON); empty means the one shipped in textcore/models/.
FACTCHECK_CHECKWORTHINESS_MODEL = os.environ.get("FACTCHECK_CHECKWORTHINESS_MODEL", "")
# More claims than this in one article fails it with a clear reason (each claim is matched).
FACTCHECK_MAX_CLAIMS_PER_ARTICLE = int(os.environ.get("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", 1000))
# Lists show summaries: claim texts cut to this many characters (detail: the whole text).
FACTCHECK_SUMMARY_CHARS = int(os.environ.get("FACTCHECK_SUMMARY_CHARS", "300"))
# ?page_size= may ask for fewer or more items per API page, never more than this.
API_MAX_PAGE_SIZE = int(os.environ.get("API_MAX_PAGE_SIZE", "100"))
# Longest claim and sentence kept from an article; longer fails it with the reason
# (text without sentence punctuation would otherwise become one enormous claim).
FACTCHECK_MAX_CLAIM_CHARS = int(os.environ.get("FACTCHECK_MAX_CLAIM_CHARS", "2000"))
FACTCHECK_MAX_SENTENCE_CHARS = int(os.environ.get("FACTCHECK_MAX_SENTENCE_CHARS", "5000"))
# Bounded work: numbers kept per claim or passage (numeric comparison is pairwise),
# candidates scored per claim, passages per source and the longest passage.
FACTCHECK_MAX_QUANTITIES = int(os.environ.get("FACTCHECK_MAX_QUANTITIES", "50"))
FACTCHECK_CANDIDATES_PER_CLAIM = int(os.environ.get("FACTCHECK_CANDIDATES_PER_CLAIM", "200"))
# Where each machine saves the claim lookup's index of the library, one folder per
# database, for all its web and worker processes to open (empty: each process keeps its
# own in memory). See README, "Claim lookup".
FACTCHECK_SEARCH_INDEX_DIR = os.environ.get(
    "FACTCHECK_SEARCH_INDEX_DIR", str(BASE_DIR / "search-index")
)
FACTCHECK_MAX_PASSAGES_PER_SOURCE = int(
    os.environ.get("FACTCHECK_MAX_PASSAGES_PER_SOURCE", "20000")
)
FACTCHECK_MAX_PASSAGE_CHARS = int(os.environ.get("FACTCHECK_MAX_PASSAGE_CHARS", "20000"))
# Deliveries of one article or import before it is marked failed (a "poison" message).
FACTCHECK_MAX_ATTEMPTS = int(os.environ.get("FACTCHECK_MAX_ATTEMPTS", "3"))
# Celery time limits in seconds (soft: the task stops cleanly and records why;
# hard: the worker process is killed and the attempt counts).
FACTCHECK_ARTICLE_TIME_LIMIT = int(os.environ.get("FACTCHECK_ARTICLE_TIME_LIMIT", "300"))
FACTCHECK_IMPORT_TIME_LIMIT = int(os.environ.get("FACTCHECK_IMPORT_TIME_LIMIT", "1800"))
FACTCHECK_REMATCH_TIME_LIMIT = int(os.environ.get("FACTCHECK_REMATCH_TIME_LIMIT", "3600"))
FACTCHECK_ORGANISATION = os.environ.get("FACTCHECK_ORGANISATION", "Newsroom Fact Check")
# The organisation's home page: the ClaimReview author's url and the public site's byline.
FACTCHECK_ORGANISATION_URL = os.environ.get("FACTCHECK_ORGANISATION_URL", "")

# --- Cache and public pages -----------------------------------------------------------
# Redis in production (every web process must see the same publication generation and
# rate-limit counters); a per-process memory cache is enough for local use and tests.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": {
        "BACKEND": "factcheck.cache.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "factcheck"),
    }
    if CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factcheck"}
}
# Public pages stay cached this long at most; publishing or correcting clears them at once.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "600"))
PUBLIC_PAGE_SIZE = int(os.environ.get("PUBLIC_PAGE_SIZE", "20"))
# Canonical links, sitemap and feed; empty: taken from the request's host.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/")
PUBLIC_SUGGESTIONS_PER_HOUR = int(os.environ.get("PUBLIC_SUGGESTIONS_PER_HOUR", "5"))
PUBLIC_SUGGESTION_MIN_SECONDS = int(os.environ.get("PUBLIC_SUGGESTION_MIN_SECONDS", "3"))
# Behind a reverse proxy, the request header holding the reader's address (e.g.
# HTTP_X_REAL_IP); empty: REMOTE_ADDR. Only set it when the proxy overwrites the header.
PUBLIC_CLIENT_IP_HEADER = os.environ.get("PUBLIC_CLIENT_IP_HEADER", "")

# --- Security (see docs/operations.md) ------------------------------------------------
# Production (DEBUG off) is HTTPS-only behind a TLS-terminating proxy that sets
# X-Forwarded-Proto; every switch can be overridden by its environment variable.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", not DEBUG) else None
)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health endpoint over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_SECONDS", str(12 * 3600)))
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# Scripts only from our own origin (no inline script anywhere); inline styles are allowed
# because the admin and the page templates use style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Login guessing: django-axes locks a username from one address after failures; every
# login, failed or not, is recorded (who, when, from where) and shown in the admin.
AUTHENTICATION_BACKENDS = [
    "factcheck.security.LoginGuardBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "factcheck.security.client_ip"
AXES_HTTP_RESPONSE_CODE = 429
# Request bodies (API submissions, uploads) larger than this are refused with 413.
FACTCHECK_MAX_UPLOAD_BYTES = int(os.environ.get("FACTCHECK_MAX_UPLOAD_BYTES", 12 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = FACTCHECK_MAX_UPLOAD_BYTES

# JSON lines in production (one object per line, for the log collector); text locally.
LOGGING = logging_config(
    json_lines=env_bool("DJANGO_LOG_JSON", not DEBUG),
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
)
# With JSON logs, Celery workers log through LOGGING too instead of their own text format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = not env_bool("DJANGO_LOG_JSON", not DEBUG)
