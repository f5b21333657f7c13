"""The embedded search engine: a tantivy index beside the SQLite database.

schema.py: the documents and their analyzers; store.py: generations on disk, replaced all or
nothing; writer.py: a load's changes; view.py: what a serving process opens per data version;
queries.py: a parsed query as tantivy queries; searching.py: a search, end to end;
snippets.py: the page's highlighted excerpts.
"""
