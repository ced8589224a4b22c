"""Settings for bench/public_load.py: the project's, plus a URLconf with a trivial view."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "public_load_urls"
