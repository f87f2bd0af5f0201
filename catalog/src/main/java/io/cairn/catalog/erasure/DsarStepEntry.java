package io.cairn.catalog.erasure;

/**
 * What a request found and did in one dataset.
 *
 * @param action {@code deleted}, {@code anonymised}, {@code exported} or {@code skipped}
 * @param rows how many rows of the person the action touched
 * @param detail how, or why it was skipped
 */
public record DsarStepEntry(String namespace, String dataset, String action, long rows, String detail) {}
