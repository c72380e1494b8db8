package io.meridian.gateway.ib.wire;

import io.meridian.gateway.ib.testing.Frames;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TwsFrameReaderTest
{
    private final List<String> seen = new ArrayList<>();
    private final FrameHandler handler = new FrameHandler()
    {
        @Override
        public void onFrame(final TwsFields fields)
        {
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.count(); i++)
            {
                sb.append(i == 0 ? "" : "|").append(fields.text(i));
            }
            seen.add(sb.toString());
        }

        @Override
        public void onFrameError(final FrameError error, final int frameLength)
        {
            seen.add(error + "(" + frameLength + ")");
        }
    };

    private static void append(final TwsFrameReader reader, final byte[] bytes, final int from, final int to)
    {
        reader.append(new UnsafeBuffer(bytes), from, to - from);
    }

    @Test
    void shouldDeliverFramesSplitAcrossReadsOnlyWhenComplete()
    {
        final TwsFrameReader reader = new TwsFrameReader();
        final byte[] bytes = TwsFrameWriterTest.concat(Frames.frame("9", "1", "1001"), Frames.frame("", "x", ""));
        for (int i = 0; i < bytes.length; i++)
        {
            append(reader, bytes, i, i + 1);
            reader.poll(handler, 10);
        }
        assertEquals(List.of("9|1|1001", "|x|"), seen);
        assertEquals(0, reader.bufferedBytes());
    }

    @Test
    void shouldSkipAFrameWithoutTrailingNulAndCarryOn()
    {
        final TwsFrameReader reader = new TwsFrameReader();
        final byte[] bytes = TwsFrameWriterTest.concat(Frames.hex("00 00 00 02 39 41"), Frames.frame("49", "1", "7"));
        append(reader, bytes, 0, bytes.length);
        assertEquals(2, reader.poll(handler, 10));
        assertEquals(List.of("NOT_NUL_TERMINATED(2)", "49|1|7"), seen);
        assertNull(reader.failed());
    }

    @Test
    void shouldStopForGoodOnABadLengthPrefix()
    {
        final TwsFrameReader reader = new TwsFrameReader(1024, 16);
        final byte[] bytes = TwsFrameWriterTest.concat(Frames.hex("00 00 04 01"), Frames.frame("49", "1", "7"));
        append(reader, bytes, 0, bytes.length);
        reader.poll(handler, 10);
        reader.poll(handler, 10);
        assertEquals(List.of("LENGTH_TOO_LARGE(1025)"), seen);
        assertEquals(FrameError.LENGTH_TOO_LARGE, reader.failed());

        final TwsFrameReader zero = new TwsFrameReader(1024, 16);
        append(zero, Frames.hex("00 00 00 00"), 0, 4);
        zero.poll(handler, 10);
        assertEquals(FrameError.NON_POSITIVE_LENGTH, zero.failed());
    }

    @Test
    void shouldRejectFramesWithMoreFieldsThanIndexed()
    {
        final TwsFrameReader reader = new TwsFrameReader(1024, 3);
        final byte[] bytes = Frames.frame("1", "2", "3", "4");
        append(reader, bytes, 0, bytes.length);
        reader.poll(handler, 10);
        assertEquals(List.of("TOO_MANY_FIELDS(8)"), seen);
    }
}
