"""De-identification: operators, policy profiles, plans, clean export and independent verification.

Entry points (import from the submodules; this package imports nothing so that `review` can use the
operator names without loading the writers):
- `profiles.load_profile(name_or_path) -> Profile` (general, punitive-notice, mandatory-disclosure, YAML)
- `plan.plan_redactions(findings, profile, key=...)` / `plan.plan_from_decisions(pairs, profile, key=...)`
  → `RedactionPlan` (value → replacement, per-character keep masks for PDF)
- `export.write_verified(document, plan, output, pdf_rasterize=False) -> ExportResult`: write to a
  temporary file, `verify.verify_output`, rename; raises `errors.VerificationFailed` (nothing written)
- `workspace_key.workspace_key(folder) -> bytes`: the HMAC key of the keyed-hash operator
"""
