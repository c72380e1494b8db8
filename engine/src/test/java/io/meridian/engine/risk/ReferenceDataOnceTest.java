package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.EngineConfig;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.TestEngines;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * Reference data (sector map, ADV, previous close, shortable and restricted lists, factor loadings, event dates) is
 * built once per engine: the check table, every check that reads it and the order stage's context share one
 * instance; and its values are the configuration's.
 */
class ReferenceDataOnceTest
{
    @Test
    void shouldShareOneReferenceInstanceBetweenTheChecksAndTheOrderContext() throws IllegalAccessException
    {
        final Pipeline pipeline = TestEngines.pipeline(new RecordingSink());
        final OrderManager orders = pipeline.orders();
        final RiskReference reference = orders.risk().reference();
        assertNotNull(reference);
        assertSame(reference, orders.contextReference(), "the order context reads the checks' instance");
        int readers = 0;
        for (final RiskCheck check : orders.risk().checks())
        {
            for (final Field field : check.getClass().getDeclaredFields())
            {
                if (field.getType() == RiskReference.class)
                {
                    field.setAccessible(true);
                    assertSame(reference, field.get(check), check.name());
                    readers++;
                }
            }
        }
        assertTrue(readers >= 8, "restricted, fat-finger price, sector, cluster, factors, short sale, ADV x2, event: "
            + readers);
    }

    @Test
    void shouldCopyTheConfiguredValuesPerInstrument()
    {
        final EngineConfig config = TestEngines.config("reference.instruments[2].restricted=true",
            "reference.instruments[1].adv=1234", "reference.instruments[0].eventDates=[2026-01-07, 2026-01-05]");
        final InstrumentIndex instruments = EngineFactory.instruments(config);
        final RiskReference r = RiskReference.of(config, instruments);
        assertEquals(2, r.sectorCount(), "TECH and FINANCE");
        assertEquals(r.sector[0], r.sector[1]);
        assertEquals(1234, r.adv[1]);
        assertEquals(50.0 * instruments.priceScale(0), r.previousCloseTicks[0], 1e-9, "50.00 in ticks");
        assertTrue(r.restricted[2]);
        assertTrue(r.eventOn(0, java.time.LocalDate.of(2026, 1, 5).toEpochDay()), "sorted for the binary search");
        assertTrue(r.eventOn(0, java.time.LocalDate.of(2026, 1, 7).toEpochDay()));
        assertEquals(2, r.factorCount());
        assertEquals(0.8, r.loadings[0][1]);
    }

    @Test
    void shouldNameTheInstrumentWithoutReferenceData()
    {
        final EngineConfig config = TestEngines.config();
        final InstrumentIndex other = new InstrumentIndex(new int[] {9}, new String[] {"ZZZ"}, new long[] {100},
            new long[] {1});
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RiskReference.of(config, other));
        assertEquals("no reference data for instrument ZZZ (reference.instruments)", e.getMessage());
    }
}
