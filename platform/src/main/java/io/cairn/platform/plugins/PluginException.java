package io.cairn.platform.plugins;

import java.util.List;

/**
 * A plugin operation that was refused or failed, with a message that says why and what to do. The status is
 * the HTTP status the REST API answers with (400 bad zip or a plugin that fails to start, 404 unknown plugin,
 * 409 conflicts, 413 too large); the server keeps running whatever the cause.
 */
public final class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> details;

  PluginException(int status, String message) {
    this(status, message, List.of(), null);
  }

  PluginException(int status, String message, List<String> details, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.details = List.copyOf(details);
  }

  static PluginException badZip(String message) {
    return new PluginException(400, message);
  }

  static PluginException refused(String message, Throwable cause) {
    return new PluginException(400, message, List.of(), cause);
  }

  static PluginException notFound(String pluginId) {
    return new PluginException(404, "no plugin '" + pluginId + "' is installed");
  }

  static PluginException conflict(String message) {
    return new PluginException(409, message);
  }

  /** The HTTP status that fits: 400, 404, 409 or 413. */
  public int status() {
    return status;
  }

  /** Further lines for people, e.g. the cause chain; may be empty. */
  public List<String> details() {
    return details;
  }

  /**
   * One line naming a failure and its causes, e.g. {@code IllegalStateException: no database (caused by
   * ConnectException: refused)}, for messages about code that a plugin ran.
   */
  static String describe(Throwable t) {
    Throwable e = unwrap(t);
    StringBuilder sb = new StringBuilder(line(e));
    Throwable cause = e.getCause();
    for (int i = 0; cause != null && cause != e && i < 3; i++, e = cause, cause = cause.getCause()) {
      sb.append(" (caused by ").append(line(cause)).append(')');
    }
    return sb.toString();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e.getCause() != null && (e instanceof java.lang.reflect.InvocationTargetException
        || e instanceof ExceptionInInitializerError || isBareWrapper(e))) {
      e = e.getCause();
    }
    return e;
  }

  /** A wrapper whose message only repeats its cause (e.g. {@code new RuntimeException(cause)}). */
  private static boolean isBareWrapper(Throwable e) {
    return e.getMessage() == null || e.getMessage().equals(String.valueOf(e.getCause()));
  }

  private static String line(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
