package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The bad-config test of every risk, kill-switch, account and reference key (issue 7): each bad value is refused
 * with an error naming the source, the key path, the value and what is allowed, before anything runs.
 */
class RiskConfigValidationTest
{
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "risk.maxPositionNav|0|out of range",
        "risk.maxSectorNav|-0.2|out of range",
        "risk.maxClusterNav|101|out of range",
        "risk.minOrderNotional|-1|out of range",
        "risk.maxDailyOrderValue|0|out of range",
        "risk.nbboTolerance|1.5|out of range",
        "risk.maxSpread|0|out of range",
        "risk.fatFingerPrice|0|out of range",
        "risk.fatFingerQtyMultiple|0.5|out of range",
        "risk.fatFingerQtyFloor|0|out of range",
        "risk.fatFingerQtyWindow|0|out of range",
        "risk.duplicateWindowMs|-1|out of range",
        "risk.buyingPowerUse|1.1|out of range",
        "risk.strategyBudgetNav|0|out of range",
        "risk.maxConcentration|0|out of range",
        "risk.concentrationMinGrossNav|-1|out of range",
        "risk.maxChildAdv|0|out of range",
        "risk.maxParentAdv|0.01|must not be below maxChildAdv (0.05)",
        "risk.maxGrossNav|0|out of range",
        "risk.maxGrossBearNav|0|out of range",
        "risk.maxGrossMarginNav|0|out of range",
        "risk.systemicCap|0|out of range",
        "risk.pdtMinEquity|-5|out of range",
        "risk.pdtMaxDayTrades|-1|out of range",
        "risk.pdtWindowDays|0|out of range",
        "risk.maxMessagesPerSecond|0|out of range",
        "risk.maxOrderToTradeRatio|0.5|out of range",
        "risk.otrMinMessages|-1|out of range",
        "risk.volIndexSymbol|VIX|not a configured instrument",
        "risk.highVolLevel|0|out of range",
        "risk.crisisVolLevel|20|must be greater than highVolLevel (25.0)",
        "risk.proxyHighVol|0|out of range",
        "risk.proxyCrisisVol|0.2|must be greater than proxyHighVol (0.25)",
        "risk.proxyHalfLifeSamples|0|out of range",
        "risk.warnAt|1|out of range",
        "kill.dailyLossNav|0|out of range",
        "kill.venueDownMs|0|out of range",
        "kill.slippage|0|out of range",
        "kill.volSpikeReduce|1.5|out of range",
        "kill.maxDrawdown|0|out of range",
        "kill.maxMonthLoss|2|out of range",
        "kill.throttleHaltAfter|0|out of range",
        "account.startOfDayNav|0|out of range",
        "account.type|hedge|not a known value",
        "account.timezone|Mars/Olympus|unknown time zone",
        "account.sessionOpen|25:00|not a time of day",
        "account.sessionClose|09:00|must be after sessionOpen (09:30)",
        "account.holidays|[2026-02-30]|not a date: 2026-02-30",
        "account.environment|staging|not a known value",
        "account.dryRun|maybe|expected true or false",
        "account.allowProdWrite|yes|expected true or false",
        "reference.instruments[0].symbol|ZZZ|not a configured instrument",
        "reference.instruments[1].symbol|AAA|duplicate, also reference.instruments[0]",
        "reference.instruments[0].sector|sector one|not a valid value",
        "reference.instruments[0].cluster|64|out of range",
        "reference.instruments[0].adv|0|out of range",
        "reference.instruments[0].previousClose|0|out of range",
        "reference.instruments[0].shortable|1|expected true or false",
        "reference.instruments[0].restricted|no|expected true or false",
        "reference.instruments[0].factorLoadings|[1, 2]|too many entries",
        "reference.instruments[0].eventDates|[tomorrow]|not a valid value",
    })
    void shouldRefuseABadValueNamingTheKey(final String key, final String value, final String problem)
    {
        // a bad list item is named by its index
        final String keyPath = value.contains("tomorrow") ? key + "[0]" : key;
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(VALID, key + "=" + value));
        assertEquals("--set", ex.source(), ex.getMessage());
        assertEquals(keyPath, ex.keyPath(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("--set: " + keyPath + ": " + problem), ex.getMessage());
        assertTrue(ex.getMessage().contains("; allowed: "), ex.getMessage());
    }

    @Test
    void shouldRequireOneReferenceEntryPerInstrument()
    {
        final String oneEntry = VALID.replaceAll("(?s)\n    - symbol: \"B.B_2\".*", "\n");
        assertError(() -> load(oneEntry), SOURCE, "reference.instruments", "1 entries", "too few entries",
            "allowed: 2 to 2 entries");
    }

    @Test
    void shouldAcceptAVolatilityIndexThatIsAConfiguredInstrument()
    {
        assertEquals("AAA", load(VALID, "risk.volIndexSymbol=AAA").risk().volIndexSymbol());
        assertEquals(List.of(), load(VALID, "account.holidays=[]").account().holidays());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "risk.maxOrderNotional|-5|out of range",
        "risk.maxOrdersPerSecond|1000001|out of range",
        "kill.staleMarketDataMs|2678400001|out of range",
        "risk.factors[0].name|tech nology|not a valid value",
        "risk.factors[0].limit|-0.25|out of range",
    })
    void shouldNameTheKeyAndTheValueOfABadLimit(final String key, final String value, final String problem)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(VALID, key + "=" + value));
        assertEquals(key, ex.keyPath(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("--set: " + key + ": " + problem), ex.getMessage());
        assertTrue(ex.getMessage().contains(value), "the value is named: " + ex.getMessage());
        assertTrue(ex.getMessage().contains("; allowed: "), ex.getMessage());
    }

    @Test
    void shouldRefuseTwoFactorsOfTheSameName()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(VALID,
            "risk.factors=[{name: technology, limit: 0.3}, {name: technology, limit: 0.5}]"));
        assertEquals("risk.factors[1].name", ex.keyPath(), ex.getMessage());
        assertTrue(ex.getMessage().contains("duplicate factor name"), ex.getMessage());
        assertTrue(ex.getMessage().contains("technology"), ex.getMessage());
    }
}
