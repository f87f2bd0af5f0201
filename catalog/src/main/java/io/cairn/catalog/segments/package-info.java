/** Rule segments in the catalog: definitions, current members, sizes over time and activation exports. */
package io.cairn.catalog.segments;
