/**
 * Meridian configuration: immutable typed records ({@link io.meridian.config.EngineConfig} and its sections),
 * YAML loading with validation ({@link io.meridian.config.ConfigLoader}), {@code --set} overrides, the canonical YAML
 * form and config hash recorded in run manifests, and the built-in profiles (class-path resources under
 * {@code io/meridian/config/profiles/}).
 * <p>
 * Threads: loading runs once at start-up on the caller's thread; the records are immutable and may be shared by any
 * thread. Nothing here is on a hot path.
 * <p>
 * Dependencies: the JDK and SnakeYAML (used only to compose text into nodes). No other Meridian module, and no wall
 * clock (enforced by {@code ArchitectureTest}).
 */
package io.meridian.config;
