"""Query parameter types shared by several routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

# Ids are slugs or short hashes; anything longer cannot match and is refused early.
IdQuery = Annotated[str | None, Query(min_length=1, max_length=200)]
