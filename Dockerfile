# article-facts: one image for both modes.
#   Embedded: the seeded SQLite database is baked in; run it as is.
#   Scale-out: set ARTICLE_FACTS_DATABASE_URL to PostgreSQL (see compose.yaml).
# The build runs the README's quickstart steps, so the path tested in CI is the one built here.

FROM python:3.11-slim AS build
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY . .
# README: python3 -m venv .venv && .venv/bin/pip install -e .  (plus the PostgreSQL driver, so
# the one image also serves the scale-out mode of compose.yaml)
RUN python3 -m venv .venv && .venv/bin/pip install -e '.[postgres]'
# README: article-facts seed (writes data/article-facts.db)
RUN .venv/bin/article-facts seed

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN useradd --create-home --uid 10001 facts
WORKDIR /app
# The same path as in the build stage: the virtualenv's scripts and the editable install
# point at /app.
COPY --from=build --chown=10001:10001 /app /app
USER 10001

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD [".venv/bin/python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=2)"]
CMD [".venv/bin/article-facts", "serve", "--host", "0.0.0.0", "--port", "8000"]
