"""Reading inside PDF image streams, shared by the writer (which strips picture metadata) and the
independent verifier (which checks that none is left): a format fact, not a redaction step."""

from __future__ import annotations

import pikepdf


def jpeg_bytes(pdf: pikepdf.Pdf, obj: object) -> bytes | None:
    """The JPEG file inside an image stream whose last filter is DCTDecode (earlier transport filters
    such as ASCII85Decode or FlateDecode undone), else None."""
    if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != "/Image":
        return None
    filters = obj.get("/Filter")
    names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    if not names or names[-1] != "/DCTDecode":
        return None
    raw = obj.read_raw_bytes()
    if len(names) == 1:
        return raw
    # a detached copy with the transport filters only: qpdf undoes them (it will not stop half-way
    # through a chain on the real stream); unreachable, so it is never written
    parms = obj.get("/DecodeParms")
    transport = pikepdf.Stream(pdf, raw)
    transport.Filter = pikepdf.Array(names[:-1])
    if isinstance(parms, pikepdf.Array) and len(parms) == len(names):
        transport.DecodeParms = pikepdf.Array(list(parms)[:-1])
    try:
        return transport.read_bytes()
    except pikepdf.PdfError:
        return None
