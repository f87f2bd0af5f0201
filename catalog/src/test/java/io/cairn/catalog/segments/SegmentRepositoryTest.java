package io.cairn.catalog.segments;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.testing.CatalogDatabases;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Segments on H2 (file mode) and the machine's PostgreSQL. */
class SegmentRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_segments_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void membersSizesAndExportsAreKept(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    SegmentRepository segments = new SegmentRepository(db);
    segments.define("vip", "monetary >= 1000", "customers", "mia");
    segments.replaceMembers("vip", Set.of("P-1", "P-2", "P-3"));
    segments.replaceMembers("vip", Set.of("P-1", "P-4"));
    SegmentEntry vip = segments.define("vip", "monetary >= 900", "customers", "mia");
    assertThat(vip.rule()).isEqualTo("monetary >= 900");
    assertThat(vip.size()).isEqualTo(2);
    assertThat(segments.members("vip")).containsExactlyInAnyOrder("P-1", "P-4");
    assertThat(segments.sizes("vip")).extracting(SegmentSize::size).containsExactly(3, 2);
    segments.recordExport(new ExportEntry("x1", "vip", "csv", "advertising", "DONE", 1, 1, "file:///x sha256=ab",
        "mia", SegmentRepository.now()));
    assertThat(segments.exports("vip")).singleElement().satisfies(e -> {
      assertThat(e.rows()).isEqualTo(1);
      assertThat(e.suppressed()).isEqualTo(1);
    });
    assertThat(segments.list()).extracting(SegmentEntry::name).containsExactly("vip");
    assertThat(segments.find("nope")).isEmpty();
  }
}
