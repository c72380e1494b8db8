package io.meridian.gateway.market;

import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.sim.MarketDataSource;
import java.util.Arrays;
import org.agrona.MutableDirectBuffer;

/**
 * A deterministic synthetic market-data source: a seeded stream of top-of-book QUOTE and TRADE records for several
 * instruments, written in the engine's record format.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Clock.</b> Event times start after {@code startTimeNs}; inter-arrival times are exponential with mean
 *       {@code meanIntervalNs}, rounded down to whole nanoseconds and at least 1 ns, so event times are strictly
 *       increasing. Each event belongs to one instrument, chosen uniformly at random.</li>
 *   <li><b>Mid price.</b> Per instrument, a geometric random walk: on each QUOTE event the log mid moves by
 *       {@code drift - s*s/2 + s*z} with {@code z ~ N(0,1)} and {@code s = annualVolatility * sqrt(dt / Y) * m},
 *       where {@code dt} is the time since that instrument's previous quote, {@code Y} is one trading year of
 *       252 days of 6.5 hours, and {@code m} is 1 in the normal regime and {@code highVolMultiplier} in the high
 *       volatility regime.</li>
 *   <li><b>Regimes.</b> One market-wide regime flag (normal or high volatility) toggles with probability
 *       {@code regimeSwitchProbability} on every event.</li>
 *   <li><b>Jumps.</b> With probability {@code jumpProbability} a QUOTE event adds a jump of {@code +jumpSizeBps} or
 *       {@code -jumpSizeBps} basis points (sign equally likely) to the log mid.</li>
 *   <li><b>Order-flow pressure.</b> Each instrument carries a hidden pressure {@code p} in {@code [-0.95, 0.95]},
 *       an AR(1) process updated on every QUOTE of that instrument ({@code p' = 0.8 p + 0.3 z'}, clamped; its
 *       stationary deviation is 0.5). The <em>next</em> mid move of the instrument gets the drift {@code 0.3 p s},
 *       where {@code p} is the pressure that was on display; it also tilts the aggressor side of trades
 *       ({@code P(buy) = 0.5 + 0.3 p}).</li>
 *   <li><b>Quotes.</b> The spread in ticks is {@code max(1, round(spreadTicks * f))} with {@code f} uniform in
 *       {@code [1, 3]} (skewed towards 3 in the high-volatility regime); it persists and is drawn again with
 *       probability 0.1 per quote. The bid is {@code round(mid - spread / 2)}, at least 1 tick, and the ask is bid
 *       plus spread, so a quote is never crossed or locked and the quoted mid is within half a tick of the latent
 *       mid. Sizes are {@code quoteSize * (1 + t) * u1} at the bid and {@code quoteSize * (1 - t) * u2} at the ask,
 *       with {@code u1, u2} uniform in {@code [0.5, 1.5)}, at least 1 lot.</li>
 *   <li><b>Why the book imbalance predicts the mid (the learnable part).</b> The size tilt is
 *       {@code t = clamp(0.5 x + 0.3 p, -0.9, 0.9)}, where {@code x} in {@code [-1, 1]} is where the latent mid sits
 *       in the half-tick band around the quoted mid ({@code +1}: just below the point where the quote ticks up).
 *       So a heavy bid means the latent price is near the next tick up and/or buying pressure is pushing it there:
 *       the next change of the quoted mid goes the way of the imbalance about 70-75 % of the time, and the
 *       imbalance {@code (bidQty - askQty) / (bidQty + askQty)} and the microprice's offset from the mid correlate
 *       with the log mid return over the next 1-20 quotes of the instrument at roughly 0.1-0.2. This is the
 *       familiar queue-imbalance effect of real markets, strong enough for a linear model on imbalance and
 *       microprice features to learn, and it decays with the horizon like the real one.</li>
 *   <li><b>Trades.</b> With probability {@code tradeProbability} an event is a TRADE instead of a QUOTE (unless the
 *       instrument has not quoted yet): a buy aggressor lifts the current ask, a sell aggressor hits the current
 *       bid, for a size uniform in {@code [1, displayed size]}. Trades do not move the mid or change the quote.</li>
 * </ul>
 *
 * <p>Headers: {@code sequence = 0}, {@code receiveTimeNs = 0} (both stamped later by the sequencer),
 * {@code sourceId = }{@link #SOURCE_ID}, {@code sourceSequence} counts this source's records from 1.
 *
 * <p>Every random draw comes from one {@link SplitMix64} seeded with {@code seed}, and all transcendental maths uses
 * {@link StrictMath} (or plain arithmetic), so the byte stream is a pure function of {@link Params}. No wall clock
 * is read.
 * {@link #next} allocates nothing.
 *
 * <p>Not thread-safe: owned by the thread that drives it (the backtest driver or a feed agent).
 *
 * <p>Over 500 lines: the parameter records and their validation are nested here (callers write SyntheticMarket.Params).
 */
