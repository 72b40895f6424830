"""Hand-made PDF files for the reader tests: real PDF syntax, written byte by byte."""

from __future__ import annotations

__all__ = ["image_only_pdf", "text_pdf"]


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(objects: list[bytes], info: bytes | None = None) -> bytes:
    """Number ``objects`` from 1, write them with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R".encode()
    if info is not None:
        objects_info = len(objects)  # the info dictionary is the last object
        trailer += f" /Info {objects_info} 0 R".encode()
    out += b"trailer\n" + trailer + b" >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def text_pdf(pages: list[list[str]], *, title: str | None = None, created: str | None = None) -> bytes:
    """A PDF with one page per item of ``pages``, each line of text drawn in Helvetica.

    ``created`` is a PDF date such as ``D:20210304120000Z``.
    """
    n = len(pages)
    # 1 catalog, 2 pages, 3 font, then (page, content) pairs, then the optional info.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    info = None
    if title or created:
        entries = []
        if title:
            entries.append(f"/Title ({_escape(title)})")
        if created:
            entries.append(f"/CreationDate ({created})")
        info = ("<< " + " ".join(entries) + " >>").encode()
        objects.append(info)
    return _assemble(objects, info)


def image_only_pdf() -> bytes:
    """A one-page PDF whose page is a 2x2 grey image and nothing else: a 'scan'."""
    pixels = bytes([0x20, 0x80, 0x80, 0x20])
    stream = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n" + pixels + b"\nendstream",
        f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
    ]
    return _assemble(objects)
