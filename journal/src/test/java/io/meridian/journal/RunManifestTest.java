package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * What {@link RunManifest#parse} says about text that is not a run manifest.
 */
class RunManifestTest
{
    @Test
    void shouldSayADataJournalIsBacktestedWithBacktestData()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> RunManifest.parse("meridian-data-manifest: 1\nkind: bars\n"));

        assertEquals("manifest line 1: 'meridian-data-manifest: 1' is a data journal (written by 'meridian import'), "
            + "not a run journal; backtest it with 'meridian backtest --data DIR'", ex.getMessage());
    }

    @Test
    void shouldNameTheExpectedFirstLineOtherwise()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> RunManifest.parse("something else\n"));

        assertEquals("manifest line 1: expected 'meridian-run-manifest: 1'", ex.getMessage());
    }
}
