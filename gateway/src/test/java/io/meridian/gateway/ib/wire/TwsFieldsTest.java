package io.meridian.gateway.ib.wire;

import io.meridian.gateway.ib.testing.Frames;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwsFieldsTest
{
    private static TwsFields fields(final String... values)
    {
        final TwsFrameReader reader = new TwsFrameReader();
        final byte[] frame = Frames.frame(values);
        reader.append(new UnsafeBuffer(frame), 0, frame.length);
        final TwsFields[] out = new TwsFields[1];
        reader.poll(new FrameHandler()
        {
            @Override
            public void onFrame(final TwsFields f)
            {
                out[0] = f;
            }

            @Override
            public void onFrameError(final FrameError error, final int frameLength)
            {
                throw new AssertionError(error);
            }
        }, 1);
        return out[0];
    }

    @Test
    void shouldParseDecimalsToEightPlaces()
    {
        final TwsFields f = fields("187.25", "-0.05", "100", "0.000000019", "1.5E2", "2.5e-3", ".5", "", "-0",
            "1.7976931348623157E308", "92233720369");
        assertEquals(18_725_000_000L, f.decimal(0));
        assertEquals(-5_000_000L, f.decimal(1));
        assertEquals(10_000_000_000L, f.decimal(2));
        assertEquals(1L, f.decimal(3));                 // digits beyond 8 decimals are truncated
        assertEquals(15_000_000_000L, f.decimal(4));
        assertEquals(250_000L, f.decimal(5));
        assertEquals(50_000_000L, f.decimal(6));
        assertEquals(0L, f.decimal(7));
        assertEquals(0L, f.decimal(8));
        assertEquals(TwsFields.UNSET, f.decimal(9));
        assertNull(f.error());
        assertEquals(0L, f.decimal(10));                // 92233720369 does not fit 8 decimals in a long
        assertEquals(FrameError.BAD_DECIMAL, f.error());
        assertEquals(10, f.errorField());
    }

    @Test
    void shouldRejectMalformedNumbers()
    {
        for (final String bad : new String[] {"1.2.3", "abc", "-", ".", "1e", "1e+", "12x", "--1", "1E99999"})
        {
            final TwsFields f = fields(bad);
            f.decimal(0);
            assertEquals(FrameError.BAD_DECIMAL, f.error(), bad);
        }
        for (final String bad : new String[] {"1.0", "x", "-", "1234567890123456789", "+1"})
        {
            final TwsFields f = fields(bad);
            f.integer(0);
            assertEquals(FrameError.BAD_INTEGER, f.error(), bad);
        }
        final TwsFields f = fields("2147483648", "2", "-12");
        f.int32(0);
        assertEquals(FrameError.BAD_INTEGER, f.error());
        f.clearError();
        assertTrue(f.bool(2) || !f.bool(1));
        assertEquals(FrameError.BAD_VALUE, f.error());
        assertEquals(-12, fields("-12").int32(0));
        assertFalse(fields("").bool(0));
    }
}
