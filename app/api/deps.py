"""Dependencies the routes declare: the database, the settings, pagination."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.api.pagination import Pagination, list_page, pagination
from app.core.config import Settings
from app.core.db import Database


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
PageDep = Annotated[Pagination, Depends(pagination)]
# A page of a list that can also be exported (CSV, NDJSON, every row).
ListPageDep = Annotated[Pagination, Depends(list_page)]
