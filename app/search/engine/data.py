"""What a search reads from the database beside the index, on either backend: actor names,
the Spanish forms of words, the articles a filter names. SQL text with `:named` parameters
(app/queries/rows.py), which sqlite3 and SQLAlchemy both take as written."""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.queries.published import Published
from app.queries.rows import Rows, in_list
from app.search import stems
from app.search.aliases import ActorNames, with_translations


def actor_names(rows: Rows) -> ActorNames:
    """Every actor's names: its own, its aliases, then its translated names (names.py)."""
    actors = (
        (str(a), str(name), json.loads(aliases) if isinstance(aliases, str) else list(aliases))
        for a, name, aliases in rows.all("SELECT id, name, aliases FROM actor ORDER BY id", {})
    )
    translated = rows.all("SELECT actor, name FROM search_names ORDER BY actor, position", {})
    return ActorNames.from_rows(
        with_translations(actors, ((str(a), str(n)) for a, n in translated))
    )


def has_stems(rows: Rows) -> bool:
    """Whether any article's words are stemmed by other rules than English (stems.py)."""
    return bool(rows.all("SELECT EXISTS (SELECT 1 FROM search_stems)", {})[0][0])


def spelled(rows: Rows, language: str, asked: Sequence[str]) -> dict[str, list[str]]:
    """Stem -> the indexed words of `language` with that stem, in most rows first."""
    marks, params = in_list("stem", list(asked))
    found = rows.all(
        "SELECT stem, word FROM search_stems WHERE language = :language"  # noqa: S608 (placeholders only)
        f" AND stem IN {marks} ORDER BY stem, rows DESC, word",
        {"language": language, **params},
    )
    return stems.spelled((str(s), str(w)) for s, w in found)


def mentioned(rows: Rows, articles: Sequence[str]) -> list[str]:
    """The actors these articles mention."""
    if not articles:
        return []
    marks, params = in_list("article", list(articles))
    found = rows.all(
        f"SELECT DISTINCT actor_id FROM mention WHERE article_id IN {marks}",  # noqa: S608 (placeholders only)
        params,
    )
    return [str(r[0]) for r in found]


def published_articles(rows: Rows, published: Published) -> list[str]:
    sql, params = published.articles()
    return [str(r[0]) for r in rows.all(sql, params)]
