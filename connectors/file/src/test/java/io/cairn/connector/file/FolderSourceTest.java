package io.cairn.connector.file;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {
  @TempDir Path dir;
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("b.csv"), "id\n3\n4\n");
    Files.writeString(dir.resolve("a.csv"), "id\n1\n2\n");
    Files.writeString(dir.resolve("c.csv"), "id\n5\nbad\n6\n");
    Files.writeString(dir.resolve("notes.txt"), "id\n99\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/d.csv"), "id\n7\n");
  }

  private SourceTask task(String glob, String resume) throws Exception {
    Map<String, String> config = Map.of("path", dir.toString(), "glob", glob, "columns", "id:LONG");
    return FileSources.started(context, config, resume);
  }

  @Test
  void readsTheMatchingFilesInNameOrderWithFileQualifiedOffsets() throws Exception {
    SourceTask t = task("*.csv", null);
    List<Batch> batches = drain(t, 3);
    List<Row> rows = rows(batches);

    assertThat(t.dataset()).isEqualTo(new DatasetRef("file", dir.toAbsolutePath().toString()));
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(rows).extracting(r -> r.provenance().offset())
        .containsExactly("a.csv#1", "a.csv#2", "b.csv#1", "b.csv#2", "c.csv#1", "c.csv#3");
    assertThat(batches).extracting(Batch::sourceOffset).containsExactly("b.csv#1", "c.csv#3");
    assertThat(context.quarantined()).singleElement().satisfies(q -> {
      assertThat(q.where().offset()).isEqualTo("c.csv#2");
      assertThat(q.reason()).isEqualTo("line 3: column 'id': 'bad' is not a LONG");
    });
  }

  @Test
  void aRecursiveGlobReachesSubfolders() throws Exception {
    assertThat(rows(drain(task("**/*.csv", null), 100))).extracting(r -> r.provenance().offset())
        .containsExactly("sub/d.csv#1");
    assertThat(rows(drain(task("{*,**/*}.csv", null), 100))).hasSize(7);
  }

  @Test
  void resumeSkipsEarlierFilesAndTheCommittedRecordsOfTheCurrentOne() throws Exception {
    assertThat(rows(drain(task("*.csv", "b.csv#1"), 100))).extracting(r -> r.get(0))
        .containsExactly(4L, 5L, 6L);
    assertThat(rows(drain(task("*.csv", "b.csv#2"), 100))).extracting(r -> r.get(0)).containsExactly(5L, 6L);
    assertThat(rows(drain(task("*.csv", "c.csv#3"), 100))).isEmpty();
  }

  @Test
  void aResumeOffsetOfAnotherShapeIsRejected() {
    assertThatThrownBy(() -> task("*.csv", "17")).hasMessageContaining("is not <file>#<record number>");
  }
}
