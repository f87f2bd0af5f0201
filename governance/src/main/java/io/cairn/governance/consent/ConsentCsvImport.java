package io.cairn.governance.consent;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports consent from CSV with the header
 * {@code identifier_type,identifier,purpose,status,lawful_basis,source,notice_version,at}: each line is one
 * statement, recorded like a REST call; a bad line is rejected with its number and reason, the others go on.
 */
public final class ConsentCsvImport {
  /** The columns, in the order of the header. */
  public static final List<String> HEADER = List.of("identifier_type", "identifier", "purpose", "status",
      "lawful_basis", "source", "notice_version", "at");
  private static final Set<String> REQUIRED = Set.of("identifier_type", "identifier", "purpose", "status",
      "lawful_basis");
  private static final int MAX_REJECTIONS = 1000;

  private final ConsentService service;

  public ConsentCsvImport(ConsentService service) {
    this.service = service;
  }

  /**
   * @throws IllegalArgumentException when the header lacks a required column
   */
  public ImportResult run(Reader csv, String by) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    int imported = 0;
    List<ImportResult.Rejection> rejected = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the CSV header lacks " + String.join(", ", missing) + " (expected "
            + String.join(",", HEADER) + ")");
      }
      for (CSVRecord r : parser) {
        try {
          service.record(statement(r), by);
          imported++;
        } catch (IllegalArgumentException e) {
          if (rejected.size() < MAX_REJECTIONS) {
            rejected.add(new ImportResult.Rejection(r.getRecordNumber() + 1, e.getMessage()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("the CSV cannot be read: " + e.getMessage(), e);
    }
    return new ImportResult(imported, rejected);
  }

  private static ConsentRecord statement(CSVRecord r) {
    String source = get(r, "source");
    String at = get(r, "at");
    Instant when;
    try {
      when = at == null ? null : Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'at' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '"
          + at + "'");
    }
    return new ConsentRecord(List.of(new SubjectIdentifier(get(r, "identifier_type"), get(r, "identifier"))),
        requiredPurpose(get(r, "purpose")), ConsentStatus.parse(get(r, "status")),
        LawfulBasis.parse(get(r, "lawful_basis")), source == null ? ConsentSource.IMPORT : ConsentSource.parse(source),
        get(r, "notice_version"), when);
  }

  private static String requiredPurpose(String purpose) {
    if (purpose == null) {
      throw new IllegalArgumentException("purpose is required");
    }
    return purpose;
  }

  private static String get(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String v = r.get(column);
    return v == null || v.isBlank() ? null : v;
  }
}
