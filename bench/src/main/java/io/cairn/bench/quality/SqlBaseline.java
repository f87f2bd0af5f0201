package io.cairn.bench.quality;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * The SQL baseline: the same rows loaded into PostgreSQL with {@code COPY} (not timed), then the same 20
 * checks as one query (unique per batch of 1,000 rows, as the engine's default, through the row's position),
 * timed from sending the query to reading its one answer; best of the rounds.
 */
final class SqlBaseline {
  static final String TABLE = "cairn_quality_bench";
  /** The violations of the 20 checks, summed over the table. */
  static final String QUERY = """
      with dup as (
        select count(*) - count(distinct id) as n from %1$s where id is not null group by seq / 1000
      )
      select (select coalesce(sum(n), 0) from dup) + sum(
          (case when id is null then 1 else 0 end)
        + (case when email is null or btrim(email) = '' then 1 else 0 end)
        + (case when country is null or btrim(country) = '' then 1 else 0 end)
        + (case when name is null or btrim(name) = '' then 1 else 0 end)
        + (case when qty is null then 1 else 0 end)
        + (case when country not in ('FR', 'DE', 'ES', 'IT', 'GB') then 1 else 0 end)
        + (case when status not in ('A', 'B', 'C') then 1 else 0 end)
        + (case when currency not in ('EUR', 'USD', 'GBP') then 1 else 0 end)
        + (case when email !~ '@' then 1 else 0 end)
        + (case when zip !~ '^[0-9]{5}$' then 1 else 0 end)
        + (case when name !~ '^[A-Z]' then 1 else 0 end)
        + (case when age < 0 or age > 130 then 1 else 0 end)
        + (case when score < 0 or score > 100 then 1 else 0 end)
        + (case when id < 1 or id > 1000000000 then 1 else 0 end)
        + (case when qty < 0 or qty > 1000 then 1 else 0 end)
        + (case when char_length(name) < 1 or char_length(name) > 50 then 1 else 0 end)
        + (case when char_length(zip) <> 5 then 1 else 0 end)
        + (case when char_length(email) < 3 or char_length(email) > 254 then 1 else 0 end)
        + (case when email !~ ? then 1 else 0 end)) from %1$s
      """.formatted(TABLE);
  /** The email pattern of the engine's format rule, in PostgreSQL's regex dialect (the same syntax here). */
  static final String EMAIL = "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
      + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

  private final String url;
  private final Properties login = new Properties();

  SqlBaseline(String url, String user, String password) {
    this.url = url;
    login.setProperty("user", user);
    if (password != null) {
      login.setProperty("password", password);
    }
  }

  /** Creates the table and loads the rows with COPY. */
  void load(List<Object[]> rows) throws SQLException, IOException {
    Path csv = Files.createTempFile("quality-bench", ".csv");
    try {
      try (Writer w = Files.newBufferedWriter(csv)) {
        for (int i = 0; i < rows.size(); i++) {
          Object[] r = rows.get(i);
          w.write(Integer.toString(i));
          for (Object v : r) {
            w.write(',');
            if (v != null) {
              w.write(v.toString());
            }
          }
          w.write('\n');
        }
      }
      try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement()) {
        s.execute("drop table if exists " + TABLE);
        s.execute("create table " + TABLE + " (seq bigint, id bigint, email text, country text, name text, age bigint,"
            + " score double precision, zip text, qty bigint, status text, currency text)");
        try (var in = Files.newBufferedReader(csv)) {
          c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " FROM STDIN (FORMAT csv)", in);
        }
        s.execute("analyze " + TABLE);
      }
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Runs the checks once; returns {violations, nanoseconds}. */
  long[] check() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, login); PreparedStatement q = c.prepareStatement(QUERY)) {
      q.setString(1, EMAIL);
      long t0 = System.nanoTime();
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long violations = rs.getLong(1);
        return new long[] {violations, System.nanoTime() - t0};
      }
    }
  }

  void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement()) {
      s.execute("drop table if exists " + TABLE);
    }
  }
}
