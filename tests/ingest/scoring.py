"""How extraction is scored against the answer keys (tests/ingest/answer_keys.py), per class.

Every class is a precision and recall over items, summed over the articles:

- structure: the title, the sections (number and title), the keywords;
- actors: `people`, `organisations` (kinds organization and company), `countries`, and all
  actors; a found actor is the labelled one when its id or one of its names is the labelled
  id or one of the labelled names (accents and case aside), and it scores in a class only
  when its kind is the class's too; `mentions` compare counts per actor; `affiliations` the
  pairs (actor, the actor it belongs to);
- figures: `figures` match on the quote alone; each field then on (quote, field) pairs over
  the figures where it is set: `kind`, `value`, `unit`, `comparator` (other than eq), `change`,
  `period`, `range end` (`value_max`); `every field` on all of them at once;
- claims, on the keys that label them: `speakers` (a found claim that contains the labelled
  quote and names the labelled speaker) and `claim kinds` (other than fact);
- `furniture kept out`: a labelled boilerplate line is kept out when no section heading and no
  claim is made from it (recall; nothing to be precise about).

Fields the pipeline does not produce yet are read when they appear, under these names:
`FigureRow.value_max`, `FigureRow.change` ("rise", "fall"), `ClaimRow.speaker` (an actor id).
Until then they score as found nowhere: recall 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from app.core.folding import fold
from app.ingest import rows
from app.ingest.curated import ActorEntry
from app.ingest.pipeline import ArticleFacts
from tests.ingest.answer_keys import ExpectedFigure, FigureRow, Key

ACTOR_CLASSES: dict[str, frozenset[str]] = {
    "people": frozenset({"person"}),
    "organisations": frozenset({"organization", "company"}),
    "countries": frozenset({"country"}),
}
FIGURE_FIELDS = ("kind", "value", "unit", "comparator", "change", "period", "range end")
CLASSES = (
    "title",
    "sections",
    "keywords",
    *ACTOR_CLASSES,
    "all actors",
    "mentions",
    "affiliations",
    "figures",
    *FIGURE_FIELDS,
    "every field",
    "speakers",
    "claim kinds",
    "furniture kept out",
)


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


def score_items(expected: Iterable[Hashable], found: Iterable[Hashable]) -> Score:
    """Multiset match: each expected item pairs with at most one equal found item."""
    want, have = Counter(expected), Counter(found)
    both = want & have
    return Score(
        tp=sum(both.values()),
        fp=sum((have - both).values()),
        fn=sum((want - both).values()),
        missed=[repr(i) for i in (want - both).elements()],
        spurious=[repr(i) for i in (have - both).elements()],
    )


# --- figures ------------------------------------------------------------------------------------


def _num(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.6g}")


def figure_row(f: rows.FigureRow) -> FigureRow:
    return (f.quote, f.kind, f.value, f.unit, f.comparator, f.period_start, f.period_end)


def found_figure(f: rows.FigureRow) -> ExpectedFigure:
    """A found figure in the answer key's shape, with the fields it may not have yet."""
    return ExpectedFigure(
        quote=f.quote,
        kind=f.kind,
        value=f.value,
        value_max=getattr(f, "value_max", None),
        unit=f.unit,
        comparator=f.comparator,
        change=getattr(f, "change", None),
        period_start=f.period_start,
        period_end=f.period_end,
    )


def _field(f: ExpectedFigure, name: str) -> Hashable:
    """The field's value, or None where it is not set (not scored)."""
    match name:
        case "kind":
            return f.kind
        case "value":
            return _num(f.value)
        case "unit":
            return f.unit
        case "comparator":
            return None if f.comparator == "eq" else f.comparator
        case "change":
            return f.change
        case "period":
            return (
                None if f.period_start is f.period_end is None else (f.period_start, f.period_end)
            )
        case "range end":
            return _num(f.value_max)
    raise ValueError(name)


def _every(f: ExpectedFigure) -> Hashable:
    return (
        f.quote,
        f.kind,
        _num(f.value),
        _num(f.value_max),
        f.unit,
        f.comparator,
        f.change,
        f.period_start,
        f.period_end,
    )


def score_figure_fields(
    expected: Sequence[ExpectedFigure], found: Sequence[ExpectedFigure]
) -> dict[str, Score]:
    scores = {"figures": score_items((f.quote for f in expected), (f.quote for f in found))}
    for name in FIGURE_FIELDS:
        scores[name] = score_items(
            ((f.quote, v) for f in expected if (v := _field(f, name)) is not None),
            ((f.quote, v) for f in found if (v := _field(f, name)) is not None),
        )
    scores["every field"] = score_items(map(_every, expected), map(_every, found))
    return scores


def score_figures(expected: Sequence[FigureRow], found: Iterable[FigureRow]) -> Score:
    """The first keys' match: quote, kind, value, unit, comparator and period all equal."""

    def norm(r: FigureRow) -> Hashable:
        return (*r[:2], _num(r[2]), *r[3:])

    return score_items(map(norm, expected), map(norm, found))


# --- actors -------------------------------------------------------------------------------------


def match_actors(key: Key, entries: Sequence[ActorEntry]) -> dict[str, str | None]:
    """Each entry's labelled actor id, or None: by id, else by name (the entry's name is one
    of the labelled names, or the labelled name one of the entry's). Two actors that only
    share an alias ("Brussels" for Belgium and for the European Union) are not the same."""
    labelled = [a for a in key.actor_details.values() if a.name]
    matched: dict[str, str | None] = {}
    for entry in entries:
        names = {fold(n) for n in entry.names}
        matched[entry.id] = (
            entry.id
            if entry.id in key.actor_details
            else next(
                (
                    a.id
                    for a in labelled
                    if fold(entry.name) in {fold(n) for n in (a.name or "", *a.aliases)}
                    or fold(a.name or "") in names
                ),
                None,
            )
        )
    return matched


