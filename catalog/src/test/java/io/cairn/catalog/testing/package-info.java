/** Test support for the real services on this machine, shared with other modules as a test-jar. */
package io.cairn.catalog.testing;
