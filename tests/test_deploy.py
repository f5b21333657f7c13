"""The container files agree with each other and with the service.

The Compose Specification's schema (checked in .ci/run) says whether compose.yaml is well
formed; these tests check what a schema cannot: that the services it names exist, that the
settings it passes are the service's own, and that nginx, the image and the replicas agree on
the port. tests/postgres/test_compose.py runs the same topology as processes.
"""

from __future__ import annotations

import re
import shlex
from ipaddress import ip_network
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.core.config import Settings
from tests.conftest import REPO

COMPOSE = REPO / "compose.yaml"
DOCKERFILE = REPO / "Dockerfile"
NGINX = REPO / "deploy" / "nginx.conf"
ENV_PREFIX = "ARTICLE_FACTS_"


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def services() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose()["services"]
    return found


def api_environment() -> dict[str, str]:
    return {k: str(v) for k, v in services()["api"]["environment"].items()}


def dockerfile_instruction(name: str) -> str:
    """The last instruction `name` of the image's final stage, its lines joined."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    found = re.findall(rf"^{name}\s+(.+)$", text, flags=re.MULTILINE)
    assert found, f"the Dockerfile has no {name}"
    return str(found[-1]).strip()


def image_command() -> list[str]:
    command: list[str] = yaml.safe_load(dockerfile_instruction("CMD"))
    return command


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_every_dependency_is_a_service_with_what_its_condition_needs() -> None:
    found = services()
    for name, service in found.items():
        for dependency, how in service.get("depends_on", {}).items():
            assert dependency in found, f"{name} depends on a missing service {dependency}"
            target = found[dependency]
            if how["condition"] == "service_healthy":
                # A health check in the service, or the image's own HEALTHCHECK.
                assert "healthcheck" in target or target.get("image") == found["api"]["image"]
            if how["condition"] == "service_completed_successfully":
                assert target.get("restart") == "no", f"{dependency} must run once and stop"


def test_the_image_built_once_serves_every_replica() -> None:
    found = services()
    assert found["seed"]["build"] == "."
    assert found["api"]["image"] == found["seed"]["image"]
    assert "build" not in found["api"], "the replicas run the image the seed service built"
    assert found["api"]["deploy"]["replicas"] == 3
    assert "HEALTHCHECK" in DOCKERFILE.read_text(encoding="utf-8")


def test_the_settings_passed_are_the_services_own() -> None:
    known = {f"{ENV_PREFIX}{name.upper()}" for name in Settings.model_fields}
    passed = {
        key
        for service in services().values()
        for key in service.get("environment", {})
        if key.startswith(ENV_PREFIX)
    }
    assert passed == {
        f"{ENV_PREFIX}DATABASE_URL",
        f"{ENV_PREFIX}QUERY_TIMEOUT_MS",
        f"{ENV_PREFIX}TRUSTED_PROXIES",
    }
    assert passed <= known
    # And the values are valid ones.
    Settings(**{k.removeprefix(ENV_PREFIX).lower(): v for k, v in api_environment().items()})
    for service in ("seed", "api"):
        url = services()[service]["environment"][f"{ENV_PREFIX}DATABASE_URL"]
        assert url.startswith("postgresql+psycopg://"), "the driver the image installs"
        assert "@postgres:5432/" in url


def test_nginx_the_image_and_the_replicas_agree_on_the_port() -> None:
    command = image_command()
    port = option(command, "--port")
    assert option(command, "--host") == "0.0.0.0", "reachable from the other containers"
    assert dockerfile_instruction("EXPOSE") == port
    assert services()["api"]["expose"] == [port]
    upstream = re.search(r"^\s*server\s+(\S+)\s", NGINX.read_text(encoding="utf-8"), re.MULTILINE)
    assert upstream is not None
    assert upstream.group(1) == f"api:{port}"


def test_the_replicas_trust_exactly_the_network_they_share_with_nginx() -> None:
    found = services()
    shared = set(found["nginx"]["networks"]) & set(found["api"]["networks"])
    assert shared == {"front"}
    assert set(found["postgres"].get("networks", ["default"])) == {"default"}
    (subnet,) = [pool["subnet"] for pool in compose()["networks"]["front"]["ipam"]["config"]]
    trusted = api_environment()[f"{ENV_PREFIX}TRUSTED_PROXIES"]
    assert Settings(trusted_proxies=trusted).trusted_proxies == (ip_network(subnet),)


def test_nginx_appends_the_client_and_closes_idle_upstream_connections_first() -> None:
    nginx = NGINX.read_text(encoding="utf-8")
    # Appended, never replaced: the replicas read the chain from the right.
    assert re.findall(r"proxy_set_header\s+X-Forwarded-For\s+(\S+);", nginx) == [
        "$proxy_add_x_forwarded_for"
    ]
    keepalive = re.search(r"^\s*keepalive_timeout\s+(\d+)s;", nginx, re.MULTILINE)
    assert keepalive is not None
    assert "KEEP_ALIVE_TIMEOUT" not in str(api_environment()), "the replicas use the default"
    assert int(keepalive.group(1)) < Settings.model_fields["keep_alive_timeout"].default


@pytest.mark.parametrize("service", ["nginx", "postgres"])
def test_mounted_files_exist(service: str) -> None:
    for volume in services()[service].get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("."):
            assert (REPO / source).is_file(), f"{service} mounts a missing {source}"


def test_the_commands_are_the_clis_own() -> None:
    scripts = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'article-facts = "app.cli:main"' in scripts
    commands = [services()["seed"]["command"], image_command()]
    for command in commands:
        assert Path(command[0]) == Path(".venv/bin/article-facts")
        assert command[1] in {"seed", "serve"}
    # The comment at the top shows how to load while serving; it must name a real command.
    # (the image's PATH does not hold the virtualenv, so the path is spelt out as in CMD).
    usage = re.search(r" seed (\S+ ingest .+)$", COMPOSE.read_text(encoding="utf-8"), re.M)
    assert usage is not None
    assert shlex.split(usage.group(1))[:2] == [".venv/bin/article-facts", "ingest"]
