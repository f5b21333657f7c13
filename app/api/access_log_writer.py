"""The access log's lines, written off the request path in batches.

A line per request written through `logging` as it was made cost a cached read about a third of
its throughput under `article-facts serve` (docs/performance.md): a `json.dumps`, a log record,
the handler's lock and a write to stderr for every request. Here the request path only appends
the finished line to a queue; a writer thread takes what is queued at least every
`FLUSH_SECONDS` (sooner once `BATCH_LINES` wait) and hands it to the `app.access` logger as one
record whose message is those lines, so the handler formats once and writes once per batch.
Under `serve`'s `%(message)s` format the output is the same bytes as one record per line.

The queue is bounded: when the log cannot keep up (a stalled terminal or collector), further
lines are counted and dropped, never held without limit nor waited for on the request path, and
the next batch is followed by a warning line with the count. Whatever is queued is written when
the writer stops (the application's shutdown). Until the writer is started (an application run
without its lifespan) each line is written as it comes.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import deque

FLUSH_SECONDS = 0.5
BATCH_LINES = 1024
STOP_SECONDS = 10.0


class AccessLogWriter:
    def __init__(
        self,
        logger: logging.Logger,
        max_lines: int,
        *,
        flush_seconds: float = FLUSH_SECONDS,
        batch_lines: int = BATCH_LINES,
    ) -> None:
        if max_lines < 1:
            raise ValueError("the access log must hold at least one line")
        self.logger = logger
        self.max_lines = max_lines
        self.flush_seconds = flush_seconds
        self.batch_lines = min(batch_lines, max_lines)
        self.dropped = 0  # every line dropped since the start
        self._reported = 0  # of those, the ones a warning has named
        self._pending: deque[str] = deque()
        # One batch at a time, so batches leave in the order their lines came.
        self._flushing = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def add(self, line: str) -> None:
        """On the request path: a length check and an append (both atomic under the GIL)."""
        if self._thread is None:
            self._emit([line])
            return
        pending = self._pending
        if len(pending) >= self.max_lines:
            self.dropped += 1
            return
        pending.append(line)
        if len(pending) == self.batch_lines:
            self._wake.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="access-log", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Writes whatever is queued and stops the writer; later lines are written as they come."""
        thread = self._thread
        if thread is None:
            return
        self._stopping = True
        self._wake.set()
        thread.join(STOP_SECONDS)
        if thread.is_alive():  # a log that takes no more lines: the process ends anyway
            return
        self._thread = None
        self.flush()

    def flush(self) -> None:
        """Writes every line queued by now, as one batch (and the count of any dropped)."""
        with self._flushing:
            pending = self._pending
            # popleft only: a line appended meanwhile stays queued for the next batch.
            lines = [pending.popleft() for _ in range(len(pending))]
            if lines:
                self._emit(lines)
            dropped = self.dropped
            if dropped != self._reported:
                self.logger.warning(
                    json.dumps({"access_log_dropped": dropped - self._reported}),
                )
                self._reported = dropped

    def _run(self) -> None:
        while not self._stopping:
            self._wake.wait(self.flush_seconds)
            self._wake.clear()
            try:
                self.flush()
            except Exception:  # the writer outlives any one batch
                logging.getLogger(__name__).exception("writing the access log failed")

    def _emit(self, lines: list[str]) -> None:
        # The level was checked when each line was made: a record is not judged again.
        record = self.logger.makeRecord(
            self.logger.name, logging.INFO, "(access log)", 0, "\n".join(lines), (), None
        )
        self.logger.handle(record)
