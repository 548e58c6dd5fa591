"""The workspace key file: created once, never half-written, and safe to create from several threads
at once (the GUI's preview and export tasks both ask for it on a new workspace)."""

from __future__ import annotations

import threading

from reviewer.core.deidentify.workspace_key import KEY_FILE, workspace_key


def test_first_use_creates_a_private_key_and_later_uses_read_it(tmp_path) -> None:
    key = workspace_key(tmp_path / "ws")
    assert len(key) == 32
    assert (tmp_path / "ws" / KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert workspace_key(tmp_path / "ws") == key
    assert [p.name for p in (tmp_path / "ws").iterdir()] == [KEY_FILE]  # no temporary file left


def test_threads_creating_the_key_at_once_all_get_the_same_key(tmp_path) -> None:
    """Seen in the whole-flow GUI test: two tasks of one process wrote the same temporary file, one
    linked and removed it, and the other failed with 'Cannot read the workspace key'."""
    for round_ in range(30):
        folder = tmp_path / f"ws{round_}"
        barrier = threading.Barrier(6)
        keys, errors = [], []

        def create() -> None:
            barrier.wait()
            try:
                keys.append(workspace_key(folder))
            except Exception as exc:  # noqa: BLE001 - the test reports every failure
                errors.append(exc)

        threads = [threading.Thread(target=create) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(keys) == 6 and len(set(keys)) == 1
        assert [p.name for p in folder.iterdir()] == [KEY_FILE]
