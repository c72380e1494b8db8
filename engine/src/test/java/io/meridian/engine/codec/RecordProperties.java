package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Generators and checks shared by the codec round-trip property tests ({@code *CodecPropertyTest}): a buffer
 * pre-filled with a marker byte so that stray writes show, arbitrary record offsets in it, arbitrary header values,
 * and the checks that the layout-driven dump and diff ({@link RecordLayouts}) see what the accessors wrote.
 */
final class RecordProperties
{
    /** Capacity of every test buffer; records are written anywhere a full-size record fits. */
    static final int CAPACITY = 512;
    /** Largest offset a record may start at. */
    static final int MAX_OFFSET = CAPACITY - Header.MAX_RECORD_LENGTH;
    /** What every byte of a fresh test buffer holds. */
    static final byte MARKER = (byte)0xA5;
    /** Tries per property: enough to hit edge values and odd offsets, small enough to keep the suite quick. */
    static final int TRIES = 200;

    private RecordProperties()
    {
    }

    /**
     * A buffer of {@link #CAPACITY} bytes, every byte {@link #MARKER}.
     *
     * @param direct off-heap (as the rings and journal use) rather than over a byte array.
     * @return the buffer.
     */
    static UnsafeBuffer markedBuffer(final boolean direct)
    {
        final UnsafeBuffer buffer = direct
            ? new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY)) : new UnsafeBuffer(new byte[CAPACITY]);
        buffer.setMemory(0, CAPACITY, MARKER);
        return buffer;
    }

    /**
     * Asserts that nothing outside {@code [offset, offset + length)} was written.
     *
     * @param buffer a buffer from {@link #markedBuffer(boolean)}.
     * @param offset where the record starts.
     * @param length the record length.
     */
    static void assertOnlyRecordBytesWritten(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            if (i < offset || i >= offset + length)
            {
                assertEquals(MARKER, buffer.getByte(i), "byte " + i + " outside the record at " + offset);
            }
        }
    }

    /**
     * Asserts that every field of the layout reads as the expected text, and that {@link RecordLayouts#describe}
     * prints the header essentials and every body field with those values.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param layout the record's layout.
     * @param header the header values written.
     * @param body expected text of every body field, by name.
     */
    static void assertToolsSee(
        final DirectBuffer buffer,
        final int offset,
        final RecordLayout layout,
        final HeaderValues header,
        final Map<String, String> body)
    {
        final Map<String, String> expected = header.expectedText(layout.type(), layout.length());
        expected.putAll(body);
        final RecordLayout.Field[] fields = layout.fields();
        assertEquals(expected.size(), fields.length, "fields expected " + expected.keySet());
        final StringBuilder line = new StringBuilder()
            .append("seq=").append(header.sequence())
            .append(" t=").append(header.eventTimeNs())
            .append(" inst=").append(header.instrumentId())
            .append(' ').append(layout.name());
        for (int i = 0; i < fields.length; i++)
        {
            final RecordLayout.Field field = fields[i];
            assertEquals(expected.get(field.name()), field.format(buffer, offset), field.name());
            if (i >= RecordLayout.HEADER_FIELDS.length)
            {
                line.append(' ').append(field.name()).append('=').append(expected.get(field.name()));
            }
        }
        assertEquals(line.toString(), RecordLayouts.describe(buffer, offset));
    }

    /**
     * Copies the record elsewhere, asserts the diff finds no difference, flips bits of one byte of one field in the
     * copy and asserts the diff names that field with both values.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param layout the record's layout.
     * @param edit where to copy and what to change.
     */
    static void assertDiffNamesTheEditedField(
        final DirectBuffer buffer, final int offset, final RecordLayout layout, final Edit edit)
    {
        final int length = layout.length();
        final UnsafeBuffer copy = markedBuffer(false);
        copy.putBytes(edit.copyOffset(), buffer, offset, length);
        assertNull(RecordLayouts.firstDifference(buffer, offset, length, copy, edit.copyOffset(), length));

        final List<RecordLayout.Field> editable = new ArrayList<>();
        for (final RecordLayout.Field field : layout.fields())
        {
            if (field.offset() != Header.TYPE_OFFSET)
            {
                editable.add(field);
            }
        }
        final RecordLayout.Field field = editable.get(edit.fieldChoice() % editable.size());
        final int at = edit.copyOffset() + field.offset() + edit.byteChoice() % field.kind().width();
        copy.putByte(at, (byte)(copy.getByte(at) ^ edit.mask()));
        final String expected = field.name() + ": journaled=" + field.format(buffer, offset)
            + " replayed=" + field.format(copy, edit.copyOffset());
        assertEquals(expected, RecordLayouts.firstDifference(buffer, offset, length, copy, edit.copyOffset(), length));
    }

    /**
     * The header fields a property writes (type, length, version and flags are the codec's or fixed).
     *
     * @param instrumentId instrument.
     * @param sequence sequence.
     * @param eventTimeNs event time.
     * @param receiveTimeNs receive time.
     * @param sourceId source.
     * @param sourceSequence the source's sequence.
     */
    record HeaderValues(
        int instrumentId, long sequence, long eventTimeNs, long receiveTimeNs, int sourceId, long sourceSequence)
    {
        /**
         * Writes the header with {@link Header#write}.
         *
         * @param buffer target.
         * @param offset where the record starts.
         * @param type record type.
         * @param length record length.
         */
        void write(final MutableDirectBuffer buffer, final int offset, final byte type, final int length)
        {
            Header.write(buffer, offset, type, length, instrumentId, sequence, eventTimeNs, receiveTimeNs, sourceId,
                sourceSequence);
        }

        /**
         * Asserts every header reader returns what was written.
         *
         * @param buffer holds the record.
         * @param offset where it starts.
         * @param type the type written.
         * @param length the length written.
         */
        void assertReadBack(final DirectBuffer buffer, final int offset, final byte type, final int length)
        {
            assertEquals(type, Header.type(buffer, offset), "type");
            assertEquals(Header.SCHEMA_VERSION, Header.schemaVersion(buffer, offset), "schemaVersion");
            assertEquals(length, Header.length(buffer, offset), "length");
            assertEquals(instrumentId, Header.instrumentId(buffer, offset), "instrumentId");
            assertEquals(sequence, Header.sequence(buffer, offset), "sequence");
            assertEquals(eventTimeNs, Header.eventTimeNs(buffer, offset), "eventTimeNs");
            assertEquals(receiveTimeNs, Header.receiveTimeNs(buffer, offset), "receiveTimeNs");
            assertEquals(sourceId, Header.sourceId(buffer, offset), "sourceId");
            assertEquals(0, Header.flags(buffer, offset), "flags");
            assertEquals(sourceSequence, Header.sourceSequence(buffer, offset), "sourceSequence");
        }

        /**
         * The text the layout's header fields should show.
         *
         * @param type the type written.
         * @param length the length written.
         * @return field name to text, in header order.
         */
        Map<String, String> expectedText(final byte type, final int length)
        {
            final Map<String, String> text = new LinkedHashMap<>();
            text.put("type", Byte.toString(type));
            text.put("schemaVersion", Byte.toString(Header.SCHEMA_VERSION));
            text.put("length", Integer.toString(length));
            text.put("instrumentId", Integer.toString(instrumentId));
            text.put("sequence", Long.toString(sequence));
            text.put("eventTimeNs", Long.toString(eventTimeNs));
            text.put("receiveTimeNs", Long.toString(receiveTimeNs));
            text.put("sourceId", Integer.toString(sourceId));
            text.put("flags", "0");
            text.put("sourceSequence", Long.toString(sourceSequence));
            return text;
        }
    }

    /**
     * A change for the diff property.
     *
     * @param copyOffset where the copy of the record starts.
     * @param fieldChoice picks the field to change (modulo the number of fields).
     * @param byteChoice picks the byte within the field (modulo its width).
     * @param mask the bits to flip, never 0.
     */
    record Edit(int copyOffset, int fieldChoice, int byteChoice, byte mask)
    {
    }

    /** Record offsets: anywhere a full-size record fits, odd ones included. */
    static final class Offsets implements ArbitrarySupplier<Integer>
    {
        @Override
        public Arbitrary<Integer> get()
        {
            return Arbitraries.integers().between(0, MAX_OFFSET);
        }
    }

    /** Arbitrary header values over each type's whole range. */
    static final class Headers implements ArbitrarySupplier<HeaderValues>
    {
        @Override
        public Arbitrary<HeaderValues> get()
        {
            return Combinators.combine(
                Arbitraries.integers(), Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.integers(), Arbitraries.longs())
                .as(HeaderValues::new);
        }
    }

    /** Any double, NaN, infinities and negative zero included. */
    static final class AnyDoubles implements ArbitrarySupplier<Double>
    {
        @Override
        public Arbitrary<Double> get()
        {
            return Arbitraries.doubles().withStandardSpecialValues();
        }
    }

    /** Arbitrary diff edits. */
    static final class Edits implements ArbitrarySupplier<Edit>
    {
        @Override
        public Arbitrary<Edit> get()
        {
            return Combinators.combine(
                Arbitraries.integers().between(0, MAX_OFFSET),
                Arbitraries.integers().between(0, 1 << 10),
                Arbitraries.integers().between(0, 7),
                Arbitraries.bytes().filter(b -> b != 0))
                .as(Edit::new);
        }
    }
}
