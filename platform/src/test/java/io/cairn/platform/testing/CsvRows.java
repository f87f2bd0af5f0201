package io.cairn.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file a flow's file sink wrote (a header line, no quoting) back as rows of column name to value. */
public final class CsvRows {
  private CsvRows() {}

  /** The rows after the header, each keyed by the header's column names in their order. */
  public static List<Map<String, String>> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.getFirst().split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>(lines.size() - 1);
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], v[c]);
      }
      rows.add(row);
    }
    return rows;
  }
}
