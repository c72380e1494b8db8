package io.meridian.runtime.ib;

import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import org.agrona.DirectBuffer;

/**
 * Where an IB session's executions snapshot starts (issue 9 §3, "executions since the last journaled one"): the time
 * filter of each REQ_EXECUTIONS, in UTC seconds. It is {@link #MARGIN_NS} before the event time of the last EXECUTION
 * the engine journaled (this session's or a recovered journal's); without one, before the last input of the recovered
 * state (every execution the engine never saw happened after its previous session ended); without a recovery, before
 * the session's first request (an engine with no past has no order to miss a fill of). An execution after the last
 * journaled one is after the filter, so fills missed while down are still reported and applied, and the snapshot does
 * not grow with the day.
 *
 * <p>Owned by the IB session's thread.
 */
final class ExecutionFilterTime
{
    /**
     * How far before the base time the snapshot starts: IB's filter has one-second resolution, an execution can still
     * be on its way when the engine stops (IB may hold execution reports back), and the time is compared with IB's
     * clock. Executions the engine already has are reported again within it and de-duplicated by execution id.
     */
    static final long MARGIN_NS = 60_000_000_000L;

    private long marginNs = MARGIN_NS;
    private long lastExecutionNs = Long.MIN_VALUE;
    private long recoveredEventNs = Long.MIN_VALUE;
    private long firstRequestNs = Long.MIN_VALUE;

    /**
     * Follows an input the engine processed.
     *
     * @param buffer the record (at offset 0).
     * @param recovering whether it is an input of a recovered journal or snapshot.
     */
    void onInput(final DirectBuffer buffer, final boolean recovering)
    {
        final long eventTimeNs = Header.eventTimeNs(buffer, 0);
        if (recovering)
        {
            recoveredEventNs = eventTimeNs;
        }
        if (Header.type(buffer, 0) == RecordType.EXECUTION)
        {
            final byte kind = ExecutionCodec.kind(buffer, 0);
            if (kind == ExecutionCodec.KIND_EXECUTION || kind == ExecutionCodec.KIND_LIVE_EXECUTION)
            {
                lastExecutionNs = eventTimeNs;
            }
        }
    }

    /**
     * The filter time of the next REQ_EXECUTIONS.
     *
     * @param nowNs the session clock's time now (epoch nanoseconds), taken as the first request's time.
     * @return UTC epoch seconds, at least 0.
     */
    long epochSeconds(final long nowNs)
    {
        if (firstRequestNs == Long.MIN_VALUE)
        {
            firstRequestNs = nowNs;
        }
        final long base = lastExecutionNs != Long.MIN_VALUE ? lastExecutionNs
            : recoveredEventNs != Long.MIN_VALUE ? recoveredEventNs : firstRequestNs;
        return Math.max(0L, (base - marginNs) / 1_000_000_000L);
    }

    /**
     * Sets the margin ({@link #MARGIN_NS} by default), e.g. a shorter one in tests.
     *
     * @param nanos nanoseconds before the base time, at least one second.
     * @throws IllegalArgumentException below one second.
     */
    void marginNs(final long nanos)
    {
        if (nanos < 1_000_000_000L)
        {
            throw new IllegalArgumentException("execution filter margin below 1 s (IB's filter has 1 s resolution): "
                + nanos + " ns");
        }
        this.marginNs = nanos;
    }
}
