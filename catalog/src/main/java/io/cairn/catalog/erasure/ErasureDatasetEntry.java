package io.cairn.catalog.erasure;

import java.time.OffsetDateTime;

/**
 * A dataset's subject column and erasure policy.
 *
 * @param subjectColumn the column holding the subject id, or null when unknown
 * @param policy {@code delete}, {@code anonymise} or {@code retain}
 * @param maskSpec for {@code anonymise}: {@code column=null|redact|hash,...}
 * @param reason for {@code retain}: why the rows are kept (e.g. a legal hold); free text otherwise
 * @param learnedFrom {@code flow:<id>} when a flow's rows showed the column, {@code user:<name>} when set
 */
public record ErasureDatasetEntry(String namespace, String name, String subjectColumn, String policy,
    String maskSpec, String reason, String learnedFrom, OffsetDateTime updatedAt) {}
