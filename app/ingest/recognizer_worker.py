"""The recognizer in a worker process, for the HTTP server, which never loads a model itself.

`POST /v1/articles` ingests inside the server. Loading spaCy there would add some 250 MB to
every server process and hold the event loop's worker threads on model code, so the server
reads with `WorkerRecognizer`: one spawned child process per server process (spawned, not
forked, so it shares no state with the server), started on the first upload, which loads the
model once and answers every later call. Each call is bounded: past `timeout` seconds (queue
and model load included) the child is terminated, the next call starts a new one, and this
call raises RecognizerError, which the route answers as a 503 problem. A child that crashes
looks the same to the caller.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from multiprocessing.pool import Pool

from app.ingest.recognizer import Recognized, RecognizerError, SpacyRecognizer

__all__ = ["WorkerRecognizer", "stop_workers"]

_lock = threading.Lock()
_pools: dict[str, Pool] = {}


def _recognize(model: str, text: str, spans: list[tuple[int, int]]) -> list[Recognized]:
    """Runs in the child: the model is loaded on its first call and kept."""
    return SpacyRecognizer(model)(text, spans)


def _pool(model: str) -> Pool:
    with _lock:
        pool = _pools.get(model)
        if pool is None:
            pool = multiprocessing.get_context("spawn").Pool(processes=1)
            _pools[model] = pool
        return pool


def _stop(model: str, pool: Pool) -> None:
    with _lock:
        if _pools.get(model) is pool:
            del _pools[model]
    pool.terminate()


def stop_workers() -> None:
    """Terminates every worker (at shutdown, and between tests)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.terminate()


class WorkerRecognizer:
    """A `Recognizer` whose model runs in a spawned child process, bounded by `timeout`."""

    name = "spacy"

    def __init__(self, model: str, timeout: float) -> None:
        self.model = model
        self.timeout = timeout

    def __call__(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Recognized]:
        if not spans:
            return []
        pool = _pool(self.model)
        pending = pool.apply_async(_recognize, (self.model, text, list(spans)))
        try:
            return pending.get(timeout=self.timeout)
        except multiprocessing.TimeoutError:
            _stop(self.model, pool)
            raise RecognizerError(
                f"no answer within {self.timeout:g} s; the worker was stopped"
            ) from None
        except RecognizerError:
            raise
        except Exception as exc:  # whatever the child raised, named, never its traceback
            _stop(self.model, pool)
            raise RecognizerError(f"the worker failed ({type(exc).__name__})") from None