def score_actor_classes(
    key: Key, facts: ArticleFacts, entries: Sequence[ActorEntry]
) -> dict[str, Score]:
    matched = match_actors(key, entries)
    by_id = {e.id: e for e in entries}
    found_ids = sorted({m.actor_id for m in facts.mentions})
    found = [(matched.get(i) or f"?{i}", by_id[i].kind if i in by_id else None) for i in found_ids]
    expected = [(a.id, a.kind) for a in key.actor_details.values()]
    scores = {"all actors": score_items((i for i, _ in expected), (i for i, _ in found))}
    for name, kinds in ACTOR_CLASSES.items():
        scores[name] = score_items(
            (i for i, kind in expected if kind in kinds),
            (i for i, kind in found if kind in kinds),
        )
    scores["mentions"] = score_items(
        (a.id for a in key.actor_details.values() for _ in range(a.mentions)),
        (matched.get(m.actor_id) or f"?{m.actor_id}" for m in facts.mentions),
    )
    scores["affiliations"] = score_items(
        ((a.id, a.affiliation) for a in key.actor_details.values() if a.affiliation),
        (
            (matched.get(i) or f"?{i}", matched.get(aff) or f"?{aff}")
            for i in found_ids
            if i in by_id and (aff := by_id[i].affiliation)
        ),
    )
    return scores


def score_actors(expected: dict[str, int], found: Iterable[str]) -> Score:
    """On ids alone: an actor the article names, found or not."""
    return score_items(expected, set(found))


def score_mentions(expected: dict[str, int], found: Iterable[str]) -> Score:
    """On mention counts per actor id: two "Moscow"s found of three is one missed."""
    return score_items((a for a, n in expected.items() for _ in range(n)), found)


# --- claims -------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').split())


def _score_claim_labels(
    labelled: list[tuple[str, str]], found: list[tuple[str, str]], what: str
) -> Score:
    """`labelled`: (quote, label); `found`: (claim text, label) for claims with a label. A
    labelled pair is found when a claim containing the quote has the label."""
    score = Score()
    used: set[int] = set()
    for quote, label in labelled:
        hit = next(
            (
                i
                for i, (t, lab) in enumerate(found)
                if quote in t and lab == label and i not in used
            ),
            None,
        )
        if hit is None:
            score.fn += 1
            score.missed.append(f"{what} {label}: {quote!r}")
        else:
            score.tp += 1
            used.add(hit)
    for i, (text, label) in enumerate(found):
        if i not in used and not any(q in text and lab == label for q, lab in labelled):
            score.fp += 1
            score.spurious.append(f"{what} {label}: {text[:80]!r}")
    return score


def score_claims(key: Key, facts: ArticleFacts, entries: Sequence[ActorEntry]) -> dict[str, Score]:
    if key.claims is None:
        return {}
    matched = match_actors(key, entries)
    speakers: list[tuple[str, str]] = []
    kinds: list[tuple[str, str]] = []
    for claim in facts.claims:
        text = _squash(claim.text)
        if (speaker := getattr(claim, "speaker", None)) is not None:
            speakers.append((text, matched.get(speaker) or str(speaker)))
        if claim.kind != "fact":
            kinds.append((text, claim.kind))
    return {
        "speakers": _score_claim_labels(
            [(_squash(c.quote), c.speaker) for c in key.claims if c.speaker], speakers, "speaker"
        ),
        "claim kinds": _score_claim_labels(
            [(_squash(c.quote), c.kind) for c in key.claims if c.kind and c.kind != "fact"],
            kinds,
            "kind",
        ),
    }


# --- structure and furniture --------------------------------------------------------------------


def score_furniture(key: Key, facts: ArticleFacts) -> Score:
    """A boilerplate line leaks when a claim overlaps it or a section heading is taken from it."""
    text = facts.article.source_text
    score = Score()
    for line in key.boilerplate:
        spans, at = [], text.find(line)
        while at >= 0:
            spans.append((at, at + len(line)))
            at = text.find(line, at + 1)
        if not spans:
            raise LookupError(f"{key.name}: boilerplate line not in the text: {line!r}")
        leaks = [
            f"claim {c.text[:60]!r}"
            for c in facts.claims
            if any(c.start < end and start < c.end for start, end in spans)
        ] + [
            f"section {s.title!r}"
            for s in facts.sections
            if s.title.strip()
            and s.title.strip() in line
            and any(start <= s.start < end for start, end in spans)
        ]
        if leaks:
            score.fn += 1
            score.missed.append(f"{line[:50]!r} -> {'; '.join(leaks)}")
        else:
            score.tp += 1
    return score


def score_structure(key: Key, facts: ArticleFacts) -> dict[str, Score]:
    return {
        "title": score_items([key.title], [facts.article.title]),
        "sections": score_items(key.sections, ((s.number, s.title) for s in facts.sections)),
        "keywords": score_items(key.keywords, facts.article.keywords),
    }


def evaluate(key: Key, facts: ArticleFacts, entries: Sequence[ActorEntry]) -> dict[str, Score]:
    """Every class's score on one article (claims only when its key labels them)."""
    found = [found_figure(f) for f in facts.figures]
    return {
        **score_structure(key, facts),
        **score_actor_classes(key, facts, entries),
        **score_figure_fields(key.figure_details, found),
        **score_claims(key, facts, entries),
        "furniture kept out": score_furniture(key, facts),
    }
