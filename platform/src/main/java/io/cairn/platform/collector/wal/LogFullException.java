package io.cairn.platform.collector.wal;

/** The log holds its configured bound of bytes; nothing was appended. The collector answers 503. */
public final class LogFullException extends Exception {
  private static final long serialVersionUID = 1L;

  LogFullException(long bound) {
    super("the collector's write-ahead log is full (" + bound + " bytes); retry later");
  }
}
