from tests.core.store.workspace_fixtures import *  # noqa: F401,F403
