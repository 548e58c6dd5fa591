"""PERSON: names from the NER model, plus names right after a role trigger (当事人：/申请人/…)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from reviewer.core.detection.ner import rules
from reviewer.core.detection.ner.base import MODEL_NAME, PERSON_LABELS, NerBackedRecognizer
from reviewer.core.detection.ner.surnames import COMPOUND_SURNAMES

LAC_SCORE = 0.6  # LAC alone: a second opinion, reported but ranked below the model
IDIOM_SCORE = 0.4  # below the default threshold: 惠民利民, 为民服务 are slogans, not names
ROLE_SCORE = 0.85  # a role trigger alone: the party of a decision is almost always a person or a company
BOTH_SCORE = 0.95  # model and role trigger agree


class ChinesePersonRecognizer(NerBackedRecognizer):
    ENTITY = "PERSON"

    def __init__(self, supported_language: str = "zh", lac_ensemble: bool = False) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language,
                         name="ChinesePersonRecognizer")
        self.lac = None
        if lac_ensemble:
            from reviewer.core.detection.ner.lac_ensemble import LacNames

            self.lac = LacNames()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        results: dict[tuple[int, int], RecognizerResult] = {}
        roles = rules.role_names(text)
        for start, end, score in rules.join_split_names(text, list(self.model_entities(nlp_artifacts,
                                                                                        PERSON_LABELS))):
            if rules.cuts_two_words(text, start, end) or rules.names_a_place(text, end) \
                    or rules.word_broken_by_line(text, end):
                continue
            start, end = rules.yi_name(text, *rules.clean_span(text, start, end))
            model_end = end
            start, end = rules.widen_name(text, start, end)
            if not self._acceptable(text[start:end]):
                continue
            role = next((r for r in roles if r.start < end and start < r.end), None)
            if role is not None:
                # the role rule bounds the name by punctuation or a following verb: trust its span
                start, end = role.start, role.end
                why = (f"模型 {MODEL_NAME} 识别为人名，且位于“{role.role}”之后 / "
                       f"NER model {MODEL_NAME} found a name, right after the role word '{role.role}'")
                results[(start, end)] = self.result(self.ENTITY, start, end, max(score, BOTH_SCORE), why)
            else:
                why = f"模型 {MODEL_NAME} 识别为人名 / NER model {MODEL_NAME} found a person's name"
                if end != model_end:
                    why += "（按单元格补全 / completed to the whole table cell）"
                if rules.idiom_shaped(text[start:end]):
                    score = min(score, IDIOM_SCORE)
                    why += ("；四字且非复姓，常为成语或口号，降低分数 / four characters without a compound "
                            "surname: often an idiom or slogan, score lowered")
                results[(start, end)] = self.result(self.ENTITY, start, end, score, why)
        for start, end in rules.tibetan_names(text):
            if rules.names_a_place(text, end):
                continue
            # the model's spans cut inside the name (子泽 + 旺多吉 of 之子泽旺多吉, 增平措 of 旦增平措) give way
            inside = [k for k in results if k[0] < end and start < k[1] and start - 1 <= k[0] and k[1] <= end + 1]
            if any(k[0] < end and start < k[1] for k in results if k not in inside):
                continue
            score = max([results.pop(k).score for k in inside], default=ROLE_SCORE)
            why = ("由藏族姓名常用字组成的姓名 / a Tibetan name built from the usual elements of Tibetan names")
            results[(start, end)] = self.result(self.ENTITY, start, end, max(score, ROLE_SCORE), why)
        for (start, end), first in list(results.items()):
            for s, e in rules.list_neighbours(text, start, end):
                if not any(s < e2 and s2 < e for s2, e2 in results):
                    why = (f"与“{text[start:end]}”并列的姓名 / listed together with the name '{text[start:end]}'")
                    results[(s, e)] = self.result(self.ENTITY, s, e, first.score, why)
        for role in roles:
            if any(s < role.end and role.start < e for s, e in results):
                continue
            why = (f"规则：“{role.role}”之后的姓名（模型未识别） / rule: a name right after the role word "
                   f"'{role.role}' (the model did not mark it)")
            results[(role.start, role.end)] = self.result(self.ENTITY, role.start, role.end, ROLE_SCORE, why)
        if self.lac is not None:
            for start, end in self.lac.names(text):
                name = text[start:end]
                if any(s < end and start < e for s, e in results) or not self._acceptable(name) \
                        or not rules.plausible_name(name):
                    continue
                why = "LAC 词法分析识别为人名（模型未识别） / the LAC lexical analyser found a name (the model did not)"
                results[(start, end)] = self.result(self.ENTITY, start, end, LAC_SCORE, why)
        # a role word's span too: 联系人欧阳 names a surname only (see _acceptable)
        return sorted((r for r in results.values() if text[r.start:r.end] not in COMPOUND_SURNAMES),
                      key=lambda r: r.start)

    @staticmethod
    def _acceptable(name: str) -> bool:
        """Not de-identified (张某), not a government body or company, at least two characters, not a
        compound surname alone (司马, 欧阳: it names nobody, and removing it everywhere would also forbid
        the surname that the pseudonyms of 司马彪 or 欧阳明 keep, so the export could never verify)."""
        if len(name) < 2 or not rules.name_shaped(name) or name in rules.NOT_NAMES or name in rules.PROVINCES \
                or name in COMPOUND_SURNAMES:
            return False
        return not (rules.is_deidentified(name) or rules.looks_like_organization(name))
