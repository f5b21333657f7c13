"""Full-text search over sections, claims, figures and actors: an embedded tantivy index
(app/search/engine/), beside a SQLite database or in each replica of a PostgreSQL one."""
