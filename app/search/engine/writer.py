"""Writing a load's changes into a new generation of the index (store.py).

The loader calls `update_index` inside the transaction that writes the articles: the rows of
the articles written and deleted are replaced, every actor's row is rewritten (an actor's
names and facts can change with any article), and the new generation is named in that same
transaction. The cost is what the load writes, not what the corpus holds; a database with no
index yet (new, or upgraded from the FTS5 index of earlier versions) is indexed whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from sqlalchemy import Connection, text
from sqlmodel import Session

from app.search import stem_counts, stems
from app.search.engine import store
from app.search.engine.schema import (
    KEYED_FACETS,
    create_index,
    facet_key,
    key_name,
    open_index,
)
from app.search.index import IndexRow, actor_rows, article_languages, article_rows

# The writer's memory for documents not yet written as a segment: tantivy writes one segment
# per this much, so a large load makes a few large segments rather than many small ones.
WRITER_HEAP = 96 << 20
# Articles read from the database at a time when indexing a whole corpus.
ARTICLES_PER_BATCH = 500


def _document(row: IndexRow, language: str | None) -> tantivy.Document:
    doc = tantivy.Document()
    for name, value in (("title", row.title), ("body", row.body), ("aliases", row.aliases)):
        doc.add_text(name, value)
    doc.add_text("words", " ".join((row.title, row.body, row.aliases)))
    doc.add_text("type", row.type)
    doc.add_text("id", row.id)
    doc.add_text("label", row.label)
    if language is not None:
        doc.add_text("language", language)
    for facet, named in (("article", row.article), ("section", row.section)):
        if named is not None:
            doc.add_text(facet, named)
            _add_key(doc, facet, named)
    for actor in row.actors.split():
        doc.add_text("actor", actor)
    return doc


def _add_key(doc: tantivy.Document, facet: str, value: str) -> None:
    key = facet_key(facet, value)
    doc.add_unsigned(KEYED_FACETS[facet], key)
    doc.add_text("keys", key_name(key, value))


# A row's language and its text fields, as search_stems counts them (stems.count_words).
Texts = tuple[str | None, str, str, str]


def _all_articles(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute(text("SELECT id FROM article ORDER BY id"))]


def _add(
    writer: tantivy.IndexWriter,
    session: Session,
    article_ids: Sequence[str],
    counted: list[Texts],
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


@dataclass
class Written:
    """A generation written: its folder, the rows it got, whether it holds every article
    anew, and the Spanish rows' texts it added (what search_stems counts)."""

    folder: Path
    rows: int
    whole: bool
    added: list[Texts] = field(default_factory=list)


def write_generation(
    session: Session,
    root: Path,
    previous: str | None,
    article_ids: Sequence[str],
    gone: Sequence[str] = (),
) -> Written:
    """A new generation under `root`: `previous` (when given and on disk) with the given
    articles written anew, those `gone` dropped, and every actor rewritten; without a usable
    `previous`, every article the session's database holds. Reads the database; writes only
    files."""
    usable = previous is not None and store.has_index(root / previous)
    folder = store.new_generation(root, previous if usable else None)
    index = open_index(folder) if usable else create_index(folder)
    writer = index.writer(WRITER_HEAP, 1)
    if usable:
        stale = list(dict.fromkeys([*article_ids, *gone]))
        written = Written(folder, 0, whole=False)
        for article in stale:
            writer.delete_documents_by_term("article", article)
        writer.delete_documents_by_term("type", "actor")
        fresh = list(article_ids)
    else:
        written = Written(folder, 0, whole=True)
        fresh = _all_articles(session.connection())
    for row in actor_rows(session):
        writer.add_document(_document(row, None))
        written.rows += 1
    written.rows += _add(writer, session, fresh, written.added)
    writer.commit()
    writer.wait_merging_threads()
    return written


def update_index(
    session: Session,
    root: Path,
    article_ids: Sequence[str],
    gone: Sequence[str] = (),
    dropped: stems.Counts | None = None,
) -> tuple[int, str, str | None]:
    """The loader's step on SQLite: a new generation holding the given articles anew, without
    those `gone`, named current in the session's transaction with the word counts and names
    search reads beside it (`dropped`: the words of the rows it replaces, stem_counts.counted
    before the load deleted them). Returns the number of rows written, the new generation and
    the one it replaces."""
    session.flush()
    conn = session.connection()
    previous = store.current(conn)
    written = write_generation(session, root, previous, article_ids, gone)
    # Everything indexed again (`whole`): the counts of Spanish words start from nothing too.
    added = stems.count_words(written.added)
    stem_counts.write(session, dropped or stems.Counts(), added, whole=written.whole)
    store.name_current(conn, written.folder.name)
    return written.rows, written.folder.name, previous
