package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.codec.RecordProperties.HeaderValues;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Round trips of the {@link Header}: every field over its whole range (the length as unsigned 16 bits), at any
 * offset, on and off heap; the two in-place writers change only their own field; the layout's header fields read
 * what was written.
 */
final class HeaderPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void headerWrittenAtAnyOffsetReadsBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final byte type,
        @ForAll @IntRange(min = 0, max = 0xFFFF) final int length)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        header.write(buffer, offset, type, length);

        header.assertReadBack(buffer, offset, type, length);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, Header.LENGTH);
        final RecordLayout.Field[] fields = RecordLayout.HEADER_FIELDS;
        final Map<String, String> expected = header.expectedText(type, length);
        assertEquals(expected.size(), fields.length);
        for (final RecordLayout.Field field : fields)
        {
            assertEquals(expected.get(field.name()), field.format(buffer, offset), field.name());
        }
    }

    @Property(tries = RecordProperties.TRIES)
    void sequenceAndReceiveTimeWritersChangeOnlyTheirField(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final byte type,
        @ForAll final long sequence,
        @ForAll final long receiveTimeNs)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        header.write(buffer, offset, type, Header.LENGTH);
        Header.sequence(buffer, offset, sequence);
        Header.receiveTimeNs(buffer, offset, receiveTimeNs);

        final HeaderValues stamped = new HeaderValues(header.instrumentId(), sequence, header.eventTimeNs(),
            receiveTimeNs, header.sourceId(), header.sourceSequence());
        stamped.assertReadBack(buffer, offset, type, Header.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, Header.LENGTH);
    }
}
