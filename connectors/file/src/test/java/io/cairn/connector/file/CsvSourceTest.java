package io.cairn.connector.file;

import static io.cairn.connector.testkit.SourceTasks.column;
import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  private static final String COLUMNS = "id:LONG,email:STRING,signup:DATE,amount:DECIMAL,active:BOOLEAN,"
      + "seen:TIMESTAMP,score:DOUBLE";

  @TempDir Path dir;
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  private SourceTask task(Map<String, String> config, String resume) throws Exception {
    return FileSources.started(context, config, resume);
  }

  @Test
  void readsDeclaredTypesAndTheSubject() throws Exception {
    Path csv = Files.writeString(dir.resolve("people.csv"), """
        id,email,signup,amount,active,seen,score
        1,a@x.io,2024-01-31,12.50,true,2024-05-01T10:15:30Z,0.5
        2,"b,""q""@x.io",2024-02-29,,false,2024-05-01T12:15:30+02:00,
        """);
    SourceTask t = task(Map.of("path", csv.toString(), "columns", COLUMNS, "subjectColumn", "email"), null);
    List<Row> rows = rows(drain(t, 10));

    assertThat(t.dataset()).isEqualTo(new DatasetRef("file", csv.toAbsolutePath().toString()));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).values()).containsExactly(1L, "a@x.io", LocalDate.of(2024, 1, 31),
        new BigDecimal("12.50"), true, Instant.parse("2024-05-01T10:15:30Z"), 0.5);
    assertThat(rows.get(1).values()).containsExactly(2L, "b,\"q\"@x.io", LocalDate.of(2024, 2, 29), null,
        false, Instant.parse("2024-05-01T10:15:30Z"), null);
    assertThat(rows.get(1).subjectId()).isEqualTo("b,\"q\"@x.io");
    assertThat(rows.get(1).provenance().offset()).isEqualTo("2");
    assertThat(context.quarantined()).isEmpty();
    t.stop();
  }

  @Test
  void quarantinesMalformedRecordsWithTheLineAndReasonAndKeepsGoing() throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), """
        id,email,age
        1,a@x.io,30
        2,b@x.io,abc
        3,c@x.io

        4,d@x.io,41,extra
        5,"multi
        line@x.io",50
        6,f@x.io,60
        """);
    SourceTask t = task(Map.of("path", csv.toString(), "columns", "id:LONG,email,age:LONG"), null);
    List<Batch> batches = drain(t, 100);
    List<Row> rows = rows(batches);

    assertThat(column(rows, 0)).containsExactly(1L, 5L, 6L);
    assertThat(rows.get(1).get(1)).isEqualTo("multi\nline@x.io");
    assertThat(context.reasons()).containsExactly(
        "line 3: column 'age': 'abc' is not a LONG",
        "line 4: expected 3 fields, found 2",
        "line 6: expected 3 fields, found 4");
    assertThat(context.quarantined()).extracting(q -> q.rawRecord())
        .containsExactly("2,b@x.io,abc", "3,c@x.io", "4,d@x.io,41,extra");
    assertThat(context.quarantined()).extracting(q -> q.where().offset()).containsExactly("2", "3", "4");
    assertThat(rows).extracting(r -> r.provenance().offset()).containsExactly("1", "5", "6");
    assertThat(batches.getLast().sourceOffset()).isEqualTo("6");
  }

  @Test
  void aRecordWithBytesThatAreNotUtf8IsQuarantinedAloneAndTheFileReadOn() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes("\uFEFFid,name\n1,Zoë\n2,\"Bad".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int firstBad = out.size();
    out.write(0xC3); // a lead byte followed by ASCII: malformed
    out.writeBytes("(\nname\"\n3,Ok\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int badAt = out.size();
    out.writeBytes(new byte[] {'4', ',', (byte) 0xFF, 'x', '\n'});
    // a long tail crossing the decoder's 64 KiB buffer, and a sequence cut short by the end of the file
    for (int i = 5; i < 9000; i++) {
      out.writeBytes((i + ",name" + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    out.writeBytes(new byte[] {'9', '0', '0', '0', ',', (byte) 0xE2, (byte) 0x82}); // truncated at the end
    Path csv = Files.write(dir.resolve("latin.csv"), out.toByteArray());
    SourceTask t = task(Map.of("path", csv.toString(), "columns", "id:LONG,name"), null);
    List<Row> rows = rows(drain(t, 1000));

    assertThat(rows).hasSize(1 + 1 + 8995);
    assertThat(rows.get(0).values()).containsExactly(1L, "Zoë");
    assertThat(rows.get(1).values()).containsExactly(3L, "Ok");
    assertThat(rows.getLast().values()).containsExactly(8999L, "name8999");
    assertThat(context.reasons()).containsExactly(
        "line 3: invalid UTF-8 at byte " + firstBad,
        "line 6: invalid UTF-8 at byte " + (badAt + 2),
        "line 9002: invalid UTF-8 at byte " + (out.size() - 2));
    assertThat(context.quarantined()).extracting(q -> q.rawRecord())
        .containsExactly("2,\"Bad\uFFFD(\nname\"", "4,\uFFFDx", "9000,\uFFFD");
  }

  @Test
  void batchesHoldAtMostMaxRowsAndCarryTheOffsetOfTheirLastRecord() throws Exception {
    StringBuilder sb = new StringBuilder("id\n");
    for (int i = 1; i <= 25; i++) {
      sb.append(i == 10 ? "x" : Integer.toString(i)).append('\n');
    }
    Path csv = Files.writeString(dir.resolve("n.csv"), sb);
    SourceTask t = task(Map.of("path", csv.toString(), "columns", "id:LONG"), null);
    List<Batch> batches = drain(t, 10);

    assertThat(batches).extracting(Batch::size).containsExactly(10, 10, 4);
    assertThat(batches).extracting(Batch::sourceOffset).containsExactly("11", "21", "25");
    assertThat(t.poll(10)).isNull();
    assertThat(t.exhausted()).isTrue();
  }

  @Test
  void resumeSkipsExactlyTheCommittedRecords() throws Exception {
    StringBuilder sb = new StringBuilder("id,name\n");
    for (int i = 1; i <= 30; i++) {
      sb.append(i).append(",n").append(i).append('\n');
    }
    Path csv = Files.writeString(dir.resolve("r.csv"), sb);
    Map<String, String> config = Map.of("path", csv.toString(), "columns", "id:LONG,name");
    SourceTask first = task(config, null);
    Batch b1 = first.poll(12);
    first.stop();
    assertThat(first.poll(12)).isNull();

    SourceTask second = task(config, b1.sourceOffset());
    List<Row> rest = rows(drain(second, 7));
    assertThat(column(rest, 0)).first().isEqualTo(13L);
    assertThat(column(rest, 0)).hasSize(18).doesNotHaveDuplicates().doesNotContain(12L);
    assertThat(rest.getLast().provenance().offset()).isEqualTo("30");
  }

  @Test
  void withoutDeclaredColumnsTheHeaderGivesStringColumnsAndOtherDelimitersWork() throws Exception {
    Path tsv = Files.writeString(dir.resolve("t.tsv"), "\uFEFFid\tcity\n7\tLyon\n8\t\n");
    SourceTask t = task(Map.of("path", tsv.toString(), "delimiter", "\\t"), null);
    List<Batch> batches = drain(t, 10);

    assertThat(batches.getFirst().schema().names()).containsExactly("id", "city");
    assertThat(batches.getFirst().schema().columns()).allMatch(c -> c.type() == ColumnType.STRING);
    assertThat(rows(batches)).extracting(Row::values)
        .containsExactly(new Object[] {"7", "Lyon"}, new Object[] {"8", null});
  }

  @Test
  void headerlessFilesUseTheDeclaredColumnsInOrder() throws Exception {
    Path csv = Files.writeString(dir.resolve("h.csv"), "1;x\n2;y\n");
    SourceTask t = task(Map.of("path", csv.toString(), "header", "false", "delimiter", ";",
        "columns", "id:LONG,v"), null);
    assertThat(rows(drain(t, 10))).extracting(Row::values)
        .containsExactly(new Object[] {1L, "x"}, new Object[] {2L, "y"});
  }

  @Test
  void aHeaderMissingADeclaredColumnFailsTheRead() throws Exception {
    Path csv = Files.writeString(dir.resolve("m.csv"), "id\n1\n");
    SourceTask t = task(Map.of("path", csv.toString(), "columns", "id:LONG,email"), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.poll(10))
        .hasMessageContaining("m.csv has no column 'email'");
  }
}
