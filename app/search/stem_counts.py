"""Keeping `search_stems` and `search_names` exact through loads, on both backends.

`search_stems` counts the rows of stemmed-language articles each word is in (stems.py). A load
takes off the words of the rows it drops and adds those of the rows it writes. The rows it
drops are read from the facts tables before the load deletes them (`counted`): an article's
indexed texts are its sections', claims' and figures' own (index.article_rows), so they are
what was counted when it was written. The loader calls `counted` for the articles it replaces
or deletes and `write` once the new rows are known, whichever engine indexes them
(engine/writer.py on SQLite, each replica on PostgreSQL: engine/replica.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import Session

from app.search import names, stems
from app.search.index import article_languages, article_rows

# Articles read from the database at a time.
ARTICLES_PER_BATCH = 500


def counted(session: Session, article_ids: Sequence[str]) -> stems.Counts:
    """The words search_stems counts in the stored rows of these articles (those of a stemmed
    language only: the others cost one query a batch)."""
    found: stems.Counts = stems.Counts()
    conn = session.connection()
    for start in range(0, len(article_ids), ARTICLES_PER_BATCH):
        languages = article_languages(conn, article_ids[start : start + ARTICLES_PER_BATCH])
        if not languages:
            continue
        rows = article_rows(session, sorted(languages))
        found.update(
            stems.count_words(
                (languages[row.article], row.title, row.body, row.aliases)
                for row in rows
                if row.article is not None
            )
        )
    return found


def write(
    session: Session, dropped: stems.Counts, added: stems.Counts, *, whole: bool = False
) -> None:
    """Takes the `dropped` words off search_stems and adds the `added` ones (with `whole`, the
    table is counted anew from `added` alone), then writes the countries' translated names."""
    conn = session.connection()
    if whole:
        conn.execute(text("DELETE FROM search_stems"))
    else:
        stems.write_counts(conn, dropped, sign=-1)
    stems.write_counts(conn, added, sign=1)
    names.write_names(conn)


def recount(session: Session) -> None:
    """search_stems counted anew from every stored article, and the names written anew."""
    ids = [str(r[0]) for r in session.connection().execute(text("SELECT id FROM article"))]
    write(session, stems.Counts(), counted(session, sorted(ids)), whole=True)
