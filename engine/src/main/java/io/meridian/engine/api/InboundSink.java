package io.meridian.engine.api;

import org.agrona.DirectBuffer;

/**
 * Receives inbound records that a gateway produced (for example a simulated venue's execution reports). The buffer
 * is reused after the call returns: copy what must outlive it.
 */
@FunctionalInterface
public interface InboundSink
{
    /**
     * One inbound record.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length.
     */
    void onRecord(DirectBuffer buffer, int offset, int length);
}
