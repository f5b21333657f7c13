"""What a SQLite database's search index holds, read as a serving process reads it."""

from __future__ import annotations

from pathlib import Path

import tantivy
from sqlalchemy import create_engine

from app.search.engine import store
from app.search.engine.schema import SCHEMA, open_index


def generation(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return store.current(conn)
    finally:
        engine.dispose()


def _searcher(url: str) -> tantivy.Searcher:
    name = generation(url)
    assert name is not None
    return open_index(store.root_for(Path(url.removeprefix("sqlite:///"))) / name).searcher()


def snapshot(url: str) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """Every document (type, id, article, title, body, aliases, actors), and every word with
    the number of live documents that hold it."""
    searcher = _searcher(url)
    found = searcher.search(tantivy.Query.all_query(), limit=max(searcher.num_docs, 1))
    rows = []
    for _, address in found.hits:
        doc = searcher.doc(address)
        rows.append(
            (
                *(str(doc.get_first(f) or "") for f in ("type", "id", "article", "title")),
                *(str(doc.get_first(f) or "") for f in ("body", "aliases")),
                " ".join(doc.get_all("actor")),
            )
        )
    words = {}
    for word, _ in searcher.terms_with_prefix("words", ""):
        query = tantivy.Query.term_query(SCHEMA, "words", word)
        live = searcher.search(query, 1, count=True).count  # type: ignore[attr-defined]
        if live:
            words[word] = int(live)
    return sorted(rows), words


def index_counts(url: str) -> dict[str, int]:
    """The documents of the current generation, by type."""
    searcher = _searcher(url)
    found = searcher.aggregate(
        tantivy.Query.all_query(), {"type": {"terms": {"field": "type", "size": 10}}}
    )
    return {str(b["key"]): int(b["doc_count"]) for b in found["type"]["buckets"]}
