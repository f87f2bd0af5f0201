package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureDatasetEntry;
import io.cairn.catalog.erasure.ErasureRepository;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default resolver: the identifiers themselves, plus the subject ids that datasets hold beside them. For
 * each JDBC dataset with a known subject column that has a column named like an identifier's type (e.g. an
 * {@code email} column for an {@code email} identifier), the subject ids of the rows with that value are the
 * same person's ({@link Identifier#SUBJECT}). Datasets it cannot reach are left out (the erasure reports them).
 */
public final class DatasetIdentifierResolver implements IdentifierResolver {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetIdentifierResolver.class);
  private final ErasureRepository repository;
  private final ErasureTargets targets;

  public DatasetIdentifierResolver(ErasureRepository repository, ErasureTargets targets) {
    this.repository = repository;
    this.targets = targets;
  }

  @Override
  public Set<Identifier> resolve(List<Identifier> given) {
    Set<Identifier> all = new LinkedHashSet<>(given);
    try (JdbcSessions sessions = new JdbcSessions()) {
      for (ErasureDatasetEntry d : repository.datasets()) {
        lookup(d, given, sessions, all);
      }
    }
    return all;
  }

  private void lookup(ErasureDatasetEntry d, List<Identifier> given, JdbcSessions sessions, Set<Identifier> all) {
    if (d.subjectColumn() == null) {
      return;
    }
    Optional<JdbcTable> table;
    try {
      table = targets.table(d.namespace(), d.name());
    } catch (IllegalArgumentException notATable) {
      return;
    }
    if (table.isEmpty()) {
      return;
    }
    try {
      Connection c = sessions.connection(table.get());
      List<String> columns = table.get().columns(c);
      for (Identifier id : given) {
        for (String col : columns) {
          if (col.toLowerCase(Locale.ROOT).equals(id.type()) && !col.equals(d.subjectColumn())) {
            for (String v : new LinkedHashSet<>(List.of(id.value(), Identifier.normalise(id.value())))) {
              table.get().subjectsWhere(c, col, v, d.subjectColumn())
                  .forEach(s -> all.add(new Identifier(Identifier.SUBJECT, s)));
            }
          }
        }
      }
    } catch (Exception e) {
      LOG.warn("identifier lookup in {}/{} failed: {}", d.namespace(), d.name(), e.getMessage());
    }
  }
}
