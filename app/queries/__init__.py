"""Everything that reads the database for the API: one module per resource."""
