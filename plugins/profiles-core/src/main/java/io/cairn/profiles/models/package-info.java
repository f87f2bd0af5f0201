/**
 * Models over profile features: {@link io.cairn.profiles.models.Propensity} (Tribuo logistic regression on a
 * train/test split, judged by AUC and log-loss).
 */
package io.cairn.profiles.models;
