package io.meridian.engine.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationsTest
{
    private static Object escaped;
    private static long counter;

    @Test
    void shouldPassAWindowThatAllocatesNothing()
    {
        final Runnable window = () ->
        {
            for (int i = 0; i < 1_000; i++)
            {
                counter += i;
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("1000 additions", window);
        assertTrue(counter > 0);
    }

    @Test
    void shouldFailAWindowThatAllocatesEveryTimeAndNameEveryWindow()
    {
        final Runnable window = () -> escaped = new long[16];
        final AssertionError error = assertThrows(AssertionError.class,
            () -> Allocations.assertSteadyStateAllocatesNothing("one array", window));
        assertTrue(error.getMessage().contains("of one array in " + Allocations.MAX_WINDOWS), error.getMessage());
        assertTrue(escaped instanceof long[]);
    }

    @Test
    void shouldPassOnceAOneOffAllocationIsBehind()
    {
        final int[] runs = {0};
        final Runnable window = () ->
        {
            if (runs[0]++ == 0)
            {
                escaped = new long[16];
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("a lazy initialisation", window);
        assertTrue(runs[0] >= Allocations.ZERO_WINDOWS + 1);
    }
}
