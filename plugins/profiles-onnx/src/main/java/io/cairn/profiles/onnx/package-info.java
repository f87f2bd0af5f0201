/**
 * ONNX for profile models: {@link io.cairn.profiles.onnx.OnnxPropensity} exports a Tribuo propensity model
 * with what is needed to feed it, and {@link io.cairn.profiles.onnx.OnnxScorer} scores any ONNX model through
 * ONNX Runtime (set {@code ORT_DISABLE_TELEMETRY=1} in the environment).
 */
package io.cairn.profiles.onnx;
