package io.meridian.engine.risk;

import io.meridian.config.AccountConfig;
import io.meridian.config.EngineConfig;
import io.meridian.config.ReferenceInstrumentConfig;
import io.meridian.engine.stage.InstrumentIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference data per dense instrument index, copied out of the configuration at start into primitive arrays: sector
 * and cluster numbers, 20-day ADV, previous close (in price ticks), shortable and restricted flags, factor loadings
 * and event dates (epoch days). Built once per run ({@code EngineFactory.create}: the check table and the order
 * context share the instance), in one pass over the configuration's entries. Immutable after construction; read by
 * the checks on the order stage's thread.
 */
public final class RiskReference
{
    final int[] sector;
    final int sectorCount;
    final String[] sectorNames;
    final int[] cluster;
    final long[] adv;
    final double[] previousCloseTicks;
    final boolean[] shortable;
    final boolean[] restricted;
    /** [factor][instrument]. */
    final double[][] loadings;
    final String[] factorNames;
    final double[] factorLimits;
    /** [instrument] sorted epoch days. */
    final long[][] eventDays;
    final boolean cashAccount;

    private RiskReference(final int n, final int factors)
    {
        sector = new int[n];
        sectorNames = new String[n];
        cluster = new int[n];
        adv = new long[n];
        previousCloseTicks = new double[n];
        shortable = new boolean[n];
        restricted = new boolean[n];
        loadings = new double[factors][n];
        factorNames = new String[factors];
        factorLimits = new double[factors];
        eventDays = new long[n][];
        sectorCount = n;
        cashAccount = false;
    }

    private RiskReference(final RiskReference base, final int sectorCount, final boolean cashAccount)
    {
        sector = base.sector;
        sectorNames = base.sectorNames;
        cluster = base.cluster;
        adv = base.adv;
        previousCloseTicks = base.previousCloseTicks;
        shortable = base.shortable;
        restricted = base.restricted;
        loadings = base.loadings;
        factorNames = base.factorNames;
        factorLimits = base.factorLimits;
        eventDays = base.eventDays;
        this.sectorCount = sectorCount;
        this.cashAccount = cashAccount;
    }

    /**
     * Reference data for a validated configuration.
     *
     * @param config the configuration (one reference entry per instrument, checked at load).
     * @param instruments the instrument index.
     * @return the reference data.
     */
    public static RiskReference of(final EngineConfig config, final InstrumentIndex instruments)
    {
        final int n = instruments.count();
        final int factors = config.risk().factors().size();
        final RiskReference r = new RiskReference(n, factors);
        for (int f = 0; f < factors; f++)
        {
            r.factorNames[f] = config.risk().factors().get(f).name();
            r.factorLimits[f] = config.risk().factors().get(f).limit();
        }
        final Map<String, ReferenceInstrumentConfig> bySymbol = new HashMap<>();
        for (final ReferenceInstrumentConfig c : config.reference().instruments())
        {
            bySymbol.putIfAbsent(c.symbol(), c);
        }
        final List<String> sectors = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            final ReferenceInstrumentConfig c = bySymbol.get(instruments.symbol(i));
            if (c == null)
            {
                throw new IllegalArgumentException("no reference data for instrument " + instruments.symbol(i)
                    + " (reference.instruments)");
            }
            int s = sectors.indexOf(c.sector());
            if (s < 0)
            {
                sectors.add(c.sector());
                s = sectors.size() - 1;
            }
            r.sector[i] = s;
            r.sectorNames[i] = c.sector();
            r.cluster[i] = c.cluster();
            r.adv[i] = c.adv();
            r.previousCloseTicks[i] = c.previousClose() * instruments.priceScale(i);
            r.shortable[i] = c.shortable();
            r.restricted[i] = c.restricted();
            for (int f = 0; f < factors; f++)
            {
                r.loadings[f][i] = c.factorLoadings().get(f);
            }
            final long[] days = new long[c.eventDates().size()];
            for (int d = 0; d < days.length; d++)
            {
                days[d] = LocalDate.parse(c.eventDates().get(d)).toEpochDay();
            }
            java.util.Arrays.sort(days);
            r.eventDays[i] = days;
        }
        return new RiskReference(r, sectors.size(), AccountConfig.TYPE_CASH.equals(config.account().type()));
    }

    /**
     * Whether an instrument has an event on a local date.
     *
     * @param index instrument index.
     * @param epochDay the date.
     * @return true on an event date.
     */
    boolean eventOn(final int index, final long epochDay)
    {
        return java.util.Arrays.binarySearch(eventDays[index], epochDay) >= 0;
    }

    /**
     * Number of factors.
     *
     * @return the count.
     */
    public int factorCount()
    {
        return factorNames.length;
    }

    /**
     * Number of distinct sectors.
     *
     * @return the count.
     */
    public int sectorCount()
    {
        return sectorCount;
    }
}
