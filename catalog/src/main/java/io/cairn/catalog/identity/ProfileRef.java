package io.cairn.catalog.identity;

/** A profile of one identity graph. */
public record ProfileRef(String graph, String profileId) {}
