package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The 48-byte header every record starts with. All fields little-endian (the native order of the machines the
 * journal is written on; Agrona's accessors use native order).
 *
 * <p>Layout (offset, field, {@link RecordLayout.Kind}; the table rules are in the package documentation):
 * <pre>
 *  0 type            i8    RecordType code
 *  1 schemaVersion   i8    layout version of this record type
 *  2 length          u16   total record length in bytes, header included
 *  4 instrumentId    i32   0 when the record is not about one instrument
 *  8 sequence        i64   inbound: stamped by the sequencer; decision: the engine's output sequence
 * 16 eventTimeNs     i64   when it happened at the source (decisions: the causing event's time)
 * 24 receiveTimeNs   i64   when the engine's sequencer received it (decisions: the causing event's)
 * 32 sourceId        i32   feed, venue or operator session that produced it (0 for the engine)
 * 36 flags           i32   reserved, 0
 * 40 sourceSequence  i64   the source's own sequence number (duplicate and gap detection)
 * 48 (end)
 * </pre>
 */
public final class Header
{
    /** Size of the header in bytes. */
    public static final int LENGTH = 48;
    /** Largest record the engine writes; ring slots are this big. */
    public static final int MAX_RECORD_LENGTH = 160;
    /** Current schema version of every record type in this release. */
    public static final byte SCHEMA_VERSION = 1;

    /** Offset of {@code type}. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of {@code schemaVersion}. */
    public static final int SCHEMA_VERSION_OFFSET = 1;
    /** Offset of {@code length}. */
    public static final int LENGTH_OFFSET = 2;
    /** Offset of {@code instrumentId}. */
    public static final int INSTRUMENT_ID_OFFSET = 4;
    /** Offset of {@code sequence}. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of {@code eventTimeNs}. */
    public static final int EVENT_TIME_NS_OFFSET = 16;
    /** Offset of {@code receiveTimeNs}. */
    public static final int RECEIVE_TIME_NS_OFFSET = 24;
    /** Offset of {@code sourceId}. */
    public static final int SOURCE_ID_OFFSET = 32;
    /** Offset of {@code flags}. */
    public static final int FLAGS_OFFSET = 36;
    /** Offset of {@code sourceSequence}. */
    public static final int SOURCE_SEQUENCE_OFFSET = 40;

    private Header()
    {
    }

    /**
     * Writes a complete header.
     *
     * @param buffer target.
     * @param offset where the record starts.
     * @param type record type code.
     * @param length total record length.
     * @param instrumentId instrument or 0.
     * @param sequence sequence number.
     * @param eventTimeNs event time.
     * @param receiveTimeNs receive time.
     * @param sourceId source id.
     * @param sourceSequence the source's sequence.
     */
    public static void write(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte type,
        final int length,
        final int instrumentId,
        final long sequence,
        final long eventTimeNs,
        final long receiveTimeNs,
        final int sourceId,
        final long sourceSequence)
    {
        buffer.putByte(offset + TYPE_OFFSET, type);
        buffer.putByte(offset + SCHEMA_VERSION_OFFSET, SCHEMA_VERSION);
        buffer.putShort(offset + LENGTH_OFFSET, (short)length);
        buffer.putInt(offset + INSTRUMENT_ID_OFFSET, instrumentId);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence);
        buffer.putLong(offset + EVENT_TIME_NS_OFFSET, eventTimeNs);
        buffer.putLong(offset + RECEIVE_TIME_NS_OFFSET, receiveTimeNs);
        buffer.putInt(offset + SOURCE_ID_OFFSET, sourceId);
        buffer.putInt(offset + FLAGS_OFFSET, 0);
        buffer.putLong(offset + SOURCE_SEQUENCE_OFFSET, sourceSequence);
    }

    public static byte type(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TYPE_OFFSET);
    }

    public static byte schemaVersion(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + SCHEMA_VERSION_OFFSET);
    }

    public static int length(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + LENGTH_OFFSET) & 0xFFFF;
    }

    public static int instrumentId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + INSTRUMENT_ID_OFFSET);
    }

    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET);
    }

    public static long eventTimeNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + EVENT_TIME_NS_OFFSET);
    }

    public static long receiveTimeNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + RECEIVE_TIME_NS_OFFSET);
    }

    public static int sourceId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + SOURCE_ID_OFFSET);
    }

    /**
     * The reserved flags word (written 0).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int flags(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + FLAGS_OFFSET);
    }

    public static long sourceSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SOURCE_SEQUENCE_OFFSET);
    }

    public static void sequence(final MutableDirectBuffer buffer, final int offset, final long sequence)
    {
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence);
    }

    public static void receiveTimeNs(final MutableDirectBuffer buffer, final int offset, final long receiveTimeNs)
    {
        buffer.putLong(offset + RECEIVE_TIME_NS_OFFSET, receiveTimeNs);
    }
}
