"""The search index's documents: their fields, and how their text is cut into terms.

One document per section, claim, figure and actor, as app/search/index.py writes them. The
three text fields are searched, with the weights of `WEIGHTS`; `words` holds the same text
unstemmed, for completions and did-you-mean; the others say what a result is and are read by
filters and facets (fast fields).

Text is split into runs of letters and digits, lower-cased, folded to ASCII where a letter has
an ASCII form ("Chávez" -> "chavez") and stemmed with the English Snowball rules; the query
side (app/search/engine/terms.py) writes its words through the same analyzers. Tokenizers are
not stored with an index: every process registers them on each index it opens (`open_index`).
"""

from __future__ import annotations

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


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name=STEMMED, index_option="position")
    builder.add_text_field("words", tokenizer_name=FOLDED, index_option="basic")
    # Exact values, as filters and facets compare them.
    for name in ("type", "id", "article", "section", "language"):
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    # One value per actor the document names.
    builder.add_text_field("actor", stored=True, fast=True, tokenizer_name="raw")
    builder.add_text_field("label", stored=True, index_option="basic", tokenizer_name="raw")
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
