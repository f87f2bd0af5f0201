package io.cairn.platform.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;

/** A CLI command that works through a running server's REST API; known failures print without a stack trace. */
abstract class ApiCommand extends Command {
  ApiCommand(String name, String description) {
    super(name, description);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof ApiClient.ApiError || e instanceof IllegalArgumentException) {
      cli.getStdErr().println("error: " + e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Path existing(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no file " + path.toAbsolutePath());
    }
    return path;
  }
}
