package io.cairn.catalog.identity;

import java.time.Instant;
import java.util.Map;

/**
 * One record of an identity graph as stored.
 *
 * @param identifiers raw identifier values by type name ({@code email}, {@code phone}, ...)
 * @param attributes raw attribute values by name
 * @param profileId the profile it belonged to when last saved
 */
public record StoredRecord(String recordId, String source, Instant seenAt, Map<String, String> identifiers,
    Map<String, String> attributes, String profileId) {}
