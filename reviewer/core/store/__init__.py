"""Workspace persistence (SQLAlchemy Core: SQLite by default, PostgreSQL for teams): the tables,
the database dialects, where a workspace lives and its migrations. Nothing here knows what an event
or a review means; the operations are in `review` and the facade in `service`."""
