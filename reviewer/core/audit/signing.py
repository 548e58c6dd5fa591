"""Ed25519 sign-off keys, stored sealed with the user's password.

The private key is wrapped with AES-256-GCM under a key derived from the password by argon2id (the
same cost as the password hash), so stealing the database gives an attacker nothing cheaper to
brute-force than the password hash itself. An auditor checks a sign-off with the public key alone;
exporting the keys (`reviewer audit keys`) and verifying against that copy (`audit verify --keys
FILE`) means the database does not have to be trusted for who approved what.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KDF_TIME_COST = 3
KDF_MEMORY_KIB = 65536
KDF_PARALLELISM = 4


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=t, memory_cost=m, parallelism=p,
                           hash_len=32, type=Type.ID)


def seal(key: Ed25519PrivateKey, password: str) -> str:
    """The raw private key encrypted under an argon2id-derived key, as a small JSON document."""
    salt, nonce = os.urandom(16), os.urandom(12)
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    wrapping = _derive(password, salt, KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM)
    sealed = AESGCM(wrapping).encrypt(nonce, raw, b"reviewer-ed25519-v1")
    return json.dumps({"v": 1, "kdf": "argon2id", "t": KDF_TIME_COST, "m": KDF_MEMORY_KIB, "p": KDF_PARALLELISM,
                       "salt": _b64(salt), "nonce": _b64(nonce), "sealed": _b64(sealed)})


def unseal(sealed: str, password: str) -> Ed25519PrivateKey:
    """Raises ValueError when the password does not open the key (or the record is damaged)."""
    try:
        data = json.loads(sealed)
        wrapping = _derive(password, base64.b64decode(data["salt"]), int(data["t"]), int(data["m"]),
                           int(data["p"]))
        raw = AESGCM(wrapping).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed"]),
                                       b"reviewer-ed25519-v1")
    except (InvalidTag, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError("the password does not open this key") from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def generate_keypair(password: str) -> tuple[str, str]:
    """Return (public key hex, sealed private key)."""
    key = Ed25519PrivateKey.generate()
    return public_hex(key), seal(key, password)


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def reseal(sealed: str, old_password: str, new_password: str) -> str:
    return seal(unseal(sealed, old_password), new_password)


def sign(key: Ed25519PrivateKey, body: bytes) -> str:
    return key.sign(body).hex()


def verify_signature(public_key_hex: str, body: bytes, signature_hex: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex)).verify(
            bytes.fromhex(signature_hex), body)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key_hex: str) -> str:
    """Short, printable key id (first 16 hex digits of SHA-256 of the raw key)."""
    return hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16]
