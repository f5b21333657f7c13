"""The labelled sample articles in tests/data/ and how extraction is scored against them.

Each `<name>.txt` or `<name>.md` has a `<name>.expected.toml` written by hand from the text:
its title, keywords and sections, every figure (quote, kind, value, unit, comparator, period,
upper end of a range, change)
and every actor id with how many times the sections mention it. A figure counts as found
only when all of those fields match (values within a millionth); an actor when its id does.

Used by tests/ingest/test_quality.py, which holds the scores above thresholds, and by
`python -m tests.ingest.quality_report`, which prints them for docs/ingest.md.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.ingest import rows
from app.ingest.article import prepare_article, read_article
from app.ingest.curated import Curated, load_curated
from app.ingest.pipeline import ArticleFacts

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SAMPLES = ("gulf-energy.txt", "arctic-route.md", "sahel-squeeze.txt", "chips-race.txt")

# quote, kind, value, unit, comparator, period_start, period_end, value_max, change
FigureRow = tuple[
    str, str, float | None, str | None, str, str | None, str | None, float | None, str | None
]


@dataclass(frozen=True)
class Key:
    name: str
    title: str
    keywords: list[str]
    sections: list[tuple[str | None, str]]
    actors: dict[str, int]
    figures: list[FigureRow]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )


def load_key(name: str) -> Key:
    raw = tomllib.loads((DATA / f"{Path(name).stem}.expected.toml").read_text(encoding="utf-8"))
    figures: list[FigureRow] = [
        (
            f["quote"],
            f["kind"],
            float(f["value"]) if "value" in f else None,
            f.get("unit"),
            f.get("comparator", "eq"),
            f.get("period_start"),
            f.get("period_end"),
            float(f["value_max"]) if "value_max" in f else None,
            f.get("change"),
        )
        for f in raw.get("figures", [])
    ]
    return Key(
        name=name,
        title=raw["title"],
        keywords=list(raw["keywords"]),
        sections=[(number or None, title) for number, title in raw["sections"]],
        actors={k: int(v) for k, v in raw.get("actors", {}).items()},
        figures=figures,
    )


@cache
def seed_curated() -> Curated:
    return load_curated(REPO / "seed" / "curated.toml")


def ingest_sample(name: str) -> ArticleFacts:
    """The sample read the way `article-facts ingest tests/data/<name>` reads it."""
    text = read_article((DATA / name).read_bytes(), source_name=name)
    facts, _ = prepare_article(
        text,
        source_name=name,
        slug=Path(name).stem,
        title=None,
        annotations=None,
        curated=seed_curated(),
    )
    return facts


def figure_row(f: rows.FigureRow) -> FigureRow:
    return (
        f.quote,
        f.kind,
        f.value,
        f.unit,
        f.comparator,
        f.period_start,
        f.period_end,
        f.value_max,
        f.change,
    )


def _same(a: FigureRow, b: FigureRow) -> bool:
    if a[:2] != b[:2] or a[3:] != b[3:]:
        return False
    if a[2] is None or b[2] is None:
        return a[2] is b[2]
    return math.isclose(a[2], b[2], rel_tol=1e-6)


def score_figures(expected: Sequence[FigureRow], found: Iterable[FigureRow]) -> Score:
    """Each expected figure matches at most one found figure with every field equal."""
    left = list(found)
    score = Score()
    for row in expected:
        match = next((i for i, f in enumerate(left) if _same(row, f)), None)
        if match is None:
            score.fn += 1
            score.missed.append(repr(row))
        else:
            score.tp += 1
            del left[match]
    score.fp = len(left)
    score.spurious = [repr(row) for row in left]
    return score


def score_actors(expected: dict[str, int], found: Iterable[str]) -> Score:
    """On ids: an actor the article names, found or not."""
    ids = set(found)
    return Score(
        tp=len(ids & set(expected)),
        fp=len(ids - set(expected)),
        fn=len(set(expected) - ids),
        missed=sorted(set(expected) - ids),
        spurious=sorted(ids - set(expected)),
    )


def score_mentions(expected: dict[str, int], found: Iterable[str]) -> Score:
    """On mention counts per actor: two "Moscow"s found of three is one missed."""
    counts = Counter(found)
    tp = sum(min(n, counts[a]) for a, n in expected.items())
    return Score(tp=tp, fp=sum(counts.values()) - tp, fn=sum(expected.values()) - tp)
