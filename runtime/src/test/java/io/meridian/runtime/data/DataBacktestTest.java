package io.meridian.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.testing.Allocations;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest on a data journal of bars through the one event-merging driver (profile {@code bars}): the engine
 * accepts every bar and scores it, two runs give the same bytes, and the driver, data source, venue and engine
 * together allocate nothing per event in steady state.
 */
class DataBacktestTest
{
    private static final int BARS = 300_000;
    private static final EngineConfig CONFIG = ConfigLoader.loadProfile("bars", List.of("kill.dailyLossLimit=1e12",
        "instruments=[{id: 1, symbol: GEN, priceScale: 100, qtyScale: 1, startPrice: 100.0, volatility: 0.2, "
            + "spreadTicks: 1, quoteSize: 1000}]",
        "reference.instruments=[{symbol: GEN, sector: DATA, cluster: 1, adv: 1000000000, previousClose: 100.0, "
            + "shortable: true, restricted: false, factorLoadings: [0.0, 0.0], eventDates: []}]"));

    @TempDir
    static Path dir;

    @BeforeAll
    static void importBars() throws IOException
    {
        final Path csv = dir.resolve("bars.csv");
        GeneratedBars.write(csv, BARS, 7);
        final DataImporter.Result result = DataImporter.importCsv(csv, dir.resolve("data"),
            new DataImporter.Options(DataImporter.Kind.BARS, CsvReadOptions.DEFAULT.withSymbol("GEN"), 1, 100, 1,
                60_000_000_000L), problem -> { });
        assertEquals(BARS, result.records());
    }

    private static EventMerger merger(final DataJournalSource source)
    {
        return new EventMerger(source, sink -> SimulatedWorld.venue(CONFIG, sink),
            new TimerSchedule(source.peekTimeNs(), SimulatedWorld.timerIntervalNs(CONFIG)), OperatorSchedule.none());
    }

    /** Records the journal bytes a backtest writes. */
    private static final class Recording implements Backtest.RecordSink
    {
        final ExpandableArrayBuffer input = new ExpandableArrayBuffer(1 << 20);
        final ExpandableArrayBuffer output = new ExpandableArrayBuffer(1 << 20);
        int inputLength;
        int outputLength;
        long bars;
        long signals;

        @Override
        public void onInput(final DirectBuffer buffer, final int offset, final int length)
        {
            input.putBytes(inputLength, buffer, offset, length);
            inputLength += length;
            bars += Header.type(buffer, offset) == RecordType.BAR ? 1 : 0;
        }

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            output.putBytes(outputLength, buffer, offset, length);
            outputLength += length;
            signals += Header.type(buffer, offset) == RecordType.SIGNAL ? 1 : 0;
        }

        byte[] bytes(final ExpandableArrayBuffer buffer, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(0, copy);
            return copy;
        }
    }

    private static Recording run(final int bars)
    {
        final Recording recording = new Recording();
        try (DataJournalSource source = DataJournalSource.open(dir.resolve("data"));
            Scorer scorer = Scorers.create(CONFIG.model().scorer(), CONFIG.model().path()))
        {
            final Backtest backtest = new Backtest(CONFIG, scorer, merger(source), recording, null, null);
            while (source.delivered() < bars)
            {
                backtest.run(1, null, Long.MAX_VALUE);
            }
            assertEquals(bars, backtest.pipeline().book().acceptedCount(), "every bar accepted");
        }
        return recording;
    }

    @Test
    void shouldScoreEveryBarAndRepeatByteForByte()
    {
        final Recording first = run(20_000);
        final Recording second = run(20_000);
        assertEquals(20_000, first.bars);
        assertTrue(first.signals > 19_000, "the model scores (almost) every bar: " + first.signals);
        assertArrayEquals(first.bytes(first.input, first.inputLength), second.bytes(second.input, second.inputLength));
        assertArrayEquals(first.bytes(first.output, first.outputLength),
            second.bytes(second.output, second.outputLength));
    }

    @Test
    void shouldAllocateNothingPerEventInSteadyStateDataSourceIncluded()
    {
        final Backtest.RecordSink discard = new Backtest.RecordSink()
        {
            @Override
            public void onInput(final DirectBuffer buffer, final int offset, final int length)
            {
            }

            @Override
            public void onOutput(final DirectBuffer buffer, final int offset, final int length)
            {
            }
        };
        try (DataJournalSource source = DataJournalSource.open(dir.resolve("data"));
            Scorer scorer = Scorers.create(CONFIG.model().scorer(), CONFIG.model().path()))
        {
            final Backtest backtest = new Backtest(CONFIG, scorer, merger(source), discard, null, null);
            backtest.run(100_000, null, 100_000);
            final Runnable window = () -> backtest.run(15_000, null, 15_000);
            Allocations.assertSteadyStateAllocatesNothing("15000 events of a bars backtest", window);
        }
    }
}
