/**
 * Model scoring: the {@link io.meridian.engine.model.Scorer} port and its two implementations, the pure-Java
 * {@link io.meridian.engine.model.LinearScorer} (0 B per call) and the ONNX Runtime
 * {@link io.meridian.engine.model.OnnxScorer} (pinned input and output tensors, one thread, spinning off; its
 * per-call allocation, about 0.5 KB, is the one measured exception to the hot path's zero-allocation rule).
 *
 * <p>Start-up side: {@link io.meridian.engine.model.Scorers#create(String, String)} reads the model bytes and the
 * {@link io.meridian.engine.model.ModelManifest} beside them, refuses a model whose feature names, order or schema
 * hash differ from {@link io.meridian.engine.feature.FeatureSchema} or whose bytes do not match the manifest's
 * SHA-256, and builds the scorer. {@link io.meridian.engine.model.OnnxModelReader} is a small hand-written protobuf
 * reader of the ONNX {@code ModelProto}, from which {@link io.meridian.engine.model.LinearModel} extracts the weights
 * the pure-Java scorer uses, so both scorers evaluate the same file.
 *
 * <p>Threading: everything here except {@code score} runs once at start-up (or on a model swap, off the hot path) and
 * may allocate and throw. A scorer instance is owned by the scoring stage's thread; {@code score} is single-threaded,
 * allocation-free for the linear scorer, and throws only on bugs (wrong vector length, a failing native runtime).
 *
 * <p>May depend on: {@code io.meridian.engine.feature}, ONNX Runtime ({@code ai.onnxruntime}), SnakeYAML (manifest
 * parsing only) and the JDK. Never on Tribuo: training lives in {@code io.meridian.ops.train}.
 */
package io.meridian.engine.model;
