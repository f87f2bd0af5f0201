package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One event of a request. Most batch events stay as they came: their bytes in the body plus a shallow view of
 * their fields (top-level strings, numbers and booleans; objects and arrays as empty placeholders) that is enough
 * to validate them, and the keys and closing brace of their {@code context}, so that {@link EventStamp} splices
 * the stamp into the bytes as received. Events the splice could not express faithfully (a field the stamp
 * replaces, a numeric id that becomes a string, a duplicate key, ...) and single events are whole trees instead,
 * stamped in place and written out again.
 *
 * @param start the offset of the event's opening brace in the body (raw events)
 * @param end the offset just after its closing brace (raw events)
 * @param fields the shallow view, or the whole event when {@code tree}
 * @param tree whether {@code fields} is the whole event
 * @param contextClose the offset of the closing brace of the event's {@code context} object, or -1 when it has none
 * @param contextKeys the keys of the event's {@code context} object (raw events)
 */
record RawEvent(int start, int end, ObjectNode fields, boolean tree, int contextClose, List<String> contextKeys) {
  /** A whole event. */
  static RawEvent tree(ObjectNode event) {
    return new RawEvent(-1, -1, event, true, -1, List.of());
  }
}
