package io.cairn.catalog.identity;

import java.util.List;

/**
 * How a graph matches, kept so a graph can be reloaded (e.g. for a steward's split) without the flow that
 * feeds it.
 *
 * @param fuzzyThreshold the fuzzy-matching threshold, or null when fuzzy matching is off
 */
public record GraphSettings(String graph, List<String> rules, Double fuzzyThreshold, String region) {}
