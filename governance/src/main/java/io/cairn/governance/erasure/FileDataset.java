package io.cairn.governance.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A file dataset (namespace {@code file}, name = path): CSV with a header line ({@code .csv}) or JSON lines
 * ({@code .jsonl}, {@code .ndjson}, {@code .json}). Erasure rewrites the file without the person's rows into a
 * temporary file next to it and moves it over the original atomically.
 */
final class FileDataset {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;
  private final boolean csv;

  private FileDataset(Path path, boolean csv) {
    this.path = path;
    this.csv = csv;
  }

  /** The file behind a dataset name, or an exception saying why it cannot be rewritten. */
  static FileDataset of(String name) {
    Path p = Path.of(name.startsWith("file://") ? name.substring("file://".length()) : name);
    String lower = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean csv = lower.endsWith(".csv");
    if (!csv && !lower.endsWith(".jsonl") && !lower.endsWith(".ndjson") && !lower.endsWith(".json")) {
      throw new IllegalArgumentException("only CSV and JSON lines files can be rewritten");
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("file " + p + " does not exist (any more)");
    }
    return new FileDataset(p, csv);
  }

  /** The person's rows. */
  List<Map<String, Object>> select(String column, Set<String> normalisedValues, int limit) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    scan(column, normalisedValues, (row, matches) -> {
      if (matches && out.size() < limit) {
        out.add(row);
      }
    }, null);
    return out;
  }

  /** Rewrites the file without the person's rows; returns how many were removed. */
  long delete(String column, Set<String> normalisedValues) throws IOException {
    Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".erasure-", ".tmp");
    long removed;
    try {
      removed = scan(column, normalisedValues, null, tmp);
      if (removed > 0) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return removed;
  }

  private interface Visitor {
    void row(Map<String, Object> row, boolean matches);
  }

  /** Reads every row; keeps the rows that do not match in {@code keepInto} when given; returns the matches. */
  private long scan(String column, Set<String> values, Visitor visitor, Path keepInto) throws IOException {
    long matched = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        BufferedWriter out = keepInto == null ? null : Files.newBufferedWriter(keepInto, StandardCharsets.UTF_8)) {
      if (csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
          List<String> header = parser.getHeaderNames();
          if (!header.contains(column)) {
            throw new IllegalArgumentException("the file has no column '" + column + "'");
          }
          CSVPrinter printer = out == null ? null
              : new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
          for (CSVRecord r : parser) {
            boolean matches = values.contains(Identifier.normalise(r.get(column)));
            matched += matches ? 1 : 0;
            if (visitor != null) {
              Map<String, Object> row = new LinkedHashMap<>();
              header.forEach(h -> row.put(h, r.isMapped(h) && r.isSet(h) ? r.get(h) : null));
              visitor.row(row, matches);
            }
            if (printer != null && !matches) {
              printer.printRecord(r.values());
            }
          }
          if (printer != null) {
            printer.flush();
          }
        }
      } else {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = JSON.readTree(line);
          JsonNode v = node.get(column);
          boolean matches = v != null && !v.isNull() && values.contains(Identifier.normalise(v.asText()));
          matched += matches ? 1 : 0;
          if (visitor != null && node instanceof ObjectNode o) {
            visitor.row(JSON.convertValue(o, Map.class), matches);
          }
          if (out != null && !matches) {
            out.write(line);
            out.newLine();
          }
        }
      }
    }
    return matched;
  }
}
