"""Serving costs that are switched, not measured: FastAPI's OpenTelemetry probe runs only in a
process set up for OpenTelemetry."""

from __future__ import annotations

import os

import pytest

from app.main import telemetry


def test_the_telemetry_probe_is_off_without_opentelemetry(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith(("OTEL_", "FASTAPI_OTEL_"))]:
        monkeypatch.delenv(name)
    assert telemetry() == {"tracing": False, "metrics": False, "logs": False}


@pytest.mark.parametrize("name", ["OTEL_EXPORTER_OTLP_ENDPOINT", "FASTAPI_OTEL_AUTO_CONFIGURE"])
def test_the_telemetry_probe_stays_on_in_a_process_set_up_for_it(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "true")
    assert telemetry() is None
