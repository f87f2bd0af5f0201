/**
 * ONNX for profile models: {@link io.cairn.profiles.onnx.OnnxModel} scores any ONNX model in batches through
 * ONNX Runtime (checked against its declared input, features and output when loaded; telemetry off),
 * {@link io.cairn.profiles.onnx.OnnxExport} exports a linear Tribuo model with its standardisation as one
 * self-contained ONNX model, {@link io.cairn.profiles.onnx.OnnxPropensity} exports a Tribuo propensity model
 * with what is needed to feed it, and {@link io.cairn.profiles.onnx.OnnxScorer} runs a model's first output.
 */
package io.cairn.profiles.onnx;
