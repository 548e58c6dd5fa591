"""The per-workspace HMAC key for the keyed-hash operator (stable pseudonyms across documents).

Kept as `deidentify.key` (32 random bytes, hex, mode 0600) in the workspace folder: whoever holds the
workspace can reproduce the tokens, nobody else can recompute them from a guessed name. Until the
workspace store offers a secrets table this file is the key's home.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from reviewer.core.errors import ConfigurationError

KEY_FILE = "deidentify.key"


def workspace_key(folder: str | Path) -> bytes:
    """Read the workspace key, creating the folder and a new random key on first use."""
    path = Path(folder) / KEY_FILE
    try:
        if not path.exists():
            _create_key(path)
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"无法读取工作区密钥 {path}：{exc}。请检查工作区文件夹。",
                                 f"Cannot read the workspace key {path}: {exc}. Check the workspace folder.",
                                 path=str(path)) from exc
    if len(key) < 16:
        raise ConfigurationError(f"工作区密钥 {path} 太短。请删除后重新生成。",
                                 f"The workspace key {path} is too short. Delete it to generate a new one.",
                                 path=str(path))
    return key


def _create_key(path: Path) -> None:
    """Write a new key to a temporary file, fsync, then link it into place: a kill or a full disk never
    leaves an empty key, and two processes or threads creating it at once keep the first one. The
    temporary name is unique per call: named by process only, two threads shared it and one removed
    it under the other."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        tmp.unlink(missing_ok=True)
