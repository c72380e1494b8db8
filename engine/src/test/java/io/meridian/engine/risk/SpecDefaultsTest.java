package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.pipeline.EngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every pre-trade check's and kill switch's configured default equals the number SPEC.md gives it (§1(e), §1(f) and
 * the decisions), in the backtest profile (the profile that carries the SPEC defaults) and in every shipped profile
 * except where a profile loosens a limit and says so in the line's comment, naming the SPEC value. Each check of the
 * catalogue must appear here, either with its SPEC number or with the reason SPEC gives none, so a new check cannot
 * slip in without its default being checked.
 *
 * <p>The numbers, typed from SPEC.md by hand:
 * <pre>
 * risk.maxPositionNav     0.05    decision 1 (e1)         risk.maxGrossNav        1.0   decision 10 (e20)
 * risk.maxSectorNav       0.2     e2                      risk.maxGrossBearNav    0.7   decision 10 (e20)
 * risk.maxClusterNav      0.3     e3                      risk.maxGrossMarginNav  2.0   decision 10
 * risk.minOrderNotional   100     e4                      risk.systemicCap        0.25  e22
 * risk.maxOrderNotional   50000   e5                      risk.factors technology 0.3   e21
 * risk.maxOrdersPerSecond 10      e6                      risk.factors value      0.5   e21
 * risk.maxDailyOrderValue 100000  e7                      risk.highVolLevel       25    decision 6
 * risk.priceCollar        0.1     e8, decision 9          risk.crisisVolLevel     40    decision 6 (e19, f6)
 * risk.fatFingerPrice     0.2     e11, decision 9         risk.warnAt             0.9   decision 5
 * risk.fatFingerQtyMultiple 10    e12, decision 10        kill.dailyLossNav       0.02  decision 5 (1)
 * risk.fatFingerQtyWindow 100     decision 10             kill.venueDownMs        30000 decision 5 (3)
 * risk.duplicateWindowMs  1000    e13                     kill.staleMarketDataMs  60000 decision 5 (4)
 * risk.maxChildAdv        0.05    decision 8 (e17)        kill.slippage           0.01  decision 5 (5)
 * risk.maxParentAdv       0.25    decision 8              kill.volSpikeReduce     0.5   decision 5 (6)
 *                                                         kill.maxDrawdown        0.1   decision 5 (8)
 *                                                         kill.maxMonthLoss       0.08  decision 5 (8)
 * </pre>
 */
class SpecDefaultsTest
{
    private static final Map<String, Double> SPEC = new LinkedHashMap<>();
    private static final Map<String, ToDoubleFunction<EngineConfig>> VALUE = new LinkedHashMap<>();
    /** Keys of checks SPEC gives no number for, with why. */
    private static final Map<String, String> NO_SPEC_NUMBER = new LinkedHashMap<>();

    static
    {
        spec("risk.maxPositionNav", 0.05, c -> c.risk().maxPositionNav());
        spec("risk.maxSectorNav", 0.2, c -> c.risk().maxSectorNav());
        spec("risk.maxClusterNav", 0.3, c -> c.risk().maxClusterNav());
        spec("risk.minOrderNotional", 100, c -> c.risk().minOrderNotional());
        spec("risk.maxOrderNotional", 50_000, c -> c.risk().maxOrderNotional());
        spec("risk.maxOrdersPerSecond", 10, c -> c.risk().maxOrdersPerSecond());
        spec("risk.maxDailyOrderValue", 100_000, c -> c.risk().maxDailyOrderValue());
        spec("risk.priceCollar", 0.1, c -> c.risk().priceCollar());
        spec("risk.fatFingerPrice", 0.2, c -> c.risk().fatFingerPrice());
        spec("risk.fatFingerQtyMultiple", 10, c -> c.risk().fatFingerQtyMultiple());
        spec("risk.fatFingerQtyWindow", 100, c -> c.risk().fatFingerQtyWindow());
        spec("risk.duplicateWindowMs", 1000, c -> c.risk().duplicateWindowMs());
        spec("risk.maxChildAdv", 0.05, c -> c.risk().maxChildAdv());
        spec("risk.maxParentAdv", 0.25, c -> c.risk().maxParentAdv());
        spec("risk.maxGrossNav", 1.0, c -> c.risk().maxGrossNav());
        spec("risk.maxGrossBearNav", 0.7, c -> c.risk().maxGrossBearNav());
        spec("risk.maxGrossMarginNav", 2.0, c -> c.risk().maxGrossMarginNav());
        spec("risk.systemicCap", 0.25, c -> c.risk().systemicCap());
        spec("risk.factors[].limit", 0.3, c -> factor(c, "technology"));
        spec("risk.factors[value].limit", 0.5, c -> factor(c, "value"));
        spec("risk.highVolLevel", 25, c -> c.risk().highVolLevel());
        spec("risk.crisisVolLevel", 40, c -> c.risk().crisisVolLevel());
        spec("risk.warnAt", 0.9, c -> c.risk().warnAt());
        spec("kill.dailyLossNav", 0.02, c -> c.kill().dailyLossNav());
        spec("kill.venueDownMs", 30_000, c -> c.kill().venueDownMs());
        spec("kill.staleMarketDataMs", 60_000, c -> c.kill().staleMarketDataMs());
        spec("kill.slippage", 0.01, c -> c.kill().slippage());
        spec("kill.volSpikeReduce", 0.5, c -> c.kill().volSpikeReduce());
        spec("kill.maxDrawdown", 0.1, c -> c.kill().maxDrawdown());
        spec("kill.maxMonthLoss", 0.08, c -> c.kill().maxMonthLoss());

        NO_SPEC_NUMBER.put("kill.*", "e18/f9: a state, not a number");
        NO_SPEC_NUMBER.put("account.dryRun", "e25: a switch");
        NO_SPEC_NUMBER.put("-", "no reference price yet: a rule");
        NO_SPEC_NUMBER.put("reference.instruments[].restricted", "a list (e23)");
        NO_SPEC_NUMBER.put("reference.instruments[].shortable", "a list (e26, decision 15)");
        NO_SPEC_NUMBER.put("reference.instruments[].eventDates", "a list (e24)");
        NO_SPEC_NUMBER.put("risk.maxOrderQty", "e28: 'size limits' without a number");
        NO_SPEC_NUMBER.put("risk.maxPosition", "e1 gives the NAV share; the lot cap is Meridian's own");
        NO_SPEC_NUMBER.put("risk.nbboTolerance", "e9: tolerance unspecified");
        NO_SPEC_NUMBER.put("risk.maxSpread", "e10: unspecified");
        NO_SPEC_NUMBER.put("risk.buyingPowerUse", "e14: unspecified");
        NO_SPEC_NUMBER.put("risk.strategyBudgetNav", "e15: unspecified (from the allocator later)");
        NO_SPEC_NUMBER.put("risk.maxConcentration", "e16: unspecified beyond e1-e3");
        NO_SPEC_NUMBER.put("risk.pdtMaxDayTrades", "e23: details absent (FINRA's 3 in 5 sessions below 25,000)");
        NO_SPEC_NUMBER.put("risk.maxMessagesPerSecond", "RTS 6 asks for a limit without a number");
        NO_SPEC_NUMBER.put("risk.maxOrderToTradeRatio", "RTS 6 asks for a limit without a number");
    }

