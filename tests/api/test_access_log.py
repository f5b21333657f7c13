"""The access log's lines: the bytes `json.dumps` gave, written in batches, in order, bounded."""

from __future__ import annotations

import io
import itertools
import json
import logging
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.access_log import access_line
from app.api.access_log_writer import AccessLogWriter
from app.core.config import Settings
from app.main import create_app

_names = itertools.count()


class Records(logging.Handler):
    """The records of a logger of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.logger = logging.getLogger(f"tests.access.{next(_names)}")

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self) -> list[str]:
        return [line for r in self.records for line in r.getMessage().split("\n")]


@pytest.fixture
def records() -> Iterator[Records]:
    handler = Records()
    logger = handler.logger
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)


def writer_for(
    records: Records, max_lines: int = 100, flush_seconds: float = 60, batch_lines: int = 1024
) -> AccessLogWriter:
    return AccessLogWriter(
        records.logger, max_lines, flush_seconds=flush_seconds, batch_lines=batch_lines
    )


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("method", "path", "client"),
    [
        ("GET", "/v1/sections/russia-china-venezuela-2-1", "127.0.0.1"),
        ("HEAD", "/v1/actors", "2001:db8::9"),
        ("GET", '/a "quoted" \\ path', None),
        ("GET", "/caf\u00e9/\u4e2d\u6587/\U0001f600", "testclient"),
        ("GET", "/control\x00\x1f\x7f\ttab\nline", "::1"),
        ("M-SEARCH", "/\u2028\u202e", None),
    ],
)
@pytest.mark.parametrize("ms", [0.0, 0.01, 1.5, 12.34, 1234.57, 1e-05, 123456789.12])
def test_a_line_is_the_bytes_json_dumps_gave(
    method: str, path: str, client: str | None, ms: float
) -> None:
    fields = {
        "request_id": "abc-123",
        "method": method,
        "path": path,
        "status": 200,
        "ms": ms,
        "client": client,
    }
    assert access_line("abc-123", method, path, 200, ms, client) == json.dumps(fields)


def test_lines_wait_for_a_batch_and_leave_as_one_record(records: Records) -> None:
    writer = writer_for(records, flush_seconds=60)
    writer.start()
    try:
        for n in range(5):
            writer.add(f"line {n}")
        assert records.records == []  # nothing written on the request path
        writer.flush()
        assert [r.getMessage() for r in records.records] == [
            "line 0\nline 1\nline 2\nline 3\nline 4"
        ]
        assert records.records[0].levelno == logging.INFO
        writer.flush()
        assert len(records.records) == 1  # an empty queue writes nothing
    finally:
        writer.stop()


def test_the_writer_flushes_on_its_own_every_interval(records: Records) -> None:
    writer = writer_for(records, flush_seconds=0.05)
    writer.start()
    try:
        writer.add("first")
        wait_for(lambda: records.lines() == ["first"])
        assert records.lines() == ["first"]
        writer.add("second")
        wait_for(lambda: len(records.lines()) == 2)
        assert records.lines() == ["first", "second"]
    finally:
        writer.stop()


def test_a_full_batch_is_written_without_waiting_for_the_interval(records: Records) -> None:
    writer = writer_for(records, flush_seconds=60, batch_lines=3)
    writer.start()
    try:
        writer.add("a")
        writer.add("b")
        time.sleep(0.1)
        assert records.records == []
        writer.add("c")
        wait_for(lambda: records.lines() == ["a", "b", "c"])
        assert records.lines() == ["a", "b", "c"]
    finally:
        writer.stop()


def test_stopping_writes_what_is_queued(records: Records) -> None:
    writer = writer_for(records, flush_seconds=60)
    writer.start()
    writer.add("queued 1")
    writer.add("queued 2")
    writer.stop()
    assert records.lines() == ["queued 1", "queued 2"]
    assert not writer.running
    writer.add("after")  # stopped: written as it comes
    assert records.lines() == ["queued 1", "queued 2", "after"]


def test_not_started_each_line_is_written_as_it_comes(records: Records) -> None:
    writer = writer_for(records)
    writer.add("one")
    assert [r.getMessage() for r in records.records] == ["one"]


def test_a_full_queue_drops_and_counts_rather_than_grow(records: Records) -> None:
    writer = writer_for(records, max_lines=3, flush_seconds=60)
    writer.start()
    try:
        for n in range(5):
            writer.add(f"line {n}")
        assert writer.dropped == 2
        writer.flush()
        assert records.lines() == [
            "line 0",
            "line 1",
            "line 2",
            json.dumps({"access_log_dropped": 2}),
        ]
        assert records.records[-1].levelno == logging.WARNING
        writer.add("line 5")
        writer.flush()  # room again; the drops are reported once
        assert records.lines()[-1] == "line 5"
        assert writer.dropped == 2
    finally:
        writer.stop()


def test_lines_keep_their_order_across_batches_while_the_writer_runs(records: Records) -> None:
    writer = writer_for(records, max_lines=1_000_000, flush_seconds=0.001, batch_lines=7)
    writer.start()
    sent = [f"line {n}" for n in range(20_000)]
    for n, line in enumerate(sent):
        writer.add(line)
        if n % 500 == 0:
            time.sleep(0.002)  # the writer takes batches while lines keep coming
    writer.stop()
    assert len(records.records) > 1
    assert records.lines() == sent


def test_the_application_writes_its_queued_lines_at_shutdown(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        with TestClient(create_app(settings)) as client:
            for n in range(3):
                client.get("/health", headers={"X-Request-ID": f"shutdown-{n}"})
            assert client.app.state.access_log.running  # type: ignore[attr-defined]
        lines = [
            json.loads(line)
            for r in caplog.records
            if r.name == "app.access"
            for line in r.getMessage().split("\n")
        ]
    assert [line["request_id"] for line in lines] == ["shutdown-0", "shutdown-1", "shutdown-2"]
    assert {line["path"] for line in lines} == {"/health"}


def test_under_serves_format_a_batch_is_the_bytes_of_a_record_per_line(records: Records) -> None:
    batched, one_by_one = io.StringIO(), io.StringIO()
    for stream, lines in ((batched, [["a", "b", "c"]]), (one_by_one, [["a"], ["b"], ["c"]])):
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(message)s"))  # as `article-facts serve` logs
        records.logger.addHandler(handler)
        writer = writer_for(records)
        writer.start()
        for batch in lines:
            for line in batch:
                writer.add(line)
            writer.flush()
        writer.stop()
        records.logger.removeHandler(handler)
    assert batched.getvalue() == one_by_one.getvalue() == "a\nb\nc\n"


def test_the_bound_is_the_setting(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"access_log_buffer_lines": 123}))
    assert app.state.access_log.max_lines == 123
    assert not app.state.access_log.running  # until the lifespan starts it
