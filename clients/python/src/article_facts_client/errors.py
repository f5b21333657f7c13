"""The service's RFC 9457 problems as exceptions, one class per status a client may act on.

Every error answer of the service is `application/problem+json`; it is read into the generated
`Problem` model and raised as the class for its status (`NotFound`, `Unprocessable`, ...), all
subclasses of `ApiError`, which carries `status`, `title`, `detail`, `instance` and the `errors`
list (one entry per bad parameter of a 422). An answer that is not a problem (a proxy's HTML
page) still raises, with its first characters as the detail.
"""

from __future__ import annotations

import httpx
from pydantic import ValidationError

from article_facts_client.models import ParamError, Problem

# What is kept of a body that is not a problem document.
MAX_DETAIL = 200


class ApiError(Exception):
    """An error answer of the service."""

    def __init__(self, problem: Problem, response: httpx.Response) -> None:
        super().__init__(f"{problem.status} {problem.title}: {problem.detail}")
        self.problem = problem
        self.response = response
        self.status = problem.status
        self.title = problem.title
        self.detail = problem.detail
        self.instance = problem.instance
        self.errors: list[ParamError] = list(problem.errors or [])


class BadRequest(ApiError):
    """400."""


class Unauthorized(ApiError):
    """401: the write needs the bearer token."""


class Forbidden(ApiError):
    """403: a wrong token, or writes are disabled on the server."""


class NotFound(ApiError):
    """404: no resource with that id."""


class Conflict(ApiError):
    """409: the same text is stored under another id."""


class PayloadTooLarge(ApiError):
    """413."""


class UnsupportedMediaType(ApiError):
    """415."""


class Unprocessable(ApiError):
    """422: a bad or unknown parameter; `errors` names each."""


class RateLimited(ApiError):
    """429, after the client's retries ran out."""


class ServerError(ApiError):
    """500."""


class Unavailable(ApiError):
    """503, after the client's retries ran out."""


BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
    422: Unprocessable,
    429: RateLimited,
    500: ServerError,
    503: Unavailable,
}


def problem_of(response: httpx.Response) -> Problem:
    """The problem document of an error answer, or one made from its status and first bytes."""
    try:
        return Problem.model_validate_json(response.content)
    except ValidationError:
        return Problem(
            title=response.reason_phrase or "Error",
            status=response.status_code,
            detail=response.text[:MAX_DETAIL],
            instance=response.request.url.path,
        )


def raise_for_problem(response: httpx.Response) -> None:
    """Raises the `ApiError` subclass for an error answer; does nothing for a success."""
    if response.status_code < 400:
        return
    problem = problem_of(response)
    raise BY_STATUS.get(response.status_code, ApiError)(problem, response)
