package io.cairn.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.LiveService;
import io.cairn.connector.testkit.StartedTasks;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/** The profile sink against the machine's Redis, each test under its own key prefix. */
class RedisSinkTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING), Column.of("ltv", ColumnType.DECIMAL),
      Column.of("since", ColumnType.DATE), Column.of("segments", ColumnType.STRING));
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "profiles"), "1");

  @TempDir Path dir;
  private final String prefix = "cairn-test-" + UUID.randomUUID() + ":";
  private final FakeTaskContext context = new FakeTaskContext("run-1", Path.of("."));
  private Jedis redis;
  private StartedTasks tasks;

  @BeforeEach
  void connect() throws Exception {
    LiveService.REDIS.ensureRunning();
    redis = new Jedis("127.0.0.1", 6379);
    tasks = new StartedTasks(Map.of("keyPrefix", prefix));
  }

  @AfterEach
  void cleanUp() throws Exception {
    tasks.close();
    List<String> keys = redis.scan("0", new ScanParams().match(prefix + "*").count(10_000)).getResult();
    if (!keys.isEmpty()) {
      redis.del(keys.toArray(String[]::new));
    }
    redis.close();
  }

  private SinkTask sink(String... config) throws Exception {
    return tasks.sink(new RedisSinkConnector(), context, config);
  }

  private static Row row(Long id, String email, String segments) {
    return new Row(new Object[] {id, email, new BigDecimal("12.50"), LocalDate.of(2024, 3, 1), segments},
        email, FROM);
  }

  private static Batch batch(Row... rows) {
    return Batch.of(SCHEMA, List.of(rows), null);
  }

  @Test
  void profilesBecomeHashesAndSegmentsBecomeSetsBothWays() throws Exception {
    SinkTask sink = sink("keyColumns", "id", "segmentsColumn", "segments");
    assertThat(sink.write(batch(row(1L, "a@x.org", "vip, newsletter"), row(2L, "b@x.org", "[\"vip\"]"))))
        .isEqualTo(2);
    assertThat(redis.hgetAll(prefix + "profile:1")).isEqualTo(Map.of("id", "1", "email", "a@x.org",
        "ltv", "12.50", "since", "2024-03-01"));
    assertThat(redis.smembers(prefix + "segment:vip")).containsExactlyInAnyOrder("1", "2");
    assertThat(redis.smembers(prefix + "segment:newsletter")).containsExactly("1");
    assertThat(redis.smembers(prefix + "profile_segments:1")).containsExactlyInAnyOrder("vip", "newsletter");
    assertThat(sink.dataset()).isEqualTo(new DatasetRef("redis://127.0.0.1:6379", prefix + "profile:*"));
  }

  @Test
  void aNewMembershipReplacesTheOldAndANullRemovesAField() throws Exception {
    SinkTask sink = sink("keyColumns", "id", "segmentsColumn", "segments");
    sink.write(batch(row(1L, "a@x.org", "a,b")));
    sink.write(batch(row(1L, null, "b,c"), row(1L, null, "c,d")));
    assertThat(redis.smembers(prefix + "profile_segments:1")).containsExactlyInAnyOrder("c", "d");
    assertThat(redis.exists(prefix + "segment:a")).isFalse();
    assertThat(redis.exists(prefix + "segment:b")).isFalse();
    assertThat(redis.smembers(prefix + "segment:d")).containsExactly("1");
    assertThat(redis.hgetAll(prefix + "profile:1")).doesNotContainKey("email").containsEntry("id", "1");
    sink.write(batch(row(1L, null, "")));
    assertThat(redis.exists(prefix + "profile_segments:1")).isFalse();
    assertThat(redis.exists(prefix + "segment:c")).isFalse();
  }

  @Test
  void writingABatchAgainChangesNothing() throws Exception {
    SinkTask sink = sink("keyColumns", "id,email", "segmentsColumn", "segments", "fields", "ltv");
    Batch b = batch(row(1L, "a@x.org", "s1"), row(2L, "b@x.org", "s1,s2"));
    sink.write(b);
    sink.write(b);
    assertThat(redis.hgetAll(prefix + "profile:1:a@x.org")).isEqualTo(Map.of("ltv", "12.50"));
    assertThat(redis.smembers(prefix + "segment:s1")).containsExactlyInAnyOrder("1:a@x.org", "2:b@x.org");
    assertThat(redis.keys(prefix + "*")).hasSize(6);
  }

  @Test
  void theSubjectIsTheDefaultIdAndRowsWithoutAnIdOrWithBadSegmentsAreQuarantined() throws Exception {
    SinkTask sink = sink("segmentsColumn", "segments");
    long written = sink.write(batch(row(1L, "a@x.org", "s"), row(2L, null, "s"), row(3L, "c@x.org", "[1,2]")));
    assertThat(written).isEqualTo(1);
    assertThat(redis.smembers(prefix + "segment:s")).isEqualTo(Set.of("a@x.org"));
    assertThat(context.reasons()).containsExactly("no profile id: the row has no subject id",
        "segments '[1,2]' are not a JSON array of strings");
    SinkTask byKey = sink("keyColumns", "email");
    assertThat(byKey.write(batch(row(4L, null, null)))).isZero();
    assertThat(context.reasons().getLast()).isEqualTo("no profile id: key column 'email' is null");
  }

  @Test
  void badConfigurationAndAWrongPasswordAreRefused() throws Exception {
    assertThatThrownBy(() -> sink("url", "http://127.0.0.1:6379")).hasMessageContaining(
        "property 'url' is not a Redis URL");
    assertThatThrownBy(() -> sink("url", "redis://127.0.0.1:6379/x")).hasMessageContaining(
        "the path must be a database number");
    assertThatThrownBy(() -> sink("password", "wrong")).hasMessageContaining("AUTH");
    SinkTask sink = sink("keyColumns", "customer_id");
    assertThatThrownBy(() -> sink.write(batch(row(1L, "a@x.org", null))))
        .hasMessageContaining("no column 'customer_id' in [id, email, ltv, since, segments]");
    assertThat(RedisConfig.SINK.secretNames()).containsExactly("password");
  }

  @Test
  void segmentValuesParse() {
    assertThat(Segments.parse(" a, b ,,c ")).containsExactly("a", "b", "c");
    assertThat(Segments.parse("[\"x, y\", \"q\\\"uote\", \"\\u00e9\"]")).containsExactly("x, y", "q\"uote", "é");
    assertThat(Segments.parse(null)).isEmpty();
    assertThat(Segments.parse("[]")).isEmpty();
    assertThatThrownBy(() -> Segments.parse("[\"a\",]")).isInstanceOf(IllegalArgumentException.class);
  }
}
