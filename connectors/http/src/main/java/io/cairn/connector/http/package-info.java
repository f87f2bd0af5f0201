/**
 * {@code cairn:source:http}: JSON records from a paged HTTP API, and the connector SDK's template.
 *
 * <p>The source GETs {@code url}, takes the array of records at {@code recordsPointer} (a JSON Pointer; the
 * body itself when empty) and follows the next page's URL at {@code nextPointer} until there is none. Each
 * record becomes a row of the declared {@code columns}; a record that does not convert goes to the quarantine
 * with the reason. The offset is the page's URL and the number of its records already read, so a resumed run
 * fetches that page again and skips what was committed. Datasets are named as OpenLineage names HTTP
 * resources: namespace {@code https://host:port}, name the path.
 */
package io.cairn.connector.http;
