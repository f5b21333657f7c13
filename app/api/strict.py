"""Strict query strings: a parameter no route declares is a 422, not silently ignored.

A typo such as `GET /v1/figures?kinds=money` used to answer every figure with a 200, which a
client cannot tell from a right answer. Every `/v1` route now refuses a query parameter it does
not declare, with a problem naming it and, for a near miss, the parameter that was probably
meant ("did you mean 'kind'?", ranked by rapidfuzz's edit-distance ratio).

The check is a router-wide dependency, so it runs before the route's own parameters are read
and applies to every operation of the document without each route repeating it. The names a
route accepts come from its own signature (FastAPI's flattened dependant), so they cannot drift
from the OpenAPI document.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# A suggestion is made only for a name within this many edits of a declared one.
MAX_EDITS = 2

_accepted: dict[int, frozenset[str]] = {}


def accepted_names(route: APIRoute) -> frozenset[str]:
    """The query parameter names `route` declares (their aliases, as clients write them)."""
    names = _accepted.get(id(route))
    if names is None:
        names = frozenset(_query_names(route.dependant))
        _accepted[id(route)] = names
    return names


def _query_names(dependant: Dependant) -> list[str]:
    """The query parameters of a dependant and of every dependency below it."""
    names = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        names.extend(_query_names(sub))
    return names


def did_you_mean(name: str, accepted: frozenset[str]) -> str | None:
    """The declared name nearest to `name`, when it is a near miss."""
    found = process.extractOne(name, accepted, scorer=Levenshtein.distance, score_cutoff=MAX_EDITS)
    return found[0] if found else None


# Async, so FastAPI calls it in place: a plain function would cost every /v1 request a hop to a
# worker thread and back (docs/performance.md, "Export formats").
async def reject_unknown_parameters(request: Request) -> None:
    """Refuses a query string holding a name the matched route does not declare."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = accepted_names(route)
    errors = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name in accepted:
            continue
        hint = did_you_mean(name, accepted)
        detail = "Unknown parameter" + (f"; did you mean '{hint}'?" if hint else ".")
        errors.append(
            {"type": "unknown_parameter", "loc": ("query", name), "msg": detail, "input": name}
        )
    if errors:
        raise RequestValidationError(errors)
