package io.cairn.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testing.TestServer;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn flow ...} against a running server with the bundled connectors. */
class FlowCommandTest {
  @TempDir
  static Path home;
  @TempDir
  static Path work;

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, Path.of("target", "bundled-plugins").toAbsolutePath().toString());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  record Run(String out, String err, boolean failed) {}

  private static Run cairn(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("CAIRN_URL", server.url(), "CAIRN_USER", "admin",
        "CAIRN_PASSWORD", TestServer.ADMIN_PASSWORD);
    Bootstrap<CairnConfiguration> bootstrap = new Bootstrap<>(new CairnApplication());
    bootstrap.addCommand(new FlowCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8), 20));
    Optional<Throwable> failure = new Cli(new JarLocation(CairnApplication.class), bootstrap, out, err).run(args);
    return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure.isPresent());
  }

  private static Path route(String name, String csv, String out) throws Exception {
    Path file = work.resolve(name + ".yaml");
    Files.writeString(file, """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv, columns: "id:LONG,name"}
              steps:
                - to:
                    uri: "cairn:sink:file"
                    parameters: {path: "%s", format: jsonl, fileName: out.jsonl}
        """.formatted(csv, out));
    return file;
  }

  @Test
  void deployRunStatusAndList() throws Exception {
    Path csv = work.resolve("people.csv");
    StringBuilder sb = new StringBuilder("id,name\n");
    for (int i = 1; i <= 5000; i++) {
      sb.append(i).append(",p").append(i).append('\n');
    }
    sb.append("x,bad\n");
    Files.writeString(csv, sb);
    Path out = Files.createDirectories(work.resolve("out"));

    Run deploy = cairn("flow", "deploy", route("people-copy", csv.toString(), out.toString()).toString());
    assertThat(deploy.failed()).as(deploy.err()).isFalse();
    assertThat(deploy.out()).contains("deployed people-copy version 1");

    Run run = cairn("flow", "run", "people-copy");
    assertThat(run.failed()).as(run.err()).isFalse();
    assertThat(run.out()).contains("SUCCEEDED").contains("5,000 rows read").contains("1 quarantined");
    assertThat(Files.readAllLines(out.resolve("out.jsonl"))).hasSize(5000);

    assertThat(cairn("flow", "status", "people-copy").out()).contains("people-copy").contains("IDLE")
        .contains("SUCCEEDED");
    assertThat(cairn("flow", "list").out()).contains("people-copy");
    assertThat(cairn("flow", "runs", "people-copy").out()).contains("SUCCEEDED");
  }

  @Test
  void failuresSayWhatWentWrong() throws Exception {
    Path broken = work.resolve("broken.yaml");
    Files.writeString(broken, "- route:\n    from:\n      uri: timer:x\n      stepz: []\n");
    Run deploy = cairn("flow", "deploy", broken.toString());
    assertThat(deploy.failed()).isTrue();
    assertThat(deploy.err()).contains("does not match the Camel YAML DSL schema");

    Run missingFile = cairn("flow", "run", "no-such-flow");
    assertThat(missingFile.failed()).isTrue();
    assertThat(missingFile.err()).contains("no flow 'no-such-flow'");

    Path gone = route("gone", work.resolve("absent.csv").toString(), work.toString());
    assertThat(cairn("flow", "deploy", gone.toString()).failed()).isFalse();
    Run failed = cairn("flow", "run", "gone");
    assertThat(failed.failed()).as("a failed run exits non-zero").isTrue();
    assertThat(failed.err()).contains("FAILED").contains("absent.csv");
  }
}
