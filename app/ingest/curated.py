"""The curated facts file: its schema, and reading it with clear errors."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.models.vocabulary import ActorKind, ClaimKind

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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


def load_curated(path: Path) -> Curated:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CuratedError(f"{path}: no such file") from None
    except OSError as exc:  # a directory, no permission...
        raise CuratedError(f"{path}: cannot be read: {exc.strerror or exc}") from None
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
