"""The writers' export notes (what else the copy lost: comments, tracked changes, picture metadata,
signatures …) in the reader's language.

The core writes each note as one English line (`ExportResult.notes`; the CLI prints them as they are).
The notes the writers can give are known, so each is matched here and said again through Qt's
translation; a note not matched (a new writer's) is shown as written rather than dropped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QT_TRANSLATE_NOOP  # marked for translation here, translated when shown

_NOTES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d+) value replacements$"), translate("ExportNotes", "%1 values replaced in the text.")),
    (
        re.compile(r"^(\d+) replacements in the page's text, comments, attributes and scripts$"),
        translate("ExportNotes", "%1 values replaced in the page's text, comments, attributes and scripts."),
    ),
    (
        re.compile(r"^(\d+) replacements \((.+)\)$"),
        translate("ExportNotes", "%1 values replaced (written as %2)."),
    ),
    (
        re.compile(
            r"^the (\S+) file was converted to docx by (.+?): the copy is a docx, the original is unchanged"
        ),
        translate(
            "ExportNotes",
            "The %1 file was converted to docx by %2: the copy is a docx, the original is unchanged.",
        ),
    ),
    (
        re.compile(r"^(\d+) characters removed from content streams on pages (.+)$"),
        translate("ExportNotes", "%1 characters removed from the pages' content (pages %2)."),
    ),
    (
        re.compile(r"^(\d+) metadata/outline/link strings replaced$"),
        translate("ExportNotes", "%1 values replaced in the metadata, bookmarks and links."),
    ),
    (
        re.compile(r"tracked changes accepted: (\d+) insertions kept, (\d+) deletions dropped"),
        translate("ExportNotes", "Tracked changes accepted: %1 insertions kept, %2 deletions dropped."),
    ),
    (re.compile(r"(\d+) comment markers removed"), translate("ExportNotes", "%1 comments removed.")),
    (
        re.compile(r"(\d+) preview pictures of embedded objects blanked"),
        translate(
            "ExportNotes",
            "%1 preview pictures of embedded objects blanked (they showed removed values; "
            "Word redraws them when the object is opened).",
        ),
    ),
    (
        re.compile(r"metadata \(EXIF/GPS, XMP, comments, text\) removed from (\d+) pictures"),
        translate("ExportNotes", "Metadata (EXIF/GPS position, XMP, comments) removed from %1 pictures."),
    ),
    (
        re.compile(r"(\d+) imported HTML/RTF/text chunks \(altChunk\) turned into plain paragraphs"),
        translate(
            "ExportNotes", "%1 imported HTML/RTF/text chunks turned into plain paragraphs: check the layout."
        ),
    ),
    (re.compile(r"parts removed: (.+)"), translate("ExportNotes", "Parts removed from the file: %1.")),
    (
        re.compile(r"(\d+) <meta> author/contact entries emptied"),
        translate("ExportNotes", "%1 author or contact entries of the page's <meta> emptied."),
    ),
    (
        re.compile(r"(\d+) pictures in the web archive lost their metadata"),
        translate("ExportNotes", "%1 pictures in the web archive lost their metadata."),
    ),
    (
        re.compile(r"linked files \(pictures, a saved page's _files folder\) are not part of the copy"),
        translate(
            "ExportNotes",
            "Linked files (pictures, the page's _files folder) are not part of the copy: "
            "check them before publishing them with it.",
        ),
    ),
    (
        re.compile(r"(\d+) characters removed from the text, (\d+) opaque boxes drawn over them"),
        translate(
            "ExportNotes", "%1 characters removed from the text, %2 opaque boxes drawn where they were."
        ),
    ),
    (
        re.compile(r"(\d+) attachments removed"),
        translate(
            "ExportNotes",
            "%1 attachments removed (they held removed values, or content that cannot be checked).",
        ),
    ),
    (
        re.compile(r"(\d+) custom tags .* removed"),
        translate(
            "ExportNotes",
            "%1 custom tags (structured fields such as an invoice's buyer) removed: they held "
            "removed values.",
        ),
    ),
    (
        re.compile(r"document info removed: (.+)"),
        translate("ExportNotes", "Document information removed: %1."),
    ),
    (
        re.compile(r"(\d+) electronic signatures and seals removed"),
        translate(
            "ExportNotes",
            "%1 electronic signatures and seals removed: the copy no longer matches what was "
            "signed; sign the published copy again if it needs a seal.",
        ),
    ),
    (
        re.compile(r"pages (\[[\d, ]*\]) re-rendered as images"),
        translate("ExportNotes", "Pages %1 re-rendered as images (their text layer is gone)."),
    ),
    (
        re.compile(r"pages (\[[\d, ]*\]): redactions lie on images"),
        translate(
            "ExportNotes",
            "Pages %1: redactions lie on images (scans); the boxes follow the OCR text layer, "
            "check those pages visually.",
        ),
    ),
    (re.compile(r"(\d+) annotations removed"), translate("ExportNotes", "%1 annotations removed.")),
    (
        re.compile(r"(\d+) replacement characters not in (\S+) written as \*"),
        translate("ExportNotes", "%1 replacement characters that %2 cannot hold were written as *."),
    ),
    # spreadsheets (issue 28)
    (
        re.compile(r"^(\d+) cells and (\d+) shared strings de-identified, (\d+) other replacements"),
        translate("ExportNotes", "%1 cells and %2 shared strings de-identified, %3 other replacements."),
    ),
    (
        re.compile(r"^(\d+) cell values de-identified"),
        translate("ExportNotes", "%1 cell values de-identified."),
    ),
    (
        re.compile(r"(\d+) formulas that computed from removed values replaced by their values"),
        translate(
            "ExportNotes", "%1 formulas that computed from removed values were replaced by their values."
        ),
    ),
    (
        re.compile(r"(\d+) comment parts removed"),
        translate("ExportNotes", "%1 comment parts removed (notes and threaded comments)."),
    ),
    (re.compile(r"^hidden sheets removed: (.+)"), translate("ExportNotes", "Hidden sheets removed: %1.")),
    (
        re.compile(r"^hidden sheets kept and de-identified like the others: (.+)"),
        translate("ExportNotes", "Hidden sheets kept and de-identified like the others: %1."),
    ),
    (
        re.compile(r"(\d+) pivot caches: source records removed.*\((\d+) unused item lists emptied\)"),
        translate(
            "ExportNotes",
            "%1 pivot caches: their source records removed; the pivot tables refresh from the "
            "de-identified sheet when opened (%2 unused item lists emptied).",
        ),
    ),
    (
        re.compile(r"(\d+) external links: values cached from the linked workbook removed"),
        translate("ExportNotes", "%1 external links: the values cached from the linked workbooks removed."),
    ),
    (
        re.compile(r"macros \(VBA\) removed"),
        translate("ExportNotes", "Macros (VBA) removed: the copy is an ordinary xlsx workbook."),
    ),
    (
        re.compile(r"^converted from Excel 97-2003 \(\.xls\) to xlsx"),
        translate(
            "ExportNotes",
            "Converted from Excel 97-2003 (.xls) to xlsx: values, sheets, merged cells, column widths, "
            "hidden rows, columns and sheets, headers and footers are carried over; cell formatting (fonts, "
            "fills, borders, number formats other than dates), comments, formulas (their values are kept), "
            "charts, pictures, pivot tables and macros are not.",
        ),
    ),
    # pictures and scans read by OCR (issue 27)
    (
        re.compile(r"^pictures read by OCR \(mean confidence\): (.+)"),
        translate("ExportNotes", "Pictures read by OCR (mean confidence): %1."),
    ),
    (
        re.compile(r"(\d+) pictures painted over where removed values were read, encoded anew without "
                   r"metadata: (.+)"),
        translate(
            "ExportNotes",
            "%1 pictures painted over where removed values were read, saved again without metadata: %2.",
        ),
    ),
    (
        re.compile(r"pages (\[[\d, ]*\]) rendered as images with (\d+) removed characters painted over"),
        translate(
            "ExportNotes",
            "Pages %1 turned into images with %2 removed characters painted over (their original pictures "
            "and content are gone); an invisible text layer keeps their other text searchable.",
        ),
    ),
    (
        re.compile(r"^read again by OCR \(mean confidence\), no removed value read there: (.+?); text OCR"),
        translate(
            "ExportNotes",
            "Read again by OCR (mean confidence), no removed value read there: %1. Text OCR cannot read "
            "(handwriting, stamps) is not checked: look at the pictures.",
        ),
    ),
    (
        re.compile(r"^pictures OCR could not read, not checked: (.+)"),
        translate("ExportNotes", "Pictures OCR could not read, not checked: %1."),
    ),
    (re.compile(r"not checked: (.+)"), translate("ExportNotes", "Not checked: %1")),
]


def note_text(note: str) -> str:
    """One export note in the UI language (the writer's own words when the note is not known)."""
    for pattern, template in _NOTES:
        m = pattern.search(note)
        if m is None:
            continue
        text = QCoreApplication.translate("ExportNotes", template)
        for i, value in enumerate(m.groups(), start=1):
            text = text.replace(f"%{i}", value.strip("[]"))  # "pages [3, 4]" → "pages 3, 4"
        return text
    return note
