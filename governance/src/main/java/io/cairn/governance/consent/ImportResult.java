package io.cairn.governance.consent;

import java.util.List;

/**
 * The outcome of a CSV import: how many lines were recorded and why the others were not.
 *
 * @param rejected the lines refused, by line number of the file (the header is line 1)
 */
public record ImportResult(int imported, List<Rejection> rejected) {
  public record Rejection(long line, String reason) {}
}
