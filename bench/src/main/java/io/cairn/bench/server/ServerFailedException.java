package io.cairn.bench.server;

/** The server did not start, or stopped answering; carries the end of its console. */
public final class ServerFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String logTail;

  public ServerFailedException(String message, String logTail) {
    super(message);
    this.logTail = logTail;
  }

  /** The last lines the server printed. */
  public String logTail() {
    return logTail;
  }
}
