"""Ed25519 sign-off keys: the private key is stored encrypted with the user's password.

An auditor checks a sign-off with the supervisor's public key alone; exporting the keys
(`reviewer audit keys`) and verifying against that copy (`audit verify --keys FILE`) means the
database does not have to be trusted for who approved what.
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def generate_keypair(password: str) -> tuple[str, str]:
    """Return (public key hex, PKCS#8 PEM encrypted with `password`)."""
    key = Ed25519PrivateKey.generate()
    return _public_hex(key), _encrypt(key, password)


def _public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def _encrypt(key: Ed25519PrivateKey, password: str) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(password.encode("utf-8"))).decode("ascii")


def load_private_key(pem: str, password: str) -> Ed25519PrivateKey:
    """Raises ValueError when the password does not decrypt the key."""
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=password.encode("utf-8"))
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 key")
    return key


def reencrypt(pem: str, old_password: str, new_password: str) -> str:
    return _encrypt(load_private_key(pem, old_password), new_password)


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
