/**
 * The {@code jdbc} connector: reads a table or a query, in full or incrementally by a watermark column, and
 * writes (inserts or upserts) into a table. PostgreSQL, MariaDB (and MySQL URLs) and H2; the drivers travel
 * in the plugin's {@code lib/} and are found with {@link java.util.ServiceLoader} in the plugin class loader.
 *
 * <p>Dataset names follow OpenLineage: namespace {@code postgres://host:port}, {@code mysql://host:port}
 * (MariaDB) or {@code h2:<location>} ({@code h2:mem:<name>}, {@code h2:<file path>},
 * {@code h2:tcp://host/path}); name {@code database.schema.table} ({@code database.table} on MariaDB). A query
 * source is named after the first table its outermost {@code FROM} names, or {@code query:<12 hex digits of
 * the query's SHA-1>} when it names none.
 *
 * <p>Offsets: a full read keeps none (a new run reads everything again; pair it with an upserting sink). An
 * incremental read's offset is {@code <KIND>:<watermark value>} (e.g. {@code TIMESTAMPTZ:2024-05-01T10:00:00Z},
 * {@code LONG:42}); it only advances past a value once every row with that value has been read. Timestamps
 * without a time zone are taken as UTC.
 */
package io.cairn.connector.jdbc;
