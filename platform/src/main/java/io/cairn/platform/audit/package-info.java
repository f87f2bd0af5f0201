/**
 * The audit API ({@code /api/v1/audit}: entries, chain verification, CSV/JSON/PDF evidence export), the
 * filter that appends every state-changing API call and every refused call to the audit chain, and the token
 * API through which compliance reverses tokenisation.
 */
package io.cairn.platform.audit;
