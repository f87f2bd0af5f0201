package io.cairn.bench.flow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes the benchmark's input: a deterministic CSV of customer-like rows (a header, then {@code id} 1..n, first
 * and last name, email, phone, city, amount with two decimals, ISO-8601 UTC timestamp). The same row count and
 * seed always give the same bytes. Some cities hold a comma, so the file has quoted fields as real exports do.
 */
final class CustomerCsv {
  static final String TABLE = "bench_customers";
  static final List<String> COLUMNS = List.of("id", "first_name", "last_name", "email", "phone", "city", "amount",
      "ts");
  /** The schema as the file source's {@code columns} parameter declares it. */
  static final String DECLARED_COLUMNS = "id:LONG,first_name,last_name,email,phone,city,amount:DECIMAL,ts:TIMESTAMP";
  /**
   * The table every measurement loads: what Cairn's JDBC sink creates for {@link #DECLARED_COLUMNS} on
   * PostgreSQL ({@code createTable=true}, no key columns), so all three load into the same shape.
   */
  static final String DDL = "CREATE TABLE " + TABLE + " (\"id\" BIGINT, \"first_name\" TEXT, \"last_name\" TEXT, "
      + "\"email\" TEXT, \"phone\" TEXT, \"city\" TEXT, \"amount\" NUMERIC, \"ts\" TIMESTAMP WITH TIME ZONE)";

  private static final String[] FIRST = {"Ada", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Ines",
      "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor",
      "Wen", "Xavier", "Yara", "Zoe", "Amir", "Bianca", "Chen", "Dmitri", "Elif", "Femi"};
  private static final String[] LAST = {"Smith", "Müller", "Garcia", "O'Brien", "Nguyen", "Kowalski", "Rossi",
      "Dubois", "Jensen", "Silva", "Tanaka", "Okafor", "Novak", "Haddad", "Larsen", "Moreau", "Schmidt", "Patel",
      "Kim", "Andersson", "Fischer", "Costa", "Ivanova", "Yilmaz", "Brown", "Wilson", "Lopez", "Sato"};
  private static final String[] CITY = {"Berlin", "Lisbon", "Lyon", "Oslo", "Kraków", "Porto", "Austin",
      "Washington, D.C.", "Osaka", "Lagos", "Toronto", "Seville", "Gdańsk", "Bergen", "Nantes", "Tampere",
      "St. Paul, MN", "Bologna", "Leeds", "Cork"};
  private static final String[] DOMAIN = {"example.com", "mail.example.org", "example.net", "post.example.eu"};
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /**
   * What was written, for checking the loaded table.
   *
   * @param amountCents the sum of all amounts, in cents
   */
  record Written(Path file, long rows, long bytes, long idSum, long amountCents) {}

  private CustomerCsv() {}

  static Written write(Path file, long rows, long seed) throws IOException {
    Random random = new Random(seed);
    long cents = 0;
    long idSum = 0;
    StringBuilder line = new StringBuilder(160);
    try (BufferedWriter out = new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
      out.write(String.join(",", COLUMNS));
      out.write('\n');
      for (long id = 1; id <= rows; id++) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        long amount = random.nextLong(100_000_000L);
        cents += amount;
        idSum += id;
        line.setLength(0);
        line.append(id).append(',').append(first).append(',').append(last).append(',');
        emailOf(line, first, last, id, DOMAIN[random.nextInt(DOMAIN.length)]).append(',');
        line.append("+1-").append(200 + random.nextInt(800)).append("-555-")
            .append(1000 + random.nextInt(9000)).append(',');
        quoted(line, CITY[random.nextInt(CITY.length)]).append(',');
        line.append(amount / 100).append('.').append((char) ('0' + amount % 100 / 10)).append((char) ('0' + amount % 10))
            .append(',').append(EPOCH.plusSeconds(random.nextInt(366 * 24 * 3600))).append('\n');
        out.append(line);
      }
    }
    return new Written(file, rows, Files.size(file), idSum, cents);
  }

  private static StringBuilder emailOf(StringBuilder sb, String first, String last, long id, String domain) {
    for (String part : new String[] {first, ".", last}) {
      for (int i = 0; i < part.length(); i++) {
        char c = Character.toLowerCase(part.charAt(i));
        if (c == '.' || c >= 'a' && c <= 'z') {
          sb.append(c);
        }
      }
    }
    return sb.append(id).append('@').append(domain);
  }

  private static StringBuilder quoted(StringBuilder sb, String value) {
    return value.indexOf(',') < 0 ? sb.append(value) : sb.append('"').append(value).append('"');
  }
}
