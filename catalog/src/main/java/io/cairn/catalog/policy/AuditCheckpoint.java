package io.cairn.catalog.policy;

import java.time.OffsetDateTime;

/**
 * A signature over the chain's hash at one entry: rewriting the chain up to there needs the signing key.
 *
 * @param seq the last entry covered
 * @param hash that entry's hash
 * @param signedAt when it was signed
 * @param algorithm e.g. {@code HmacSHA256}
 * @param keyId the public fingerprint of the signing key
 * @param signature hex
 */
public record AuditCheckpoint(long seq, String hash, OffsetDateTime signedAt, String algorithm, String keyId,
    String signature) {}
