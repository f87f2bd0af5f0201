/**
 * Masking functions for policies and for the {@code cairn:step:mask} step: null and redact, partial (show the
 * first or last N characters), keyed hashing (HMAC-SHA-256, deterministic so joins still work), plain SHA-256
 * of normalised emails and E.164 phones (what ad and email platforms expect for customer matching), reversible
 * tokenisation through a {@link io.cairn.governance.masking.TokenVault}, generalisation (age bands, postcode
 * truncation, date to month) and per-subject date shifting.
 *
 * <p>A mask is written as a spec such as {@code partial:0:4} or {@code sha256:phone:US}; {@link
 * io.cairn.governance.masking.MaskSpecs} parses specs into {@link io.cairn.governance.masking.MaskFunction}s.
 */
package io.cairn.governance.masking;