public final class SyntheticMarket implements MarketDataSource
{
    /** The {@code sourceId} written in every header: the synthetic feed. */
    public static final int SOURCE_ID = 1;

    /** Largest record {@link #next} writes. */
    public static final int MAX_RECORD_LENGTH = Math.max(QuoteCodec.LENGTH, TradeCodec.LENGTH);

    /** Seconds in one trading year: 252 days of 6.5 hours. */
    public static final double TRADING_SECONDS_PER_YEAR = 252.0 * 6.5 * 3600.0;

    /** AR(1) coefficient of the hidden pressure per quote of the instrument. */
    public static final double PRESSURE_PERSISTENCE = 0.8;
    /** Stationary standard deviation of the hidden pressure (before clamping). */
    public static final double PRESSURE_STDEV = 0.5;
    /** Largest absolute pressure. */
    public static final double PRESSURE_LIMIT = 0.95;
    /** Per-quote innovation of the pressure, so that its stationary deviation is {@link #PRESSURE_STDEV}. */
    public static final double PRESSURE_INNOVATION =
        StrictMath.sqrt(1.0 - PRESSURE_PERSISTENCE * PRESSURE_PERSISTENCE) * PRESSURE_STDEV;
    /** How much the displayed sizes lean towards the pressure. */
    public static final double SIZE_TILT = 0.3;
    /** How much the displayed sizes lean towards the side of the quoted mid the latent mid sits on. */
    public static final double POSITION_TILT = 0.5;
    /** Largest size tilt: the light side keeps at least 10 % of the typical size (before noise). */
    public static final double MAX_TILT = 0.9;
    /** Probability per quote that the spread is drawn again (spreads persist between draws). */
    public static final double SPREAD_CHANGE_PROBABILITY = 0.1;
    /** Drift of the next mid move, in units of that move's standard deviation, per unit of pressure. */
    public static final double PRESSURE_DRIFT = 0.3;
    /** How much the pressure tilts the probability that a trade's aggressor is a buyer. */
    public static final double AGGRESSOR_TILT = 0.3;

    private static final double NS_PER_SECOND = 1e9;
    private static final double BPS = 1e-4;

    private final SplitMix64 random;
    private final double meanIntervalNs;
    private final double tradeProbability;
    private final double jumpProbability;
    private final double jumpSize;
    private final double regimeSwitchProbability;
    private final double highVolMultiplier;

    private final int[] instrumentIds;
    private final long[] priceScale;
    private final double[] varianceRatePerNs;
    private final long[] spreadTicks;
    private final long[] quoteSize;
    private final long[] spread;

    private final double[] mid;
    private final double[] pressure;
    private final long[] lastQuoteTimeNs;
    private final boolean[] quoted;
    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;

    private long nextTimeNs;
    private long sourceSequence;
    private boolean highVolatility;
    private long regimeSwitches;
    private long jumps;
    private long quotes;
    private long trades;

