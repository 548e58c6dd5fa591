"""What every helper process of ours does first: exit when its parent is gone."""

from __future__ import annotations

import multiprocessing
import os
import threading


def watch_parent() -> None:
    """A parent killed outright (kill -9, a crash) cannot shut its pools down: do not outlive it."""
    threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(0)
