"""The write path's guard: a bearer token from the settings, compared in constant time.

FastAPI's `HTTPBearer` reads the header and declares the scheme in the OpenAPI document
(`components.securitySchemes.bearerToken`, and `security` on each operation that depends on
it), so clients and the contract fuzzer know which operations need the token. It is built
with `auto_error=False`: the guard, not the library, decides between 403 (the server has no
token: writing is off) and 401 (a missing or wrong token, with `WWW-Authenticate: Bearer`).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.deps import SettingsDep

SCHEME = "bearerToken"
bearer = HTTPBearer(
    scheme_name=SCHEME,
    description="`Authorization: Bearer <ARTICLE_FACTS_ADMIN_TOKEN>`. Without the setting, "
    "every write answers 403; with it, a missing or wrong token answers 401.",
    auto_error=False,
)


def require_admin(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    token = settings.admin_token
    expected = token.get_secret_value().strip().encode() if token is not None else b""
    # An empty token (`ARTICLE_FACTS_ADMIN_TOKEN=` or an unset variable expanded into it) is
    # no token: it would otherwise match an empty bearer.
    if not expected:
        raise HTTPException(
            403, "Writing is disabled: the server has no ARTICLE_FACTS_ADMIN_TOKEN."
        )
    offered = credentials.credentials.strip().encode() if credentials is not None else b""
    # compare_digest takes as long for a wrong token as for a right one of the same length.
    if not offered or not hmac.compare_digest(offered, expected):
        raise HTTPException(
            401, "A valid bearer token is required.", headers={"WWW-Authenticate": "Bearer"}
        )


AdminDep = Annotated[None, Depends(require_admin)]
