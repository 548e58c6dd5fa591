"""Store tests run on both back ends: `ws`, `ws_where` and `fresh_where` are parametrised over SQLite
(a folder) and PostgreSQL (a database on the test server, see pg_fixtures.py)."""

import shutil

import pytest

from reviewer.core.service import open_workspace
from tests.core.store.pg_fixtures import *
from tests.core.store.pg_fixtures import PgCluster
from tests.core.store.workspace_fixtures import *

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def ws_where(backend, request, template_workspace, tmp_path) -> str:
    """Where a workspace with the test accounts lives: a folder, or the app role's URL of a fresh database."""
    if backend == "sqlite":
        folder = tmp_path / "ws"
        shutil.copytree(template_workspace, folder)
        return str(folder)
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.url(request.getfixturevalue("pg_database"), app=True)


@pytest.fixture
def fresh_where(backend, request, tmp_path):
    """Where an empty workspace would be created: a new folder, or a new empty database (owner's URL)."""
    if backend == "sqlite":
        yield str(tmp_path / "fresh")
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = cluster.create()
    yield cluster.url(name)
    cluster.drop(name)


@pytest.fixture
def ws(ws_where):
    workspace = open_workspace(ws_where)
    yield workspace
    workspace.close()


@pytest.fixture
def sqlite_ws(ws_path):
    """For the SQLite-only checks (PRAGMAs): the folder workspace."""
    workspace = open_workspace(ws_path)
    yield workspace
    workspace.close()
