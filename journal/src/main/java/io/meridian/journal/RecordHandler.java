package io.meridian.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journaled records in order while a journal is read. The buffer is reused for the next record: copy
 * what must outlive the call.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * One record: header and body, exactly the bytes that were appended.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length in bytes.
     */
    void onRecord(DirectBuffer buffer, int offset, int length);
}
