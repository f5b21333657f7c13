"""Writing a load's changes into a new generation of the index (store.py).

The loader calls `update_index` inside the transaction that writes the articles: the rows of
the articles written and deleted are replaced, every actor's row is rewritten (an actor's
names and facts can change with any article), and the new generation is named in that same
transaction. The cost is what the load writes, not what the corpus holds; a database with no
index yet (new, or upgraded from the FTS5 index of earlier versions) is indexed whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import tantivy
from sqlalchemy import Connection, text
from sqlmodel import Session

from app.search import names, stems
from app.search.engine import store
from app.search.engine.schema import SCHEMA, create_index, open_index
from app.search.index import IndexRow, actor_rows, article_languages, article_rows

# The writer's memory for documents not yet written as a segment: tantivy writes one segment
# per this much, so a large load makes a few large segments rather than many small ones.
WRITER_HEAP = 96 << 20
# Articles read from the database at a time when indexing a whole corpus.
ARTICLES_PER_BATCH = 500


def _document(row: IndexRow, language: str | None) -> tantivy.Document:
    doc = tantivy.Document()
    for field, value in (("title", row.title), ("body", row.body), ("aliases", row.aliases)):
        doc.add_text(field, value)
    doc.add_text("words", " ".join((row.title, row.body, row.aliases)))
    doc.add_text("type", row.type)
    doc.add_text("id", row.id)
    doc.add_text("label", row.label)
    if row.article is not None:
        doc.add_text("article", row.article)
    if row.section is not None:
        doc.add_text("section", row.section)
    if language is not None:
        doc.add_text("language", language)
    for actor in row.actors.split():
        doc.add_text("actor", actor)
    return doc


def _stemmed_texts(
    index: tantivy.Index, article_ids: Sequence[str]
) -> Iterator[tuple[str | None, str, str, str]]:
    """The language and text of the rows of these articles that search_stems counts."""
    if not article_ids:
        return
    searcher = index.searcher()
    must = tantivy.Occur.Must
    query = tantivy.Query.boolean_query(
        [
            (must, tantivy.Query.term_set_query(SCHEMA, "article", list(article_ids))),
            (must, tantivy.Query.term_set_query(SCHEMA, "language", list(stems.STEMMED))),
        ]
    )
    found = searcher.search(query, limit=max(1, searcher.num_docs), count=False)
    for _, address in found.hits:
        doc = searcher.doc(address)
        yield (
            doc.get_first("language"),
            doc.get_first("title") or "",
            doc.get_first("body") or "",
            doc.get_first("aliases") or "",
        )


def _all_articles(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute(text("SELECT id FROM article ORDER BY id"))]


def _add(
    writer: tantivy.IndexWriter,
    session: Session,
    article_ids: Sequence[str],
    counted: list[tuple[str | None, str, str, str]],
) -> int:
    """Adds the rows of these articles; their Spanish texts go to `counted`."""
    conn = session.connection()
    written = 0
    for start in range(0, len(article_ids), ARTICLES_PER_BATCH):
        batch = article_ids[start : start + ARTICLES_PER_BATCH]
        languages = article_languages(conn, batch)
        for row in article_rows(session, batch):
            language = languages.get(row.article) if row.article is not None else None
            writer.add_document(_document(row, language))
            if language is not None:
                counted.append((language, row.title, row.body, row.aliases))
            written += 1
    return written


def update_index(
    session: Session, root: Path, article_ids: Sequence[str], gone: Sequence[str] = ()
) -> tuple[int, str, str | None]:
    """Writes a new generation holding the given articles anew, without those `gone`, and
    every actor; names it current in the session's transaction. Returns the number of rows
    written, the new generation and the one it replaces."""
    session.flush()
    conn = session.connection()
    previous = store.current(conn)
    usable = previous is not None and store.has_index(root / previous)
    folder = store.new_generation(root, previous if usable else None)
    index = open_index(folder) if usable else create_index(folder)
    writer = index.writer(WRITER_HEAP, 1)
    if usable:
        stale = list(dict.fromkeys([*article_ids, *gone]))
        dropped = list(_stemmed_texts(index, stale))
        stems.write_counts(conn, stems.count_words(dropped), sign=-1)
        for article in stale:
            writer.delete_documents_by_term("article", article)
        writer.delete_documents_by_term("type", "actor")
        fresh = list(article_ids)
    else:
        # Everything: the counts of Spanish words start again from nothing too.
        conn.execute(text("DELETE FROM search_stems"))
        fresh = _all_articles(conn)
    counted: list[tuple[str | None, str, str, str]] = []
    written = 0
    for row in actor_rows(session):
        writer.add_document(_document(row, None))
        written += 1
    written += _add(writer, session, fresh, counted)
    stems.write_counts(conn, stems.count_words(counted), sign=1)
    names.write_names(conn)
    writer.commit()
    writer.wait_merging_threads()
    store.name_current(conn, folder.name)
    return written, folder.name, previous
