/**
 * Source discovery: lists the datasets a source can read (tables, views, columns, types, keys) through the
 * connector's {@code discover} and records them in the catalog, so stewards see and classify them before any
 * flow reads them.
 */
package io.cairn.platform.discovery;
