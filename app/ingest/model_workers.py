"""The models in worker processes, for the HTTP server, which never loads a model itself.

`POST /v1/articles` ingests inside the server. Loading spaCy there would add some 250 MB to
every server process, and the language detector some 70 MB, and hold the event loop's worker
threads on model code. So the server reads with `WorkerRecognizer` and `detect_in_worker`: one
spawned child process per model and server process (spawned, not forked, so it shares no state
with the server), started on the first upload that needs it, which loads the model once and
answers every later call. Each call is bounded: past `timeout` seconds (queue and model load
included) the child is terminated, the next call starts a new one, and this call raises
RecognizerError, which the route answers as a 503 problem. A child that crashes looks the same
to the caller.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from app.ingest.language import detect_language
from app.ingest.recognizer import Recognized, RecognizerError, SpacyRecognizer

__all__ = ["WorkerRecognizer", "detect_in_worker", "stop_workers"]

T = TypeVar("T")
# The language detector's worker; the recognizer's are keyed by their model's name.
LANGUAGE = "language-detector"

_lock = threading.Lock()
_pools: dict[str, Pool] = {}


def _recognize(model: str, text: str, spans: list[tuple[int, int]]) -> list[Recognized]:
    """Runs in the child: the model is loaded on its first call and kept."""
    return SpacyRecognizer(model)(text, spans)


def _pool(key: str) -> Pool:
    with _lock:
        pool = _pools.get(key)
        if pool is None:
            pool = multiprocessing.get_context("spawn").Pool(processes=1)
            _pools[key] = pool
        return pool


def _stop(key: str, pool: Pool) -> None:
    with _lock:
        if _pools.get(key) is pool:
            del _pools[key]
    pool.terminate()


def stop_workers() -> None:
    """Terminates every worker (at shutdown, and between tests)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.terminate()


def _call(key: str, timeout: float, function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in the worker `key`, bounded by `timeout`."""
    pool = _pool(key)
    pending = pool.apply_async(function, args)
    try:
        result: T = pending.get(timeout=timeout)
        return result
    except multiprocessing.TimeoutError:
        _stop(key, pool)
        raise RecognizerError(f"no answer within {timeout:g} s; the worker was stopped") from None
    except RecognizerError:
        raise
    except Exception as exc:  # whatever the child raised, named, never its traceback
        _stop(key, pool)
        raise RecognizerError(f"the worker failed ({type(exc).__name__})") from None


def detect_in_worker(text: str, timeout: float) -> str:
    """The language of `text` (app/ingest/language.py), detected in a worker process."""
    return _call(LANGUAGE, timeout, detect_language, text)


class WorkerRecognizer:
    """A `Recognizer` whose model runs in a spawned child process, bounded by `timeout`."""

    name = "spacy"

    def __init__(self, model: str, timeout: float) -> None:
        self.model = model
        self.timeout = timeout

    def __call__(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Recognized]:
        if not spans:
            return []
        return _call(self.model, self.timeout, _recognize, self.model, text, list(spans))
