/**
 * Segments: {@link io.cairn.profiles.segments.RuleSegments} (named JEXL conditions over traits, with enter and
 * exit events between two evaluations) and {@link io.cairn.profiles.segments.KMeansClustering} (Tribuo
 * K-means on standardised features, k chosen by silhouette, summarised as feature means per cluster).
 */
package io.cairn.profiles.segments;
