package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.governance.consent.ConsentSignal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ConsentSignal} of a stamped event: its identifiers ({@code userId}, {@code anonymousId},
 * {@code traits.email} / {@code context.traits.email}, {@code traits.phone}), the TC string ({@code
 * context.consent.tcString}, {@code context.tcf.tcString}, cookie {@code euconsent-v2} or header {@code
 * X-TCF-String}, first found wins), GPC ({@code Sec-GPC: 1}), and the purposes of {@code
 * context.consent.purposes} ({@code {"name": true|false}}). Stateless.
 */
final class ConsentSignals {
  private ConsentSignals() {}

  /** Whether the event or request may carry consent at all (else there is no signal to build). */
  static boolean present(EventFields event, RequestMeta meta) {
    if (meta.gpc() || meta.tcfCookie() != null || meta.tcfHeader() != null) {
      return true;
    }
    JsonNode context = event.get(EventFields.Field.CONTEXT);
    return context != null && (context.has("consent") || context.has("tcf"));
  }

  static ConsentSignal of(ObjectNode event, RequestMeta meta, String where) throws CollectorException {
    List<Map.Entry<String, String>> ids = new ArrayList<>();
    add(ids, "userId", event.get("userId"));
    add(ids, "anonymousId", event.get("anonymousId"));
    JsonNode context = event.path("context");
    for (JsonNode traits : List.of(event.path("traits"), context.path("traits"))) {
      add(ids, "email", traits.get("email"));
      add(ids, "phone", traits.get("phone"));
    }
    JsonNode consent = context.path("consent");
    String tc = first(consent.get("tcString"), context.path("tcf").get("tcString"));
    if (tc == null) {
      tc = meta.tcfCookie() != null ? meta.tcfCookie() : meta.tcfHeader();
    }
    Map<String, Boolean> purposes = new LinkedHashMap<>();
    JsonNode p = consent.get("purposes");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw CollectorException.badRequest(where + ": context.consent.purposes must be an object of purpose: true|false");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isBoolean()) {
          throw CollectorException.badRequest(where + ": context.consent.purposes." + f.getKey() + " must be true or false");
        }
        purposes.put(f.getKey(), f.getValue().booleanValue());
      }
    }
    String notice = first(consent.get("noticeVersion"), null);
    return new ConsentSignal(ids, tc, meta.gpc(), purposes, meta.receivedAt(), notice);
  }

  private static void add(List<Map.Entry<String, String>> ids, String kind, JsonNode value) {
    String v = ParsedBody.text(value);
    if (v != null && !v.isBlank() && ids.stream().noneMatch(e -> e.getKey().equals(kind) && e.getValue().equals(v))) {
      ids.add(Map.entry(kind, v));
    }
  }

  private static String first(JsonNode a, JsonNode b) {
    String s = ParsedBody.text(a);
    if (s != null && !s.isBlank()) {
      return s;
    }
    s = ParsedBody.text(b);
    return s != null && !s.isBlank() ? s : null;
  }
}
