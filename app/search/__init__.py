"""Full-text search over sections, claims, figures and actors (SQLite FTS5)."""
