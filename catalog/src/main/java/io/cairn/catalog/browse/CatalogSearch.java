package io.cairn.catalog.browse;

import io.cairn.catalog.CatalogDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * Finds datasets, columns, flows, tags and owners whose names (or descriptions) contain a text, ignoring
 * case: {@code lower(x) like '%text%'}, the same SQL on H2 and PostgreSQL. Exact and prefix matches come
 * first. Wildcards in the text are matched literally.
 */
public final class CatalogSearch {
  /** What a hit is. */
  public enum Kind {
    DATASET, COLUMN, FLOW, TAG, OWNER
  }

  /**
   * One hit.
   *
   * @param id what to open: the dataset's id for datasets and columns, the flow's id, the tag, the owner
   * @param dataset for columns, the dataset's name
   */
  public record Hit(Kind kind, String id, String name, String namespace, String dataset, String snippet) {}

  private final DSLContext dsl;

  public CatalogSearch(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** At most {@code limit} hits of the kind asked ({@code kind} null: every kind, in that order), best first. */
  public List<Hit> search(String text, Kind kind, int limit) {
    String q = text.toLowerCase(Locale.ROOT);
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String prefix = like.substring(1);
    List<Hit> hits = new ArrayList<>();
    if (kind == null || kind == Kind.DATASET) {
      dsl.resultQuery("select id, namespace, name, description from datasets where lower(name) like ? escape '\\' "
          + "or lower(namespace) like ? escape '\\' or lower(coalesce(description, '')) like ? escape '\\' "
          + "order by case when lower(name) = ? then 0 when lower(name) like ? escape '\\' then 1 else 2 end, name "
          + "limit ?", like, like, like, q, prefix, limit).fetch().forEach(r -> hits.add(new Hit(Kind.DATASET,
              r.get(0, Long.class).toString(), r.get(2, String.class), r.get(1, String.class), null,
              r.get(3, String.class) == null ? r.get(1, String.class) + ":" + r.get(2, String.class)
                  : r.get(3, String.class))));
    }
    if (kind == null || kind == Kind.COLUMN) {
      dsl.resultQuery("select d.id, d.namespace, d.name, c.field, max(c.data_type) from datasets d join ("
          + "select c.dataset_id, c.name as field, c.data_type from dataset_columns c join datasets x "
          + "on x.id = c.dataset_id and x.current_schema_version = c.version where lower(c.name) like ? escape '\\' "
          + "union select dst_dataset_id, dst_field, null from lineage_column_edges where lower(dst_field) like ? "
          + "escape '\\' union select src_dataset_id, src_field, null from lineage_column_edges "
          + "where lower(src_field) like ? escape '\\') c on c.dataset_id = d.id "
          + "group by d.id, d.namespace, d.name, c.field "
          + "order by case when lower(c.field) = ? then 0 else 1 end, c.field, d.name limit ?",
          like, like, like, q, limit).fetch().forEach(r -> hits.add(new Hit(Kind.COLUMN,
              r.get(0, Long.class).toString(), r.get(3, String.class), r.get(1, String.class), r.get(2, String.class),
              (r.get(4, String.class) == null ? "" : r.get(4, String.class) + " in ") + r.get(1, String.class) + ":"
                  + r.get(2, String.class))));
    }
    if (kind == null || kind == Kind.FLOW) {
      dsl.resultQuery("select id, name, description from flows where lower(id) like ? escape '\\' "
          + "or lower(name) like ? escape '\\' or lower(coalesce(description, '')) like ? escape '\\' "
          + "order by case when lower(id) = ? then 0 else 1 end, id limit ?", like, like, like, q, limit).fetch()
          .forEach(r -> hits.add(new Hit(Kind.FLOW, r.get(0, String.class), r.get(1, String.class), null, null,
              r.get(2, String.class))));
    }
    if (kind == null || kind == Kind.TAG) {
      dsl.resultQuery("select tag, count(*) from lineage_column_tags where lower(tag) like ? escape '\\' "
          + "group by tag order by case when lower(tag) = ? then 0 else 1 end, tag limit ?", like, q, limit).fetch()
          .forEach(r -> hits.add(new Hit(Kind.TAG, r.get(0, String.class), r.get(0, String.class), null, null,
              r.get(1, Long.class) + " column(s)")));
    }
    if (kind == null || kind == Kind.OWNER) {
      dsl.resultQuery("select owner, count(*) from (select owner from lineage_owners union all "
          + "select created_by from flows where created_by is not null) o where lower(owner) like ? escape '\\' "
          + "group by owner order by owner limit ?", like, limit).fetch()
          .forEach(r -> hits.add(new Hit(Kind.OWNER, r.get(0, String.class), r.get(0, String.class), null, null,
              r.get(1, Long.class) + " dataset(s), job(s) or flow(s)")));
    }
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }
}
