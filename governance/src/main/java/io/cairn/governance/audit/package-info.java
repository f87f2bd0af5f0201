/**
 * The tamper-evident audit log: every admin and steward action, every deny and mask decision, every preview
 * and export is appended to a chain in which each entry carries the SHA-256 of the previous one, with
 * checkpoints signed by the audit key. {@link io.cairn.governance.audit.AuditLog} appends and verifies;
 * {@link io.cairn.governance.audit.AuditExports} and {@link io.cairn.governance.audit.EvidenceReport} export a
 * period as CSV, JSON or a PDF evidence report.
 */
package io.cairn.governance.audit;
