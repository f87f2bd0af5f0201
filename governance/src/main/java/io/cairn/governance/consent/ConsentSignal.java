package io.cairn.governance.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consent found on one collected event, handed by the HTTP collector to the consent service.
 *
 * @param identifiers the event's identifiers as {@code kind -> value} pairs in the order seen, e.g.
 *     {@code userId -> u1}, {@code anonymousId -> a1}, {@code email -> x@y.z}
 * @param tcString a TCF v2 TC string from the event's field, cookie ({@code euconsent-v2}) or header, or null
 * @param gpc true when the request carried {@code Sec-GPC: 1}
 * @param purposes consent flags from the event's context ({@code context.consent.purposes}: purpose name to
 *     granted), possibly empty
 * @param receivedAt when the collector received the event
 * @param noticeVersion the notice or CMP version from the event context, or null
 */
public record ConsentSignal(List<Map.Entry<String, String>> identifiers, String tcString, boolean gpc,
    Map<String, Boolean> purposes, Instant receivedAt, String noticeVersion) {
  public ConsentSignal {
    identifiers = List.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
    purposes = Map.copyOf(Objects.requireNonNull(purposes, "purposes"));
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Whether there is anything to record. */
  public boolean isEmpty() {
    return tcString == null && !gpc && purposes.isEmpty();
  }
}
