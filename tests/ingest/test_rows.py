"""The plain rows a load writes: the columns of their tables, and the same fingerprints as
when they were SQLModel objects (databases hold those fingerprints)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields

import pytest

from app.ingest import rows
from app.ingest.pipeline import ArticleFacts, build_article, fingerprint
from app.ingest.seed import Seed
from bench import corpus

ROW_CLASSES = [
    rows.ArticleRow,
    rows.SectionRow,
    rows.MentionRow,
    rows.ClaimRow,
    rows.FigureRow,
    rows.ClaimActorRow,
    rows.ClaimFigureRow,
    rows.FigureActorRow,
]


@pytest.mark.parametrize("row_class", ROW_CLASSES)
def test_a_row_has_the_columns_of_its_table(row_class: type[rows.Row]) -> None:
    columns = [c.name for c in row_class.table.__table__.columns]  # type: ignore[attr-defined]
    assert [f.name for f in fields(row_class)] == columns


def test_values_are_the_columns_in_order(seed: Seed) -> None:
    figure = seed.articles[0].figures[0]
    assert list(figure.values()) == [f.name for f in fields(rows.FigureRow)]
    assert figure.values()["quote"] == figure.quote


def sqlmodel_fingerprint(facts: ArticleFacts) -> str:
    """The fingerprint as first defined, over SQLModel table objects."""
    digest = hashlib.sha256()
    for row in facts.rows():
        model = row.table(**row.values())
        data = model.model_dump(exclude={"fingerprint"})
        digest.update(type(model).__name__.encode())
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def test_the_seed_keeps_the_fingerprint_stored_before_rows_were_plain(seed: Seed) -> None:
    [facts] = seed.articles
    assert facts.article.fingerprint == (
        "92e69c808243dd43ee777695c1ef4179ce384553ae00cca21d7634a8aa50290e"
    )
    assert fingerprint(facts) == sqlmodel_fingerprint(facts) == facts.article.fingerprint


def test_fingerprints_match_the_sqlmodel_definition(seed: Seed) -> None:
    for slug, text in corpus.articles(3, start=40):
        facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
        assert facts.article.fingerprint == sqlmodel_fingerprint(facts)
