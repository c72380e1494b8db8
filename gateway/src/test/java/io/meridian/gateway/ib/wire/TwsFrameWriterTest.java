package io.meridian.gateway.ib.wire;

import io.meridian.gateway.ib.testing.Frames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TwsFrameWriterTest
{
    private static byte[] pending(final TwsFrameWriter writer)
    {
        final byte[] bytes = new byte[writer.pendingBytes()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    @Test
    void shouldWriteTheHandshakeAsApiPrefixThenLengthPrefixedVersionRange()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(256);
        writer.handshake(148, 151);
        // 'A' 'P' 'I' NUL, length 9, "v148..151"
        assertArrayEquals(Frames.hex("41 50 49 00 00 00 00 09 76 31 34 38 2e 2e 31 35 31"), pending(writer));
    }

    @Test
    void shouldWriteFieldsEachEndedByNulBehindABigEndianLength()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(256);
        writer.beginFrame().putLong(71).putLong(2).putLong(7).putEmpty().endFrame();
        // START_API, version 2, client id 7, no optional capabilities: "71\0" "2\0" "7\0" "\0" = 8 bytes
        assertArrayEquals(Frames.hex("00 00 00 08 37 31 00 32 00 37 00 00"), pending(writer));
    }

    @Test
    void shouldWriteDecimalsInTheirShortestExactForm()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(256);
        writer.beginFrame()
            .putDecimal(18_725_000_000L, 8)
            .putDecimal(10_000_000_000L, 8)
            .putDecimal(-5_000_000L, 8)
            .putDecimal(1L, 8)
            .putDecimal(0L, 8)
            .putDecimal(12_345L, 2)
            .putDecimal(-7L, 0)
            .endFrame();
        assertEquals(Frames.show(Frames.frame("187.25", "100", "-0.05", "0.00000001", "0", "123.45", "-7")),
            Frames.show(pending(writer)));
    }

    @Test
    void shouldEncodeTextAsUtf8AndReplaceNul()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(256);
        writer.beginFrame().putText("Zürich\0x").putBoolean(true).putBoolean(false).endFrame();
        assertEquals(Frames.show(Frames.frame("Zürich?x", "1", "0")), Frames.show(pending(writer)));
    }

    @Test
    void shouldKeepWhatTheSocketDidNotTake()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(256);
        writer.beginFrame().putLong(49).putLong(1).endFrame();
        writer.beginFrame().putLong(61).putLong(1).endFrame();
        writer.consumed(3);
        final byte[] expected = concat(Frames.frame("49", "1"), Frames.frame("61", "1"));
        final byte[] rest = new byte[expected.length - 3];
        System.arraycopy(expected, 3, rest, 0, rest.length);
        assertArrayEquals(rest, pending(writer));
    }

    static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
