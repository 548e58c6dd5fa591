"""Shared fixtures: the committed pipeline, loaded once, and a presidio analyzer with our recognizers."""

from __future__ import annotations

import socket

import pytest


@pytest.fixture(scope="session")
def offline_analyzer():
    """The served analyzer, built while every network connection raises (nothing may be downloaded).

    The network is refused only while it loads: a session-long patch would also cut the loopback
    PostgreSQL server other tests in the same run use."""
    def refuse(*args, **kwargs):
        raise OSError("network disabled in tests")

    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", refuse)
    mp.setattr(socket.socket, "connect_ex", refuse)
    mp.setattr(socket, "create_connection", refuse)
    mp.setattr(socket, "getaddrinfo", refuse)
    try:
        from reviewer.eval.ner import served_analyzer

        analyzer = served_analyzer()
    finally:
        mp.undo()
    yield analyzer
