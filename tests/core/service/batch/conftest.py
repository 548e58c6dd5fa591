"""The batch tests use the store tests' PostgreSQL server and template (tests/core/store/pg_fixtures.py)."""

from tests.core.store.pg_fixtures import *  # noqa: F403
from tests.core.store.workspace_fixtures import *  # noqa: F403
