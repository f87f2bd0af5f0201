/**
 * Consent in the catalog: purposes, subjects and their identifiers, the append-only consent history and the
 * suppression list, plus the change feeds (rows after an id) that keep every node's consent index current.
 */
package io.cairn.catalog.consent;
