package io.cairn.connector.redis;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * Writes each batch into the profile view in one transaction: profile hashes, and segment memberships when a
 * segments column is configured. A row without a profile id goes to the quarantine. See the package doc.
 */
final class RedisSinkTask implements SinkTask {
  /** One row, ready to write. */
  private record Profile(String id, Map<String, String> fields, List<String> nulls, Set<String> segments) {}

  private final Config config;
  private final URI uri;
  private final ProfileKeys keys;
  private TaskContext context;
  private DatasetRef dataset;
  private volatile Jedis jedis;

  RedisSinkTask(Config config) {
    this.config = config;
    this.uri = RedisConfig.uri(config);
    this.keys = new ProfileKeys(config.string(RedisConfig.KEY_PREFIX));
  }

  @Override
  public void start(TaskContext ctx) {
    this.context = ctx;
    dataset = new DatasetRef("redis://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()),
        keys.profile("*"));
    jedis = RedisConfig.connect(config, uri, "cairn-" + ctx.flowId().replaceAll("\\s", "_"));
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) {
    List<Profile> profiles = profiles(batch);
    Map<String, Set<String>> members = currentMembership(profiles);
    Transaction tx = jedis.multi();
    for (Profile p : profiles) {
      if (!p.fields().isEmpty()) {
        tx.hset(keys.profile(p.id()), p.fields());
      }
      if (!p.nulls().isEmpty()) {
        tx.hdel(keys.profile(p.id()), p.nulls().toArray(String[]::new));
      }
      if (p.segments() != null) {
        Set<String> now = members.get(p.id());
        for (String gone : now) {
          if (!p.segments().contains(gone)) {
            tx.srem(keys.segment(gone), p.id());
            tx.srem(keys.profileSegments(p.id()), gone);
          }
        }
        for (String s : p.segments()) {
          tx.sadd(keys.segment(s), p.id());
          tx.sadd(keys.profileSegments(p.id()), s);
        }
        members.put(p.id(), p.segments());
      }
    }
    if (tx.exec() == null) {
      throw new IllegalStateException("Redis aborted the transaction of a batch of " + batch.size() + " rows");
    }
    return profiles.size();
  }

  /** The profiles of the rows; rows without an id or with bad segments are quarantined. */
  private List<Profile> profiles(Batch batch) {
    Schema schema = batch.schema();
    int[] keyIdx = config.list(RedisConfig.KEY_COLUMNS).stream().mapToInt(schema::require).toArray();
    int segIdx = config.has(RedisConfig.SEGMENTS_COLUMN) ? schema.require(config.string(RedisConfig.SEGMENTS_COLUMN))
        : -1;
    List<String> fieldNames = config.has(RedisConfig.FIELDS) ? config.list(RedisConfig.FIELDS) : schema.names();
    int[] fieldIdx = fieldNames.stream().mapToInt(schema::require).filter(i -> i != segIdx).toArray();
    List<Profile> profiles = new ArrayList<>(batch.size());
    for (Row row : batch.rows()) {
      String id = id(row, schema, keyIdx);
      if (id == null) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      List<String> nulls = new ArrayList<>();
      for (int i : fieldIdx) {
        Object v = row.get(i);
        if (v == null) {
          nulls.add(schema.column(i).name());
        } else {
          fields.put(schema.column(i).name(), v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
      }
      try {
        profiles.add(new Profile(id, fields, nulls, segIdx < 0 ? null : Segments.parse(row.get(segIdx))));
      } catch (IllegalArgumentException e) {
        context.quarantine(row, row.toString(), e.getMessage());
      }
    }
    return profiles;
  }

  private String id(Row row, Schema schema, int[] keyIdx) {
    if (keyIdx.length == 0) {
      if (row.subjectId() == null) {
        context.quarantine(row, row.toString(), "no profile id: the row has no subject id");
      }
      return row.subjectId();
    }
    StringBuilder id = new StringBuilder();
    for (int i : keyIdx) {
      Object v = row.get(i);
      if (v == null) {
        context.quarantine(row, row.toString(),
            "no profile id: key column '" + schema.column(i).name() + "' is null");
        return null;
      }
      id.append(id.isEmpty() ? "" : ":").append(v);
    }
    return id.toString();
  }

  /** The stored segments of the profiles whose membership the batch sets, read in one round trip. */
  private Map<String, Set<String>> currentMembership(List<Profile> profiles) {
    Map<String, Response<Set<String>>> pending = new HashMap<>();
    try (Pipeline p = jedis.pipelined()) {
      for (Profile profile : profiles) {
        if (profile.segments() != null && !pending.containsKey(profile.id())) {
          pending.put(profile.id(), p.smembers(keys.profileSegments(profile.id())));
        }
      }
      p.sync();
    }
    Map<String, Set<String>> members = new HashMap<>();
    pending.forEach((id, r) -> members.put(id, new HashSet<>(r.get())));
    return members;
  }

  @Override
  public void stop() {
    Jedis j = jedis;
    jedis = null;
    if (j != null) {
      j.close();
    }
  }
}
