package io.cairn.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code cairn flow deploy|run|start|stop|status|list|runs}: manages the flows of a running server through its
 * REST API. {@code run} waits for the run to end and shows its progress; it exits non-zero when the run fails.
 */
public final class FlowCommand extends ApiCommand {
  private static final String ACTION = "action";
  private static final String API = "/api/v1/flows";

  private final Map<String, String> env;
  private final PrintStream out;
  private final long pollMillis;

  public FlowCommand() {
    this(System.getenv(), System.out, 1000);
  }

  FlowCommand(Map<String, String> env, PrintStream out, long pollMillis) {
    super("flow", "Deploys, runs, starts, stops and shows the flows of a running Cairn server");
    this.env = env;
    this.out = out;
    this.pollMillis = pollMillis;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().dest(ACTION).title("actions").metavar("ACTION");
    Subparser deploy = actions.addParser("deploy").help("deploys a Camel YAML DSL route as a flow (a new version)");
    deploy.addArgument("file").help("the route, e.g. customers.yaml");
    deploy.addArgument("--id").help("the flow id (default: the file name without extension)");
    deploy.addArgument("--name").help("a display name");
    Subparser run = actions.addParser("run").help("runs a flow once and waits for it, showing progress");
    run.addArgument("id").help("the flow id");
    run.addArgument("--no-wait").dest("noWait").action(Arguments.storeTrue()).help("return once started");
    actions.addParser("start").help("starts a flow and keeps it running, also across restarts")
        .addArgument("id").help("the flow id");
    actions.addParser("stop").help("stops a flow").addArgument("id").help("the flow id");
    actions.addParser("status").help("shows a flow, its live progress and last run").addArgument("id")
        .help("the flow id");
    actions.addParser("list").help("lists the flows");
    actions.addParser("runs").help("lists a flow's runs").addArgument("id").help("the flow id");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    ApiClient api = ApiClient.fromEnvironment(env);
    switch (ns.getString(ACTION)) {
      case "deploy" -> deploy(api, existing(ns.getString("file")), ns.getString("id"), ns.getString("name"));
      case "run" -> {
        String id = ns.getString("id");
        JsonNode run = api.post(API + "/" + encode(id) + "/run", null);
        out.println("started run " + run.path("id").asText() + " of " + id);
        if (!Boolean.TRUE.equals(ns.getBoolean("noWait"))) {
          await(api, id, run.path("id").asText());
        }
      }
      case "start" -> out.println("started " + ns.getString("id") + ", run "
          + api.post(API + "/" + encode(ns.getString("id")) + "/start", null).path("id").asText());
      case "stop" -> out.println(api.post(API + "/" + encode(ns.getString("id")) + "/stop", null)
          .path("stopped").asBoolean() ? "stopped " + ns.getString("id") : ns.getString("id") + " was not running");
      case "status" -> status(api.get(API + "/" + encode(ns.getString("id"))));
      case "list" -> {
        JsonNode flows = api.get(API);
        if (flows.isEmpty()) {
          out.println("no flows; deploy one with: bin/cairn flow deploy route.yaml");
        }
        flows.forEach(f -> out.printf(Locale.ROOT, "%-28s %-8s v%-3d %s%n", f.path("flow").path("id").asText(),
            f.path("status").asText(), f.path("flow").path("currentVersion").asInt(), lastRun(f.path("lastRun"))));
      }
      case "runs" -> api.get(API + "/" + encode(ns.getString("id")) + "/runs").forEach(r -> out.println(lastRun(r)));
      default -> throw new IllegalArgumentException("unknown action " + ns.getString(ACTION));
    }
  }

  private void deploy(ApiClient api, Path file, String id, String name) {
    String flowId = id != null ? id : file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
        .toLowerCase(Locale.ROOT);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", flowId);
    body.put("name", name);
    try {
      body.put("definition", Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode f = api.post(API, body);
    out.println("deployed " + f.path("id").asText() + " version " + f.path("currentVersion").asInt());
  }

  private void await(ApiClient api, String id, String runId) throws InterruptedException {
    while (true) {
      JsonNode run = api.get(API + "/" + encode(id) + "/runs/" + encode(runId)).path("run");
      if (!"RUNNING".equals(run.path("state").asText())) {
        out.println(lastRun(run));
        if (!"SUCCEEDED".equals(run.path("state").asText()) && !"STOPPED".equals(run.path("state").asText())) {
          throw new IllegalArgumentException("run " + runId + " " + run.path("state").asText()
              + (run.hasNonNull("error") ? ": " + run.get("error").asText() : ""));
        }
        return;
      }
      JsonNode progress = api.get(API + "/" + encode(id)).path("progress");
      if (progress.isObject()) {
        out.printf(Locale.ROOT, "  ... %,d rows read, %,d written, %,d quarantined (%,.0f rows/s)%n",
            progress.path("rowsIn").asLong(), progress.path("rowsOut").asLong(),
            progress.path("rowsQuarantined").asLong(), progress.path("rowsPerSecond").asDouble());
      }
      Thread.sleep(pollMillis);
    }
  }

  private void status(JsonNode f) {
    out.println(f.path("flow").path("id").asText() + " (" + f.path("flow").path("name").asText() + "): "
        + f.path("status").asText() + ", version " + f.path("flow").path("currentVersion").asInt());
    if (f.hasNonNull("loadError")) {
      out.println("  cannot load: " + f.get("loadError").asText());
    }
    JsonNode p = f.path("progress");
    if (p.isObject()) {
      out.printf(Locale.ROOT, "  running: %,d rows read, %,d written, %,d quarantined (%,.0f rows/s)%n",
          p.path("rowsIn").asLong(), p.path("rowsOut").asLong(), p.path("rowsQuarantined").asLong(),
          p.path("rowsPerSecond").asDouble());
    }
    out.println("  last run: " + lastRun(f.path("lastRun")));
  }

  private static String lastRun(JsonNode r) {
    if (r == null || r.isMissingNode() || r.isNull()) {
      return "never run";
    }
    return String.format(Locale.ROOT, "%s %s started %s: %,d rows read, %,d written, %,d quarantined%s",
        r.path("id").asText(), r.path("state").asText(), r.path("startedAt").asText(), r.path("rowsIn").asLong(),
        r.path("rowsOut").asLong(), r.path("rowsQuarantined").asLong(),
        r.hasNonNull("error") ? " (" + r.get("error").asText() + ")" : "");
  }
}
