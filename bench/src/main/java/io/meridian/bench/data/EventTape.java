package io.meridian.bench.data;

import io.meridian.engine.codec.Header;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An immutable sequence of inbound engine records stored back to back in one heap buffer, generated before a
 * measurement so that generating them is never measured. Reading a record is an offset lookup: no allocation.
 */
public final class EventTape
{
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int size;

    private EventTape(final byte[] bytes, final int[] offsets, final int size)
    {
        this.buffer = new UnsafeBuffer(bytes);
        this.offsets = offsets;
        this.size = size;
    }

    /**
     * A builder.
     *
     * @param expectedRecords initial capacity in records (grows as needed).
     * @return the builder.
     */
    public static Builder builder(final int expectedRecords)
    {
        return new Builder(expectedRecords);
    }

    /**
     * Number of records.
     *
     * @return the count.
     */
    public int size()
    {
        return size;
    }

    /**
     * The buffer holding every record; read it, never write it.
     *
     * @return the buffer.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Where record {@code i} starts in {@link #buffer()}.
     *
     * @param i record index.
     * @return the offset.
     */
    public int offset(final int i)
    {
        return offsets[i];
    }

    /**
     * Length of record {@code i} (its header's length field).
     *
     * @param i record index.
     * @return the length in bytes.
     */
    public int length(final int i)
    {
        return Header.length(buffer, offsets[i]);
    }

    /**
     * Event time of record {@code i}.
     *
     * @param i record index.
     * @return nanoseconds.
     */
    public long eventTimeNs(final int i)
    {
        return Header.eventTimeNs(buffer, offsets[i]);
    }

    /**
     * Record type of record {@code i}.
     *
     * @param i record index.
     * @return the type code.
     */
    public byte type(final int i)
    {
        return Header.type(buffer, offsets[i]);
    }

    /**
     * Copies record {@code i} to offset 0 of a buffer.
     *
     * @param i record index.
     * @param destination where to copy; at least {@link Header#MAX_RECORD_LENGTH} bytes.
     * @return the record length.
     */
    public int copyTo(final int i, final MutableDirectBuffer destination)
    {
        final int offset = offsets[i];
        final int length = Header.length(buffer, offset);
        destination.putBytes(0, buffer, offset, length);
        return length;
    }

    /**
     * Accumulates records; not thread-safe.
     */
    public static final class Builder
    {
        private static final int AVERAGE_RECORD_BYTES = 96;
        private static final long MAX_BYTES = Integer.MAX_VALUE - 16L;

        private byte[] bytes;
        private int[] offsets;
        private int size;
        private int position;

        private Builder(final int expectedRecords)
        {
            if (expectedRecords < 0)
            {
                throw new IllegalArgumentException("expectedRecords must not be negative: " + expectedRecords);
            }
            final int records = Math.max(16, expectedRecords);
            this.bytes = new byte[(int)Math.min(MAX_BYTES, (long)records * AVERAGE_RECORD_BYTES)];
            this.offsets = new int[records];
        }

        /**
         * Appends a copy of one record.
         *
         * @param source holds the record.
         * @param offset where it starts.
         * @param length its length; must equal its header's length field.
         * @return this builder.
         */
        public Builder add(final DirectBuffer source, final int offset, final int length)
        {
            if (length < Header.LENGTH || length > Header.MAX_RECORD_LENGTH || Header.length(source, offset) != length)
            {
                throw new IllegalArgumentException("tape record " + size + ": length " + length
                    + " does not match its header (" + Header.length(source, offset) + ") or is outside ["
                    + Header.LENGTH + ", " + Header.MAX_RECORD_LENGTH + "]");
            }
            if (position + (long)length > bytes.length)
            {
                final long grown = Math.min(MAX_BYTES, Math.max((long)bytes.length * 2, position + (long)length));
                if (grown < position + (long)length)
                {
                    throw new IllegalStateException("event tape full at " + size + " records (" + position
                        + " bytes): use fewer events");
                }
                bytes = Arrays.copyOf(bytes, (int)grown);
            }
            if (size == offsets.length)
            {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            source.getBytes(offset, bytes, position, length);
            offsets[size++] = position;
            position += length;
            return this;
        }

        /**
         * Records added so far.
         *
         * @return the count.
         */
        public int size()
        {
            return size;
        }

        /**
         * The tape; the builder must not be used afterwards.
         *
         * @return the tape.
         */
        public EventTape build()
        {
            final EventTape tape = new EventTape(bytes, offsets, size);
            bytes = null;
            offsets = null;
            return tape;
        }
    }
}
