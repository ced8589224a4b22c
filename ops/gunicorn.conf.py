"""gunicorn settings for the web process (`gunicorn -c ops/gunicorn.conf.py`).

Every value can be changed by an environment variable, so one file serves a laptop,
the load benchmark and production behind a TLS-terminating proxy.
"""

import multiprocessing
import os

from factcheck.logs import logging_config

wsgi_app = "factcheck.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Sync workers: requests are short and database-bound; 2 x cores + 1 is gunicorn's advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
backlog = int(os.environ.get("GUNICORN_BACKLOG", "512"))

# Hostile requests: bounded request line and headers (bodies are limited in Django).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Only the local proxy may tell us the original scheme and address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Structured logs on stderr: one JSON object per line, access log included.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = logging_config(
    json_lines=os.environ.get("DJANGO_LOG_JSON", "1") not in {"0", "false", "no", "off"},
    level=loglevel.upper(),
)
proc_name = "factcheck-web"
# gunicorn's control socket (gunicornc) is off unless asked for: one fixed path per user
# would be shared by every server on the machine, and nothing here needs it.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
