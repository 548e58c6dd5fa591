"""EMAIL_ADDRESS: e-mail addresses, the domain's suffix checked against the bundled public suffix list.

tldextract is used strictly offline (`suffix_list_urls=()`, no cache directory): its default extractor
downloads the public suffix list on the first address it sees, which must never happen here.
"""

from __future__ import annotations

import functools

import tldextract
from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import Check, CnPatternRecognizer


@functools.cache
def offline_extractor() -> tldextract.TLDExtract:
    """A tldextract instance that only reads the snapshot shipped inside the package."""
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class CnEmailRecognizer(CnPatternRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    LABEL = "电子邮箱"
    PATTERNS = (
        Pattern("电子邮箱地址",
                r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@"
                r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}"
                r"(?![A-Za-z0-9-])", 0.5),
    )
    GUARDS = {"电子邮箱地址": "@"}
    CONTEXT = ("邮箱", "邮件", "email", "e-mail", "mail")

    def check(self, value: str, pattern: Pattern) -> Check:
        domain = value.rsplit("@", 1)[1]
        suffix = offline_extractor()(domain).suffix
        if not suffix:
            return Check(0.4, f"域名后缀“{domain.rsplit('.', 1)[-1]}”不在公共后缀表中", False)
        return Check(1.0, f"域名后缀“{suffix}”有效", True)
