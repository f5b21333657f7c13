"""The data model: `tables` are the database, `schemas` are what the API returns.

Table classes never leave the data layer; routes answer with schemas only.
"""
