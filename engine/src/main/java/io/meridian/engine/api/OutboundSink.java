package io.meridian.engine.api;

import org.agrona.DirectBuffer;

/**
 * Receives the engine's outbound records (decision records and order commands) in the order the engine made them.
 * The buffer is reused after the call returns: copy what must outlive it.
 */
@FunctionalInterface
public interface OutboundSink
{
    /**
     * One outbound record.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length.
     */
    void onRecord(DirectBuffer buffer, int offset, int length);
}
