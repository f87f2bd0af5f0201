package io.cairn.connector.file;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends batches to one file in a folder. Its dataset (for lineage) is that file when the file name is
 * configured, else the folder, so that a file source reading what it wrote names the same dataset. Each {@link #write} renders the batch in memory, writes it and
 * forces it to the disk before returning, so a returned write is durable. A CSV header is written when the
 * file is empty. Called from one thread at a time.
 */
final class FileSinkTask implements SinkTask {
  private final SinkSettings settings;
  private final RecordWriter writer;
  private DatasetRef dataset;
  private FileChannel channel;
  private boolean headerDue;

  FileSinkTask(SinkSettings settings) {
    this.settings = settings;
    this.writer = RecordWriter.of(settings.format(), settings.delimiter());
  }

  @Override
  public void start(TaskContext context) throws Exception {
    Path folder = settings.folder().toAbsolutePath().normalize();
    Files.createDirectories(folder);
    Path file = folder.resolve(settings.fileName(context.runId()));
    // a fixed file name is one file every run appends to: that file is the dataset, as a source reading it
    // names it; per-run files (part-<runId>) together are the folder's dataset, as a source reading the folder
    dataset = new DatasetRef("file", settings.fileName() != null ? file.toString() : folder.toString());
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    headerDue = settings.header() && channel.size() == 0;
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) throws Exception {
    if (batch.isEmpty()) {
      return 0;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * batch.size());
    writer.write(batch, headerDue, bytes);
    ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(true);
    headerDue = false;
    return batch.size();
  }

  @Override
  public void stop() throws Exception {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
