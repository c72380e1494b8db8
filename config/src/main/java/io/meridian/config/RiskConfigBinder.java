package io.meridian.config;

import static io.meridian.config.ConfigBinder.MAX_CASH;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the risk-side sections: {@code risk}, {@code kill}, {@code account} and {@code reference}, with their ranges
 * and cross-field rules (one reference entry per instrument, one loading per factor, the volatility index a
 * configured symbol, session close after open, valid time zone and dates). Used by {@link ConfigBinder}.
 */
final class RiskConfigBinder
{
    /** Upper bound of fractions of NAV (exposure multiples). */
    static final double MAX_NAV_MULTIPLE = 100.0;
    static final int MAX_FACTORS = 16;
    static final int MAX_DATES = 1000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIME = Pattern.compile("[0-9]{2}:[0-9]{2}");
    private static final Pattern SYMBOL_OR_EMPTY = Pattern.compile("[A-Z0-9._]{0,16}");
    private static final String DATE_ALLOWED = "a list of dates YYYY-MM-DD";

    private RiskConfigBinder()
    {
    }

    static RiskConfig risk(final ConfigSection s, final List<InstrumentConfig> instruments)
    {
        final RiskConfig risk = new RiskConfig(
            s.integer("maxOrderQty", 1, Long.MAX_VALUE),
            s.number("maxOrderNotional", 0, false, MAX_CASH, true),
            s.number("priceCollar", 0, false, 1, true),
            (int)s.integer("maxOrdersPerSecond", 1, 1_000_000),
            s.integer("maxPosition", 1, Long.MAX_VALUE),
            navFraction(s, "maxPositionNav"),
            navFraction(s, "maxSectorNav"),
            navFraction(s, "maxClusterNav"),
            s.number("minOrderNotional", 0, true, MAX_CASH, true),
            s.number("maxDailyOrderValue", 0, false, MAX_CASH, true),
            s.number("nbboTolerance", 0, true, 1, true),
            s.number("maxSpread", 0, false, 1, true),
            s.number("fatFingerPrice", 0, false, MAX_NAV_MULTIPLE, true),
            s.number("fatFingerQtyMultiple", 1, true, 1e9, true),
            s.integer("fatFingerQtyFloor", 1, Long.MAX_VALUE / 1_000_000_000L),
            (int)s.integer("fatFingerQtyWindow", 1, 10_000),
            s.integer("duplicateWindowMs", 0, 86_400_000),
            s.number("buyingPowerUse", 0, false, 1, true),
            navFraction(s, "strategyBudgetNav"),
            s.number("maxConcentration", 0, false, 1, true),
            s.number("concentrationMinGrossNav", 0, true, MAX_NAV_MULTIPLE, true),
            s.number("maxChildAdv", 0, false, MAX_NAV_MULTIPLE, true),
            s.number("maxParentAdv", 0, false, MAX_NAV_MULTIPLE, true),
            factors(s),
            navFraction(s, "maxGrossNav"),
            navFraction(s, "maxGrossBearNav"),
            navFraction(s, "maxGrossMarginNav"),
            navFraction(s, "systemicCap"),
            s.number("pdtMinEquity", 0, true, MAX_CASH, true),
            (int)s.integer("pdtMaxDayTrades", 0, 1_000_000),
            (int)s.integer("pdtWindowDays", 1, 250),
            (int)s.integer("maxMessagesPerSecond", 1, 1_000_000),
            s.number("maxOrderToTradeRatio", 1, true, 1e9, true),
            s.integer("otrMinMessages", 0, Long.MAX_VALUE),
            volIndex(s, instruments),
            s.number("highVolLevel", 0, false, 1e6, true),
            s.number("crisisVolLevel", 0, false, 1e6, true),
            s.number("proxyHighVol", 0, false, 100, true),
            s.number("proxyCrisisVol", 0, false, 100, true),
            (int)s.integer("proxyHalfLifeSamples", 1, 1_000_000),
            s.number("warnAt", 0, false, 1, false));
        if (risk.crisisVolLevel() <= risk.highVolLevel())
        {
            throw s.fail("crisisVolLevel", "must be greater than highVolLevel (" + risk.highVolLevel() + ")",
                "a number > " + risk.highVolLevel());
        }
        if (risk.proxyCrisisVol() <= risk.proxyHighVol())
        {
            throw s.fail("proxyCrisisVol", "must be greater than proxyHighVol (" + risk.proxyHighVol() + ")",
                "a number > " + risk.proxyHighVol());
        }
        if (risk.maxParentAdv() < risk.maxChildAdv())
        {
            throw s.fail("maxParentAdv", "must not be below maxChildAdv (" + risk.maxChildAdv() + ")",
                "a number >= " + risk.maxChildAdv());
        }
        s.done();
        return risk;
    }

    private static double navFraction(final ConfigSection s, final String key)
    {
        return s.number(key, 0, false, MAX_NAV_MULTIPLE, true);
    }

    private static String volIndex(final ConfigSection s, final List<InstrumentConfig> instruments)
    {
        final String allowed = "empty (no volatility index) or a configured instrument's symbol";
        final String symbol = s.text("volIndexSymbol", SYMBOL_OR_EMPTY, allowed);
        if (!symbol.isEmpty() && instruments.stream().noneMatch(i -> i.symbol().equals(symbol)))
        {
            throw s.fail("volIndexSymbol", "not a configured instrument", allowed);
        }
        return symbol;
    }

