package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureDatasetEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's rows in one dataset, JDBC table or file: count, read, delete, anonymise. One per request, over the
 * request's connections; used by one thread.
 */
final class PersonData {
  /** Most rows of one dataset an access bundle carries. */
  static final int MAX_BUNDLE_ROWS = 10_000;

  /** How the detail of a step whose action failed begins. */
  static final String FAILED = "failed: ";
  private final ErasureTargets targets;
  private final JdbcSessions sessions;

  PersonData(ErasureTargets targets, JdbcSessions sessions) {
    this.targets = targets;
    this.sessions = sessions;
  }

  /** Why a dataset cannot be reached (thrown by every method here). */
  static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String reason) {
      super(reason);
    }
  }

  private interface TableWork<T> {
    T run(JdbcTable table, Connection c) throws SQLException;
  }

  private <T> T withTable(ErasureDatasetEntry d, TableWork<T> work) throws Exception {
    JdbcTable table;
    try {
      table = targets.table(d.namespace(), d.name()).orElseThrow(() -> new Unreachable(
          "no erasure connection is configured for namespace " + d.namespace()));
    } catch (IllegalArgumentException badName) {
      throw new Unreachable(badName.getMessage());
    }
    return work.run(table, sessions.connection(table));
  }

  private static FileDataset file(ErasureDatasetEntry d) throws Unreachable {
    try {
      return FileDataset.of(d.name());
    } catch (IllegalArgumentException e) {
      throw new Unreachable(e.getMessage());
    }
  }

  long count(ErasureDatasetEntry d, Set<String> values) throws Exception {
    if (ErasureTargets.isFile(d)) {
      return file(d).select(d.subjectColumn(), normalised(values), Integer.MAX_VALUE).size();
    }
    return withTable(d, (t, c) -> t.count(c, d.subjectColumn(), values));
  }

  List<Map<String, Object>> rows(ErasureDatasetEntry d, Set<String> values) throws Exception {
    if (ErasureTargets.isFile(d)) {
      return file(d).select(d.subjectColumn(), normalised(values), MAX_BUNDLE_ROWS);
    }
    return withTable(d, (t, c) -> t.select(c, d.subjectColumn(), values, MAX_BUNDLE_ROWS));
  }

  long delete(ErasureDatasetEntry d, Set<String> values) throws Exception {
    if (ErasureTargets.isFile(d)) {
      return file(d).delete(d.subjectColumn(), normalised(values));
    }
    return withTable(d, (t, c) -> t.delete(c, d.subjectColumn(), values));
  }

  long anonymise(ErasureDatasetEntry d, Set<String> values, String pseudonym) throws Exception {
    MaskSpec spec = MaskSpec.parse(d.maskSpec());
    if (ErasureTargets.isFile(d)) {
      throw new Unreachable("files can only be rewritten without the rows (policy delete), not anonymised");
    }
    return withTable(d, (t, c) -> t.anonymise(c, d.subjectColumn(), values, spec, pseudonym));
  }

  private static Set<String> normalised(Set<String> values) {
    return values.stream().map(Identifier::normalise).collect(Collectors.toSet());
  }

  /** A short reason for a failure, never a value of the person (SQL errors name columns, not values). */
  static String reason(Exception e) {
    if (e instanceof Unreachable) {
      return e.getMessage();
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int detail = m.indexOf("Detail:");
    m = detail > 0 ? m.substring(0, detail).strip() : m;
    return FAILED + (m.length() > 300 ? m.substring(0, 300) : m);
  }
}
