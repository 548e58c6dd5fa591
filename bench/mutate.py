"""Deterministic mutations of real documents: what transfers, disks and careless tools do to files.

`mutations(data, kind, rng)` yields named variants. Generic ones for every format (byte flips,
truncation, a zeroed block, a duplicated or dropped chunk); for docx the zip is taken apart and one
member damaged (its XML cut, bytes flipped inside, a tag unbalanced, the member dropped, a huge
declared size, the raw deflate stream damaged); for PDF the structure is hit (xref offsets shifted,
startxref pointing nowhere, the trailer cut, a stream's /Length lied about, object numbers swapped).
Used by tests/core/reliability/test_mutations.py (fixed seed) and bench/fuzz.py (time-bounded).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable, Iterator

Mutator = Callable[[bytes, random.Random], bytes]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def zero_block(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    size = rng.choice((16, 512, 4096))
    return data[:start] + b"\x00" * min(size, len(data) - start) + data[start + size:]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    chunk = data[start: start + rng.randint(1, 2048)]
    at = rng.randrange(len(data))
    return data[:at] + chunk * rng.randint(1, 4) + data[at:]


def drop_chunk(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096):]


def interesting_numbers(data: bytes, rng: random.Random) -> bytes:
    """Replace a run of ASCII digits (sizes, offsets, counts) with an edge value."""
    spots = [m.span() for m in re.finditer(rb"\d+", data[:2_000_000])]
    if not spots:
        return flip_bytes(data, rng)
    out = data
    for _ in range(rng.randint(1, 4)):
        start, end = rng.choice(spots)
        value = rng.choice((b"0", b"-1", b"4294967296", b"99999999999999999999", b"2147483647", b"1e308"))
        out = out[:start] + value + out[end:]
        spots = [m.span() for m in re.finditer(rb"\d+", out[:2_000_000])]
    return out


GENERIC: tuple[Mutator, ...] = (flip_bytes, flip_bits, truncate, zero_block, duplicate_chunk, drop_chunk,
                                interesting_numbers)


# ---------------------------------------------------------------- docx: one zip member damaged
def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, payload in members:
            zf.writestr(info.filename, payload)
    return buf.getvalue()


def _xml_members(members: list[tuple[zipfile.ZipInfo, bytes]]) -> list[int]:
    return [k for k, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]


def docx_member_xml(data: bytes, rng: random.Random) -> bytes:
    """One XML part: cut, bytes flipped, a tag unbalanced, an attribute value mangled, or deep nesting."""
    members = _members(data)
    k = rng.choice(_xml_members(members))
    info, xml = members[k]
    choice = rng.randrange(6)
    if choice == 0:
        xml = xml[: rng.randrange(1, max(len(xml), 2))]
    elif choice == 1:
        xml = flip_bytes(xml, rng)
    elif choice == 2:
        tags = [m.start() for m in re.finditer(rb"</", xml)]
        if tags:
            at = rng.choice(tags)
            xml = xml[:at] + xml[xml.index(b">", at) + 1:]
    elif choice == 3:
        xml = interesting_numbers(xml, rng)
    elif choice == 4:  # an element repeated inside itself many times
        m = re.search(rb"<w:p[ >].*?</w:p>", xml, re.DOTALL)
        if m:
            xml = xml[: m.start()] + b"<w:p>" * 3000 + m.group() + b"</w:p>" * 3000 + xml[m.end():]
    else:  # attribute values (r:id, w:val, Target) swapped for junk
        xml = re.sub(rb'(Id|Target|r:id|r:embed|w:val)="[^"]*"',
                     lambda m: m.group(1) + b'="' + rng.choice((b"", b"rId999", b"../../../etc/passwd",
                                                                b"\xff\xfe", b"x" * 5000)) + b'"',
                     xml, count=rng.randint(1, 5))
    members[k] = (info, xml)
    return _rezip(members)


def docx_member_drop(data: bytes, rng: random.Random) -> bytes:
    members = _members(data)
    del members[rng.randrange(len(members))]
    return _rezip(members)


def docx_raw_member(data: bytes, rng: random.Random) -> bytes:
    """Damage a member's compressed bytes or its headers in place (CRC, sizes, method, name length)."""
    out = bytearray(data)
    headers = [m.start() for m in re.finditer(rb"PK\x03\x04", data)]
    central = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    if not headers:
        return flip_bytes(data, rng)
    choice = rng.randrange(4)
    if choice == 0:  # deflate stream
        start = rng.choice(headers) + 30
        for _ in range(rng.randint(1, 6)):
            i = min(len(out) - 1, start + rng.randrange(64, 2048))
            out[i] = rng.randrange(256)
    elif choice == 1 and central:  # declared uncompressed size in the central directory
        at = rng.choice(central) + 24
        out[at: at + 4] = rng.choice((0, 1, 0x7FFFFFFF, 0xFFFFFFFF)).to_bytes(4, "little")
    elif choice == 2 and central:  # compression method
        at = rng.choice(central) + 10
        out[at: at + 2] = rng.choice((1, 12, 14, 99, 0xFFFF)).to_bytes(2, "little")
    else:  # local header CRC
        at = rng.choice(headers) + 14
        out[at: at + 4] = rng.randbytes(4)
    return bytes(out)


