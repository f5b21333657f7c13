"""How `article-facts serve` runs uvicorn: the options that follow from the settings, and room
in the process's open-file limit for the connections it may hold.

What it decides:
- uvicorn's proxy-header handling is off. By default it believes `X-Forwarded-For` from
  127.0.0.1, which let any local client name itself anew on every request and pass the rate
  limit; the app reads proxy headers itself, from `ARTICLE_FACTS_TRUSTED_PROXIES` only
  (app/api/client_address.py). Run under another ASGI server, turn its own handling off too
  (uvicorn: `--no-proxy-headers`).
- The HTTP protocol is app/core/connections.py's (uvicorn's httptools protocol with a head
  timeout, a head size limit and a connection cap); the keep-alive timeout is
  `ARTICLE_FACTS_KEEP_ALIVE_TIMEOUT`.
- The soft open-file limit is raised to the hard one, and `serve` refuses to start when even
  that leaves less than `ARTICLE_FACTS_MAX_CONNECTIONS` plus `RESERVED_FILES` (the listening
  socket, the database's files, logs) per process: a full table of files would otherwise
  fail `accept` and leave even `/health` unanswered.
"""

from __future__ import annotations

import resource
from typing import Any

from app.core.config import Settings
from app.core.connections import GuardedHttpProtocol

RESERVED_FILES = 64


class FileLimitError(Exception):
    pass


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    return {
        "http": GuardedHttpProtocol,
        "proxy_headers": False,
        "timeout_keep_alive": settings.keep_alive_timeout,
    }


def raise_open_file_limit(settings: Settings) -> int:
    """Raises the soft limit as far as allowed; returns it, or fails when it is too low."""
    needed = settings.max_connections + RESERVED_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max(soft, needed) if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (OSError, ValueError):
            pass
    if soft != resource.RLIM_INFINITY and soft < needed:
        fits = soft - RESERVED_FILES
        raise FileLimitError(
            f"the open-file limit is {soft}, but ARTICLE_FACTS_MAX_CONNECTIONS="
            f"{settings.max_connections} needs {needed}: raise it (ulimit -n {needed}) or set "
            f"ARTICLE_FACTS_MAX_CONNECTIONS to {fits} or less"
        )
    return int(soft)
