package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Microstructure features over an instrument's L1 quotes and trades, fed in event order. "Prevailing quote" means
 * the last quote before the trade in the sequenced stream (no clock lag is applied, unlike Lee and Ready's 5-second
 * rule for delayed quote feeds: here quotes and trades come from one sequenced feed). Spreads are relative to the mid
 * (fractions: multiply by 10,000 for basis points).
 *
 * <p>Over 500 lines: the twelve microstructure features are small and share the prevailing-quote conventions stated
 * once above; one class per file would scatter them. Each carries its engine-state snapshot methods (issue 9).
 */
public final class Microstructure
{
    private Microstructure()
    {
    }

    /** Holds the prevailing quote for the features that need it. */
    abstract static class QuoteAware extends TickIndicator
    {
        double bid = Double.NaN;
        double ask = Double.NaN;
        double bidQty;
        double askQty;

        QuoteAware(final String name)
        {
            super(name);
        }

        final double mid()
        {
            return 0.5 * (bid + ask);
        }

        final void remember(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            bid = newBid;
            bidQty = newBidQty;
            ask = newAsk;
            askQty = newAskQty;
        }

        /**
         * Appends this object's state to an engine-state snapshot (issue 9).
         *
         * @param out the snapshot values.
         */
        final void saveQuote(final LongArrayList out)
        {
            StateValues.putDouble(out, bid);
            StateValues.putDouble(out, ask);
            StateValues.putDouble(out, bidQty);
            StateValues.putDouble(out, askQty);
        }

