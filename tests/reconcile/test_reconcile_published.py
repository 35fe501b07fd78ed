"""Publication dates inferred from reconciled events (claimweave.reconcile.published)."""

from __future__ import annotations

from claimweave.models import Expiry
from claimweave.reconcile import reconcile_run


def test_undated_document_gets_the_date_of_the_latest_event_it_reports(doc):
    dated = doc("dated", published="2025-08-09")
    dated.claim("visit", "Asaad al-Shaibani", "Moscow", time="2025-07-31", object_label="GPE")
    undated = doc("undated", published=None)
    undated.claim("fly", "Shaibani", "Moscow", time="2025-07", mod="END", object_label="GPE")
    undated.claim("meet", "Shaibani", "Sergei Lavrov", time="XXXX-12-08", anchor="none")
    undated.claim("host", "Moscow", "summit", time="2025-10", modality="planned", object_label="EVENT")
    run = reconcile_run([dated.build(), undated.build()])
    (updated,) = run.updated
    assert updated.document.published == "2025-07-31"
    assert updated.document.published_from == "inferred"
    assert "2025-07-31" in updated.document.warnings[-1]
    reresolved = {t.text: t.value for t in updated.timexes}
    assert reresolved["XXXX-12-08"] == "2024-12-08"
    assert any(c.time and c.time.value == "2024-12-08" for c in updated.claims)
    assert any(c.time == "2024-12-08" for c in run.claims.claims)


def test_no_inference_without_a_dated_past_event(doc):
    undated = doc("undated", published=None)
    undated.claim("host", "Moscow", "summit", time="2025-10-15", modality="planned", object_label="EVENT")
    assert reconcile_run([undated.build()]).updated == []


def test_an_event_no_other_source_reports_as_past_does_not_date_a_document(doc):
    dated = doc("dated", published="2025-08-09")
    dated.claim("start", "Halvorsen", "construction", time="2026-03-02", object_label="EVENT")
    undated = doc("undated", published=None)
    undated.claim("start", "Halvorsen", "construction", time="2026-03-02", object_label="EVENT")
    assert reconcile_run([dated.build(), undated.build()]).updated == []


def test_agreement_signing_dates_read_from_reresolved_expressions_follow_them(doc):
    dated = doc("dated", published="2025-08-09")
    dated.claim("visit", "Asaad al-Shaibani", "Moscow", time="2025-07-31", object_label="GPE")
    undated = doc("undated", published=None)
    undated.claim("fly", "Shaibani", "Moscow", time="2025-07", mod="END", object_label="GPE")
    undated.claim("sign", "Kurdish Council", time="2024-03", anchor="narrative", timex_text="March")
    march = undated.timexes[-1]
    agreement = undated.agreement("agreement", ["Kurdish Council"], signed=["2024-03"], duration="P2Y")
    agreement.field_evidence["signed"] = march.evidence
    agreement.expires = Expiry(value="2026-03", computed=True)
    (updated,) = reconcile_run([dated.build(), undated.build()]).updated
    (retimed,) = updated.agreements
    assert retimed.signed == ["2025-03"]
    assert retimed.expires.value == "2027-03" and retimed.expires.computed
