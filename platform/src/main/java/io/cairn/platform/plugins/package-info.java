/**
 * The plugin manager: PF4J plugins packaged as zips, loaded with allow-list class loading, installed,
 * enabled, disabled, upgraded and removed while the server runs; state kept in the catalog.
 */
package io.cairn.platform.plugins;
