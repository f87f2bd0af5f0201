package io.cairn.platform.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch's events are checked on the shallow view its scan keeps ({@link ParsedBody#batch}), single events and
 * the events the splice cannot take as whole trees ({@link SegmentEvents#validate}): both must give the same
 * verdict, the same message included, for any event.
 */
class SegmentEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MISSING = null;
  private static final String LONG = "\"" + "x".repeat(257) + "\"";
  private static final String[] TYPES = {MISSING, "\"track\"", "\"page\"", "\"identify\"", "\"group\"", "\"alias\"",
      "\"screen\"", "\"bogus\"", "\"\"", "5", "true", "null", "{}", "[]"};
  private static final String[] IDS = {MISSING, "\"u-1\"", "\"\"", "null", "7", "1.5", "true", "{}", "[\"a\"]", LONG};
  private static final String[] NAMES = {MISSING, "\"Order Completed\"", "\"\"", "\"  \"", "null", "3", "false",
      "{}"};
  private static final String[] OBJECTS = {MISSING, "{}", "{\"a\":{\"b\":[1,2]}}", "null", "[]", "\"text\"", "1"};
  private static final String[] CONTEXTS = {MISSING, "{}", "{\"locale\":\"fr\"}", "{\"ip\":null}", "null", "[]",
      "\"ctx\""};
  private static final String[] TIMESTAMPS = {MISSING, "\"2026-11-24T10:00:00.000Z\"", "\"2026-11-24T10:00:00Z\"",
      "\"2026-11-24T10:00:00+02:00\"", "\"2026-13-24T10:00:00Z\"", "\"yesterday\"", "\"\"", "null", "12", "true",
      "{}"};
  private static final String[] MESSAGE_IDS = {MISSING, "\"m-1\"", "\"\"", "null", "42", "{}", LONG};

  @Test
  void theShallowViewAndTheTreeGiveTheSameVerdictOnManyEvents() throws Exception {
    Random random = new Random(6);
    int raw = 0;
    int refused = 0;
    int checked = 0;
    for (int round = 0; round < 400; round++) {
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        events.add(event(random));
      }
      byte[] body = ("{\"batch\":[" + String.join(",", events) + "],\"context\":{\"library\":{\"name\":\"t\"}}}")
          .getBytes(StandardCharsets.UTF_8);
      List<RawEvent> parsed = ParsedBody.batch(JSON, body, body.length, 32 * 1024).events();
      assertThat(parsed).hasSize(events.size());
      for (int i = 0; i < events.size(); i++) {
        RawEvent e = parsed.get(i);
        String event = events.get(i);
        raw += e.whole() ? 0 : 1;
        String scanned = verdict(() -> e.validate(null, 0));
        String tree = verdict(() -> SegmentEvents.validate((ObjectNode) JSON.readTree(event), null, 0));
        assertThat(scanned).as(event).isEqualTo(tree);
        refused += tree.equals("ok") ? 0 : 1;
        checked++;
      }
    }
    // the comparison means something only when both kinds of events and both verdicts are common
    assertThat(raw).as("events checked on the shallow view").isGreaterThan(checked / 5);
    assertThat(refused).as("refused events").isBetween(checked / 5, checked - checked / 5);
  }

  @Test
  void theShallowViewAcceptsTheUsualEventsAndNamesTheFirstBrokenRule() throws Exception {
    byte[] body = """
        {"batch": [
          {"type": "track", "userId": "u", "event": "E", "messageId": "m-1", "timestamp": "2026-11-24T10:00:00Z",
           "properties": {"a": 1}, "context": {"page": {"path": "/"}}, "extra": "skipped", "n": 1.5},
          {"type": "group", "anonymousId": "a", "messageId": "m-2", "properties": []},
          {"type": "alias", "userId": "u", "messageId": "m-3", "timestamp": "soon"}]}
        """.getBytes(StandardCharsets.UTF_8);
    List<RawEvent> events = ParsedBody.batch(JSON, body, body.length, 32 * 1024).events();
    assertThat(events).noneMatch(RawEvent::whole);
    assertThat(verdict(() -> events.get(0).validate(null, 0))).isEqualTo("ok");
    assertThat(verdict(() -> events.get(1).validate(null, 1)))
        .isEqualTo("400 batch[1]: a group event needs \"groupId\"");
    assertThat(verdict(() -> events.get(2).validate(null, 2)))
        .isEqualTo("400 batch[2]: a alias event needs \"previousId\"");
  }

  /** A random event: each field missing or one of its kinds of values, in a random order, sometimes twice. */
  private static String event(Random random) {
    List<String> fields = new ArrayList<>();
    add(fields, "type", pick(random, TYPES, "\"track\""));
    add(fields, "userId", pick(random, IDS, "\"u-1\""));
    add(fields, "anonymousId", pick(random, IDS, MISSING));
    add(fields, "event", pick(random, NAMES, "\"Order Completed\""));
    add(fields, "groupId", pick(random, IDS, MISSING));
    add(fields, "previousId", pick(random, IDS, MISSING));
    add(fields, "messageId", pick(random, MESSAGE_IDS, "\"m-1\""));
    add(fields, "timestamp", pick(random, TIMESTAMPS, "\"2026-11-24T10:00:00.000Z\""));
    add(fields, "properties", pick(random, OBJECTS, "{}"));
    add(fields, "traits", pick(random, OBJECTS, MISSING));
    add(fields, "integrations", pick(random, OBJECTS, MISSING));
    add(fields, "context", pick(random, CONTEXTS, "{}"));
    add(fields, "other", pick(random, new String[] {MISSING, "\"x\"", "[1,{\"type\":\"bogus\"}]", "2"}, MISSING));
    if (random.nextInt(20) == 0) {
      add(fields, "receivedAt", "\"2026-01-01T00:00:00Z\"");
    }
    if (random.nextInt(20) == 0 && !fields.isEmpty()) {
      fields.add(fields.get(random.nextInt(fields.size()))); // a duplicate key
    }
    java.util.Collections.shuffle(fields, random);
    return "{" + String.join(",", fields) + "}";
  }

  /** Mostly the usual value (so that most events reach the later rules), else any of the field's kinds. */
  private static String pick(Random random, String[] values, String usual) {
    return random.nextInt(4) > 0 ? usual : values[random.nextInt(values.length)];
  }

  private static void add(List<String> fields, String name, String value) {
    if (value != null) {
      fields.add("\"" + name + "\":" + value);
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws Exception;
  }

  private static String verdict(Check check) throws Exception {
    try {
      check.run();
      return "ok";
    } catch (CollectorException e) {
      return e.status() + " " + e.getMessage();
    }
  }
}
