package io.cairn.platform.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.collector.EventFields.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch scan ({@link ParsedBody#batch}) keeps an event as bytes with a shallow view when the stamp can be
 * spliced into it, and reads it as a whole tree otherwise: which events take which path, that the view reads each
 * {@link Field} as the tree does, and the marks of the {@code context} keys the stamp asks about.
 */
class ParsedBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<RawEvent> scan(List<String> events) throws CollectorException {
    byte[] body = ("{\"batch\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    return ParsedBody.batch(JSON, body, body.length, 32 * 1024).events();
  }

  @Test
  void keptFieldsThatTheSpliceCannotExpressTakeTheTreePath() throws Exception {
    Map<String, Boolean> whole = new LinkedHashMap<>();
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"m\",\"x\":[1,{\"y\":2}]}", false);
    // kept fields of any other kind are kept as they are
    whole.put("{\"type\":5,\"userId\":null,\"event\":true,\"timestamp\":12,\"traits\":[1],\"groupId\":-1.5e3,"
        + "\"integrations\":\"i\",\"x\":{\"type\":1}}", false);
    whole.put("{\"type\":\"track\",\"userId\":7,\"event\":\"E\"}", true); // a numeric id becomes a string
    whole.put("{\"type\":\"track\",\"anonymousId\":1.5,\"event\":\"E\"}", true);
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"messageId\":42}", true);
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"\"}", true);
    whole.put("{\"type\":\"page\",\"userId\":\"u\",\"type\":\"track\",\"event\":\"E\"}", true); // the last one counts
    whole.put("{\"type\":\"track\",\"x\":1,\"userId\":\"u\",\"x\":2}", true);
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"writeKeyId\":3}", true); // a field the stamp sets
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"timestamp\":null}", true);
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"context\":null}", true);
    whole.put("{\"type\":\"track\",\"userId\":\"u\",\"context\":{\"userAgent\":null}}", true);
    List<String> events = new ArrayList<>(whole.keySet());
    List<RawEvent> scanned = scan(events);
    for (int i = 0; i < events.size(); i++) {
      RawEvent e = scanned.get(i);
      JsonNode tree = JSON.readTree(events.get(i));
      assertThat(e.whole()).as(events.get(i)).isEqualTo(whole.get(events.get(i)));
      if (e.whole()) {
        assertThat(e.tree()).isEqualTo(tree);
      }
      for (Field f : Field.values()) {
        JsonNode kept = e.fields().get(f);
        JsonNode expected = tree.get(f.key());
        if (expected != null && expected.isContainerNode()) { // the view has empty stand-ins for these
          assertThat(kept.getNodeType()).as(events.get(i) + " " + f).isEqualTo(expected.getNodeType());
        } else {
          assertThat(kept).as(events.get(i) + " " + f).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theScanMarksTheContextKeysTheStampAsksAbout() throws Exception {
    List<RawEvent> scanned = scan(List.of(
        "{\"type\":\"track\",\"context\":{\"ip\":\"1.1.1.1\",\"locale\":\"fr\",\"tcf\":{\"tcString\":\"x\"}}}",
        "{\"context\":{\"userAgent\":\"a\",\"page\":{\"ip\":\"nested keys do not count\"},\"consent\":{}}}",
        "{\"type\":\"track\"}"));
    assertThat(scanned).noneMatch(RawEvent::whole);
    assertThat(scanned).extracting(RawEvent::contextMarks)
        .containsExactly(EventStamp.IP | EventStamp.TCF, EventStamp.USER_AGENT | EventStamp.CONSENT, 0);
    assertThat(scanned.get(0).contextKeys()).containsExactly("ip", "locale", "tcf");
    assertThat(scanned.get(2).contextClose()).isEqualTo(-1);

    // the stamp adds the marks of the batch context's keys
    RequestMeta meta = new RequestMeta(null, "10.0.0.1", "ua", null, null, false, Instant.EPOCH);
    EventStamp plain = new EventStamp(Map.of(), meta, 1, Instant.EPOCH.toString());
    EventStamp withConsent = new EventStamp(Map.of("consent", "\"consent\":{}".getBytes(StandardCharsets.UTF_8)),
        meta, 1, Instant.EPOCH.toString());
    assertThat(plain.contextHas(scanned.get(0), EventStamp.CONSENT | EventStamp.TCF)).isTrue();
    assertThat(plain.contextHas(scanned.get(2), EventStamp.CONSENT | EventStamp.TCF)).isFalse();
    assertThat(withConsent.contextHas(scanned.get(2), EventStamp.CONSENT)).isTrue();
    assertThat(withConsent.contextHas(scanned.get(2), EventStamp.IP)).isFalse();
  }
}