    private static List<FactorLimitConfig> factors(final ConfigSection s)
    {
        final List<ConfigSection> sections = s.list("factors", FactorLimitConfig.class, 0, MAX_FACTORS);
        final List<FactorLimitConfig> factors = new ArrayList<>(sections.size());
        final Set<String> names = new HashSet<>();
        for (final ConfigSection f : sections)
        {
            final String name = f.text("name", NAME, "1 to 32 characters of A-Z, a-z, 0-9 and '_'");
            if (!names.add(name))
            {
                throw f.fail("name", "duplicate factor name", "a name no other factor uses");
            }
            factors.add(new FactorLimitConfig(name, f.number("limit", 0, false, MAX_NAV_MULTIPLE, true)));
            f.done();
        }
        return factors;
    }

    static KillConfig kill(final ConfigSection s)
    {
        final KillConfig kill = new KillConfig(
            s.number("dailyLossLimit", 0, false, MAX_CASH, true),
            s.integer("staleMarketDataMs", 1, 2_678_400_000L),
            s.number("dailyLossNav", 0, false, 1, true),
            s.integer("venueDownMs", 1, 86_400_000),
            s.number("slippage", 0, false, 1, true),
            s.number("volSpikeReduce", 0, false, 1, true),
            s.number("maxDrawdown", 0, false, 1, true),
            s.number("maxMonthLoss", 0, false, 1, true),
            s.integer("throttleHaltAfter", 1, 1_000_000));
        s.done();
        return kill;
    }

    static AccountConfig account(final ConfigSection s)
    {
        final double nav = s.number("startOfDayNav", 0, false, MAX_CASH, true);
        final String type = s.choice("type", AccountConfig.TYPE_CASH, AccountConfig.TYPE_MARGIN);
        final String zone = s.text("timezone", Pattern.compile("[A-Za-z0-9_+/-]{1,64}"), "an IANA time zone id");
        try
        {
            ZoneId.of(zone);
        }
        catch (final DateTimeException ex)
        {
            throw s.fail("timezone", "unknown time zone", "an IANA time zone id such as America/New_York");
        }
        final LocalTime open = time(s, "sessionOpen");
        final LocalTime close = time(s, "sessionClose");
        if (!close.isAfter(open))
        {
            throw s.fail("sessionClose", "must be after sessionOpen (" + open + ")", "a time HH:MM after " + open);
        }
        final List<String> holidays = dates(s, "holidays");
        final AccountConfig account = new AccountConfig(
            nav, type, zone, open.toString(), close.toString(), holidays,
            s.choice("environment", AccountConfig.ENVIRONMENTS.toArray(new String[0])),
            s.bool("dryRun"),
            s.bool("allowProdWrite"));
        s.done();
        return account;
    }

    private static LocalTime time(final ConfigSection s, final String key)
    {
        final String allowed = "a time of day HH:MM";
        final String text = s.text(key, TIME, allowed);
        try
        {
            return LocalTime.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw s.fail(key, "not a time of day", allowed);
        }
    }

    private static List<String> dates(final ConfigSection s, final String key)
    {
        final List<String> dates = s.textList(key, DATE, MAX_DATES, DATE_ALLOWED);
        for (int i = 0; i < dates.size(); i++)
        {
            try
            {
                LocalDate.parse(dates.get(i));
            }
            catch (final DateTimeParseException ex)
            {
                throw s.fail(key, "not a date: " + dates.get(i), DATE_ALLOWED);
            }
        }
        return dates;
    }

    static ReferenceConfig reference(
        final ConfigSection s, final List<InstrumentConfig> instruments, final RiskConfig risk)
    {
        final List<ConfigSection> sections = s.list(
            "instruments", ReferenceInstrumentConfig.class, instruments.size(), instruments.size());
        final Map<String, Integer> seen = new HashMap<>();
        final List<ReferenceInstrumentConfig> list = new ArrayList<>(sections.size());
        final String symbolAllowed = "the symbol of a configured instrument, each once";
        for (int i = 0; i < sections.size(); i++)
        {
            final ConfigSection r = sections.get(i);
            final String symbol = r.text("symbol", SYMBOL_OR_EMPTY, symbolAllowed);
            if (instruments.stream().noneMatch(c -> c.symbol().equals(symbol)))
            {
                throw r.fail("symbol", "not a configured instrument", symbolAllowed);
            }
            final Integer other = seen.putIfAbsent(symbol, i);
            if (other != null)
            {
                throw r.fail("symbol", "duplicate, also reference.instruments[" + other + "]", symbolAllowed);
            }
            list.add(new ReferenceInstrumentConfig(
                symbol,
                r.text("sector", NAME, "1 to 32 characters of A-Z, a-z, 0-9 and '_'"),
                (int)r.integer("cluster", 0, 63),
                r.integer("adv", 1, Long.MAX_VALUE / 1_000_000L),
                r.number("previousClose", 0, false, 1e6, true),
                r.bool("shortable"),
                r.bool("restricted"),
                r.numberList("factorLoadings", risk.factors().size(), -MAX_NAV_MULTIPLE, MAX_NAV_MULTIPLE),
                dates(r, "eventDates")));
            r.done();
        }
        s.done();
        return new ReferenceConfig(list);
    }
}
