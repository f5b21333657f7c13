"""uvicorn's command line, with the service's JSON access log on (as `article-facts serve`
logs): `python -m bench.serve app.main:create_app --factory ...`. The lines go to /dev/null
through the benchmark's pipes, but every one is formatted and written."""

from __future__ import annotations

import logging
import sys

import uvicorn.main

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    uvicorn.main.main()
