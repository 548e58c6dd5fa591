"""Our pattern recognizers, one per file, registered from this explicit list (names used in the YAML)."""

from reviewer.core.detection.recognizers.bank_card import CnBankCardRecognizer
from reviewer.core.detection.recognizers.base import CnPatternRecognizer
from reviewer.core.detection.recognizers.birth_date import CnBirthDateRecognizer
from reviewer.core.detection.recognizers.email import CnEmailRecognizer
from reviewer.core.detection.recognizers.hk_macao_permit import CnHkMacaoPermitRecognizer
from reviewer.core.detection.recognizers.id_card import CnIdCardRecognizer
from reviewer.core.detection.recognizers.ip_address import CnIpAddressRecognizer
from reviewer.core.detection.recognizers.landline_phone import CnLandlinePhoneRecognizer
from reviewer.core.detection.recognizers.license_plate import CnLicensePlateRecognizer
from reviewer.core.detection.recognizers.mobile_phone import CnMobilePhoneRecognizer
from reviewer.core.detection.recognizers.passport import CnPassportRecognizer
from reviewer.core.detection.recognizers.qq import CnQqRecognizer
from reviewer.core.detection.recognizers.sensitive_personal import CnSensitivePersonalRecognizer
from reviewer.core.detection.recognizers.uscc import CnUsccRecognizer
from reviewer.core.detection.recognizers.wechat import CnWechatRecognizer

# Order = priority when two of them claim overlapping text with the same score.
RECOGNIZER_CLASSES: dict[str, type[CnPatternRecognizer]] = {
    cls.__name__: cls
    for cls in (
        CnIdCardRecognizer, CnUsccRecognizer, CnBankCardRecognizer, CnMobilePhoneRecognizer,
        CnLandlinePhoneRecognizer, CnPassportRecognizer, CnHkMacaoPermitRecognizer, CnLicensePlateRecognizer,
        CnEmailRecognizer, CnIpAddressRecognizer, CnQqRecognizer, CnWechatRecognizer, CnBirthDateRecognizer,
        CnSensitivePersonalRecognizer,
    )
}

__all__ = ["RECOGNIZER_CLASSES", "CnPatternRecognizer"]
