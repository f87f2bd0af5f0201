package io.cairn.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.LiveService;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Smoke test of the built zip: PF4J loads it as the host does; a profile written through the plugin class loader. */
class RedisPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsJedisButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-redis-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/jedis-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void theSinkWritesAProfileThroughThePluginClassLoader() throws Exception {
    LiveService.REDIS.ensureRunning();
    String prefix = "cairn-it-" + UUID.randomUUID() + ":";
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        Jedis redis = new Jedis("127.0.0.1", 6379)) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-redis");
      SinkConnector connector = zip.extensions(SinkConnector.class).getFirst();
      assertThat(connector.name()).isEqualTo("redis");
      SinkTask sink = connector.createTask(connector.configDef().validate(Map.of("keyPrefix", prefix,
          "segmentsColumn", "segments")));
      sink.start(new FakeTaskContext("it", dir));
      Schema schema = Schema.of(Column.of("email", ColumnType.STRING), Column.of("segments", ColumnType.STRING));
      sink.write(Batch.of(schema, List.of(new Row(new Object[] {"p@x.org", "vip"}, "p7",
          new Provenance(new DatasetRef("test", "t"), "1"))), null));
      sink.stop();
      assertThat(redis.hgetAll(prefix + "profile:p7")).isEqualTo(Map.of("email", "p@x.org"));
      assertThat(redis.smembers(prefix + "profile_segments:p7")).containsExactly("vip");
      redis.del(prefix + "profile:p7", prefix + "profile_segments:p7", prefix + "segment:vip");
    }
  }
}
