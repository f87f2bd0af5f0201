package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cairn.catalog.QualitySuiteEntry;
import io.cairn.catalog.QualitySuiteRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.platform.api.ApiException;
import io.cairn.quality.gx.BadExpectationException;
import io.cairn.quality.gx.GxSuite;
import io.cairn.quality.gx.GxValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named expectation suites kept in the catalog. Every saved suite is also written to
 * {@code <home>/quality/suites/<name>.gx.json}, where the quality step reads it by name ({@code suiteName});
 * the files are rewritten from the catalog at start. Saving is audited (name and expectation count).
 */
public final class QualitySuites {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  private final QualitySuiteRepository repository;
  private final Path dir;
  private final AuditLog audit;

  public QualitySuites(QualitySuiteRepository repository, Path home, AuditLog audit) {
    this.repository = repository;
    this.dir = home.resolve("quality").resolve("suites");
    this.audit = audit;
  }

  /** Writes every stored suite to its file. */
  public void mirrorAll() {
    repository.list().forEach(this::mirror);
  }

  List<Map<String, Object>> list() {
    return repository.list().stream().map(QualitySuites::view).toList();
  }

  Map<String, Object> get(String name) {
    return view(find(name));
  }

  private QualitySuiteEntry find(String name) {
    return repository.find(name).orElseThrow(() -> ApiException.notFound("no quality suite '" + name + "'"));
  }

  /**
   * Creates or replaces a suite, or appends to it, with checked expectations.
   *
   * @return the suite as stored
   */
  Map<String, Object> save(String name, String description, JsonNode expectations, boolean append, String by) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ApiException.badRequest("'name' must be 1-128 letters, digits, '-' or '_', starting with a letter or digit");
    }
    if (expectations == null || !expectations.isArray() || expectations.isEmpty()) {
      throw ApiException.badRequest("'expectations' must be a non-empty list of {\"expectation_type\", \"kwargs\"}");
    }
    ArrayNode all = JSON.createArrayNode();
    QualitySuiteEntry existing = append ? repository.find(name).orElse(null) : null;
    if (existing != null) {
      all.addAll((ArrayNode) read(existing.expectations()));
    }
    expectations.forEach(e -> all.add(e));
    try {
      GxSuite.fromNodes(all).forEach(GxValidator::compile);
    } catch (BadExpectationException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    QualitySuiteEntry saved = repository.save(name, description != null ? description
        : existing == null ? null : existing.description(), all.toString(), by);
    mirror(saved);
    audit.record(by, "quality.suite.save", "quality-suite:" + name, "ok",
        Map.of("expectations", all.size(), "appended", expectations.size()));
    return view(saved);
  }

  private void mirror(QualitySuiteEntry suite) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, suite.name(), ".tmp");
      Files.writeString(tmp, "{\"expectations\":" + suite.expectations() + "}");
      Files.move(tmp, dir.resolve(suite.name() + ".gx.json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("quality suite '" + suite.name() + "' could not be written to " + dir, e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> view(QualitySuiteEntry s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("expectations", read(s.expectations()));
    m.put("updatedBy", s.updatedBy());
    m.put("updatedAt", s.updatedAt());
    return m;
  }
}