    /**
     * Instrument parameters.
     *
     * @param id instrument id written in headers, positive and unique.
     * @param priceScale ticks per unit of price, positive (a tick is {@code 1 / priceScale}).
     * @param qtyScale lots per unit of quantity, positive (kept for the caller's convenience; sizes are in lots).
     * @param startPrice starting mid price in currency units, positive.
     * @param annualVolatility annualised volatility of the log mid, e.g. 0.25 for 25 %, not negative.
     * @param spreadTicks base spread in ticks, at least 1; the quoted spread is 1 to 3 times this.
     * @param quoteSize typical displayed size at each side in lots, at least 1.
     */
    public record Instrument(
        int id,
        long priceScale,
        long qtyScale,
        double startPrice,
        double annualVolatility,
        long spreadTicks,
        long quoteSize)
    {
        /**
         * Validates the parameters.
         *
         * @throws IllegalArgumentException naming the first bad field.
         */
        public Instrument
        {
            require(id > 0, "id", id, "> 0");
            require(priceScale > 0, "priceScale", priceScale, "> 0");
            require(qtyScale > 0, "qtyScale", qtyScale, "> 0");
            require(startPrice > 0 && Double.isFinite(startPrice), "startPrice", startPrice, "finite and > 0");
            require(
                startPrice * priceScale < 1e15, "startPrice", startPrice, "< 1e15 ticks (startPrice * priceScale)");
            require(annualVolatility >= 0 && Double.isFinite(annualVolatility),
                "annualVolatility", annualVolatility, "finite and >= 0");
            require(spreadTicks >= 1, "spreadTicks", spreadTicks, ">= 1");
            require(quoteSize >= 1, "quoteSize", quoteSize, ">= 1");
        }

        private static void require(
            final boolean ok, final String field, final Object value, final String allowed)
        {
            if (!ok)
            {
                throw new IllegalArgumentException(
                    "SyntheticMarket.Instrument." + field + "=" + value + " must be " + allowed);
            }
        }
    }

