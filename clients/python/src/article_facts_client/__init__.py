"""A typed client for the article-facts API, on httpx.

    from article_facts_client import Client

    with Client("http://127.0.0.1:8000") as api:
        for figure in api.iter_figures(kind=FigureKind.money):
            print(figure.quote, figure.value, figure.unit)

`Client` and `AsyncClient` have one method per operation of the service's OpenAPI document
(generated from it by `clients/python/generate.py`), typed parameters and pydantic results;
`iter_*` methods follow the `Link` pages; GETs are conditional on the ETag last seen; a 429 or
503 is retried as `Retry-After` says (bounded); an error answer raises its `ApiError`.
"""

from article_facts_client import models
from article_facts_client._async import AsyncClient
from article_facts_client._http import Call
from article_facts_client._sync import Client
from article_facts_client.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    RateLimited,
    ServerError,
    Unauthorized,
    Unavailable,
    Unprocessable,
    UnsupportedMediaType,
)

__all__ = [
    "ApiError",
    "AsyncClient",
    "BadRequest",
    "Call",
    "Client",
    "Conflict",
    "Forbidden",
    "NotFound",
    "PayloadTooLarge",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "Unavailable",
    "Unprocessable",
    "UnsupportedMediaType",
    "models",
]
