# article-facts on the embedded SQLite default, seeded at build time.
# The steps are the README's quickstart, so the path tested in CI is the one built here.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 facts
WORKDIR /app
COPY --chown=facts:facts . .
USER 10001

# README: python3 -m venv .venv && .venv/bin/pip install -e .
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir -e .
# README: article-facts seed (bakes data/article-facts.db into the image)
RUN .venv/bin/article-facts seed

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
    CMD [".venv/bin/python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=2)"]
CMD [".venv/bin/article-facts", "serve", "--host", "0.0.0.0", "--port", "8000"]
