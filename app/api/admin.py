"""The write path's guard: a bearer token from the settings, compared in constant time."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException

from app.api.deps import SettingsDep


def require_admin(
    settings: SettingsDep,
    authorization: Annotated[
        str | None, Header(max_length=1024, description="`Bearer <ARTICLE_FACTS_ADMIN_TOKEN>`")
    ] = None,
) -> None:
    token = settings.admin_token
    expected = token.get_secret_value().strip().encode() if token is not None else b""
    # An empty token (`ARTICLE_FACTS_ADMIN_TOKEN=` or an unset variable expanded into it) is
    # no token: it would otherwise match an empty bearer.
    if not expected:
        raise HTTPException(
            403, "Writing is disabled: the server has no ARTICLE_FACTS_ADMIN_TOKEN."
        )
    scheme, _, offered = (authorization or "").partition(" ")
    # compare_digest takes as long for a wrong token as for a right one of the same length.
    if scheme.lower() != "bearer" or not hmac.compare_digest(offered.strip().encode(), expected):
        raise HTTPException(
            401, "A valid bearer token is required.", headers={"WWW-Authenticate": "Bearer"}
        )


AdminDep = Annotated[None, Depends(require_admin)]
