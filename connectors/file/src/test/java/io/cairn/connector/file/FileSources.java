package io.cairn.connector.file;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import java.util.Map;

/** Starts file source tasks from raw configuration, as the host does. */
final class FileSources {
  private FileSources() {}

  static SourceTask started(TaskContext context, Map<String, String> config, String resumeOffset) throws Exception {
    FileSourceConnector connector = new FileSourceConnector();
    SourceTask task = connector.createTask(connector.configDef().validate(config));
    task.start(context, resumeOffset);
    return task;
  }
}
