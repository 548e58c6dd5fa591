"""PostgreSQL for the store tests: one throw-away server per test run, a fresh database per test.

The server is started once (session scope) by tests/pgserver.py, only when a PostgreSQL test runs.
A template database holds the accounts (argon2id hashing is slow by design) and the application role
`reviewer_app`, provisioned by `Workspace.provision`; each test gets its own copy
(`CREATE DATABASE … TEMPLATE …`, a file copy) and connects as that least-privileged role, so every
store operation is proven to work with the grants the issue asks for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from reviewer.core.service import open_workspace
from tests.core.store.workspace_fixtures import PASSWORDS, ROLES
from tests.pgserver import running_server

APP_ROLE, APP_PASSWORD = "reviewer_app", "app-role-pass-1"
_names = itertools.count(1)


class PgCluster:
    """The running test server: create, clone and drop databases; URLs for the owner and the app role."""

    def __init__(self, superuser_url: str) -> None:
        self.superuser_url = superuser_url
        self._admin = create_engine(superuser_url, isolation_level="AUTOCOMMIT")

    def url(self, database: str, *, app: bool = False) -> str:
        url = make_url(self.superuser_url).set(database=database)
        if app:
            url = url.set(username=APP_ROLE, password=APP_PASSWORD)
        return url.render_as_string(hide_password=False)

    def create(self, *, template: str | None = None) -> str:
        name = f"t{next(_names)}"
        with self._admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")))
        return name

    def drop(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def close(self) -> None:
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    with running_server() as url:
        cluster = PgCluster(url)
        yield cluster
        cluster.close()


@pytest.fixture(scope="session")
def pg_template(pg_cluster) -> str:
    """A database with the test accounts and the provisioned application role (cloned per test)."""
    name = pg_cluster.create()
    ws = open_workspace(pg_cluster.url(name))
    admin = ws.create_first_admin("admin", PASSWORDS["admin"], "管理员")
    for user, role in ROLES.items():
        ws.create_user(admin, user, role, PASSWORDS[user], admin_password=PASSWORDS["admin"])
    ws.provision(APP_ROLE, APP_PASSWORD)
    ws.close()
    return name


@pytest.fixture
def pg_database(pg_cluster, pg_template) -> Iterator[str]:
    """A fresh copy of the template database; its name."""
    name = pg_cluster.create(template=pg_template)
    yield name
    pg_cluster.drop(name)
