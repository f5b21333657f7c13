"""A search result as JSON bytes, exactly as FastAPI would serialise `SearchPage`.

orjson writes the fields in the schemas' order (tests/search/test_pinned.py holds answers
written by FastAPI before this module existed), several times faster than building and
validating the pydantic models first.
"""

from __future__ import annotations

import orjson

from app.search.results import Result


def to_json(result: Result) -> bytes:
    return orjson.dumps(
        {
            "items": result.items,
            "total": result.total,
            "limit": result.limit,
            "offset": result.offset,
            "mode": result.mode,
            "facets": {
                facet: [{"value": value, "count": count} for value, count in counts]
                for facet, counts in result.facets.items()
            },
            "suggestion": result.suggestion,
            "facets_exact": result.facets_exact,
        }
    )
