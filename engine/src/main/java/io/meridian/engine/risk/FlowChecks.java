package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Order flow over time and the calendar: duplicates (e13), the session's order value (e7), the order rate (e6), the
 * RTS 6 message-rate and order-to-trade-ratio throttles, the CRISIS regime gate (e19), the event gate (e24) and the
 * pattern-day-trader rule (e23). Windows are in event time.
 */
final class FlowChecks
{
    static final long ONE_SECOND_NS = 1_000_000_000L;

    private FlowChecks()
    {
    }

    /**
     * Order messages (new and cancel) and fills, for the RTS 6 checks: a ring of the last message times, and session
     * totals. Fed by the order stage; reset at each session start.
     */
    static final class FlowCounters
    {
        final long[] messageTimes;
        int messageCursor;
        long sessionMessages;
        long sessionFills;

        FlowCounters(final int maxMessagesPerSecond)
        {
            messageTimes = new long[maxMessagesPerSecond];
            Arrays.fill(messageTimes, Long.MIN_VALUE);
        }

        void onMessage(final long nowNs)
        {
            messageTimes[messageCursor] = nowNs;
            messageCursor = messageCursor + 1 == messageTimes.length ? 0 : messageCursor + 1;
            sessionMessages++;
        }

        /**
         * Messages within the trailing second before {@code nowNs}, counted from the ring (at most its length).
         */
        int messagesInLastSecond(final long nowNs)
        {
            int count = 0;
            for (final long t : messageTimes)
            {
                if (t != Long.MIN_VALUE && nowNs - t < ONE_SECOND_NS)
                {
                    count++;
                }
            }
            return count;
        }

        /**
         * Appends this object's state to an engine-state snapshot (issue 9).
         *
         * @param out the snapshot values.
         */
        void saveState(final LongArrayList out)
        {
            StateValues.putLongs(out, messageTimes);
            out.addLong(messageCursor);
            out.addLong(sessionMessages);
            out.addLong(sessionFills);
        }

        /**
         * Replaces this object's state with a snapshot's ({@link #saveState}).
         *
         * @param in the snapshot values.
         * @param at where this object's state starts.
         * @return where the next state starts.
         */
        int loadState(final long[] in, final int at)
        {
            int i = at;
            i = StateValues.getLongs(in, i, messageTimes);
            messageCursor = (int)in[i++];
            sessionMessages = in[i++];
            sessionFills = in[i++];
            return i;
        }
    }

    /** e13: the same instrument, side, quantity and price accepted within the window (value: ms since then). */
    static final class Duplicate extends RiskCheck
    {
        private static final int REMEMBERED = 8;
        private final long windowNs;
        private final long[][] keys;
        private final long[][] times;
        private final int[] cursor;

        Duplicate(final long windowMs, final int instruments)
        {
            super(RejectReason.RISK_DUPLICATE, "risk.duplicateWindowMs", "e13", LOWER_BOUND);
            this.windowNs = windowMs * 1_000_000L;
            keys = new long[instruments][REMEMBERED];
            times = new long[instruments][REMEMBERED];
            cursor = new int[instruments];
            for (final long[] t : times)
            {
                Arrays.fill(t, Long.MIN_VALUE);
            }
        }

        private static long key(final OrderContext o)
        {
            return (o.signedQty * 31 + o.price) * 31 + o.side;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final long key = key(o);
            long newest = Long.MIN_VALUE;
            for (int i = 0; i < REMEMBERED; i++)
            {
                if (times[o.index][i] != Long.MIN_VALUE && keys[o.index][i] == key)
                {
                    newest = Math.max(newest, times[o.index][i]);
                }
            }
            o.limit = windowNs / 1e6;
            if (newest == Long.MIN_VALUE)
            {
                o.value = Double.POSITIVE_INFINITY;
                return true;
            }
            final long elapsedNs = o.nowNs - newest;
            o.value = elapsedNs / 1e6;
            return elapsedNs >= windowNs;
        }

        @Override
        public void onAccepted(final OrderContext o)
        {
            final int c = cursor[o.index];
            keys[o.index][c] = key(o);
            times[o.index][c] = o.nowNs;
            cursor[o.index] = (c + 1) % REMEMBERED;
        }

        @Override
        public double configuredLimit()
        {
            return windowNs / 1e6;
        }

        @Override
        public boolean enabled()
        {
            return windowNs > 0;
        }

        @Override
        public void saveState(final LongArrayList out)
        {
            for (final long[] row : keys)
            {
                StateValues.putLongs(out, row);
            }
            for (final long[] row : times)
            {
                StateValues.putLongs(out, row);
            }
            StateValues.putInts(out, cursor);
        }

        @Override
        public int loadState(final long[] in, final int at)
        {
            int i = at;
            for (final long[] row : keys)
            {
                i = StateValues.getLongs(in, i, row);
            }
            for (final long[] row : times)
            {
                i = StateValues.getLongs(in, i, row);
            }
            i = StateValues.getInts(in, i, cursor);
            return i;
        }
    }

    /** e7: accepted order value in the session, this order included, currency. */
    static final class DailyOrderValue extends RiskCheck
    {
        private final double max;
        private double sessionValue;

