package io.cairn.catalog;

import java.time.OffsetDateTime;

/**
 * An installed plugin as recorded in the catalog.
 *
 * @param state {@code ENABLED} or {@code DISABLED}: the state restored at start
 * @param extensions a comma-separated list of the extensions it contributes, e.g. {@code source:file,sink:file}
 */
public record PluginEntry(
    String pluginId, String version, String state, String fileName, String sha256, String provider,
    String description, String requires, String extensions, String installedBy, OffsetDateTime installedAt,
    OffsetDateTime updatedAt) {}