    /**
     * Market parameters.
     *
     * @param seed seed of the random stream; equal parameters give byte-identical output.
     * @param startTimeNs the first event is strictly after this time.
     * @param meanIntervalNs mean time between consecutive events (all instruments together), at least 1.
     * @param tradeProbability probability that an event is a trade, in {@code [0, 1]}.
     * @param jumpProbability probability that a quote event carries a jump, in {@code [0, 1]}.
     * @param jumpSizeBps absolute size of a jump in basis points, in {@code [0, 5000]}.
     * @param regimeSwitchProbability probability per event that the volatility regime toggles, in {@code [0, 1]}.
     * @param highVolMultiplier volatility multiplier in the high-volatility regime, finite and {@code >= 1}.
     * @param instruments at least one instrument, ids unique.
     */
    // the array is copied in and out, and equals, hashCode and toString below compare and print its contents
    @SuppressWarnings("ArrayRecordComponent")
    public record Params(
        long seed,
        long startTimeNs,
        long meanIntervalNs,
        double tradeProbability,
        double jumpProbability,
        double jumpSizeBps,
        double regimeSwitchProbability,
        double highVolMultiplier,
        Instrument[] instruments)
    {
        /**
         * Validates the parameters and takes a private copy of the instrument array.
         *
         * @throws IllegalArgumentException naming the first bad field.
         */
        public Params
        {
            require(meanIntervalNs >= 1, "meanIntervalNs", meanIntervalNs, ">= 1");
            require(startTimeNs >= 0, "startTimeNs", startTimeNs, ">= 0");
            requireProbability(tradeProbability, "tradeProbability");
            requireProbability(jumpProbability, "jumpProbability");
            requireProbability(regimeSwitchProbability, "regimeSwitchProbability");
            require(jumpSizeBps >= 0 && jumpSizeBps <= 5000, "jumpSizeBps", jumpSizeBps, "in [0, 5000]");
            require(highVolMultiplier >= 1 && Double.isFinite(highVolMultiplier),
                "highVolMultiplier", highVolMultiplier, "finite and >= 1");
            if (instruments == null || instruments.length == 0)
            {
                throw new IllegalArgumentException("SyntheticMarket.Params.instruments must not be empty");
            }
            instruments = instruments.clone();
            for (int i = 0; i < instruments.length; i++)
            {
                if (instruments[i] == null)
                {
                    throw new IllegalArgumentException("SyntheticMarket.Params.instruments[" + i + "] is null");
                }
                for (int j = 0; j < i; j++)
                {
                    if (instruments[j].id() == instruments[i].id())
                    {
                        throw new IllegalArgumentException("SyntheticMarket.Params.instruments[" + i + "].id=" +
                            instruments[i].id() + " duplicates instruments[" + j + "].id");
                    }
                }
            }
        }

        /**
         * A copy of the instruments.
         *
         * @return the instruments, in the order given.
         */
        @Override
        public Instrument[] instruments()
        {
            return instruments.clone();
        }

        /**
         * The demo market: three instruments (ids 1, 2, 3) with prices in cents and whole-share lots, an event every
         * 100 µs on average, 15 % trades, rare 20 bp jumps and a high-volatility regime of three times the normal
         * volatility.
         *
         * @param seed the seed.
         * @param startTimeNs the start time.
         * @return the parameters.
         */
        public static Params demo(final long seed, final long startTimeNs)
        {
            return new Params(seed, startTimeNs, 100_000L, 0.15, 0.0005, 20.0, 0.0002, 3.0, new Instrument[]{
                new Instrument(1, 100, 1, 100.0, 0.25, 1, 500),
                new Instrument(2, 100, 1, 50.0, 0.40, 1, 800),
                new Instrument(3, 100, 1, 250.0, 0.20, 2, 300),
            });
        }

        private static void requireProbability(final double value, final String field)
        {
            require(value >= 0 && value <= 1, field, value, "in [0, 1]");
        }

        private static void require(final boolean ok, final String field, final Object value, final String allowed)
        {
            if (!ok)
            {
                throw new IllegalArgumentException(
                    "SyntheticMarket.Params." + field + "=" + value + " must be " + allowed);
            }
        }

        @Override
        public boolean equals(final Object other)
        {
            if (this == other)
            {
                return true;
            }
            if (!(other instanceof Params))
            {
                return false;
            }
            final Params that = (Params)other;
            return seed == that.seed && startTimeNs == that.startTimeNs && meanIntervalNs == that.meanIntervalNs &&
                Double.compare(tradeProbability, that.tradeProbability) == 0 &&
                Double.compare(jumpProbability, that.jumpProbability) == 0 &&
                Double.compare(jumpSizeBps, that.jumpSizeBps) == 0 &&
                Double.compare(regimeSwitchProbability, that.regimeSwitchProbability) == 0 &&
                Double.compare(highVolMultiplier, that.highVolMultiplier) == 0 &&
                Arrays.equals(instruments, that.instruments);
        }

        @Override
        public int hashCode()
        {
            int h = Long.hashCode(seed);
            h = 31 * h + Long.hashCode(startTimeNs);
            h = 31 * h + Long.hashCode(meanIntervalNs);
            return 31 * h + Arrays.hashCode(instruments);
        }

        @Override
        public String toString()
        {
            return "Params[seed=" + seed + ", startTimeNs=" + startTimeNs + ", meanIntervalNs=" + meanIntervalNs +
                ", tradeProbability=" + tradeProbability + ", jumpProbability=" + jumpProbability +
                ", jumpSizeBps=" + jumpSizeBps + ", regimeSwitchProbability=" + regimeSwitchProbability +
                ", highVolMultiplier=" + highVolMultiplier + ", instruments=" +
                Arrays.toString(instruments) + "]";
        }
    }

    /**
     * Creates the market at its start time; nothing is generated until {@link #next} is called.
     *
     * @param params the parameters.
     */
    public SyntheticMarket(final Params params)
    {
        final Instrument[] instruments = params.instruments();
        final int n = instruments.length;
        this.random = new SplitMix64(params.seed());
        this.meanIntervalNs = params.meanIntervalNs();
        this.tradeProbability = params.tradeProbability();
        this.jumpProbability = params.jumpProbability();
        this.jumpSize = params.jumpSizeBps() * BPS;
        this.regimeSwitchProbability = params.regimeSwitchProbability();
        this.highVolMultiplier = params.highVolMultiplier();

        instrumentIds = new int[n];
        priceScale = new long[n];
        varianceRatePerNs = new double[n];
        spreadTicks = new long[n];
        quoteSize = new long[n];
        spread = new long[n];
        mid = new double[n];
        pressure = new double[n];
        lastQuoteTimeNs = new long[n];
        quoted = new boolean[n];
        bidPrice = new long[n];
        bidQty = new long[n];
        askPrice = new long[n];
        askQty = new long[n];
        for (int i = 0; i < n; i++)
        {
            final Instrument instrument = instruments[i];
            instrumentIds[i] = instrument.id();
            priceScale[i] = instrument.priceScale();
            final double vol = instrument.annualVolatility();
            varianceRatePerNs[i] = vol * vol / (TRADING_SECONDS_PER_YEAR * NS_PER_SECOND);
            spreadTicks[i] = instrument.spreadTicks();
            quoteSize[i] = instrument.quoteSize();
            mid[i] = instrument.startPrice() * instrument.priceScale();
            lastQuoteTimeNs[i] = params.startTimeNs();
        }
        nextTimeNs = params.startTimeNs() + drawIntervalNs();
    }

