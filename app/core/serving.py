"""How `article-facts serve` runs uvicorn: the options that follow from the settings.

What it decides:
- uvicorn's proxy-header handling is off. By default it believes `X-Forwarded-For` from
  127.0.0.1, which let any local client name itself anew on every request and pass the rate
  limit; the app reads proxy headers itself, from `ARTICLE_FACTS_TRUSTED_PROXIES` only
  (app/api/client_address.py). Run under another ASGI server, turn its own handling off too
  (uvicorn: `--no-proxy-headers`).
"""

from __future__ import annotations

from typing import Any

from app.core.config import Settings


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    return {"proxy_headers": False}
