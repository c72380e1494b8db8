package io.meridian.runtime.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a bars CSV file of one-minute bars (a seeded random walk in cents, epoch-millisecond times), for tests.
 */
final class GeneratedBars
{
    private GeneratedBars()
    {
    }

    static void write(final Path file, final int rows, final long seed) throws IOException
    {
        long state = seed;
        long close = 10_000;
        long timeMs = 1_704_186_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < rows; i++)
            {
                state = state * 6364136223846793005L + 1442695040888963407L;
                final long open = close;
                close = Math.max(100, open + ((state >>> 33) % 21) - 10);
                final long high = Math.max(open, close) + ((state >>> 20) & 3);
                final long low = Math.min(open, close) - ((state >>> 24) & 3);
                out.write(Long.toString(timeMs));
                out.write(',');
                cents(out, open);
                out.write(',');
                cents(out, high);
                out.write(',');
                cents(out, low);
                out.write(',');
                cents(out, close);
                out.write(',');
                out.write(Long.toString(100 + ((state >>> 40) & 1023)));
                out.write('\n');
                timeMs += 60_000;
            }
        }
    }

    private static void cents(final BufferedWriter out, final long cents) throws IOException
    {
        out.write(Long.toString(cents / 100));
        out.write('.');
        final long fraction = cents % 100;
        if (fraction < 10)
        {
            out.write('0');
        }
        out.write(Long.toString(fraction));
    }
}
