package io.cairn.connector.file;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one file or the matching files of a folder, in path order. {@link #poll} and {@link #stop} are
 * synchronized; {@link #stop} from another thread makes a running poll end after its current record.
 */
final class FileSourceTask implements SourceTask {
  private final SourceSettings settings;
  private TaskContext context;
  private Path root;
  private boolean folder;
  private DatasetRef dataset;
  private final Deque<String> files = new ArrayDeque<>();
  private FileOffset resumeAt;
  private Schema schema;
  private int subjectIndex = -1;
  private RecordReader reader;
  private String currentFile;
  private String lastOffset;
  private boolean exhausted;
  private volatile boolean stopped;

  FileSourceTask(SourceSettings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start(TaskContext taskContext, String resumeOffset) throws Exception {
    this.context = taskContext;
    this.root = settings.path().toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new NoSuchFileException(root.toString(), null, "the file source's path does not exist");
    }
    this.folder = Files.isDirectory(root);
    this.dataset = new DatasetRef("file", root.toString());
    files.addAll(folder ? FileSet.list(root, settings.glob()) : List.of(""));
    if (resumeOffset != null) {
      resumeAt = FileOffset.parse(resumeOffset, folder);
      while (!files.isEmpty() && files.peekFirst().compareTo(resumeAt.file()) < 0) {
        files.removeFirst();
      }
    }
    lastOffset = resumeOffset;
    if (settings.declared() != null) {
      useSchema(settings.declared());
    }
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public synchronized Batch poll(int maxRows) throws Exception {
    if (stopped || exhausted) {
      return null;
    }
    List<Row> rows = new ArrayList<>(Math.min(maxRows, 4096));
    boolean consumed = false;
    while (rows.size() < maxRows && !stopped) {
      if (reader == null && !openNext()) {
        exhausted = true;
        break;
      }
      if (!reader.next()) {
        closeReader();
        continue;
      }
      consumed = true;
      lastOffset = new FileOffset(currentFile, reader.recordNumber()).render();
      Row row = toRow(new Provenance(dataset, lastOffset));
      if (row != null) {
        rows.add(row);
      }
    }
    if (!consumed) {
      return null;
    }
    return Batch.of(schema == null ? Schema.of() : schema, rows, lastOffset);
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  @Override
  public void stop() {
    stopped = true;
    synchronized (this) {
      closeReader();
    }
  }

  private boolean openNext() throws Exception {
    if (files.isEmpty()) {
      return false;
    }
    currentFile = files.removeFirst();
    Path file = currentFile.isEmpty() ? root : root.resolve(currentFile);
    reader = settings.open(file);
    if (schema == null && settings.format() == FileFormat.CSV && !reader.fieldNames().isEmpty()) {
      useSchema(DeclaredColumns.strings(reader.fieldNames()));
    }
    if (schema != null) {
      reader.bind(schema);
    }
    if (resumeAt != null && resumeAt.file().equals(currentFile)) {
      for (long skipped = 0; skipped < resumeAt.record() && reader.next(); skipped++) {
        // skipped records were committed by an earlier run
      }
    }
    resumeAt = null;
    return true;
  }

  private Row toRow(Provenance where) {
    try {
      if (schema == null) {
        useSchema(DeclaredColumns.strings(reader.fieldNames()));
        reader.bind(schema);
      }
      Object[] values = reader.values();
      Object subject = subjectIndex < 0 ? null : values[subjectIndex];
      return new Row(values, subject == null ? null : subject.toString(), where);
    } catch (RecordException e) {
      context.quarantine(where, reader.raw(), "line " + reader.lineNumber() + ": " + e.getMessage());
      return null;
    }
  }

  private void useSchema(Schema s) {
    schema = s;
    if (settings.subjectColumn() != null) {
      subjectIndex = s.require(settings.subjectColumn());
    }
  }

  private void closeReader() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
