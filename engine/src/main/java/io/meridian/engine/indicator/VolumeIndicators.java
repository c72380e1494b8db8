package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Volume indicators: OBV, Chaikin accumulation/distribution, Chaikin money flow, VWAP (session and rolling) and the
 * volume z-score.
 */
public final class VolumeIndicators
{
    /** TTR treats a close-to-close log change below sqrt(machine epsilon) as no change. */
    private static final double NO_CHANGE = Math.sqrt(Math.ulp(1.0));

    private VolumeIndicators()
    {
    }

    /**
     * Close location value ((C - L) - (H - C)) / (H - L), 0 when the range is 0 ({@code TTR::CLV}).
     *
     * @param high  high.
     * @param low   low.
     * @param close close.
     * @return the CLV in [-1, 1].
     */
    public static double closeLocation(final double high, final double low, final double close)
    {
        final double clv = ((close - low) - (high - close)) / (high - low);
        return Double.isFinite(clv) ? clv : 0;
    }

    /**
     * On-balance volume ({@code TTR::OBV}): starts at the first bar's volume, then adds the volume when the close rose,
     * subtracts it when it fell, and adds nothing when the close-to-close log change is below sqrt(machine epsilon).
     * Name {@code obv}.
     */
    public static final class Obv extends BarIndicator
    {
        private double previousClose = Double.NaN;
        private double total;

        /** OBV. */
        public Obv()
        {
            super("obv");
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (Double.isNaN(previousClose))
            {
                total = volume;
            }
            else
            {
                final double change = Math.log(close) - Math.log(previousClose);
                if (Math.abs(change) >= NO_CHANGE)
                {
                    total += change > 0 ? volume : -volume;
                }
            }
            previousClose = close;
            set(0, total);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            StateValues.putDouble(out, previousClose);
            StateValues.putDouble(out, total);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            previousClose = StateValues.getDouble(in, i++);
            total = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** Chaikin accumulation/distribution line ({@code TTR::chaikinAD}): cumulative CLV * volume; {@code chaikin_ad}. */
    public static final class ChaikinAd extends BarIndicator
    {
        private double total;

        /** The A/D line. */
        public ChaikinAd()
        {
            super("chaikin_ad");
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            total += closeLocation(high, low, close) * volume;
            set(0, total);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            StateValues.putDouble(out, total);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            total = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** Chaikin money flow ({@code TTR::CMF}): sum(CLV * volume) / sum(volume) over n bars. Name {@code cmf_n}. */
    public static final class Cmf extends BarIndicator
    {
        private final RollingSum flow;
        private final RollingSum volumes;

        /**
         * CMF.
         *
         * @param n the window.
         */
        public Cmf(final int n)
        {
            super("cmf_" + n);
            flow = new RollingSum(n);
            volumes = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, flow.update(closeLocation(high, low, close) * volume) / volumes.update(volume));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            flow.saveState(out);
            volumes.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = flow.loadState(in, i);
            i = volumes.loadState(in, i);
            return i;
        }
    }

    /**
     * Rolling VWAP of the typical price (H + L + C) / 3 over n bars: sum(tp * volume) / sum(volume)
     * ({@code TTR::VWAP} given the typical price). Name {@code vwap_n}.
     */
    public static final class RollingVwap extends BarIndicator
    {
        private final RollingSum value;
        private final RollingSum volumes;

        /**
         * Rolling VWAP.
         *
         * @param n the window.
         */
        public RollingVwap(final int n)
        {
            super("vwap_" + n);
            value = new RollingSum(n);
            volumes = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double tp = (high + low + close) / 3;
            set(0, value.update(tp * volume) / volumes.update(volume));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            value.saveState(out);
            volumes.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = value.loadState(in, i);
            i = volumes.loadState(in, i);
            return i;
        }
    }

    /**
     * Session VWAP: cumulative sum(tp * volume) / sum(volume) of the typical price since the first bar of the bar's
     * session, restarting when the session changes (TTR has none; its reference is the cumulative sums per session in
     * R). {@code NaN} while the session has traded no volume. Name {@code vwap_session}.
     */
    public static final class SessionVwap extends BarIndicator
    {
        private long currentSession = Long.MIN_VALUE;
        private boolean started;
        private double value;
        private double volumes;

        /** Session VWAP. */
        public SessionVwap()
        {
            super("vwap_session");
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (!started || session != currentSession)
            {
                started = true;
                currentSession = session;
                value = 0;
                volumes = 0;
            }
            value += (high + low + close) / 3 * volume;
            volumes += volume;
            set(0, volumes > 0 ? value / volumes : Double.NaN);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            out.addLong(currentSession);
            StateValues.putBoolean(out, started);
            StateValues.putDouble(out, value);
            StateValues.putDouble(out, volumes);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            currentSession = in[i++];
            started = in[i++] != 0;
            value = StateValues.getDouble(in, i++);
            volumes = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Volume z-score: (volume - mean) / sample SD of volume over n bars including this one (SPEC b17; reference
     * {@code (v - runMean(v, n)) / runSD(v, n)}). Name {@code volume_zscore_n}.
     */
    public static final class VolumeZScore extends BarIndicator
    {
        private final RollingMoments moments;

        /**
         * Volume z-score.
         *
         * @param n the window, at least 2.
         */
        public VolumeZScore(final int n)
        {
            super("volume_zscore_" + n);
            moments = new RollingMoments(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            moments.update(volume);
            set(0, (volume - moments.mean()) / Math.sqrt(moments.sampleVariance()));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            moments.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = moments.loadState(in, i);
            return i;
        }
    }
}
