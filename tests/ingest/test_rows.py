"""The plain rows a load writes: the columns of their tables, and the same fingerprints as
when they were SQLModel objects (databases hold those fingerprints)."""

from __future__ import annotations

import hashlib
import json

import pytest

from app.ingest.fingerprint import fingerprint
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.rows import TABLES, Row
from app.ingest.seed import Seed
from bench import corpus


@pytest.mark.parametrize("row_class", TABLES)
def test_a_row_has_the_columns_of_its_table_in_order(row_class: type[Row]) -> None:
    table = TABLES[row_class].__table__  # type: ignore[attr-defined]
    assert list(row_class._fields) == [c.name for c in table.columns]


def sqlmodel_fingerprint(facts: ArticleFacts) -> str:
    """The fingerprint as first defined, over SQLModel table objects."""
    digest = hashlib.sha256()
    for row in facts.rows():
        model = TABLES[type(row)](**row._asdict())
        # When a load wrote the article is no fact of its text.
        data = model.model_dump(exclude={"fingerprint", "added", "updated"})
        digest.update(type(model).__name__.encode())
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def test_the_seed_keeps_the_fingerprint_stored_before_rows_were_plain(seed: Seed) -> None:
    """Pinned: a change here rewrites every stored article on its next load (the figure
    columns `value_max` and `change` of migration 0007 changed it last; the seed's figures
    are the same)."""
    [facts] = seed.articles
    assert facts.article.fingerprint == (
        "9ea13c241ef10ccad7f7a364be6fba9d4b615d8686e0d79478ef9492ce7a4371"
    )
    assert fingerprint(facts.rows()) == sqlmodel_fingerprint(facts) == facts.article.fingerprint


def test_fingerprints_match_the_sqlmodel_definition(seed: Seed) -> None:
    for slug, text in corpus.articles(3, start=40):
        facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
        assert facts.article.fingerprint == sqlmodel_fingerprint(facts)
