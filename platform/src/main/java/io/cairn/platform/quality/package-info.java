/**
 * {@code /api/v1/quality}: Great Expectations suites and data profiles on inline samples, without a flow.
 * The engine is {@code cairn-quality-core}, the same code the quality step plugin bundles.
 */
package io.cairn.platform.quality;
