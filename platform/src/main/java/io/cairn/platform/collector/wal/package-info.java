/**
 * The collector's write-ahead log: events are appended to segment files and forced to disk (group commit) before
 * the collector answers, read back by position, and deleted once every named cursor has passed them.
 */
package io.cairn.platform.collector.wal;
