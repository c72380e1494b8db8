package io.meridian.engine.stage;

import io.meridian.engine.codec.Header;
import io.meridian.engine.feature.FeatureSchema;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One entry of the inbound ring. It carries the inbound record's bytes (exactly what is journaled) and the
 * scratch results each stage leaves for the next, so that in staged mode stages hand work on through the slot
 * and never share mutable state. Preallocated by the ring; reused for every event.
 */
public final class EventSlot
{
    /** The inbound record: header and body, {@link Header#MAX_RECORD_LENGTH} bytes of capacity. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    /** Feature vector written by the feature stage. */
    public final double[] features = new double[FeatureSchema.COUNT];

    /** Set by the book stage: the market-data event passed validation. */
    public boolean marketDataAccepted;
    /** Set by the feature stage: {@link #features} holds a complete, warmed-up vector for this event. */
    public boolean featuresReady;
    /** Set by the scoring stage: {@link #score} is valid. */
    public boolean scored;
    /** Set by the strategy stage: {@link #targetPosition} is valid. */
    public boolean hasTarget;

    /** Book copy for later stages (ticks): best bid after this event. */
    public long bidPrice;
    /** Best ask after this event (ticks). */
    public long askPrice;
    /** Model score. */
    public double score;
    /** Target position in lots. */
    public long targetPosition;

    /** Nanosecond timestamp taken by the publisher outside the engine core, for latency measurement only. */
    public long publishNanos;

    /**
     * Clears the stage results before a new event is processed.
     */
    public void clearResults()
    {
        marketDataAccepted = false;
        featuresReady = false;
        scored = false;
        hasTarget = false;
        score = 0.0;
        targetPosition = 0;
    }

    /**
     * The record type of the inbound event.
     *
     * @return the type code.
     */
    public byte type()
    {
        return Header.type(buffer, 0);
    }

    /**
     * The record's length.
     *
     * @return the length in bytes.
     */
    public int length()
    {
        return Header.length(buffer, 0);
    }
}
