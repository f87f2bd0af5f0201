package io.cairn.catalog.identity;

/** One link of an identity graph: the later record, the earlier one it matched, the rule and its evidence. */
public record StoredLink(String from, String to, String rule, String evidence, double score) {}
