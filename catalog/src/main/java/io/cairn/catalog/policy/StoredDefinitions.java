package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.FLOW_VERSIONS;

import io.cairn.catalog.CatalogDatabase;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.Record3;

/** Rewrites stored flow definitions in place, e.g. to encrypt the secrets of definitions stored before. */
public final class StoredDefinitions {
  private final DSLContext dsl;

  public StoredDefinitions(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /**
   * Applies {@code rewrite} to every version of every flow, in one transaction, and stores what changed.
   *
   * @return how many versions changed
   */
  public int rewriteAll(UnaryOperator<String> rewrite) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      int changed = 0;
      for (Record3<String, Integer, String> r : tx.select(FLOW_VERSIONS.FLOW_ID, FLOW_VERSIONS.VERSION,
          FLOW_VERSIONS.DEFINITION).from(FLOW_VERSIONS).forUpdate().fetch()) {
        String after = rewrite.apply(r.value3());
        if (!after.equals(r.value3())) {
          changed += tx.update(FLOW_VERSIONS).set(FLOW_VERSIONS.DEFINITION, after)
              .where(FLOW_VERSIONS.FLOW_ID.eq(r.value1())).and(FLOW_VERSIONS.VERSION.eq(r.value2())).execute();
        }
      }
      return changed;
    });
  }
}