    private static void spec(final String key, final double value, final ToDoubleFunction<EngineConfig> read)
    {
        SPEC.put(key, value);
        VALUE.put(key, read);
    }

    private static double factor(final EngineConfig c, final String name)
    {
        return c.risk().factors().stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no factor " + name)).limit();
    }

    @Test
    void shouldShipTheSpecNumbersInTheBacktestProfile()
    {
        final EngineConfig config = ConfigLoader.loadProfile("backtest", List.of());
        final List<String> wrong = new ArrayList<>();
        SPEC.forEach((key, expected) ->
        {
            final double actual = VALUE.get(key).applyAsDouble(config);
            if (actual != expected)
            {
                wrong.add(key + " = " + actual + ", SPEC " + expected);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldListEveryCheckOfTheCatalogueWithItsSpecNumberOrWhyThereIsNone()
    {
        final EngineConfig config = ConfigLoader.loadProfile("backtest", List.of());
        final PreTradeRisk risk = PreTradeRisk.of(config,
            RiskReference.of(config, EngineFactory.instruments(config)), config.instruments().size());
        final List<String> unlisted = new ArrayList<>();
        for (final RiskCheck check : risk.checks())
        {
            final String key = check.configKey();
            if (!SPEC.containsKey(key) && !NO_SPEC_NUMBER.containsKey(key))
            {
                unlisted.add(check.name() + " (" + key + ")");
            }
            if (SPEC.containsKey(key) && check.kind() != RiskCheck.RULE && !key.startsWith("kill.")
                && !key.equals("risk.factors[].limit"))
            {
                // the gross cap reports the one that binds for the account type (backtest: margin)
                final double expected = key.equals("risk.maxGrossNav") && "margin".equals(config.account().type())
                    ? SPEC.get("risk.maxGrossMarginNav") : SPEC.get(key);
                assertEquals(expected, check.configuredLimit(), 1e-12, check.name() + " reports its limit");
            }
        }
        assertEquals(List.of(), unlisted, "checks without a SPEC entry here");
        assertEquals(39, risk.checks().length, "the catalogue's size; list a new check above");
    }

    @Test
    void shouldLoosenADemoLimitOnlyWithACommentNamingTheSpecValue() throws IOException
    {
        for (final String profile : List.of("demo", "paper-ib", "live-ib", "bars"))
        {
            final EngineConfig config = ConfigLoader.loadProfile(profile, List.of());
            final List<String> lines = profileLines(profile);
            SPEC.forEach((key, expected) ->
            {
                final double actual = VALUE.get(key).applyAsDouble(config);
                if (actual != expected)
                {
                    final String name = key.substring(key.indexOf('.') + 1);
                    final String line = commented(lines, name, profile);
                    final String comment = line.contains("#") ? line.substring(line.indexOf('#')).replace(",", "")
                        : "";
                    assertTrue(comment.contains(number(expected)) || comment.contains("SPEC")
                        || comment.contains("decision"), profile + ": " + key + " = " + actual + " differs from SPEC "
                        + expected + " without saying so: " + line);
                }
            });
        }
    }

    /** The key's line with the comment lines that continue it. */
    private static String commented(final List<String> lines, final String name, final String profile)
    {
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).trim().startsWith(name + ":"))
            {
                final StringBuilder text = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && lines.get(j).trim().startsWith("#"); j++)
                {
                    text.append(' ').append(lines.get(j).trim());
                }
                return text.toString();
            }
        }
        throw new AssertionError(profile + ": no line for " + name);
    }

    private static String number(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    private static List<String> profileLines(final String profile) throws IOException
    {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("profiles/" + profile + ".yaml"))
        {
            assertNotNull(in, profile);
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }
}