        /**
         * Replaces this object's state with a snapshot's ({@link #saveQuote}).
         *
         * @param in the snapshot values.
         * @param at where this object's state starts.
         * @return where the next state starts.
         */
        final int loadQuote(final long[] in, final int at)
        {
            int i = at;
            bid = StateValues.getDouble(in, i++);
            ask = StateValues.getDouble(in, i++);
            bidQty = StateValues.getDouble(in, i++);
            askQty = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** Quoted spread (ask - bid) / mid of the latest quote (SPEC b24). Name {@code quoted_spread}. */
    public static final class QuotedSpread extends TickIndicator
    {
        /** The quoted spread. */
        public QuotedSpread()
        {
            super("quoted_spread");
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            set((ask - bid) / (0.5 * (bid + ask)));
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            // a trade does not change the quote
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            return at;
        }
    }

    /**
     * Effective spread of the latest trade, {@code 2 |price - mid| / mid} against the prevailing quote (SPEC b23);
     * undefined before the first quote. Name {@code effective_spread}.
     */
    public static final class EffectiveSpread extends QuoteAware
    {
        /** The effective spread. */
        public EffectiveSpread()
        {
            super("effective_spread");
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            remember(newBid, newBidQty, newAsk, newAskQty);
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            final double mid = mid();
            set(2 * Math.abs(price - mid) / mid);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            return i;
        }
    }

    /**
     * Realized spread {@code 2 d (price - mid') / mid} of the latest trade whose horizon has passed: d is the trade's
     * Lee-Ready sign, mid the prevailing mid at the trade and mid' the mid once {@code horizon} further quotes have
     * arrived (the price impact is measured that many quote updates later, so the value is known only then: it is
     * published at that later quote, never before). At most 1024 trades wait for their horizon; older ones are
     * dropped (their spread is never published). Name {@code realized_spread_h}.
     */
    public static final class RealizedSpread extends QuoteAware
    {
        private static final int PENDING = 1024;
        private final int horizon;
        private final TickRule rule = new TickRule();
        private final double[] prices = new double[PENDING];
        private final double[] mids = new double[PENDING];
        private final int[] signs = new int[PENDING];
        private final long[] due = new long[PENDING];
        private int head;
        private int size;
        private long quotes;

        /**
         * Realized spread.
         *
         * @param horizon quote updates after the trade at which the mid is read, at least 1.
         */
        public RealizedSpread(final int horizon)
        {
            super("realized_spread_" + horizon);
            if (horizon < 1)
            {
                throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
            }
            this.horizon = horizon;
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            remember(newBid, newBidQty, newAsk, newAskQty);
            quotes++;
            final double later = mid();
            while (size > 0 && due[head] <= quotes)
            {
                set(2 * signs[head] * (prices[head] - later) / mids[head]);
                head = (head + 1) % PENDING;
                size--;
            }
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            final double mid = mid();
            final int sign = rule.leeReady(price, mid);
            if (Double.isNaN(mid) || sign == 0)
            {
                return;
            }
            if (size == PENDING)
            {
                head = (head + 1) % PENDING;
                size--;
            }
            final int slot = (head + size) % PENDING;
            prices[slot] = price;
            mids[slot] = mid;
            signs[slot] = sign;
            due[slot] = quotes + horizon;
            size++;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
            rule.saveState(out);
            StateValues.putDoubles(out, prices);
            StateValues.putDoubles(out, mids);
            StateValues.putInts(out, signs);
            StateValues.putLongs(out, due);
            out.addLong(head);
            out.addLong(size);
            out.addLong(quotes);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            i = rule.loadState(in, i);
            i = StateValues.getDoubles(in, i, prices);
            i = StateValues.getDoubles(in, i, mids);
            i = StateValues.getInts(in, i, signs);
            i = StateValues.getLongs(in, i, due);
            head = (int)in[i++];
            size = (int)in[i++];
            quotes = in[i++];
            return i;
        }
    }

    /**
     * Order-flow imbalance (Cont, Kukanov and Stoikov, 2014) summed over the last n quote updates: each update
     * contributes {@code e = [b >= b0] q_b - [b <= b0] q_b0 - [a <= a0] q_a + [a >= a0] q_a0} (b, a best bid and ask
     * price, q their sizes, 0 the previous quote). Name {@code ofi_n}.
     */
    public static final class OrderFlowImbalance extends QuoteAware
    {
        private final RollingSum sum;

        /**
         * OFI.
         *
         * @param n quote updates summed.
         */
        public OrderFlowImbalance(final int n)
        {
            super("ofi_" + n);
            sum = new RollingSum(n);
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            if (!Double.isNaN(bid))
            {
                double e = 0;
                if (newBid >= bid)
                {
                    e += newBidQty;
                }
                if (newBid <= bid)
                {
                    e -= bidQty;
                }
                if (newAsk <= ask)
                {
                    e -= newAskQty;
                }
                if (newAsk >= ask)
                {
                    e += askQty;
                }
                set(sum.update(e));
            }
            remember(newBid, newBidQty, newAsk, newAskQty);
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            // OFI is defined on quote updates
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
            sum.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            i = sum.loadState(in, i);
            return i;
        }
    }

    /** Trade sign by the tick rule ({@link TickRule}), 0 until the price first changes; {@code trade_sign_tick}. */
    public static final class TradeSignTick extends TickIndicator
    {
        private final TickRule rule = new TickRule();

        /** The tick-rule sign. */
        public TradeSignTick()
        {
            super("trade_sign_tick");
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            // the tick rule uses trades only
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            set(rule.classify(price));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            rule.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = rule.loadState(in, i);
            return i;
        }
    }

    /** Trade sign by Lee and Ready ({@link TickRule#leeReady}). Name {@code trade_sign_lr}. */
    public static final class TradeSignLeeReady extends QuoteAware
    {
        private final TickRule rule = new TickRule();

        /** The Lee-Ready sign. */
        public TradeSignLeeReady()
        {
            super("trade_sign_lr");
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            remember(newBid, newBidQty, newAsk, newAskQty);
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            set(rule.leeReady(price, mid()));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
            rule.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            i = rule.loadState(in, i);
            return i;
        }
    }

    /** Signed volume: sum of Lee-Ready sign times size over the last n trades. Name {@code signed_volume_n}. */
    public static final class SignedVolume extends QuoteAware
    {
        private final TickRule rule = new TickRule();
        private final RollingSum sum;

        /**
         * Signed volume.
         *
         * @param n trades summed.
         */
        public SignedVolume(final int n)
        {
            super("signed_volume_" + n);
            sum = new RollingSum(n);
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            remember(newBid, newBidQty, newAsk, newAskQty);
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            set(sum.update(rule.leeReady(price, mid()) * qty));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
            rule.saveState(out);
            sum.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            i = rule.loadState(in, i);
            i = sum.loadState(in, i);
            return i;
        }
    }

    /**
     * VPIN (Easley, López de Prado and O'Hara), streaming: trade volume, signed by the tick rule (SPEC b26), fills
     * buckets of {@code bucketVolume}, a trade split across buckets where it crosses a boundary; VPIN =
     * sum of |buy - sell| over the last {@code buckets} full buckets / (buckets * bucketVolume). Trades before the
     * first price change (no tick-rule sign yet) are not counted. Name {@code vpin_v_b}.
     */
    public static final class Vpin extends TickIndicator
    {
        private final TickRule rule = new TickRule();
        private final double bucketVolume;
        private final int buckets;
        private final RollingSum imbalances;
        private double filled;
        private double buy;
        private double sell;

        /**
         * VPIN.
         *
         * @param bucketVolume volume per bucket.
         * @param buckets      buckets averaged.
         */
        public Vpin(final double bucketVolume, final int buckets)
        {
            super("vpin_" + IndicatorCatalogue.format(bucketVolume) + "_" + buckets);
            this.bucketVolume = bucketVolume;
            this.buckets = buckets;
            imbalances = new RollingSum(buckets);
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            // VPIN uses trades only
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            final int sign = rule.classify(price);
            if (sign == 0)
            {
                return;
            }
            double remaining = qty;
            while (remaining > 0)
            {
                final double take = Math.min(remaining, bucketVolume - filled);
                if (sign > 0)
                {
                    buy += take;
                }
                else
                {
                    sell += take;
                }
                filled += take;
                remaining -= take;
                if (filled >= bucketVolume)
                {
                    set(imbalances.update(Math.abs(buy - sell)) / (buckets * bucketVolume));
                    filled = 0;
                    buy = 0;
                    sell = 0;
                }
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            rule.saveState(out);
            imbalances.saveState(out);
            StateValues.putDouble(out, filled);
            StateValues.putDouble(out, buy);
            StateValues.putDouble(out, sell);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = rule.loadState(in, i);
            i = imbalances.loadState(in, i);
            filled = StateValues.getDouble(in, i++);
            buy = StateValues.getDouble(in, i++);
            sell = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Kyle's lambda, rolling: the OLS slope of the change in the prevailing mid between consecutive trades on the
     * trade's signed volume (Lee-Ready sign times size), over the last n trades (SPEC b27). Name
     * {@code kyle_lambda_n}.
     */
    public static final class KyleLambda extends QuoteAware
    {
        private final TickRule rule = new TickRule();
        private final int n;
        private final RollingSum sx;
        private final RollingSum sy;
        private final RollingSum sxx;
        private final RollingSum sxy;
        private double previousMid = Double.NaN;

        /**
         * Kyle's lambda.
         *
         * @param n trades in the regression, at least 2.
         */
        public KyleLambda(final int n)
        {
            super("kyle_lambda_" + n);
            this.n = n;
            sx = new RollingSum(n);
            sy = new RollingSum(n);
            sxx = new RollingSum(n);
            sxy = new RollingSum(n);
        }

        @Override
        public void onQuote(final double newBid, final double newBidQty, final double newAsk, final double newAskQty)
        {
            remember(newBid, newBidQty, newAsk, newAskQty);
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            final double mid = mid();
            final double x = rule.leeReady(price, mid) * qty;
            if (!Double.isNaN(previousMid) && !Double.isNaN(mid))
            {
                final double y = mid - previousMid;
                final double sumX = sx.update(x);
                final double sumY = sy.update(y);
                final double sumXx = sxx.update(x * x);
                final double sumXy = sxy.update(x * y);
                set((n * sumXy - sumX * sumY) / (n * sumXx - sumX * sumX));
            }
            previousMid = mid;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            saveQuote(out);
            rule.saveState(out);
            sx.saveState(out);
            sy.saveState(out);
            sxx.saveState(out);
            sxy.saveState(out);
            StateValues.putDouble(out, previousMid);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = loadQuote(in, i);
            i = rule.loadState(in, i);
            i = sx.loadState(in, i);
            i = sy.loadState(in, i);
            i = sxx.loadState(in, i);
            i = sxy.loadState(in, i);
            previousMid = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Amihud illiquidity per trade, averaged over the last n trades: |ln(p / p_prev)| / (p * size), the absolute
     * trade-to-trade log return per unit of traded value (Amihud 2002 uses daily returns over daily dollar volume;
     * this is its trade-level form). Name {@code amihud_n}.
     */
    public static final class Amihud extends TickIndicator
    {
        private final int n;
        private final RollingSum sum;
        private double previousPrice = Double.NaN;

        /**
         * Amihud illiquidity.
         *
         * @param n trades averaged.
         */
        public Amihud(final int n)
        {
            super("amihud_" + n);
            this.n = n;
            sum = new RollingSum(n);
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            // Amihud uses trades only
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            if (!Double.isNaN(previousPrice))
            {
                set(sum.update(Math.abs(Math.log(price / previousPrice)) / (price * qty)) / n);
            }
            previousPrice = price;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            sum.saveState(out);
            StateValues.putDouble(out, previousPrice);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = sum.loadState(in, i);
            previousPrice = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** Microprice (bid * askQty + ask * bidQty) / (bidQty + askQty) of the latest quote. Name {@code microprice}. */
    public static final class Microprice extends TickIndicator
    {
        /** The microprice. */
        public Microprice()
        {
            super("microprice");
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            set((bid * askQty + ask * bidQty) / (bidQty + askQty));
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            // a trade does not change the quote
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            return at;
        }
    }

    /** L1 imbalance (bidQty - askQty) / (bidQty + askQty) of the latest quote. Name {@code l1_imbalance}. */
    public static final class L1Imbalance extends TickIndicator
    {
        /** The L1 imbalance. */
        public L1Imbalance()
        {
            super("l1_imbalance");
        }

        @Override
        public void onQuote(final double bid, final double bidQty, final double ask, final double askQty)
        {
            set((bidQty - askQty) / (bidQty + askQty));
        }

        @Override
        public void onTrade(final double price, final double qty)
        {
            // a trade does not change the quote
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            return at;
        }
    }
}
