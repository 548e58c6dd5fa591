"""Build labelled.jsonl from the hand-written sentences.txt (run: python resources/eval/pi/build.py).

sentences.txt holds one hand-written sentence per line; `# title` lines name the document style of the
lines below. Personal information is marked inline as {{TYPE:value}} (TYPE is a short code below).
A `?` (or full-width `？`) in a value is replaced by the check character computed over the 17
characters before it, so that identifiers are realistic (valid check digits) while the sentences
stay hand-written. The check-digit code here is deliberately independent of the recognizers'.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {
    "ID": "CN_ID_CARD", "MOB": "CN_MOBILE_PHONE", "TEL": "CN_LANDLINE_PHONE", "EM": "EMAIL_ADDRESS",
    "BANK": "CN_BANK_CARD", "USCC": "CN_USCC", "PLATE": "CN_LICENSE_PLATE", "PP": "CN_PASSPORT",
    "HKM": "CN_HK_MACAO_PERMIT", "IP": "IP_ADDRESS", "QQ": "CN_QQ", "WX": "CN_WECHAT", "BIRTH": "CN_BIRTH_DATE",
    "SEN": "SENSITIVE_PERSONAL",
}
MARK = re.compile(r"\{\{([A-Z]+):(.+?)\}\}")
FULL = {chr(0xFF10 + i): str(i) for i in range(10)} | {chr(0xFF21 + i): chr(65 + i) for i in range(26)}
TO_FULL = {v: k for k, v in FULL.items()}
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def mod11_2(body: str) -> str:
    """GB 11643 check character: sum of digit * 2^(17-i) mod 11, mapped by ISO 7064."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body)) % 11
    return "10X98765432"[total]


def gb32100(body: str) -> str:
    total = sum(USCC_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body)) % 31
    return USCC_CHARS[(31 - total) % 31]


def luhn(body: str) -> str:
    digits = [int(d) for d in body][::-1]
    total = sum(sum(divmod(d * 2, 10)) if i % 2 == 0 else d for i, d in enumerate(digits))
    return str((10 - total % 10) % 10)


def complete(kind: str, value: str) -> str:
    """Fill the `?` in value with the check character of its kind, in the value's own width."""
    mark = "?" if "?" in value else "？"
    pos = value.index(mark)
    plain = "".join(FULL.get(c, c) for c in value[:pos])
    body = re.sub(r"[^0-9A-Z]", "", plain)
    if kind == "ID":
        check = mod11_2(body[-17:])
    elif kind == "USCC":
        check = gb32100(body[-17:])
    elif kind == "BANK":
        check = luhn(body)
    else:
        raise ValueError(f"no check character for {kind}: {value}")
    if mark == "？":
        check = TO_FULL.get(check, check)
    return value[:pos] + check + value[pos + 1:]


def parse(line: str) -> tuple[str, list[dict]]:
    text, spans, last = [], [], 0
    length = 0
    for m in MARK.finditer(line):
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind} in: {line}")
        if "?" in value or "？" in value:
            value = complete(kind, value)
        before = line[last:m.start()]
        text.append(before)
        length += len(before)
        spans.append({"start": length, "end": length + len(value), "type": TYPES[kind], "text": value})
        text.append(value)
        length += len(value)
        last = m.end()
    text.append(line[last:])
    return "".join(text), spans


def build() -> list[dict]:
    records, style = [], ""
    for n, raw in enumerate((HERE / "sentences.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("# "):
            style = line[2:].strip()
            continue
        text, spans = parse(line)
        if "{{" in text or "}}" in text:
            raise ValueError(f"line {n}: unbalanced marks")
        records.append({"id": n, "style": style, "text": text, "spans": spans})
    return records


def main() -> int:
    records = build()
    with (HERE / "labelled.jsonl").open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} sentences, {sum(len(r['spans']) for r in records)} labelled spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