        DailyOrderValue(final double max)
        {
            super(RejectReason.RISK_DAILY_ORDER_VALUE, "risk.maxDailyOrderValue", "e7", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, sessionValue + o.notional, max);
        }

        @Override
        public void onAccepted(final OrderContext o)
        {
            sessionValue += o.notional;
        }

        @Override
        public void onSessionStart()
        {
            sessionValue = 0;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }

        @Override
        public void saveState(final LongArrayList out)
        {
            StateValues.putDouble(out, sessionValue);
        }

        @Override
        public int loadState(final long[] in, final int at)
        {
            int i = at;
            sessionValue = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** e6: accepted orders in any trailing second, this order included. */
    static final class OrderRate extends RiskCheck
    {
        private final long[] acceptedTimes;
        private int cursor;

        OrderRate(final int maxPerSecond)
        {
            super(RejectReason.RISK_ORDER_RATE, "risk.maxOrdersPerSecond", "e6", UPPER_BOUND);
            acceptedTimes = new long[maxPerSecond];
            Arrays.fill(acceptedTimes, Long.MIN_VALUE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            int count = 1;
            for (final long t : acceptedTimes)
            {
                if (t != Long.MIN_VALUE && o.nowNs - t < ONE_SECOND_NS)
                {
                    count++;
                }
            }
            return atMost(o, count, acceptedTimes.length);
        }

        @Override
        public void onAccepted(final OrderContext o)
        {
            acceptedTimes[cursor] = o.nowNs;
            cursor = cursor + 1 == acceptedTimes.length ? 0 : cursor + 1;
        }

        @Override
        public double configuredLimit()
        {
            return acceptedTimes.length;
        }

        @Override
        public void saveState(final LongArrayList out)
        {
            StateValues.putLongs(out, acceptedTimes);
            out.addLong(cursor);
        }

        @Override
        public int loadState(final long[] in, final int at)
        {
            int i = at;
            i = StateValues.getLongs(in, i, acceptedTimes);
            cursor = (int)in[i++];
            return i;
        }
    }

    /** RTS 6 Art. 15/17: order messages (new and cancel) in any trailing second, this order included: throttle. */
    static final class MessageRate extends RiskCheck
    {
        private final FlowCounters counters;

        MessageRate(final FlowCounters counters)
        {
            super(RejectReason.RISK_THROTTLE_MESSAGE_RATE, "risk.maxMessagesPerSecond", "RTS 6 Art. 15, 17",
                UPPER_BOUND);
            this.counters = counters;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, counters.messagesInLastSecond(o.nowNs) + 1, counters.messageTimes.length);
        }

        @Override
        public double configuredLimit()
        {
            return counters.messageTimes.length;
        }
    }

    /** RTS 6 Art. 15: order messages per fill in the session, once enough messages were sent: throttle. */
    static final class OrderToTradeRatio extends RiskCheck
    {
        private final FlowCounters counters;
        private final double max;
        private final long minMessages;

        OrderToTradeRatio(final FlowCounters counters, final double max, final long minMessages)
        {
            super(RejectReason.RISK_THROTTLE_ORDER_TO_TRADE, "risk.maxOrderToTradeRatio", "RTS 6 Art. 15",
                UPPER_BOUND);
            this.counters = counters;
            this.max = max;
            this.minMessages = minMessages;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final long messages = counters.sessionMessages + 1;
            final double ratio = messages / (double)Math.max(1, counters.sessionFills);
            return atMost(o, messages < minMessages ? Math.min(ratio, max) : ratio, max);
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e19: in the CRISIS regime no order may grow a position. */
    static final class CrisisRegimeGate extends RiskCheck
    {
        private final double level;

        CrisisRegimeGate(final double level)
        {
            super(RejectReason.RISK_CRISIS_REGIME, "risk.crisisVolLevel", "e19, f10, decision 6", RULE);
            this.level = level;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.regime == OrderContext.REGIME_CRISIS && o.grows);
        }

        @Override
        public double configuredLimit()
        {
            return level;
        }
    }

    /** e24: on an instrument's event date no order may grow its position. */
    static final class EventGate extends RiskCheck
    {
        private final RiskReference reference;

        EventGate(final RiskReference reference)
        {
            super(RejectReason.RISK_EVENT, "reference.instruments[].eventDates", "e24", RULE);
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.grows && reference.eventOn(o.index, o.epochDay));
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /**
     * e23: below the minimum equity, an order that would make a day trade (reduce a position opened today) is refused
     * once the window holds the maximum number of day trades. Value: day trades the order would make.
     */
    static final class PatternDayTrader extends RiskCheck
    {
        private final double minEquity;
        private final int maxDayTrades;

        PatternDayTrader(final double minEquity, final int maxDayTrades)
        {
            super(RejectReason.RISK_PDT, "risk.pdtMaxDayTrades", "e23", UPPER_BOUND);
            this.minEquity = minEquity;
            this.maxDayTrades = maxDayTrades;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            if (o.nav >= minEquity)
            {
                return atMost(o, 0, maxDayTrades);
            }
            final boolean dayTrade = o.closes && o.openedToday;
            return atMost(o, o.dayTradesInWindow + (dayTrade ? 1 : 0), maxDayTrades);
        }

        @Override
        public double configuredLimit()
        {
            return maxDayTrades;
        }
    }
}
