package io.meridian.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a {@link YamlTree} to the {@link EngineConfig} records, checking every key, type, range and cross-field rule.
 * The first problem found is thrown as a {@link ConfigException}; sections are checked in declaration order and, within
 * a mapping, unknown keys are reported before missing ones.
 */
final class ConfigBinder
{
    /** Cash units per currency unit, as {@code io.meridian.engine.api.Scales.CASH_SCALE} (config cannot see it). */
    static final long CASH_SCALE = 10_000L;
    static final int MAX_INSTRUMENTS = 64;
    /** Upper bound for cash amounts, so that any of them times {@link #CASH_SCALE} fits in a long. */
    static final double MAX_CASH = 1e12;
    static final double MAX_BPS = 10_000.0;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9._]{1,16}");

    private ConfigBinder()
    {
    }

    /**
     * Binds and validates a whole document.
     *
     * @param source label of the document, used when the document itself is empty.
     * @param root   the parsed document, or null when empty.
     * @return the validated configuration.
     * @throws ConfigException on the first problem found.
     */
    static EngineConfig bind(final String source, final YamlTree.Node root)
    {
        if (root == null)
        {
            throw ConfigException.at(source, "", -1, "the document is empty", null,
                "a mapping with keys " + String.join(", ", keysOf(EngineConfig.class)));
        }
        final ConfigSection top = ConfigSection.of("", root, -1, EngineConfig.class);
        final RunConfig run = run(top.section("run", RunConfig.class));
        final PipelineConfig pipeline = pipeline(top.section("engine", PipelineConfig.class));
        final JournalConfig journal = journal(top.section("journal", JournalConfig.class));
        final List<InstrumentConfig> instruments = instruments(top);
        final MarketConfig market = market(top.section("market", MarketConfig.class));
        final FeatureConfig features = features(top.section("features", FeatureConfig.class));
        final ModelConfig model = model(top.section("model", ModelConfig.class));
        final StrategyConfig strategy = strategy(top.section("strategy", StrategyConfig.class));
        final RiskConfig risk = RiskConfigBinder.risk(top.section("risk", RiskConfig.class), instruments);
        final KillConfig kill = RiskConfigBinder.kill(top.section("kill", KillConfig.class));
        final VenueConfig venue = venue(top.section("venue", VenueConfig.class));
        final AccountConfig account = RiskConfigBinder.account(top.section("account", AccountConfig.class));
        final ReferenceConfig reference = RiskConfigBinder.reference(
            top.section("reference", ReferenceConfig.class), instruments, risk);
        final CostConfig costs = CostConfigBinder.costs(top.section("costs", CostConfig.class));
        final ReportConfig report = CostConfigBinder.report(top.section("report", ReportConfig.class));
        final EngineConfig config = new EngineConfig(
            run, pipeline, journal, instruments, market, features, model, strategy, risk, kill, venue, costs, report,
            account, reference,
            top.present("ops") ? ops(top.section("ops", OpsConfig.class)) : OpsConfig.DEFAULT,
            top.present("monitor") ? monitor(top.section("monitor", MonitorConfig.class)) : MonitorConfig.DEFAULT,
            top.present("ib") ? ib(top.section("ib", IbConfig.class)) : IbConfig.DEFAULT);
        top.done();
        return config;
    }

    /**
     * The YAML keys of a config record: its component names in declaration order.
     *
     * @param type the record class.
     * @return the keys.
     */
    static List<String> keysOf(final Class<?> type)
    {
        final RecordComponent[] components = type.getRecordComponents();
        final List<String> keys = new ArrayList<>(components.length);
        for (final RecordComponent component : components)
        {
            keys.add(component.getName());
        }
        return keys;
    }

    private static RunConfig run(final ConfigSection s)
    {
        final RunConfig run = new RunConfig(
            s.integer("events", 1, 1_000_000_000L),
            s.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        s.done();
        return run;
    }

    private static PipelineConfig pipeline(final ConfigSection s)
    {
        final PipelineConfig pipeline = new PipelineConfig(
            s.choice("mode", ThreadMode.values()),
            (int)s.powerOfTwo("ringSize", 1024, 16_777_216),
            s.choice("waitStrategy", WaitStrategyKind.values()),
            (int)s.integer("pinCpu", -1, 1023, "-1 (no pinning) or a CPU number from 0 to 1023"),
            s.choice("journaling", JournalingMode.values()));
        if (pipeline.journaling() == JournalingMode.INLINE && pipeline.mode() != ThreadMode.SINGLE)
        {
            throw s.fail("journaling", "inline journaling needs mode single (mode is "
                + pipeline.mode().configName() + ")", "parallel, or inline with mode single");
        }
        s.done();
        return pipeline;
    }

    private static JournalConfig journal(final ConfigSection s)
    {
        final JournalConfig journal = new JournalConfig(s.path("dir", "a directory path, not blank"));
        s.done();
        return journal;
    }

    private static List<InstrumentConfig> instruments(final ConfigSection top)
    {
        final List<ConfigSection> sections = top.list("instruments", InstrumentConfig.class, 1, MAX_INSTRUMENTS);
        final List<InstrumentConfig> instruments = new ArrayList<>(sections.size());
        final Map<Integer, Integer> indexById = new HashMap<>();
        final Map<String, Integer> indexBySymbol = new HashMap<>();
        for (int i = 0; i < sections.size(); i++)
        {
            final ConfigSection s = sections.get(i);
            final int id = (int)s.integer("id", 1, 1023);
            final Integer sameId = indexById.putIfAbsent(id, i);
            if (sameId != null)
            {
                throw s.fail("id", "duplicate instrument id, also used by instruments[" + sameId + "]",
                    "an id from 1 to 1023 that no other instrument uses");
            }
            final String symbol = s.text("symbol", SYMBOL, "1 to 16 characters of A-Z, 0-9, '.' and '_'");
            final Integer sameSymbol = indexBySymbol.putIfAbsent(symbol, i);
            if (sameSymbol != null)
            {
                throw s.fail("symbol", "duplicate symbol, also used by instruments[" + sameSymbol + "]",
                    "a symbol that no other instrument uses");
            }
            final long priceScale = s.powerOfTen("priceScale", CASH_SCALE);
            final long qtyScale = s.powerOfTen("qtyScale", CASH_SCALE);
            if (CASH_SCALE % (priceScale * qtyScale) != 0)
            {
                throw s.fail("qtyScale", "priceScale * qtyScale must divide " + CASH_SCALE + " (priceScale is "
                    + priceScale + ")", (CASH_SCALE / priceScale == 1 ? "1" : "a power of ten from 1 to "
                    + (CASH_SCALE / priceScale)) + " (or a smaller priceScale)");
            }
            instruments.add(new InstrumentConfig(
                id,
                symbol,
                priceScale,
                qtyScale,
                s.number("startPrice", 0, false, 1e6, true),
                s.number("volatility", 0, false, 5, true),
                s.integer("spreadTicks", 1, 100_000),
                s.integer("quoteSize", 1, 10_000_000)));
            s.done();
        }
        return instruments;
    }

    private static MarketConfig market(final ConfigSection s)
    {
        final MarketConfig market = new MarketConfig(
            s.integer("meanIntervalNs", 1_000, 60_000_000_000L),
            s.number("tradeProbability", 0, true, 1, true),
            s.number("jumpProbability", 0, true, 1, true),
            s.number("jumpSizeBps", 0, true, 5000, true),
            s.number("regimeSwitchProbability", 0, true, 1, true),
            s.number("highVolMultiplier", 1, true, 100, true),
            s.integer("timerIntervalMs", 1, 3_600_000));
        s.done();
        return market;
    }

    private static FeatureConfig features(final ConfigSection s)
    {
        final int fast = (int)s.integer("emaFastTicks", 1, 100_000);
        final int slow = (int)s.integer("emaSlowTicks", 2, 1_000_000);
        if (slow <= fast)
        {
            throw s.fail("emaSlowTicks", "must be greater than emaFastTicks (" + fast + ")",
                "an integer from " + (fast + 1) + " to 1000000");
        }
        final int volWindow = (int)s.powerOfTwo("volWindowTicks", 2, 65_536);
        final List<String> indicators = s.optionalStrings("indicators",
            "a list of catalogue indicators, each once, e.g. [ofi_100, rsi_14]", IndicatorSpec::parse);
        final BarsConfig bars = s.present("bars") ? bars(s.section("bars", BarsConfig.class)) : BarsConfig.NONE;
        final FeatureConfig features = new FeatureConfig(fast, slow, volWindow, indicators, bars);
        s.done();
        return features;
    }

    private static BarsConfig bars(final ConfigSection s)
    {
        final String kind = s.choice("kind", BarsConfig.KINDS.toArray(new String[0]));
        final String source = s.present("source")
            ? s.choice("source", BarsConfig.SOURCE_TRADES, BarsConfig.SOURCE_QUOTES) : BarsConfig.SOURCE_TRADES;
        final long timeMs = barSize(s, kind, BarsConfig.KIND_TIME, "timeMs", 86_400_000L);
        final long volume = barSize(s, kind, BarsConfig.KIND_VOLUME, "volume", 1_000_000_000_000_000L);
        final long value = barSize(s, kind, BarsConfig.KIND_DOLLAR, "value", 1_000_000_000_000_000_000L);
        s.done();
        return new BarsConfig(kind, source, timeMs, volume, value);
    }

    /** The size key of one bar kind: required with that kind, refused (unless 0) with any other. */
    private static long barSize(final ConfigSection s, final String kind, final String owner, final String key,
        final long max)
    {
        if (owner.equals(kind))
        {
            return s.integer(key, 1, max);
        }
        // 0 is accepted (the canonical YAML writes every key) but any other size belongs to another kind
        final String allowed = "no " + key + " (or 0) with kind " + kind + ", or kind " + owner;
        if (s.present(key) && s.integer(key, 0, max, allowed) != 0)
        {
            throw s.fail(key, "only kind " + owner + " takes " + key + " (kind is " + kind + ")", allowed);
        }
        return 0;
    }

    private static ModelConfig model(final ConfigSection s)
    {
        final String path = s.path("path", "a file path, or classpath:/ followed by a resource name");
        final String resourcePrefix = ModelConfig.CLASSPATH_PREFIX + "/";
        if (path.startsWith(ModelConfig.CLASSPATH_PREFIX)
            && (!path.startsWith(resourcePrefix) || path.length() == resourcePrefix.length()))
        {
            throw s.fail("path", "a class-path model needs an absolute resource name",
                "classpath:/ followed by a resource name, e.g. classpath:/io/meridian/engine/model/demo-linear.onnx");
        }
        final ModelConfig model = new ModelConfig(
            path,
            s.choice("scorer", ModelConfig.SCORER_JAVA, ModelConfig.SCORER_ONNX),
            (int)s.integer("horizonTicks", 1, 100_000));
        s.done();
        return model;
    }

    private static StrategyConfig strategy(final ConfigSection s)
    {
        final StrategyConfig strategy = new StrategyConfig(
            s.number("entryThresholdBps", 0, true, MAX_BPS, true),
            s.number("riskBudget", 0, false, MAX_CASH, true),
            s.integer("maxTargetQty", 1, Long.MAX_VALUE),
            s.integer("orderTimeoutMs", 1, 3_600_000),
            s.number("volFloorBps", 0, false, MAX_BPS, true),
            s.choice("pricing", StrategyConfig.PRICING_JOIN, StrategyConfig.PRICING_CROSS));
        s.done();
        return strategy;
    }

    private static VenueConfig venue(final ConfigSection s)
    {
        final long latencyUs = s.integer("latencyUs", 0, 10_000_000);
        final String barFill = s.present("barFill")
            ? s.choice("barFill", VenueConfig.BAR_FILLS.toArray(new String[0])) : VenueConfig.BAR_FILL_OPEN;
        final double slippage = s.present("barSlippageBps") ? s.number("barSlippageBps", 0, true, 1_000, true) : 0.0;
        final VenueConfig venue = new VenueConfig(latencyUs, barFill, slippage);
        s.done();
        return venue;
    }

    private static OpsConfig ops(final ConfigSection s)
    {
        final OpsConfig ops = new OpsConfig(
            s.text("bind", OpsConfig.BIND_PATTERN, OpsConfig.BIND_ALLOWED),
            (int)s.integer("port", 0, 65_535, "a TCP port from 0 to 65535 (0: any free port)"),
            s.present("minFreeDiskMb") ? s.integer("minFreeDiskMb", 0, 1L << 40) : OpsConfig.MIN_FREE_DISK_MB_DEFAULT);
        s.done();
        return ops;
    }

    private static MonitorConfig monitor(final ConfigSection s)
    {
        final MonitorConfig monitor = new MonitorConfig(
            s.integer("intervalMs", 0, 86_400_000),
            (int)s.integer("window", 2, 100_000));
        s.done();
        return monitor;
    }

    private static IbConfig ib(final ConfigSection s)
    {
        final IbConfig ib = new IbConfig(s.integer("snapshotEverySeconds", 0, 86_400));
        s.done();
        return ib;
    }

    static String integerRange(final long min, final long max)
    {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE)
        {
            return "any integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (max == Long.MAX_VALUE)
        {
            return "an integer >= " + min;
        }
        return "an integer from " + min + " to " + max;
    }

    static String numberRange(
        final double min,
        final boolean minInclusive,
        final double max,
        final boolean maxInclusive)
    {
        if (minInclusive && maxInclusive)
        {
            return "a number from " + format(min) + " to " + format(max);
        }
        return "a number " + (minInclusive ? ">= " : "> ") + format(min)
            + " and " + (maxInclusive ? "<= " : "< ") + format(max);
    }

    static String format(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }

    /** Lower-cases and drops separators, so that {@code max_order_qty} is recognised as {@code maxOrderQty}. */
    private static String normalise(final String key)
    {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static int editDistance(final String a, final String b)
    {
        final int[] previous = new int[b.length() + 1];
        final int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        return previous[b.length()];
    }

    /**
     * The closest allowed key to a misspelt one, or null when none is close.
     *
     * @param unknown the key as written.
     * @param allowed the allowed keys.
     * @return a suggestion or null.
     */
    static String suggest(final String unknown, final List<String> allowed)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String key : allowed)
        {
            if (normalise(key).equals(normalise(unknown)))
            {
                return key;
            }
            final int distance = editDistance(unknown, key);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = key;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, unknown.length() / 4)) ? best : null;
    }
}
