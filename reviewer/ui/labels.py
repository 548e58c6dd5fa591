"""Display names and colours for the core's enums; the core stores values, the UI translates them.

Every name goes through `QCoreApplication.translate` (context "Labels") so that `pyside6-lupdate`
extracts it and the language can switch at run time.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from reviewer.core.types import Category, EntityType, Severity


class ReviewState(StrEnum):
    """Where a finding stands in the review, as shown in the findings table."""

    PENDING = "pending"
    ACCEPTED = "accepted"  # will be de-identified with its operator
    REJECTED = "rejected"  # not a problem (reason recorded)


def entity_type_name(entity_type: str) -> str:
    names = {
        EntityType.CN_ID_CARD: QCoreApplication.translate("Labels", "ID card number"),
        EntityType.CN_MOBILE_PHONE: QCoreApplication.translate("Labels", "Mobile phone"),
        EntityType.CN_LANDLINE_PHONE: QCoreApplication.translate("Labels", "Landline phone"),
        EntityType.EMAIL_ADDRESS: QCoreApplication.translate("Labels", "E-mail address"),
        EntityType.CN_BANK_CARD: QCoreApplication.translate("Labels", "Bank card / account"),
        EntityType.CN_USCC: QCoreApplication.translate("Labels", "Unified social credit code"),
        EntityType.CN_LICENSE_PLATE: QCoreApplication.translate("Labels", "Licence plate"),
        EntityType.CN_PASSPORT: QCoreApplication.translate("Labels", "Passport number"),
        EntityType.CN_HK_MACAO_PERMIT: QCoreApplication.translate("Labels", "HK/Macao permit"),
        EntityType.IP_ADDRESS: QCoreApplication.translate("Labels", "IP address"),
        EntityType.CN_QQ: QCoreApplication.translate("Labels", "QQ number"),
        EntityType.CN_WECHAT: QCoreApplication.translate("Labels", "WeChat ID"),
        EntityType.CN_BIRTH_DATE: QCoreApplication.translate("Labels", "Date of birth"),
        EntityType.SENSITIVE_PERSONAL: QCoreApplication.translate("Labels", "Sensitive personal information"),
        EntityType.PERSON: QCoreApplication.translate("Labels", "Personal name"),
        EntityType.CN_ADDRESS: QCoreApplication.translate("Labels", "Address"),
        EntityType.ORGANIZATION: QCoreApplication.translate("Labels", "Organisation"),
        EntityType.CLASSIFIED_MARKING: QCoreApplication.translate("Labels", "Classification marking"),
        EntityType.COPY_NUMBER: QCoreApplication.translate("Labels", "Copy number"),
        EntityType.URGENCY_MARKING: QCoreApplication.translate("Labels", "Urgency marking"),
        EntityType.STATE_SECRET_STATEMENT: QCoreApplication.translate("Labels", "State-secret statement"),
        EntityType.WORK_SECRET: QCoreApplication.translate("Labels", "Work secret"),
        EntityType.INTERNAL_USE: QCoreApplication.translate("Labels", "Internal use only"),
        EntityType.PROCESS_INFORMATION: QCoreApplication.translate("Labels", "Process information"),
        EntityType.DISCLOSURE_NOTE: QCoreApplication.translate("Labels", "Disclosure note"),
        EntityType.MANUAL: QCoreApplication.translate("Labels", "Manual finding"),
        # issue 33: the office's term lists, wording and timing
        EntityType.TERM_BLOCK: QCoreApplication.translate("Labels", "Listed term: blocks release"),
        EntityType.TERM_REVIEW: QCoreApplication.translate("Labels", "Listed term: sensitive wording"),
        EntityType.TERM_DENY: QCoreApplication.translate("Labels", "Listed term: always removed"),
        EntityType.WORDING_OUTDATED_NAME: QCoreApplication.translate("Labels", "Former name of a body"),
        EntityType.WORDING_DRAFT_STATUS: QCoreApplication.translate("Labels", "Draft status"),
        EntityType.WORDING_PROMISE: QCoreApplication.translate("Labels", "Absolute commitment"),
        EntityType.WORDING_NUMBER_YEAR: QCoreApplication.translate("Labels", "Document number year"),
        EntityType.WORDING_FUTURE_DATE: QCoreApplication.translate("Labels", "Date after today"),
        EntityType.TIMING_DEADLINE: QCoreApplication.translate("Labels", "Deadline"),
        EntityType.TIMING_EFFECTIVE: QCoreApplication.translate("Labels", "Effective date"),
        EntityType.TIMING_EMBARGO: QCoreApplication.translate("Labels", "Embargo"),
    }
    return names.get(entity_type, str(entity_type))


def category_name(category: str) -> str:
    return {
        Category.PERSONAL: QCoreApplication.translate("Labels", "Personal information"),
        Category.RESTRICTED: QCoreApplication.translate("Labels", "Restricted content"),
        Category.OTHER: QCoreApplication.translate("Labels", "Other"),
    }.get(category, str(category))


def severity_name(severity: str | None) -> str:
    return {
        Severity.BLOCK: QCoreApplication.translate("Labels", "Blocks release"),
        Severity.REVIEW: QCoreApplication.translate("Labels", "Needs review"),
        Severity.INFO: QCoreApplication.translate("Labels", "Information"),
    }.get(severity, "")  # type: ignore[arg-type]


def state_name(state: str) -> str:
    return {
        ReviewState.PENDING: QCoreApplication.translate("Labels", "Pending"),
        ReviewState.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        ReviewState.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
    }.get(state, str(state))


def operator_name(operator: str | None) -> str:
    if not operator:
        return ""
    return {
        "mask": QCoreApplication.translate("Labels", "Mask"),
        "pseudonym": QCoreApplication.translate("Labels", "Pseudonym (某)"),
        "generalize": QCoreApplication.translate("Labels", "Generalise"),
        "generalise": QCoreApplication.translate("Labels", "Generalise"),
        "redact": QCoreApplication.translate("Labels", "Redact"),
        "label": QCoreApplication.translate("Labels", "Label"),
        "hash": QCoreApplication.translate("Labels", "Keyed hash"),
        "keep": QCoreApplication.translate("Labels", "Keep"),
    }.get(operator, operator)


# Calm, print-like colours: a light fill for pending findings, a stronger one for accepted ones.
CATEGORY_COLOURS = {
    Category.PERSONAL: QColor("#f4a261"),  # amber
    Category.RESTRICTED: QColor("#e05260"),  # red
    Category.OTHER: QColor("#5b8fd6"),  # blue
}


def category_colour(category: str, *, alpha: int = 255) -> QColor:
    colour = QColor(CATEGORY_COLOURS.get(category, QColor("#999999")))
    colour.setAlpha(alpha)
    return colour
