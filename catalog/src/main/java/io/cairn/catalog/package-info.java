/**
 * The catalog: Flyway migrations under {@code db/migration} are the source of truth; jOOQ code is
 * generated from them at build time into {@code io.cairn.catalog.jooq}. {@link io.cairn.catalog.CatalogDatabase}
 * migrates and opens the database (H2 embedded, PostgreSQL in production); one repository per entity.
 * Repositories run each call in its own transaction unless handed a transactional {@link org.jooq.DSLContext}.
 */
package io.cairn.catalog;
