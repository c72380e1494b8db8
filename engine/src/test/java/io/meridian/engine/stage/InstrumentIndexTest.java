package io.meridian.engine.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumentIndexTest
{
    private final InstrumentIndex index = new InstrumentIndex(
        new int[]{7, 1, InstrumentIndex.MAX_ID}, new String[]{"SEVEN", "ONE", "MAX"},
        new long[]{10_000, 100, 1}, new long[]{1, 10, 10_000});

    @Test
    void shouldMapIdsToDenseIndexesInConfigurationOrder()
    {
        assertEquals(3, index.count());
        assertEquals(0, index.indexOf(7));
        assertEquals(1, index.indexOf(1));
        assertEquals(2, index.indexOf(InstrumentIndex.MAX_ID));
        assertEquals(7, index.id(0));
        assertEquals("ONE", index.symbol(1));
        assertEquals(InstrumentIndex.MAX_ID, index.id(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 6, 1_022, 1_024, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void shouldNotFindUnconfiguredIds(final int id)
    {
        assertEquals(-1, index.indexOf(id));
    }

    @Test
    void shouldKeepScalesAndDeriveTheCashMultiplier()
    {
        assertEquals(10_000, index.priceScale(0));
        assertEquals(1, index.qtyScale(0));
        assertEquals(1, index.cashMultiplier(0));
        assertEquals(10, index.cashMultiplier(1));
        assertEquals(1, index.cashMultiplier(2));
    }

    @Test
    void shouldCopyItsInputs()
    {
        final int[] ids = {1, 2};
        final InstrumentIndex copy =
            new InstrumentIndex(ids, new String[]{"A", "B"}, new long[]{1, 1}, new long[]{1, 1});
        ids[0] = 5;

        assertEquals(0, copy.indexOf(1));
        assertEquals(1, copy.id(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 1_024})
    void shouldRejectAnIdOutOfRange(final int id)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new InstrumentIndex(new int[]{1, id}, new String[]{"A", "B"}, new long[]{1, 1}, new long[]{1, 1}));

        assertTrue(ex.getMessage().contains("instrument id " + id), ex.getMessage());
    }

    @Test
    void shouldRejectARepeatedId()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new InstrumentIndex(new int[]{4, 4}, new String[]{"A", "B"}, new long[]{1, 1}, new long[]{1, 1}));

        assertTrue(ex.getMessage().contains("instrument id 4"), ex.getMessage());
    }

    @Test
    void shouldRejectScalesThatDoNotDivideTheCashScale()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new InstrumentIndex(new int[]{1}, new String[]{"A"}, new long[]{100_000}, new long[]{1}));
        assertThrows(IllegalArgumentException.class,
            () -> new InstrumentIndex(new int[]{1}, new String[]{"A"}, new long[]{3}, new long[]{1}));
    }
}
