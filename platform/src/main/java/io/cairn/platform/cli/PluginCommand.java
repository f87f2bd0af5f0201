package io.cairn.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code cairn plugin install|list|remove|upgrade|enable|disable}: manages the plugins of a running server
 * through its REST API (see {@link ApiClient} for {@code CAIRN_URL} and the credentials).
 */
public final class PluginCommand extends ApiCommand {
  private static final String ACTION = "action";
  private static final String API = "/api/v1/plugins";
  /** Files from this size on show upload progress. */
  private static final long PROGRESS_FROM = 1024 * 1024;

  private final Map<String, String> env;
  private final PrintStream out;

  public PluginCommand() {
    this(System.getenv(), System.out);
  }

  PluginCommand(Map<String, String> env, PrintStream out) {
    super("plugin", "Installs, lists, upgrades, enables, disables and removes plugins of a running Cairn server");
    this.env = env;
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().dest(ACTION).title("actions").metavar("ACTION");
    actions.addParser("install").help("uploads a plugin zip and starts it").addArgument("zip").help("the -plugin.zip");
    actions.addParser("list").help("lists the installed plugins and their extensions");
    Subparser remove = actions.addParser("remove").help("uninstalls a plugin");
    remove.addArgument("id").help("the plugin id");
    remove.addArgument("--force").action(Arguments.storeTrue()).help("stop the running flows that use it");
    actions.addParser("upgrade").help("replaces an installed plugin by the version in a zip")
        .addArgument("zip").help("the new -plugin.zip");
    actions.addParser("enable").help("starts a disabled plugin").addArgument("id").help("the plugin id");
    actions.addParser("disable").help("stops a plugin and the flows using it").addArgument("id").help("the plugin id");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    ApiClient api = ApiClient.fromEnvironment(env);
    switch (namespace.getString(ACTION)) {
      case "install" -> {
        Path zip = existing(namespace.getString("zip"));
        printInstalled("installed", api.upload("POST", API, zip, progress(zip)));
      }
      case "upgrade" -> {
        Path zip = existing(namespace.getString("zip"));
        String id = pluginId(zip);
        printInstalled("upgraded", api.upload("PUT", API + "/" + encode(id), zip, progress(zip)));
      }
      case "list" -> printList(api.get(API));
      case "remove" -> {
        String id = namespace.getString("id");
        boolean force = Boolean.TRUE.equals(namespace.getBoolean("force"));
        api.delete(API + "/" + encode(id) + (force ? "?force=true" : ""));
        out.println("removed " + id);
      }
      case "enable", "disable" -> {
        String action = namespace.getString(ACTION);
        JsonNode p = api.post(API + "/" + encode(namespace.getString("id")) + "/" + action, null);
        out.println(action + "d " + p.path("id").asText() + " " + p.path("version").asText() + ": "
            + p.path("state").asText());
      }
      default -> throw new IllegalArgumentException("unknown action " + namespace.getString(ACTION));
    }
  }

  private void printInstalled(String verb, JsonNode p) {
    out.println(verb + " " + p.path("id").asText() + " " + p.path("version").asText() + " (" + extensions(p) + "), "
        + p.path("state").asText() + ", sha256 " + p.path("sha256").asText());
  }

  private void printList(JsonNode plugins) {
    if (plugins.isEmpty()) {
      out.println("no plugins installed");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "VERSION", "STATE", "EXTENSIONS"});
    plugins.forEach(p -> rows.add(new String[] {p.path("id").asText(), p.path("version").asText(),
        p.path("state").asText(), extensions(p)}));
    int[] widths = new int[3];
    rows.forEach(r -> {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    });
    for (String[] r : rows) {
      out.printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n", r[0], r[1], r[2], r[3]);
    }
    plugins.forEach(p -> {
      if (p.hasNonNull("error")) {
        out.println(p.path("id").asText() + ": " + p.get("error").asText());
      }
    });
  }

  private static String extensions(JsonNode p) {
    List<String> names = new ArrayList<>();
    p.path("extensions").forEach(e -> names.add(e.path("kind").asText() + ":" + e.path("name").asText()));
    return String.join(", ", names);
  }

  private ApiClient.Progress progress(Path zip) {
    long size;
    try {
      size = Files.size(zip);
    } catch (IOException e) {
      return ApiClient.Progress.NONE;
    }
    if (size < PROGRESS_FROM) {
      return ApiClient.Progress.NONE;
    }
    String name = zip.getFileName().toString();
    int[] shown = {-1};
    return (sent, total) -> {
      int percent = (int) (sent * 100 / Math.max(1, total));
      if (percent / 10 > shown[0] / 10 || (percent == 100 && shown[0] != 100)) {
        shown[0] = percent;
        out.printf("uploading %s: %d%% (%.1f of %.1f MB)%n", name, percent, sent / 1048576.0, total / 1048576.0);
      }
    };
  }

  /** The plugin id in a local zip's plugin.properties, to know which plugin an upgrade replaces. */
  private static String pluginId(Path zip) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      var entry = file.getEntry("plugin.properties");
      if (entry == null) {
        throw new IllegalArgumentException(zip + " has no plugin.properties at its root: is it a plugin zip?");
      }
      Properties props = new Properties();
      try (InputStream in = file.getInputStream(entry)) {
        props.load(in);
      }
      String id = props.getProperty("plugin.id", "").trim();
      if (id.isEmpty()) {
        throw new IllegalArgumentException("plugin.properties in " + zip + " has no plugin.id");
      }
      return id;
    } catch (IOException e) {
      throw new IllegalArgumentException(zip + " is not a readable zip file: " + e.getMessage(), e);
    }
  }

}
