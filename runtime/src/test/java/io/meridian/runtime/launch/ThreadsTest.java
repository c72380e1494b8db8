package io.meridian.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pinning degrades to a warning: asking for a CPU that cannot be reserved runs unpinned with one warning line, and
 * no pinning asked means no lock and no output.
 */
class ThreadsTest
{
    @Test
    void shouldNotPinWhenAskedForNoCpu()
    {
        final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        assertNull(Threads.pinCurrentThread(-1, new PrintStream(warnings, true, StandardCharsets.UTF_8)));
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWarnAndRunUnpinnedWhenTheCpuCannotBeReserved()
    {
        final int missing = Runtime.getRuntime().availableProcessors() + 64;
        final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        final Threads.Pin pin =
            Threads.pinCurrentThread(missing, new PrintStream(warnings, true, StandardCharsets.UTF_8));
        assertNull(pin);
        final String text = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("warning: could not pin ") && text.contains("CPU " + missing), text);
        assertTrue(text.contains("running unpinned"), text);
        assertEquals(1, text.lines().count(), text);
    }
}
