"""IP_ADDRESS: IPv4 (each octet 0-255) and IPv6 addresses.

Section numbers such as 1.2.3.4 have the form of an IPv4 address; when every octet is a single digit the
match is reported only with a context word (IP, 地址, 登录).
"""

from __future__ import annotations

import ipaddress
import re

from presidio_analyzer import Pattern

from reviewer.core.detection.recognizers.base import Check, CnPatternRecognizer, lead

_H = "[0-9A-Fa-f]{1,4}"


class CnIpAddressRecognizer(CnPatternRecognizer):
    ENTITY = "IP_ADDRESS"
    LABEL = "IP地址"
    PATTERNS = (
        Pattern("IPv4地址", lead("[0-9]", "[0-9A-Za-z.]") + r"[0-9]{0,2}(?:\.[0-9]{1,3}){3}(?![0-9A-Za-z]|\.[0-9])",
                0.7),
        Pattern("IPv6地址", r"(?<![0-9A-Za-z:])(?:" + _H + "(?::" + _H + "){7}|(?:" + _H + ":){1,6}:(?:" + _H
                + "(?::" + _H + "){0,5})?|::(?:" + _H + "(?::" + _H + "){0,6}))(?![0-9A-Za-z:])", 0.7),
    )
    GUARDS = {"IPv6地址": re.compile("::|[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:")}
    CONTEXT = ("IP", "地址", "登录", "访问", "服务器", "主机")

    def check(self, value: str, pattern: Pattern) -> Check:
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return Check(None, "不是有效的IP地址", False)
        if address.version == 4 and all(len(part) == 1 for part in value.split(".")):
            return Check(0.3, "各段都是一位数，也可能是条款编号", None)
        if address.version == 6 and value.count(":") < 3:
            return Check(0.3, "IPv6形式过短，也可能是时间或比例", None)
        return Check(pattern.score, f"有效的IPv{address.version}地址", True)
