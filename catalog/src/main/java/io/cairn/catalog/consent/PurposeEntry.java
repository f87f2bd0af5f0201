package io.cairn.catalog.consent;

/**
 * A configured processing purpose.
 *
 * @param defaultBasis the lawful basis the purpose rests on by default: {@code consent} needs a grant,
 *     {@code legitimate_interest} and {@code contract} hold unless the subject objected
 * @param unknownSubject {@code deny} or {@code allow}: what to do with rows of subjects nobody recorded
 */
public record PurposeEntry(String name, String description, String defaultBasis, String unknownSubject) {}
