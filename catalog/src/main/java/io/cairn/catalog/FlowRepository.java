package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.FLOWS;
import static io.cairn.catalog.jooq.Tables.FLOW_VERSIONS;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Flows and their versioned definitions: every update is a new version. */
public final class FlowRepository {
  private final DSLContext dsl;

  public FlowRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /**
   * Creates the flow at version 1, or adds a new version when it exists.
   *
   * @return the flow with the definition just saved
   */
  public FlowEntry save(FlowId id, String name, String description, String format, String definition,
      String runAs, String by) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      var now = Clock.now();
      var flow = tx.selectFrom(FLOWS).where(FLOWS.ID.eq(id.value())).forUpdate().fetchOne();
      int version;
      if (flow == null) {
        version = 1;
        tx.insertInto(FLOWS)
            .set(FLOWS.ID, id.value()).set(FLOWS.NAME, name).set(FLOWS.DESCRIPTION, description)
            .set(FLOWS.CURRENT_VERSION, version).set(FLOWS.DESIRED_STATE, "STOPPED").set(FLOWS.RUN_AS, runAs)
            .set(FLOWS.CREATED_BY, by).set(FLOWS.CREATED_AT, now).set(FLOWS.UPDATED_AT, now).execute();
      } else {
        version = flow.getCurrentVersion() + 1;
        tx.update(FLOWS).set(FLOWS.NAME, name).set(FLOWS.DESCRIPTION, description)
            .set(FLOWS.CURRENT_VERSION, version).set(FLOWS.RUN_AS, runAs).set(FLOWS.UPDATED_AT, now)
            .where(FLOWS.ID.eq(id.value())).execute();
      }
      tx.insertInto(FLOW_VERSIONS)
          .set(FLOW_VERSIONS.FLOW_ID, id.value()).set(FLOW_VERSIONS.VERSION, version)
          .set(FLOW_VERSIONS.FORMAT, format).set(FLOW_VERSIONS.DEFINITION, definition)
          .set(FLOW_VERSIONS.CREATED_BY, by).set(FLOW_VERSIONS.CREATED_AT, now).execute();
    });
    return find(id).orElseThrow();
  }

  public Optional<FlowEntry> find(FlowId id) {
    return Optional.ofNullable(select().where(FLOWS.ID.eq(id.value())).fetchOne()).map(FlowRepository::map);
  }

  public List<FlowEntry> list() {
    return select().orderBy(FLOWS.ID).fetch().map(FlowRepository::map);
  }

  public List<FlowEntry> withDesiredState(String state) {
    return select().where(FLOWS.DESIRED_STATE.eq(state)).orderBy(FLOWS.ID).fetch().map(FlowRepository::map);
  }

  public List<FlowVersionEntry> versions(FlowId id) {
    return dsl.selectFrom(FLOW_VERSIONS).where(FLOW_VERSIONS.FLOW_ID.eq(id.value()))
        .orderBy(FLOW_VERSIONS.VERSION).fetch()
        .map(v -> new FlowVersionEntry(id, v.getVersion(), v.getFormat(), v.getDefinition(), v.getCreatedBy(),
            v.getCreatedAt()));
  }

  public void setDesiredState(FlowId id, String state) {
    dsl.update(FLOWS).set(FLOWS.DESIRED_STATE, state).set(FLOWS.UPDATED_AT, Clock.now())
        .where(FLOWS.ID.eq(id.value())).execute();
  }

  public boolean delete(FlowId id) {
    return dsl.deleteFrom(FLOWS).where(FLOWS.ID.eq(id.value())).execute() == 1;
  }

  private org.jooq.SelectOnConditionStep<Record> select() {
    return dsl.select(FLOWS.fields()).select(FLOW_VERSIONS.FORMAT, FLOW_VERSIONS.DEFINITION)
        .from(FLOWS).join(FLOW_VERSIONS)
        .on(FLOW_VERSIONS.FLOW_ID.eq(FLOWS.ID).and(FLOW_VERSIONS.VERSION.eq(FLOWS.CURRENT_VERSION)));
  }

  private static FlowEntry map(Record r) {
    return new FlowEntry(new FlowId(r.get(FLOWS.ID)), r.get(FLOWS.NAME), r.get(FLOWS.DESCRIPTION),
        r.get(FLOWS.CURRENT_VERSION), r.get(FLOW_VERSIONS.FORMAT), r.get(FLOW_VERSIONS.DEFINITION),
        r.get(FLOWS.DESIRED_STATE), r.get(FLOWS.RUN_AS), r.get(FLOWS.CREATED_BY), r.get(FLOWS.CREATED_AT),
        r.get(FLOWS.UPDATED_AT));
  }
}
