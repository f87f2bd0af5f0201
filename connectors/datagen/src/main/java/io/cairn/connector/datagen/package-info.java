/**
 * The {@code datagen} source connector: a deterministic generator of a synthetic retail data set
 * (customers, orders, web events, consents) for demos, tests and benchmarks, after Kafka Connect's datagen.
 *
 * <p>Every row {@code i} of an entity is a pure function of {@code (seed, entity, i)} plus small pools of
 * names, streets and cities drawn once from Datafaker with the same seed. So the same configuration gives
 * byte-identical data, a resumed run continues with exactly the rows an uninterrupted run would have
 * produced, and generation costs a few microseconds per row. The data is deliberately imperfect: planted
 * near-duplicate customers ({@code duplicateRate}) and dirty values in text columns ({@code dirtyRate}) give
 * identity resolution and quality steps something to find.
 *
 * <p>Only {@link io.cairn.connector.datagen.DatagenConnector} is public; everything else is package-private.
 */
package io.cairn.connector.datagen;
