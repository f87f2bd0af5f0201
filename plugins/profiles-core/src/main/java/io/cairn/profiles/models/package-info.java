/**
 * Models over profile features: {@link io.cairn.profiles.models.Propensity} (Tribuo logistic regression on a
 * train/test split, judged by AUC and log-loss), {@link io.cairn.profiles.models.LifetimeValue} (linear
 * regression, RMSE), {@link io.cairn.profiles.models.ItemRecommender} (item-item recommendations,
 * precision@k), the registry's {@link io.cairn.profiles.models.ModelArtifact}, and batch scoring through
 * {@link io.cairn.profiles.models.BatchScorer} ({@link io.cairn.profiles.models.LinearScorer} compiles a linear
 * model into primitive arrays).
 */
package io.cairn.profiles.models;
