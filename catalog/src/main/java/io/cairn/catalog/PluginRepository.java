package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.PLUGINS;

import io.cairn.catalog.jooq.tables.records.PluginsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The installed plugins and the state to restore at start. */
public final class PluginRepository {
  private final DSLContext dsl;

  public PluginRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Inserts or replaces the record of a plugin (install and upgrade). */
  public PluginEntry save(PluginEntry e) {
    var now = Clock.now();
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      PluginsRecord r = tx.fetchOne(PLUGINS, PLUGINS.PLUGIN_ID.eq(e.pluginId()));
      if (r == null) {
        r = tx.newRecord(PLUGINS);
        r.setPluginId(e.pluginId());
        r.setInstalledAt(now);
      }
      r.setVersion(e.version());
      r.setState(e.state());
      r.setFileName(e.fileName());
      r.setSha256(e.sha256());
      r.setProvider(e.provider());
      r.setDescription(e.description());
      r.setRequires(e.requires());
      r.setExtensions(e.extensions());
      r.setInstalledBy(e.installedBy());
      r.setUpdatedAt(now);
      r.store();
    });
    return find(e.pluginId()).orElseThrow();
  }

  public Optional<PluginEntry> find(String pluginId) {
    return Optional.ofNullable(dsl.fetchOne(PLUGINS, PLUGINS.PLUGIN_ID.eq(pluginId))).map(PluginRepository::map);
  }

  public List<PluginEntry> list() {
    return dsl.selectFrom(PLUGINS).orderBy(PLUGINS.PLUGIN_ID).fetch().map(PluginRepository::map);
  }

  public void setState(String pluginId, String state) {
    dsl.update(PLUGINS).set(PLUGINS.STATE, state).set(PLUGINS.UPDATED_AT, Clock.now())
        .where(PLUGINS.PLUGIN_ID.eq(pluginId)).execute();
  }

  public boolean delete(String pluginId) {
    return dsl.deleteFrom(PLUGINS).where(PLUGINS.PLUGIN_ID.eq(pluginId)).execute() == 1;
  }

  private static PluginEntry map(PluginsRecord r) {
    return new PluginEntry(r.getPluginId(), r.getVersion(), r.getState(), r.getFileName(), r.getSha256(),
        r.getProvider(), r.getDescription(), r.getRequires(), r.getExtensions(), r.getInstalledBy(),
        r.getInstalledAt(), r.getUpdatedAt());
  }
}
