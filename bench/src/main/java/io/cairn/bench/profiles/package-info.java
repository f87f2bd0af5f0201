/** The profiles benchmark: identity resolution, K-means, logistic regression and scoring beside bare Tribuo. */
package io.cairn.bench.profiles;