    /**
     * Event time of the record the next call to {@link #next} will write.
     *
     * @return nanoseconds, strictly greater than every earlier event's time.
     */
    @Override
    public long peekTimeNs()
    {
        return nextTimeNs;
    }

    /**
     * Writes the next event (a QUOTE or a TRADE record with a complete header) and advances the market.
     *
     * @param buffer target buffer, with at least {@link #MAX_RECORD_LENGTH} bytes free at {@code offset}.
     * @param offset where the record starts.
     * @return the record's length in bytes.
     */
    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        final long timeNs = nextTimeNs;
        if (random.nextDouble() < regimeSwitchProbability)
        {
            highVolatility = !highVolatility;
            regimeSwitches++;
        }

        final int i = random.nextInt(instrumentIds.length);
        final int length;
        if (quoted[i] && random.nextDouble() < tradeProbability)
        {
            length = writeTrade(buffer, offset, i, timeNs);
        }
        else
        {
            length = writeQuote(buffer, offset, i, timeNs);
        }

        nextTimeNs = timeNs + drawIntervalNs();
        return length;
    }

    private int writeQuote(final MutableDirectBuffer buffer, final int offset, final int i, final long timeNs)
    {
        final double multiplier = highVolatility ? highVolMultiplier : 1.0;
        final double dtNs = (double)(timeNs - lastQuoteTimeNs[i]);
        final double s = StrictMath.sqrt(varianceRatePerNs[i] * dtNs) * multiplier;
        final double p = pressure[i];

        double logReturn = PRESSURE_DRIFT * p * s - 0.5 * s * s + s * random.nextGaussian();
        if (random.nextDouble() < jumpProbability)
        {
            logReturn += (random.nextLong() < 0) ? -jumpSize : jumpSize;
            jumps++;
        }
        mid[i] *= exp(logReturn);
        lastQuoteTimeNs[i] = timeNs;

        double nextPressure = PRESSURE_PERSISTENCE * p + PRESSURE_INNOVATION * random.nextGaussian();
        nextPressure = Math.max(-PRESSURE_LIMIT, Math.min(PRESSURE_LIMIT, nextPressure));
        pressure[i] = nextPressure;

        if (spread[i] == 0 || random.nextDouble() < SPREAD_CHANGE_PROBABILITY)
        {
            double u = random.nextDouble();
            if (highVolatility)
            {
                u = StrictMath.sqrt(u);
            }
            spread[i] = Math.max(1L, roundHalfUp(spreadTicks[i] * (1.0 + 2.0 * u)));
        }
        final long spreadNow = spread[i];
        final long bid = Math.max(1L, roundHalfUp(mid[i] - 0.5 * spreadNow));
        final long ask = bid + spreadNow;

        // where the latent mid sits in the half-tick band around the quoted mid: +1 just below the next tick up
        final double position = Math.max(-1.0, Math.min(1.0, 2.0 * (mid[i] - (bid + 0.5 * spreadNow))));
        final double tilt =
            Math.max(-MAX_TILT, Math.min(MAX_TILT, POSITION_TILT * position + SIZE_TILT * nextPressure));
        final double typical = quoteSize[i];
        final long bidSize = Math.max(1L, roundHalfUp(typical * (1.0 + tilt) * (0.5 + random.nextDouble())));
        final long askSize = Math.max(1L, roundHalfUp(typical * (1.0 - tilt) * (0.5 + random.nextDouble())));

        quoted[i] = true;
        bidPrice[i] = bid;
        bidQty[i] = bidSize;
        askPrice[i] = ask;
        askQty[i] = askSize;
        quotes++;

        Header.write(buffer, offset, QuoteCodec.TYPE, QuoteCodec.LENGTH, instrumentIds[i], 0L, timeNs, 0L,
            SOURCE_ID, ++sourceSequence);
        QuoteCodec.bidPrice(buffer, offset, bid);
        QuoteCodec.bidQty(buffer, offset, bidSize);
        QuoteCodec.askPrice(buffer, offset, ask);
        QuoteCodec.askQty(buffer, offset, askSize);
        return QuoteCodec.LENGTH;
    }

    /**
     * {@code e^x}: a fourth-order Taylor polynomial for the tiny per-event returns (relative error below 1e-16 for
     * {@code |x| < 1e-3}), {@link StrictMath#exp} otherwise. Both are reproducible bit for bit.
     */
    private static double exp(final double x)
    {
        if (x > -1e-3 && x < 1e-3)
        {
            return 1.0 + x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0))));
        }
        return StrictMath.exp(x);
    }

    private int writeTrade(final MutableDirectBuffer buffer, final int offset, final int i, final long timeNs)
    {
        final boolean buyAggressor = random.nextDouble() < 0.5 + AGGRESSOR_TILT * pressure[i];
        final long price = buyAggressor ? askPrice[i] : bidPrice[i];
        final long displayed = buyAggressor ? askQty[i] : bidQty[i];
        final long qty = 1L + (long)(random.nextDouble() * displayed);
        trades++;

        Header.write(buffer, offset, TradeCodec.TYPE, TradeCodec.LENGTH, instrumentIds[i], 0L, timeNs, 0L,
            SOURCE_ID, ++sourceSequence);
        TradeCodec.price(buffer, offset, price);
        TradeCodec.qty(buffer, offset, Math.min(qty, displayed));
        TradeCodec.aggressorSide(buffer, offset, buyAggressor ? Side.BUY : Side.SELL);
        // the record is 72 bytes but the codec fields end at 65: zero the padding so output bytes are defined
        for (int pad = TradeCodec.AGGRESSOR_SIDE_OFFSET + 1; pad < TradeCodec.LENGTH; pad++)
        {
            buffer.putByte(offset + pad, (byte)0);
        }
        return TradeCodec.LENGTH;
    }

    private long drawIntervalNs()
    {
        final double interval = random.nextExponential(meanIntervalNs);
        return interval < 1.0 ? 1L : (interval >= 1e15 ? 1_000_000_000_000_000L : (long)interval);
    }

    private static long roundHalfUp(final double value)
    {
        return (long)Math.floor(value + 0.5);
    }

    /**
     * Whether the market is in the high-volatility regime (after the last event written).
     *
     * @return true in the high-volatility regime.
     */
    public boolean highVolatility()
    {
        return highVolatility;
    }

    /**
     * How many times the regime has switched so far.
     *
     * @return the count.
     */
    public long regimeSwitches()
    {
        return regimeSwitches;
    }

    /**
     * How many jumps have happened so far.
     *
     * @return the count.
     */
    public long jumps()
    {
        return jumps;
    }

    /**
     * How many QUOTE records have been written.
     *
     * @return the count.
     */
    public long quotes()
    {
        return quotes;
    }

    /**
     * How many TRADE records have been written.
     *
     * @return the count.
     */
    public long trades()
    {
        return trades;
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return instrumentIds.length;
    }

    /**
     * The id of the instrument at an index (in the order of {@link Params#instruments()}).
     *
     * @param index the index.
     * @return the instrument id.
     */
    public int instrumentId(final int index)
    {
        return instrumentIds[index];
    }

    /**
     * The current (unrounded) mid price of the instrument at an index, in ticks.
     *
     * @param index the index.
     * @return the mid in ticks.
     */
    public double midTicks(final int index)
    {
        return mid[index];
    }

    /**
     * The current hidden order-flow pressure of the instrument at an index, for tests and diagnostics.
     *
     * @param index the index.
     * @return the pressure in {@code [-0.95, 0.95]}.
     */
    public double pressure(final int index)
    {
        return pressure[index];
    }
}
