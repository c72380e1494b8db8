/**
 * The engine's public vocabulary: wire codes (sides, order types, execution types, trading states), reject reasons,
 * fixed-point scales and the ports that gateways implement. Gateways may use this package and
 * {@code io.meridian.engine.codec} and nothing else of the engine.
 */
package io.meridian.engine.api;
