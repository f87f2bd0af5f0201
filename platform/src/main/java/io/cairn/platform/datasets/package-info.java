/** The datasets the catalog knows: search, schema versions, the runs that read and wrote them. */
package io.cairn.platform.datasets;
