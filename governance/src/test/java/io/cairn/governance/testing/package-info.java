/** Test support for governance: fresh catalogs on H2 and on the machine's PostgreSQL. */
package io.cairn.governance.testing;
