"""The curated facts file: its schema, and reading it with clear errors.

The file is read as a regular file only (app/ingest/files.py): in the seed folder a symbolic
link is refused; a file the user names (`ingest --annotations FILE`) may be one. A NUL byte is
refused as `ingest` refuses one in an article, before TOML parsing, so the message says what
the file is rather than where the parser stopped.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.ingest.files import FileRefusedError, FileTooLargeError, read_regular
from app.models.vocabulary import ActorKind, ClaimKind

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The seeded file is 7 KiB for some 60 actors; 1 MiB leaves room for thousands.
MAX_CURATED_BYTES = 1024 * 1024


class CuratedError(ValueError):
    """The curated file cannot be used; the message says where and why."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ActorEntry(_Strict):
    id: str = Field(pattern=SLUG.pattern, max_length=80)
    # "|" joins an actor's names in the database (app/ingest/pipeline.py).
    name: str = Field(min_length=1, max_length=200, pattern=r"^[^|]+$")
    kind: ActorKind
    aliases: tuple[
        Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^|]+$")], ...
    ] = ()
    affiliation: str | None = None
    # False for names the pipeline proposed on its own (app/ingest/candidates.py) and nobody
    # has checked yet; the API shows the flag so readers can tell the two apart.
    reviewed: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class _Override(_Strict):
    article: str | None = Field(
        default=None,
        pattern=SLUG.pattern,
        description="The article it is for; when set, an entry that matches nothing is an error.",
    )


class ClaimOverride(_Override):
    text: str = Field(min_length=10, description="The start of the sentence, verbatim.")
    kind: ClaimKind


class FigureOverride(_Override):
    quote: str = Field(min_length=1)
    measure: str = Field(min_length=1)


class Curated(_Strict):
    actors: tuple[ActorEntry, ...] = ()
    claims: tuple[ClaimOverride, ...] = ()
    figures: tuple[FigureOverride, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Curated:
        ids = [a.id for a in self.actors]
        if dupes := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"actor ids appear more than once: {', '.join(dupes)}")
        for actor in self.actors:
            if actor.affiliation is not None and actor.affiliation not in ids:
                raise ValueError(f"actor {actor.id!r}: unknown affiliation {actor.affiliation!r}")
        owners: dict[str, str] = {}
        for actor in self.actors:
            for name in actor.names:
                if owners.setdefault(name, actor.id) != actor.id:
                    raise ValueError(
                        f"name {name!r} belongs to both {owners[name]!r} and {actor.id!r}"
                    )
        return self

    def merged(self, other: Curated) -> Curated:
        """This file's entries with `other`'s added; `other` wins where both name an actor."""
        theirs = {a.id for a in other.actors}
        return Curated(
            actors=tuple(a for a in self.actors if a.id not in theirs) + other.actors,
            claims=other.claims + self.claims,
            figures=other.figures + self.figures,
        )


def load_curated(path: Path, *, follow_symlinks: bool = False) -> Curated:
    """The curated facts in the TOML file at `path`. `follow_symlinks` only for a path the user
    named; the seed folder's file must not be a link."""
    try:
        data = read_regular(path, limit=MAX_CURATED_BYTES, follow_symlinks=follow_symlinks)
    except FileTooLargeError:
        raise CuratedError(f"{path}: too large: the limit is {MAX_CURATED_BYTES:,} bytes") from None
    except FileRefusedError as exc:
        raise CuratedError(str(exc)) from None
    if (nul := data.find(b"\x00")) >= 0:
        raise CuratedError(f"{path}: binary data, not text (a NUL byte at byte {nul})")
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CuratedError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Curated.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}"
            for err in exc.errors()
        )
        raise CuratedError(f"{path}: {problems}") from None
