package io.cairn.connector.parquet;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every Parquet file below the folder in name order, rows in file order, through one streaming DuckDB
 * query. The offset of a row is {@code <file>\t<row number>}. Polled from one thread.
 */
final class ParquetSourceTask implements SourceTask {
  private final Path path;
  private final String subjectColumn;
  private Connection db;
  private PreparedStatement query;
  private ResultSet results;
  private Schema schema;
  private int subjectIndex = -1;
  private boolean exhausted;

  ParquetSourceTask(Path path, String subjectColumn) {
    this.path = path;
    this.subjectColumn = subjectColumn;
  }

  @Override
  public void start(TaskContext context, String resumeOffset) throws Exception {
    db = DuckDb.open(true);
    List<String> files = readable(context);
    if (files.isEmpty()) {
      exhausted = true;
      schema = Schema.of(List.of());
      return;
    }
    String list = String.join(", ", files.stream().map(DuckDb::literal).toList());
    String from = "read_parquet([" + list + "], hive_partitioning = " + Files.isDirectory(path)
        + ", union_by_name = true, filename = 'cairn_file', file_row_number = true)";
    String where = "";
    String[] resume = null;
    if (resumeOffset != null) {
      resume = resumeOffset.split("\t", 2);
      if (resume.length != 2) {
        throw new IllegalArgumentException("offset '" + resumeOffset + "' is not '<file>\\t<row>'");
      }
      where = " WHERE cairn_file > ? OR (cairn_file = ? AND file_row_number > ?)";
    }
    query = db.prepareStatement("SELECT * FROM " + from + where + " ORDER BY cairn_file, file_row_number");
    if (resume != null) {
      query.setString(1, resume[0]);
      query.setString(2, resume[0]);
      query.setLong(3, Long.parseLong(resume[1]));
    }
    results = query.executeQuery();
    schema = schemaOf(results.getMetaData());
    if (subjectColumn != null) {
      subjectIndex = schema.indexOf(subjectColumn).orElseThrow(() -> new IllegalArgumentException(
          "property 'subjectColumn': no column '" + subjectColumn + "' in " + schema.names()));
    }
  }

  /** The .parquet files below the folder (or the file) in name order; invalid ones go to the quarantine. */
  private List<String> readable(TaskContext context) throws Exception {
    List<String> files = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      files.add(path.toString());
    } else if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet"))
            .map(Path::toString).sorted().forEach(files::add);
      }
    }
    List<String> good = new ArrayList<>();
    for (String f : files) {
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM parquet_metadata(" + DuckDb.literal(f) + ")")) {
        rs.next();
        good.add(f);
      } catch (SQLException e) {
        context.quarantine(new Provenance(dataset(), f + "\t0"), f, "not a readable Parquet file: "
            + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return good;
  }

  private static Schema schemaOf(ResultSetMetaData md) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnLabel(i);
      if (name.equals("cairn_file") || name.equals("file_row_number")) {
        continue;
      }
      columns.add(new Column(name, DuckDb.logicalType(md.getColumnTypeName(i)), true, Set.of()));
    }
    return Schema.of(columns);
  }

  @Override
  public DatasetRef dataset() {
    return new DatasetRef("file", path.toString());
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    if (exhausted) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    String offset = null;
    while (rows.size() < maxRows) {
      if (!results.next()) {
        exhausted = true;
        break;
      }
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = read(results, schema.column(i));
      }
      offset = results.getString("cairn_file") + "\t" + results.getLong("file_row_number");
      Object subject = subjectIndex < 0 ? null : values[subjectIndex];
      rows.add(new Row(values, subject == null ? null : subject.toString(), new Provenance(dataset(), offset)));
    }
    return rows.isEmpty() ? null : Batch.of(schema, rows, offset);
  }

  private static Object read(ResultSet rs, Column c) throws SQLException {
    String name = c.name();
    Object raw = rs.getObject(name);
    if (raw == null) {
      return null;
    }
    return switch (c.type()) {
      case LONG -> ((Number) raw).longValue();
      case DOUBLE -> ((Number) raw).doubleValue();
      case DECIMAL -> rs.getBigDecimal(name);
      case BOOLEAN -> rs.getBoolean(name);
      case DATE -> raw instanceof LocalDate d ? d : rs.getObject(name, LocalDate.class);
      case TIMESTAMP -> switch (raw) {
        case OffsetDateTime t -> t.toInstant();
        case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
        case java.sql.Timestamp t -> t.toInstant();
        default -> rs.getObject(name, OffsetDateTime.class).toInstant();
      };
      case STRING, JSON -> rs.getString(name);
    };
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  @Override
  public void stop() throws SQLException {
    if (results != null) {
      results.close();
      results = null;
    }
    if (query != null) {
      query.close();
      query = null;
    }
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
