"""Rule-based entities, quotes and cross-article discrepancies (no model downloads, no Qt)."""
