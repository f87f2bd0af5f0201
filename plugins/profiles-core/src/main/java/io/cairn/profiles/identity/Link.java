package io.cairn.profiles.identity;

/**
 * Why two records were merged: the rule that matched and its evidence.
 *
 * @param from the record that arrived later
 * @param to the earlier record it matched
 * @param rule the rule's name, e.g. {@code email} or {@code fuzzy}
 * @param evidence what matched, e.g. {@code email=jane.doe@example.com} or the similarity scores
 * @param score 1 for a deterministic rule, the similarity for a fuzzy one
 */
public record Link(String from, String to, String rule, String evidence, double score) {
  /** One line for people, e.g. {@code C2 -> C1 by email (email=jane@example.com)}. */
  public String explain() {
    return from + " -> " + to + " by " + rule + " (" + evidence + ")";
  }
}
