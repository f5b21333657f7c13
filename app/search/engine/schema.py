"""The search index's documents: their fields, and how their text is cut into terms.

One document per section, claim, figure and actor, as app/search/index.py writes them. The
three text fields are searched, with the weights of `WEIGHTS`; `words` holds the same text
unstemmed, for completions and did-you-mean; the others say what a result is and are read by
filters and facets (fast fields). Facets count sections and articles by a number
(`facet_key`), named in `keys`: app/search/engine/facets.py says why.

Text is split into runs of letters and digits, lower-cased, folded to ASCII where a letter has
an ASCII form ("Chávez" -> "chavez") and stemmed with the English Snowball rules; the query
side (app/search/engine/terms.py) writes its words through the same analyzers. Tokenizers are
not stored with an index: every process registers them on each index it opens (`open_index`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
from pathlib import Path

import tantivy

# Weights of the text fields in a document's score: a word in a section title or an actor's
# name counts ten times a word in running text; an alias (a capital for its state, a demonym)
# five times. Tests pin the resulting order (tests/search/).
WEIGHTS = {"title": 10.0, "body": 1.0, "aliases": 5.0}
TEXT_FIELDS = tuple(WEIGHTS)

STEMMED = "folded_stemmed"
FOLDED = "folded"
# Longer tokens (a URL, a hash) are not indexed: nobody types them as words.
MAX_TOKEN_LENGTH = 40


def _analyzer(*, stem: bool) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_LENGTH))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


STEMMER = _analyzer(stem=True)
FOLDER = _analyzer(stem=False)


# The facets counted by number: facet name -> its field of keys.
KEYED_FACETS = {"section": "section_key", "article": "article_key"}
# The facets counted as text: few values (four types; actors by the thousand, not the hundred
# thousand), where a number saves nothing (measured) and its column costs memory.
TEXT_FACETS = ("type", "actor")


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def facet_key(facet: str, value: str) -> int:
    """The number a facet counts `value` by: 64 bits of a hash of both (two values share one
    with a chance of about 1 in 10^7 in a corpus of two million sections)."""
    return _digest(f"{facet}\0{value}")


def key_name(key: int, value: str) -> str:
    """The `keys` term that names a key: its 16 hex digits, then the value."""
    return f"{key:016x}{value}"


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name=STEMMED, index_option="position")
    builder.add_text_field("words", tokenizer_name=FOLDED, index_option="basic")
    # Exact values, as filters compare them (and the text facets count them).
    builder.add_text_field("type", stored=True, fast=True, tokenizer_name="raw")
    for name in ("id", "article", "section", "language"):
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    # One value per actor the document names.
    builder.add_text_field("actor", stored=True, fast=True, tokenizer_name="raw")
    builder.add_text_field("label", stored=True, index_option="basic", tokenizer_name="raw")
    for field in KEYED_FACETS.values():
        builder.add_unsigned_field(field, fast=True)
    builder.add_text_field("keys", index_option="basic", tokenizer_name="raw")
    return builder.build()


SCHEMA = _schema()


def _register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(STEMMED, STEMMER)
    index.register_tokenizer(FOLDED, FOLDER)
    return index


def create_index(path: Path) -> tantivy.Index:
    """A new, empty index in the folder `path` (which must exist)."""
    return _register(tantivy.Index(SCHEMA, path=str(path), reuse=False))


def open_index(path: Path) -> tantivy.Index:
    """The index in `path`, ready to search or to write."""
    return _register(tantivy.Index.open(str(path)))


@functools.cache
def _expected_schema() -> list[dict[str, object]]:
    """This version's fields as tantivy writes them in an index's meta.json."""
    with tempfile.TemporaryDirectory() as folder:
        create_index(Path(folder))
        return list(json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))["schema"])


def current_schema(folder: Path) -> bool:
    """Whether the index in `folder` has this version's fields, with their options (an earlier
    version's index is built again by the next load or `article-facts migrate`)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return bool(meta["schema"] == _expected_schema())
    except (OSError, ValueError, KeyError, TypeError):
        return False
