package io.cairn.connector.parquet;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Stages each batch in an in-memory DuckDB table and copies it to the lake with {@code PARTITION_BY}. The
 * files of a batch are named {@code part-<hash of flow and source offset>-<n>.parquet}, so a re-delivered
 * batch overwrites them. Durable when {@link #write} returns: the new files are forced to disk. Used from one
 * thread at a time.
 */
final class ParquetSinkTask implements SinkTask {
  private static final String STAGE = "cairn_batch";

  private final Path folder;
  private final String partitionBy;
  private final String partitionColumn;
  private final String compression;
  private TaskContext context;
  private Connection db;
  private Schema staged;
  private int partitionIndex = -1;

  ParquetSinkTask(Path folder, String partitionBy, String partitionColumn, String compression) {
    this.folder = folder;
    this.partitionBy = partitionBy;
    this.partitionColumn = partitionColumn;
    this.compression = compression;
  }

  @Override
  public void start(TaskContext context) throws Exception {
    this.context = context;
    Files.createDirectories(folder);
    db = DuckDb.open(false);
  }

  @Override
  public DatasetRef dataset() {
    return new DatasetRef("file", folder.toString());
  }

  @Override
  public long write(Batch batch) throws Exception {
    if (batch.isEmpty()) {
      return 0;
    }
    stage(batch.schema());
    try (Statement s = db.createStatement()) {
      s.execute("DELETE FROM " + STAGE);
    }
    Schema schema = batch.schema();
    String marks = "?, ".repeat(schema.size()) + "?";
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + STAGE + " VALUES (" + marks + ")")) {
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      for (Row row : batch.rows()) {
        for (int i = 0; i < schema.size(); i++) {
          insert.setObject(i + 1, bind(row.get(i), schema.column(i).type()));
        }
        insert.setString(schema.size() + 1, partitionIndex < 0 ? today : day(row.get(partitionIndex)));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    String key = key(batch.sourceOffset());
    try (Statement s = db.createStatement()) {
      s.execute("COPY " + STAGE + " TO " + DuckDb.literal(folder.toString()) + " (FORMAT PARQUET, COMPRESSION "
          + compression + ", PARTITION_BY (" + DuckDb.quote(partitionColumn) + "), OVERWRITE_OR_IGNORE true, "
          + "FILENAME_PATTERN " + DuckDb.literal("part-" + key + "-{i}") + ")");
    }
    force(key);
    return batch.size();
  }

  @Override
  public void stop() throws SQLException {
    if (db != null) {
      db.close();
      db = null;
    }
  }

  /** (Re)creates the staging table when the schema changed. */
  private void stage(Schema schema) throws SQLException {
    if (schema.equals(staged)) {
      return;
    }
    if (schema.indexOf(partitionColumn).isPresent()) {
      throw new SQLException("the data has a column '" + partitionColumn + "', the partition key; set "
          + "'partitionColumn' to another name");
    }
    partitionIndex = -1;
    if (partitionBy != null) {
      int i = schema.indexOf(partitionBy).orElseThrow(() -> new SQLException("property 'partitionBy': no column '"
          + partitionBy + "' in " + schema.names()));
      ColumnType t = schema.column(i).type();
      if (t != ColumnType.DATE && t != ColumnType.TIMESTAMP) {
        throw new SQLException("property 'partitionBy': column '" + partitionBy + "' is " + t
            + ", not DATE or TIMESTAMP");
      }
      partitionIndex = i;
    }
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TEMP TABLE " + STAGE + " (");
    for (Column c : schema.columns()) {
      ddl.append(DuckDb.quote(c.name())).append(' ').append(DuckDb.sqlType(c.type())).append(", ");
    }
    ddl.append(DuckDb.quote(partitionColumn)).append(" VARCHAR)");
    try (Statement s = db.createStatement()) {
      s.execute(ddl.toString());
    }
    staged = schema;
  }

  private static Object bind(Object value, ColumnType type) {
    return switch (value) {
      case null -> null;
      case Instant t -> t.atOffset(ZoneOffset.UTC);
      case BigDecimal d -> d;
      default -> type == ColumnType.STRING || type == ColumnType.JSON ? value.toString() : value;
    };
  }

  private static String day(Object value) {
    return switch (value) {
      case null -> "__null__";
      case LocalDate d -> d.toString();
      case Instant t -> t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
      default -> throw new IllegalArgumentException("not a date: " + value);
    };
  }

  /** The batch's file key: the same flow and offset give the same files. */
  private String key(String sourceOffset) {
    String identity = sourceOffset == null ? UUID.randomUUID().toString() : context.flowId() + "\n" + sourceOffset;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forces the batch's new files (and their folders) to disk. */
  private void force(String key) throws IOException {
    try (Stream<Path> files = Files.walk(folder, 2)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith("part-" + key + "-")) {
          try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.force(true);
          }
        }
      }
    }
  }
}
