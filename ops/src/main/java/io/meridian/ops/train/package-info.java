/**
 * Offline model training: fits Tribuo linear regression models on feature vectors named exactly as the engine's
 * {@code FeatureSchema}, exports them to ONNX, and writes the manifest the engine checks before it loads a model
 * ({@code io.meridian.engine.model.ModelManifest}). {@link io.meridian.ops.train.ShipDemoModel} regenerates the demo
 * model that ships in the engine's resources.
 *
 * <p>Runs on the operator's command thread, never inside the engine. May depend on Tribuo (which is kept off the
 * engine's classpath), {@code io.meridian.engine.model} and {@code io.meridian.engine.feature}.
 */
package io.meridian.ops.train;
