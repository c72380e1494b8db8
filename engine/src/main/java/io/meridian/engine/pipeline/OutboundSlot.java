package io.meridian.engine.pipeline;

import io.meridian.engine.codec.Header;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One entry of the outbound ring: a decision record or order command, plus the publish time of the inbound event
 * that caused it (for tick-to-order measurement only).
 */
public final class OutboundSlot
{
    /** The record's bytes. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    /** Record length. */
    public int length;
    /** Publish time of the causing inbound event (measurement only). */
    public long causePublishNanos;
}
