package io.cairn.bench.lineage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A generated lineage graph, loaded with {@code COPY} into the catalog's own tables: {@code LAYERS} layers of
 * {@code WIDTH} datasets ({@code bench:ds-<id>}, ids 1..100,000); every dataset after the first layer is
 * written by its own job ({@code bench:job-<id>}) that reads two random datasets of the layer before, and each
 * of its 10 columns {@code c0..c9} derives from the same column of one of them (40,000 more edges in layer 1
 * from the other input: 1,000,000 column edges in all).
 */
final class GeneratedGraph {
  static final int LAYERS = 25;
  static final int WIDTH = 4_000;
  static final int COLUMNS = 10;
  private static final String TS = "2026-01-01 00:00:00+00";

  private final long seed;

  GeneratedGraph(long seed) {
    this.seed = seed;
  }

  static long datasets() {
    return (long) LAYERS * WIDTH;
  }

  /** The id of dataset {@code i} (0-based) of a layer. */
  static long id(int layer, int i) {
    return (long) layer * WIDTH + i + 1;
  }

  /** Loads the graph; returns the number of column edges. */
  long load(Connection c, Path work) throws SQLException, IOException {
    CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
    Path datasets = work.resolve("datasets.tsv");
    Path jobs = work.resolve("jobs.tsv");
    Path io = work.resolve("io.tsv");
    Path edges = work.resolve("edges.tsv");
    long edgeCount = 0;
    Random random = new Random(seed);
    try (Writer d = writer(datasets); Writer j = writer(jobs); Writer o = writer(io); Writer e = writer(edges)) {
      for (int layer = 0; layer < LAYERS; layer++) {
        for (int i = 0; i < WIDTH; i++) {
          long id = id(layer, i);
          d.write(id + "\tbench\tds-" + id + "\t" + TS + "\t" + TS + "\n");
          if (layer == 0) {
            continue;
          }
          long a = id(layer - 1, random.nextInt(WIDTH));
          long b = a;
          while (b == a) {
            b = id(layer - 1, random.nextInt(WIDTH));
          }
          j.write(id + "\tbench\tjob-" + id + "\t" + TS + "\t" + TS + "\n");
          o.write(id + "\t" + a + "\tINPUT\t" + TS + "\n" + id + "\t" + b + "\tINPUT\t" + TS + "\n" + id + "\t" + id
              + "\tOUTPUT\t" + TS + "\n");
          for (int col = 0; col < COLUMNS; col++) {
            e.write(edge(col % 2 == 0 ? a : b, id, col));
            edgeCount++;
            if (layer == 1) {
              e.write(edge(col % 2 == 0 ? b : a, id, col));
              edgeCount++;
            }
          }
        }
      }
    }
    copy(copy, "datasets (id, namespace, name, created_at, updated_at)", datasets);
    copy(copy, "lineage_jobs (id, namespace, name, created_at, updated_at)", jobs);
    copy(copy, "lineage_io (job_id, dataset_id, direction, created_at)", io);
    copy(copy, "lineage_column_edges (src_dataset_id, src_field, dst_dataset_id, dst_field, job_id, transform_type, "
        + "subtype, masking, updated_at)", edges);
    try (Statement s = c.createStatement()) {
      s.execute("select setval(pg_get_serial_sequence('datasets', 'id'), (select max(id) from datasets))");
      s.execute("select setval(pg_get_serial_sequence('lineage_jobs', 'id'), (select max(id) from lineage_jobs))");
      s.execute("analyze");
    }
    for (Path p : new Path[] {datasets, jobs, io, edges}) {
      Files.deleteIfExists(p);
    }
    return edgeCount;
  }

  private static String edge(long src, long dst, int col) {
    return src + "\tc" + col + "\t" + dst + "\tc" + col + "\t" + dst + "\tDIRECT\tIDENTITY\tf\t" + TS + "\n";
  }

  private static Writer writer(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 20);
  }

  private static void copy(CopyManager copy, String table, Path file) throws SQLException, IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      copy.copyIn("COPY " + table + " FROM STDIN", r);
    }
  }
}
