package io.meridian.config;

import static io.meridian.config.ConfigFixtures.LINE_ENGINE;
import static io.meridian.config.ConfigFixtures.LINE_EVENTS;
import static io.meridian.config.ConfigFixtures.LINE_INSTRUMENTS;
import static io.meridian.config.ConfigFixtures.LINE_MAX_ORDER_QTY;
import static io.meridian.config.ConfigFixtures.LINE_PRICE_COLLAR;
import static io.meridian.config.ConfigFixtures.LINE_RING_SIZE;
import static io.meridian.config.ConfigFixtures.LINE_RISK;
import static io.meridian.config.ConfigFixtures.LINE_SECOND_ID;
import static io.meridian.config.ConfigFixtures.LINE_SECOND_SPREAD;
import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigValidationTest
{
    @Test
    void shouldBindEveryValueOfValidFixture()
    {
        final EngineConfig c = load(VALID);

        assertEquals(new RunConfig(1000, -7), c.run());
        assertEquals(
            new PipelineConfig(ThreadMode.SINGLE, 1024, WaitStrategyKind.BUSY_SPIN, -1, JournalingMode.PARALLEL),
            c.engine());
        assertEquals(new JournalConfig("/tmp/j"), c.journal());
        assertEquals(List.of(
            new InstrumentConfig(1, "AAA", 100, 1, 10.0, 0.2, 1, 100),
            new InstrumentConfig(7, "B.B_2", 10_000, 1, 99.5, 5.0, 100, 10)), c.instruments());
        assertEquals(new MarketConfig(1_000_000, 0, 1, 0.5, 1.0e-4, 1, 1), c.market());
        assertEquals(new FeatureConfig(1, 2, 2), c.features());
        assertEquals(new ModelConfig("models/m.onnx", "onnx", 5), c.model());
        assertEquals(new StrategyConfig(0, 0.01, 1, 3_600_000, 1e-3, "join"), c.strategy());
        assertEquals(Long.MAX_VALUE, c.risk().maxOrderQty());
        assertEquals(1e12, c.risk().maxOrderNotional());
        assertEquals(1, c.risk().priceCollar());
        assertEquals(1_000_000, c.risk().maxOrdersPerSecond());
        assertEquals(5, c.risk().maxPosition());
        assertEquals(List.of(new FactorLimitConfig("technology", 0.3)), c.risk().factors());
        assertEquals("", c.risk().volIndexSymbol());
        assertEquals(0.9, c.risk().warnAt());
        assertEquals(new KillConfig(123.25, 86_400_000, 0.02, 30_000, 0.01, 0.5, 0.1, 0.08, 100), c.kill());
        assertEquals(new VenueConfig(0), c.venue());
        assertEquals(new AccountConfig(1_000_000, "cash", "America/New_York", "09:30", "16:00", List.of("2026-01-19"),
            "paper", false, false), c.account());
        assertEquals(new ReferenceInstrumentConfig("B.B_2", "ENERGY", 2, 500, 99.5, false, true, List.of(-0.5),
            List.of("2026-01-06")), c.reference().instruments().get(1));
    }

    @Test
    void shouldRejectUnknownTopLevelKey()
    {
        final int line = (int)VALID.lines().count() + 1;
        final ConfigException ex = assertError(() -> load(VALID + "extra: 1\n"), SOURCE, "extra", "extra",
            "unknown key (line " + line + ")", "allowed: run, engine, journal, instruments, market, features, model, "
            + "strategy, risk, kill, venue, costs, report, account, reference");

        assertEquals(line, ex.line());
    }

    @Test
    void shouldRejectUnknownNestedKeyAndSuggestClosest()
    {
        final ConfigException ex = assertError(
            () -> load(with("  maxOrderQty: 9223372036854775807\n", "  max_order_qty: 5\n")),
            SOURCE, "risk.max_order_qty", "max_order_qty", "unknown key (did you mean maxOrderQty?)",
            "allowed: maxOrderQty, maxOrderNotional, priceCollar, maxOrdersPerSecond, maxPosition");

        assertEquals(LINE_MAX_ORDER_QTY, ex.line());
    }

    @Test
    void shouldRejectUnknownKeyInsideInstrument()
    {
        assertError(() -> load(with("    spreadTicks: 100\n", "    spreadTicks: 100\n    tickSize: 1\n")),
            SOURCE, "instruments[1].tickSize", "tickSize", "unknown key (line " + (LINE_SECOND_SPREAD + 1) + ")",
            "allowed: id, symbol, priceScale, qtyScale, startPrice, volatility, spreadTicks, quoteSize");
    }

    @Test
    void shouldRejectMissingKeyNamingIt()
    {
        assertError(() -> load(with("  priceCollar: 1\n", "")),
            SOURCE, "risk.priceCollar", null, "missing key (line " + LINE_RISK + ")",
            "allowed: a number > 0 and <= 1");
        assertError(() -> load(with("    symbol: AAA\n", "")),
            SOURCE, "instruments[0].symbol", null, "missing key (line 13)", "allowed: 1 to 16 characters");
    }

    @Test
    void shouldRejectMissingSection()
    {
        final ConfigException ex = assertError(() -> load(with("venue:\n  latencyUs: 0\n", "")),
            SOURCE, "venue", null, "missing key", "allowed: a mapping with keys latencyUs");

        assertEquals("test.yaml: venue: missing key; allowed: a mapping with keys latencyUs, barFill, barSlippageBps",
            ex.getMessage());
    }

    @Test
    void shouldRejectStringForInteger()
    {
        assertError(() -> load(with("events: 1000", "events: \"1000\"")),
            SOURCE, "run.events", "\"1000\"", "expected an integer (line " + LINE_EVENTS + ")",
            "allowed: an integer from 1 to 1000000000");
        assertError(() -> load(with("events: 1000", "events: lots")),
            SOURCE, "run.events", "\"lots\"", "expected an integer");
    }

    @Test
    void shouldRejectFractionForInteger()
    {
        assertError(() -> load(with("ringSize: 1024", "ringSize: 1.5")),
            SOURCE, "engine.ringSize", "1.5", "not an integer (line " + LINE_RING_SIZE + ")",
            "allowed: a power of two from 1024 to 16777216");
    }

    @Test
    void shouldAcceptIntegralFloatForInteger()
    {
        assertEquals(2_000_000, load(with("events: 1000", "events: 2e6")).run().events());
    }

    @Test
    void shouldRejectNonDecimalIntegers()
    {
        assertError(() -> load(with("ringSize: 1024", "ringSize: 0x400")),
            SOURCE, "engine.ringSize", "0x400", "not a decimal integer");
        assertError(() -> load(with("ringSize: 1024", "ringSize: 02000")),
            SOURCE, "engine.ringSize", "02000", "not a decimal integer");
    }

    @Test
    void shouldRejectInlineJournalingOutsideSingleMode()
    {
        assertEquals(JournalingMode.INLINE,
            load(with("journaling: parallel", "journaling: inline")).engine().journaling());
        assertError(() -> load(with("journaling: parallel", "journaling: inline"), "engine.mode=staged"),
            SOURCE, "engine.journaling", "\"inline\"", "inline journaling needs mode single (mode is staged)",
            "allowed: parallel, or inline with mode single");
        assertError(() -> load(with("journaling: parallel", "journaling: sideways")),
            SOURCE, "engine.journaling", "\"sideways\"", "allowed: one of parallel, inline");
    }

    @Test
    void shouldRejectListForMapping()
    {
        assertError(() -> load(with("engine:\n  mode: single\n  ringSize: 1024\n  waitStrategy: busy-spin\n"
                + "  pinCpu: -1\n  journaling: parallel\n", "engine: [single, 1024]\n")),
            SOURCE, "engine", "a list", "expected a mapping (line " + LINE_ENGINE + ")",
            "allowed: a mapping with keys mode, ringSize, waitStrategy, pinCpu");
    }

    @Test
    void shouldRejectWrongShapes()
    {
        assertError(() -> load(with("  dir: /tmp/j", "  dir: {a: 1}")),
            SOURCE, "journal.dir", "a mapping", "expected a string");
        assertError(() -> load(with("  - id: 7\n", "  - 7\n  - id: 7\n")),
            SOURCE, "instruments[1]", "7", "expected a mapping");
        assertError(() -> load(with("\ninstruments:\n", "\ninstruments: 3\n")
            .replaceAll("(?s)\n  - id: 1.*quoteSize: 10\n", "\n")), SOURCE, "instruments", "3",
            "expected a list (line " + LINE_INSTRUMENTS + ")");
        assertError(() -> load(with("volatility: 0.2", "volatility: yes")),
            SOURCE, "instruments[0].volatility", "yes", "expected a number", "allowed: a number > 0 and <= 5");
        assertError(() -> load(with("riskBudget: 0.01", "riskBudget: .inf")),
            SOURCE, "strategy.riskBudget", ".inf", "not a finite number");
    }

    @Test
    void shouldRejectNegativeMaxOrderQty()
    {
        final ConfigException ex = assertError(() -> load(with("maxOrderQty: 9223372036854775807", "maxOrderQty: -5")),
            SOURCE, "risk.maxOrderQty", "-5", "out of range", "allowed: an integer >= 1");

        assertEquals("test.yaml: risk.maxOrderQty: out of range (line " + LINE_MAX_ORDER_QTY
            + "): got -5; allowed: an integer >= 1", ex.getMessage());
    }

    @Test
    void shouldRejectIntegerBeyondLong()
    {
        assertError(() -> load(with("maxOrderQty: 9223372036854775807", "maxOrderQty: 9223372036854775808")),
            SOURCE, "risk.maxOrderQty", "9223372036854775808", "out of range");
    }

    @Test
    void shouldRejectRingSizeThatIsNotPowerOfTwo()
    {
        assertError(() -> load(with("ringSize: 1024", "ringSize: 1000")),
            SOURCE, "engine.ringSize", "1000", "out of range", "allowed: a power of two from 1024 to 16777216");
        assertError(() -> load(with("ringSize: 1024", "ringSize: 3072")),
            SOURCE, "engine.ringSize", "3072", "not a power of two (line " + LINE_RING_SIZE + ")",
            "allowed: a power of two from 1024 to 16777216");
    }

    @Test
    void shouldRejectZeroPriceCollar()
    {
        final ConfigException ex = assertError(() -> load(with("priceCollar: 1", "priceCollar: 0")),
            SOURCE, "risk.priceCollar", "0", "out of range", "allowed: a number > 0 and <= 1");

        assertEquals(LINE_PRICE_COLLAR, ex.line());
        assertError(() -> load(with("priceCollar: 1", "priceCollar: 1.0000001")),
            SOURCE, "risk.priceCollar", "1.0000001", "out of range");
    }

    @Test
    void shouldRejectDuplicateInstrumentIdAndSymbol()
    {
        final ConfigException ex = assertError(() -> load(with("- id: 7", "- id: 1")),
            SOURCE, "instruments[1].id", "1", "duplicate instrument id, also used by instruments[0]",
            "allowed: an id from 1 to 1023 that no other instrument uses");

        assertEquals(LINE_SECOND_ID, ex.line());
        assertError(() -> load(with("symbol: B.B_2", "symbol: AAA")),
            SOURCE, "instruments[1].symbol", "\"AAA\"", "duplicate symbol, also used by instruments[0]");
    }

    @Test
    void shouldRejectBadScales()
    {
        assertError(() -> load(with("priceScale: 100\n", "priceScale: 50\n")),
            SOURCE, "instruments[0].priceScale", "50", "not a power of ten",
            "allowed: a power of ten from 1 to 10000");
        assertError(() -> load(with("priceScale: 100\n    qtyScale: 1", "priceScale: 100\n    qtyScale: 1000")),
            SOURCE, "instruments[0].qtyScale", "1000", "priceScale * qtyScale must divide 10000 (priceScale is 100)",
            "allowed: a power of ten from 1 to 100");
        assertError(() -> load(with("priceScale: 100\n", "priceScale: 0\n")),
            SOURCE, "instruments[0].priceScale", "0", "out of range");
    }

    @Test
    void shouldRejectSlowEmaNotAboveFastEma()
    {
        assertError(() -> load(with("emaFastTicks: 1", "emaFastTicks: 2")),
            SOURCE, "features.emaSlowTicks", "2", "must be greater than emaFastTicks (2)",
            "allowed: an integer from 3 to 1000000");
    }

    @Test
    void shouldRejectInstrumentCountOutsideOneToSixtyFour()
    {
        final String none = VALID.replaceAll("(?s)instruments:\n.*quoteSize: 10\n", "instruments: []\n");
        assertError(() -> load(none), SOURCE, "instruments", "0 entries", "too few entries",
            "allowed: 1 to 64 entries");

        final StringBuilder many = new StringBuilder("instruments:\n");
        // reference data has one entry per instrument (issue 7): the list is rebuilt to match
        final StringBuilder reference = new StringBuilder("reference:\n  instruments:\n");
        for (int i = 1; i <= 65; i++)
        {
            many.append("  - {id: ").append(i).append(", symbol: S").append(i).append(", priceScale: 100, ")
                .append("qtyScale: 1, startPrice: 1, volatility: 0.1, spreadTicks: 1, quoteSize: 1}\n");
            reference.append("    - {symbol: S").append(i).append(", sector: X, cluster: 0, adv: 1, previousClose: 1, ")
                .append("shortable: true, restricted: false, factorLoadings: [0], eventDates: []}\n");
        }
        final String tooMany = VALID.replaceAll("(?s)instruments:\n.*quoteSize: 10\n", many.toString())
            .replaceAll("(?s)reference:\n.*", reference.toString());
        assertError(() -> load(tooMany), SOURCE, "instruments", "65 entries", "too many entries");
        assertEquals(64, load(tooMany.replaceAll("(?m)^ *- \\{(id|symbol): S?65\\b.*\n", "")).instruments().size());
    }

    @Test
    void shouldRejectBadEnumsSymbolsAndPaths()
    {
        assertError(() -> load(with("waitStrategy: busy-spin", "waitStrategy: spin")),
            SOURCE, "engine.waitStrategy", "\"spin\"", "not a known value",
            "allowed: one of busy-spin, yielding, sleeping, blocking");
        assertError(() -> load(with("symbol: AAA", "symbol: aaa")),
            SOURCE, "instruments[0].symbol", "\"aaa\"", "not a valid value");
        assertError(() -> load(with("dir: /tmp/j", "dir: \" \"")),
            SOURCE, "journal.dir", "\" \"", "must not be blank");
        assertError(() -> load(with("path: \"models/m.onnx\"", "path: classpath:model.onnx")),
            SOURCE, "model.path", "\"classpath:model.onnx\"", "class-path model needs an absolute resource name");
        assertError(() -> load(with("dir: /tmp/j", "dir:")),
            SOURCE, "journal.dir", "an empty value", "expected a string");
    }

    @Test
    void shouldRejectOutOfRangeAcrossSections()
    {
        assertError(() -> load(with("events: 1000", "events: 0")), SOURCE, "run.events", "0", "out of range");
        assertError(() -> load(with("pinCpu: -1", "pinCpu: -2")), SOURCE, "engine.pinCpu", "-2", "out of range",
            "allowed: -1 (no pinning) or a CPU number from 0 to 1023");
        assertError(() -> load(with("volatility: 5", "volatility: 5.5")),
            SOURCE, "instruments[1].volatility", "5.5", "out of range");
        assertError(() -> load(with("tradeProbability: 0", "tradeProbability: -0.1")),
            SOURCE, "market.tradeProbability", "-0.1", "out of range", "allowed: a number from 0 to 1");
        assertError(() -> load(with("meanIntervalNs: 1_000_000", "meanIntervalNs: 999")),
            SOURCE, "market.meanIntervalNs", "999", "out of range");
        assertError(() -> load(with("volWindowTicks: 2", "volWindowTicks: 3")),
            SOURCE, "features.volWindowTicks", "3", "not a power of two");
        assertError(() -> load(with("scorer: onnx", "scorer: tree")),
            SOURCE, "model.scorer", "\"tree\"", "allowed: one of java, onnx");
        assertError(() -> load(with("volFloorBps: 1e-3", "volFloorBps: 0")),
            SOURCE, "strategy.volFloorBps", "0", "out of range");
        assertError(() -> load(with("dailyLossLimit: 123.25", "dailyLossLimit: 1e13")),
            SOURCE, "kill.dailyLossLimit", "1e13", "allowed: a number > 0 and <= 1000000000000");
        assertError(() -> load(with("latencyUs: 0", "latencyUs: 10000001")),
            SOURCE, "venue.latencyUs", "10000001", "out of range");
    }

    @Test
    void shouldRejectEmptyAndNonMappingDocuments()
    {
        assertError(() -> load("# nothing\n"), SOURCE, "", null, "the document is empty",
            "allowed: a mapping with keys run, engine");
        assertError(() -> load("- a\n- b\n"), SOURCE, "", "a list", "expected a mapping (line 1)");
    }
}
