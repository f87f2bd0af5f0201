package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One event of a request. Most batch events stay as they came: their bytes in the body plus a shallow view of
 * the fields that validation and the stamp read (see {@link EventFields.Shallow}), and the keys and closing brace
 * of their {@code context}, so that {@link EventStamp} splices the stamp into the bytes as received. Events the
 * splice could not express faithfully (a field the stamp replaces, a numeric id that becomes a string, a
 * duplicate key, ...) and single events are whole trees instead, stamped in place and written out again.
 *
 * @param start the offset of the event's opening brace in the body (raw events)
 * @param end the offset just after its closing brace (raw events)
 * @param fields the shallow view, or the whole event's fields
 * @param tree the whole event, or null for a raw event
 * @param contextClose the offset of the closing brace of the event's {@code context} object, or -1 when it has none
 * @param contextKeys the keys of the event's {@code context} object (raw events)
 * @param contextMarks which of the keys the stamp asks about its {@code context} has, as {@link EventStamp#mark}s
 *     (raw events)
 */
record RawEvent(int start, int end, EventFields fields, ObjectNode tree, int contextClose, List<String> contextKeys,
    int contextMarks) {
  /** A whole event. */
  static RawEvent tree(ObjectNode event) {
    return new RawEvent(-1, -1, EventFields.of(event), event, -1, List.of(), 0);
  }

  /** Whether this is a whole event (a tree) rather than bytes of the body. */
  boolean whole() {
    return tree != null;
  }

  /**
   * Checks the event ({@link SegmentEvents#validate}): a whole one as a tree (which also sets its type and turns
   * numeric ids into strings), a raw one on its shallow view, with the same verdicts.
   *
   * @param type the endpoint's type for single events, null in a batch
   */
  void validate(String type, int index) throws CollectorException {
    if (tree != null) {
      SegmentEvents.validate(tree, type, index);
    } else {
      SegmentEvents.check(fields, type, index);
    }
  }
}
