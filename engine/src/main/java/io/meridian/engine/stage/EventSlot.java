package io.meridian.engine.stage;

import io.meridian.engine.codec.Header;
import io.meridian.engine.feature.FeatureSchema;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One entry of the inbound ring, and the only thing stages hand each other. It carries the inbound record's bytes
 * (exactly what is journaled), the header fields and instrument index decoded once by the first stage
 * ({@link #decode}), the instrument's top of book after the event (set once by the book stage), and each later
 * stage's results. Every stage reads what it needs from here, so the instrument id is resolved and the record
 * decoded once per event, and in staged mode stages never share mutable state. Preallocated by the ring; reused for
 * every event. Owned by the stage processing it (the ring's sequence barriers hand it from one stage to the next).
 *
 * <p>Field groups and their writers:
 * <ul>
 *   <li>{@link #buffer}, {@link #publishNanos}: the publisher;</li>
 *   <li>{@link #type} .. {@link #receiveTimeNs}: {@link #decode}, called by the first stage;</li>
 *   <li>{@link #marketDataAccepted}, {@link #bidPrice} .. {@link #lastTradePrice}: the book stage;</li>
 *   <li>{@link #features}, {@link #featuresReady}: the feature stage; {@link #score}, {@link #scored}: scoring;
 *   {@link #targetPosition}, {@link #hasTarget}: strategy; {@link #ordersSent}: the order stage.</li>
 * </ul>
 */
public final class EventSlot
{
    /** The inbound record: header and body, {@link Header#MAX_RECORD_LENGTH} bytes of capacity. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    /** Record type code ({@code RecordType}). */
    public byte type;
    /** Instrument id from the header; 0 for events about no instrument. */
    public int instrumentId;
    /** Dense index of {@link #instrumentId} in the {@link InstrumentIndex}, or -1 when it names no configured one. */
    public int instrumentIndex;
    /** Inbound sequence stamped by the sequencer. */
    public long sequence;
    /** Event time from the header (the engine's only notion of time), ns. */
    public long eventTimeNs;
    /** Receive time stamped by the sequencer, ns. */
    public long receiveTimeNs;

    /** Set by the book stage: the market-data event passed validation and was applied to the book. */
    public boolean marketDataAccepted;
    /** Top of book after this event, valid when {@link #marketDataAccepted}: best bid in ticks, 0 before a quote. */
    public long bidPrice;
    /** Best bid size in lots. */
    public long bidQty;
    /** Best ask in ticks, 0 before a quote. */
    public long askPrice;
    /** Best ask size in lots. */
    public long askQty;
    /** The instrument's last trade price in ticks, 0 before a trade. */
    public long lastTradePrice;

    /**
     * Feature vector written by the feature stage, {@link FeatureSchema} order: the base features, then the
     * configured tick features; capacity {@link FeatureSchema#MAX_COUNT}, the configured length is
     * {@code FeatureSchema.count(config)} (entries past it stay 0).
     */
    public final double[] features = new double[FeatureSchema.MAX_COUNT];
    /** Set by the feature stage: {@link #features} holds a complete, warmed-up vector for this event. */
    public boolean featuresReady;
    /** Set by the scoring stage: {@link #score} is valid. */
    public boolean scored;
    /** Model score. */
    public double score;
    /** Set by the strategy stage: {@link #targetPosition} is valid. */
    public boolean hasTarget;
    /** Target position in lots. */
    public long targetPosition;
    /** New orders the order stage sent for this event. */
    public int ordersSent;

    /**
     * Set by the first stage on a STATE_RESTORE END record: the restored engine state ({@code StateRestore}'s
     * layout), which each stage loads its section of when the slot reaches it; null on every other event.
     */
    public long[] restoredState;
    /** Where the next stage's section of {@link #restoredState} starts. */
    public int restoredAt;

    /** Nanosecond timestamp taken by the publisher outside the engine core, for latency measurement only. */
    public long publishNanos;

    /**
     * Starts a new event: clears every stage result and decodes the header and the instrument index, once.
     *
     * @param instruments the configured instruments.
     */
    public void decode(final InstrumentIndex instruments)
    {
        final UnsafeBuffer b = buffer;
        type = Header.type(b, 0);
        instrumentId = Header.instrumentId(b, 0);
        instrumentIndex = instruments.indexOf(instrumentId);
        sequence = Header.sequence(b, 0);
        eventTimeNs = Header.eventTimeNs(b, 0);
        receiveTimeNs = Header.receiveTimeNs(b, 0);
        marketDataAccepted = false;
        featuresReady = false;
        scored = false;
        score = 0.0;
        hasTarget = false;
        targetPosition = 0;
        ordersSent = 0;
        restoredState = null;
    }

    /**
     * The record's length, read from the buffer (journalers running beside the first stage use this, not the
     * decoded fields).
     *
     * @return the length in bytes.
     */
    public int length()
    {
        return Header.length(buffer, 0);
    }
}
