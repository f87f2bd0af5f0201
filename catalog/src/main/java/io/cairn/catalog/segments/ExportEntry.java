package io.cairn.catalog.segments;

import java.time.OffsetDateTime;

/**
 * One activation export of a segment.
 *
 * @param rows the subjects sent
 * @param suppressed the members left out (no valid basis for the purpose, suppressed, erased ...)
 * @param manifest where the export went and its digest, e.g. {@code file:///.../x.csv sha256=...}
 */
public record ExportEntry(String id, String segment, String format, String purpose, String status, int rows,
    int suppressed, String manifest, String createdBy, OffsetDateTime at) {}
