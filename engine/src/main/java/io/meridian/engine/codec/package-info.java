/**
 * The engine's internal protocol: hand-written flyweight accessors over Agrona buffers for every inbound event and
 * decision record. A record is a 48-byte {@link io.meridian.engine.codec.Header} followed by a fixed body; the same
 * bytes travel through the ring, are journaled as they are, and are compared byte for byte by replay verification.
 * Every accessor is static and allocation-free; the layouts are for tools.
 */
package io.meridian.engine.codec;
