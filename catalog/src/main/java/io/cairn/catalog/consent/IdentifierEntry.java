package io.cairn.catalog.consent;

/**
 * One identifier of a subject.
 *
 * @param id the row id (grows with every insert; the change feed's position)
 * @param value the normalised value
 * @param hash the hex SHA-256 of the normalised value
 */
public record IdentifierEntry(long id, long subjectId, String type, String value, String hash) {}
