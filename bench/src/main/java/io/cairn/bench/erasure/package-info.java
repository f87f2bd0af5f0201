/**
 * The erasure benchmark: the time to erase one person across derived PostgreSQL tables holding 10 million rows
 * in total, beside the same DELETEs issued directly over JDBC.
 */
package io.cairn.bench.erasure;
