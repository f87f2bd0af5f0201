package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.POLICIES;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.PoliciesRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Access, mask and row-filter policies, stored as Ranger JSON. */
public final class PolicyRepository {
  private final DSLContext dsl;

  public PolicyRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /**
   * Stores a new policy; {@code json} receives the id the catalog gives it (Ranger policies carry their id).
   *
   * @throws IllegalArgumentException when the service already has a policy of that name
   */
  public PolicyRecord insert(String service, String name, LongFunction<String> json, String by) {
    try {
      return dsl.transactionResult(cfg -> {
        DSLContext tx = cfg.dsl();
        var now = AuditRepository.now();
        PoliciesRecord r = tx.newRecord(POLICIES);
        r.setService(service);
        r.setName(name);
        r.setPolicyJson("{}");
        r.setUpdatedBy(by);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        r.setPolicyJson(json.apply(r.getId()));
        r.store();
        return map(r);
      });
    } catch (IntegrityConstraintViolationException e) {
      throw new IllegalArgumentException("a policy named '" + name + "' already exists");
    }
  }

  /** Replaces a policy; false when there is none with that id. */
  public boolean update(long id, String name, String json, String by) {
    try {
      return dsl.update(POLICIES).set(POLICIES.NAME, name).set(POLICIES.POLICY_JSON, json)
          .set(POLICIES.UPDATED_BY, by).set(POLICIES.UPDATED_AT, AuditRepository.now())
          .where(POLICIES.ID.eq(id)).execute() == 1;
    } catch (IntegrityConstraintViolationException e) {
      throw new IllegalArgumentException("a policy named '" + name + "' already exists");
    }
  }

  public boolean delete(long id) {
    return dsl.deleteFrom(POLICIES).where(POLICIES.ID.eq(id)).execute() == 1;
  }

  public Optional<PolicyRecord> find(long id) {
    return Optional.ofNullable(dsl.fetchOne(POLICIES, POLICIES.ID.eq(id))).map(PolicyRepository::map);
  }

  public List<PolicyRecord> list() {
    return dsl.selectFrom(POLICIES).orderBy(POLICIES.ID).fetch().map(PolicyRepository::map);
  }

  private static PolicyRecord map(PoliciesRecord r) {
    return new PolicyRecord(r.getId(), r.getService(), r.getName(), r.getPolicyJson(), r.getUpdatedBy(),
        r.getCreatedAt(), r.getUpdatedAt());
  }
}