DOCX: tuple[Mutator, ...] = (docx_member_xml, docx_member_xml, docx_member_drop, docx_raw_member)


# ---------------------------------------------------------------- pdf: structure damaged
def pdf_xref(data: bytes, rng: random.Random) -> bytes:
    """xref offsets shifted or zeroed, or the table's header counts wrong."""
    def shift(m: re.Match) -> bytes:
        value = max(0, int(m.group(1)) + rng.choice((-7, -1, 1, 13, 10_000_000)))
        return b"%010d" % value + m.group(2)
    entries = list(re.finditer(rb"(\d{10})( \d{5} n)", data))
    if not entries:
        return pdf_startxref(data, rng)
    out = data
    for m in rng.sample(entries, k=min(len(entries), rng.randint(1, 5))):
        out = out[: m.start()] + shift(m) + out[m.end():]
    return out


def pdf_startxref(data: bytes, rng: random.Random) -> bytes:
    m = list(re.finditer(rb"startxref\s+(\d+)", data))
    if not m:
        return truncate(data, rng)
    last = m[-1]
    value = rng.choice((b"0", b"1", b"999999999", str(max(0, int(last.group(1)) - 3)).encode()))
    return data[: last.start(1)] + value + data[last.end(1):]


def pdf_trailer(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"trailer")
    if at < 0:
        at = data.rfind(b"startxref")
    if at < 0:
        return truncate(data, rng)
    cut = at + rng.randrange(0, 40)
    return data[:cut] + rng.choice((b"", b"%%EOF\n", b"<< /Root 999 0 R >>\n%%EOF"))


def pdf_stream_length(data: bytes, rng: random.Random) -> bytes:
    spots = list(re.finditer(rb"/Length (\d+)", data))
    if not spots:
        return interesting_numbers(data, rng)
    m = rng.choice(spots)
    value = rng.choice((b"0", b"1", b"999999999", b"-5", str(int(m.group(1)) * 2).encode()))
    return data[: m.start(1)] + value + data[m.end(1):]


def pdf_objects(data: bytes, rng: random.Random) -> bytes:
    """References pointed at other (or missing) objects; a /Kids or /Count mangled."""
    choice = rng.randrange(3)
    if choice == 0:
        refs = list(re.finditer(rb"(\d+) 0 R", data))
        if refs:
            m = rng.choice(refs)
            return data[: m.start(1)] + rng.choice((b"0", b"1", b"99999", m.group(1))) + data[m.end(1):]
    if choice == 1:
        return re.sub(rb"/Count \d+", rng.choice((b"/Count 0", b"/Count 2147483647", b"/Count -1")), data, count=1)
    return re.sub(rb"/Kids\s*\[", rng.choice((b"/Kids [1 0 R ", b"/Kids [[", b"/Kids 5 0 R [")), data, count=1)


PDF: tuple[Mutator, ...] = (pdf_xref, pdf_startxref, pdf_trailer, pdf_stream_length, pdf_objects)


def mutators_for(data: bytes) -> tuple[Mutator, ...]:
    if data.startswith(b"PK\x03\x04"):
        return GENERIC + DOCX + DOCX  # the structured ones weigh more: they get past the zip checks
    if b"%PDF" in data[:1024]:
        return GENERIC + PDF + PDF
    return GENERIC


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One variant: the mutator's name and the bytes (sometimes two mutations stacked)."""
    choices = mutators_for(data)
    first = rng.choice(choices)
    out = first(data, rng) or data[:1]
    name = first.__name__
    if rng.random() < 0.2 and out:
        second = rng.choice(GENERIC)
        out = second(out, rng) or out[:1]
        name += "+" + second.__name__
    return name, out


def variants(seeds: dict[str, bytes], count: int, seed: int) -> Iterator[tuple[str, str, bytes]]:
    """`count` variants spread over the seed files round-robin: (seed name, mutator name, bytes)."""
    rng = random.Random(seed)
    names = sorted(seeds)
    for k in range(count):
        name = names[k % len(names)]
        try:
            how, data = mutate(seeds[name], rng)
        except (zipfile.BadZipFile, ValueError, IndexError):
            how, data = "flip_bytes", flip_bytes(seeds[name], rng)
        yield name, how, data
