package io.cairn.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cairn new-connector} makes a working module from this template: renamed package, classes,
 * artifact, plugin id and connector name, and sources that compile against the SPI.
 */
class NewConnectorTemplateTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Process generate(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("bin/cairn").toString(),
        "new-connector"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.waitFor();
    return p;
  }

  @Test
  void generatesARenamedModuleWhoseSourcesCompile() throws Exception {
    Path module = dir.resolve("acme");
    Process p = generate("acme", module.toString());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("cairn:source:acme");

    Path main = module.resolve("src/main/java/io/cairn/connector/acme");
    assertThat(main.resolve("AcmeSourceConnector.java")).exists();
    assertThat(module.resolve("src/main/java/io/cairn/connector/http")).doesNotExist();
    assertThat(Files.readString(module.resolve("pom.xml"))).contains("<artifactId>cairn-connector-acme</artifactId>")
        .doesNotContain("cairn-connector-http");
    assertThat(Files.readString(module.resolve("src/main/plugin/plugin.properties")))
        .contains("plugin.id=connector-acme");
    assertThat(Files.readString(main.resolve("AcmeSourceConnector.java"))).contains("return \"acme\";")
        .contains("public final class AcmeSourceConnector");

    List<File> sources;
    try (Stream<Path> files = Files.walk(module.resolve("src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    assertThat(sources).hasSizeGreaterThanOrEqualTo(8);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(dir.resolve("classes"));
      boolean ok = compiler.getTask(null, files, diagnostics, List.of("-proc:none", "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path")), null, files.getJavaFileObjectsFromFiles(sources))
          .call();
      assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
      assertThat(classes.resolve("io/cairn/connector/acme/AcmeSourceTask.class")).exists();
    }
  }

  @Test
  void refusesABadNameAndAnExistingFolder() throws Exception {
    Process bad = generate("Bad-Name", dir.resolve("x").toString());
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("lower-case letters and digits");
    Files.createDirectories(dir.resolve("taken"));
    Process taken = generate("taken", dir.resolve("taken").toString());
    assertThat(taken.exitValue()).isEqualTo(2);
    assertThat(new String(taken.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("exists already");
  }
}
