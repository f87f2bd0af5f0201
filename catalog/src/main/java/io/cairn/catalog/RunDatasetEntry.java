package io.cairn.catalog;

/** A dataset a run read ({@code INPUT}) or wrote ({@code OUTPUT}), with the row count. */
public record RunDatasetEntry(String runId, DatasetEntry dataset, String direction, long rows) {}
