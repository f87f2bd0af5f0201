/** Test helpers for lineage, shared with the platform's tests through this module's test-jar. */
package io.cairn.governance.lineage.testing;
