/**
 * The TWS API wire format on the client side: {@link io.meridian.gateway.ib.wire.TwsFrameWriter} appends frames
 * (4-byte big-endian length, NUL-terminated text fields) to a send buffer, and
 * {@link io.meridian.gateway.ib.wire.TwsFrameReader} cuts a receive buffer into frames and their fields
 * ({@link io.meridian.gateway.ib.wire.TwsFields}), rejecting malformed input with a
 * {@link io.meridian.gateway.ib.wire.FrameError} reason. Nothing here allocates per message.
 *
 * <p>Threading: each object is owned by the one thread that polls its connection (the pipeline's duty cycle, or an
 * optional I/O thread).
 */
package io.meridian.gateway.ib.wire;
