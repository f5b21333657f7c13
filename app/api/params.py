"""Parameter types shared by several routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

# No stored text holds a NUL, and PostgreSQL refuses one in any string it is sent: a NUL is a
# bad parameter (422), said in the OpenAPI document too, never a database error.
NO_NUL = r"^[^\x00]*$"

# Ids are slugs or short hashes; anything longer cannot match and is refused early.
IdQuery = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)]
# A NUL in a path id cannot match an id: the queries answer 404 (see app/queries/common.py).
IdPath = Annotated[str, Path(max_length=200)]
