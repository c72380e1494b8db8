package io.meridian.bench.jmh;

import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Baseline: the pre-trade checks of {@link io.meridian.engine.risk.PreTradeRisk} written the naive way: a boxed
 * order object per check, limits looked up by name in a {@link HashMap}, a list of named predicate rules walked in
 * order, and a deque of boxed timestamps for the rate limit. Same checks in the same order; allocates per order.
 */
final class NaiveRiskChain
{
    private static final long ONE_SECOND_NS = 1_000_000_000L;

    private final Map<String, Number> limits = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Deque<Long> acceptedTimes = new ArrayDeque<>();

    NaiveRiskChain(
        final long maxOrderQty,
        final long maxOrderNotionalCash,
        final double priceCollar,
        final int maxOrdersPerSecond,
        final long maxPosition,
        final long staleNs)
    {
        limits.put("maxOrderQty", maxOrderQty);
        limits.put("maxOrderNotionalCash", maxOrderNotionalCash);
        limits.put("priceCollar", priceCollar);
        limits.put("maxOrdersPerSecond", maxOrdersPerSecond);
        limits.put("maxPosition", maxPosition);
        limits.put("staleNs", staleNs);
        rules.add(new Rule("RISK_HALTED", o -> o.tradingState == TradingState.HALTED));
        rules.add(new Rule("RISK_REDUCING_ONLY", o -> o.tradingState == TradingState.REDUCING && !reduces(o)));
        rules.add(new Rule("RISK_VENUE_DOWN", o -> !o.venueUp));
        rules.add(new Rule("RISK_NO_REFERENCE_PRICE", o -> o.referencePrice <= 0));
        rules.add(new Rule("RISK_STALE_MARKET_DATA",
            o -> o.nowNs - o.lastMarketDataNs > limits.get("staleNs").longValue()));
        rules.add(new Rule("RISK_MAX_ORDER_QTY", o -> o.qty > limits.get("maxOrderQty").longValue()));
        rules.add(new Rule("RISK_MAX_ORDER_NOTIONAL", o -> o.price * o.cashMultiplier > 0
            && o.qty > limits.get("maxOrderNotionalCash").longValue() / (o.price * o.cashMultiplier)));
        rules.add(new Rule("RISK_PRICE_COLLAR", o -> Math.abs(o.price - o.referencePrice)
            > limits.get("priceCollar").doubleValue() * o.referencePrice));
        rules.add(new Rule("RISK_MAX_POSITION", o -> Math.abs(o.position + o.workingSigned + signedQty(o))
            > limits.get("maxPosition").longValue()));
    }

    /**
     * Checks one order.
     *
     * @return "NONE" or the name of the first failing check.
     */
    String check(final Order order)
    {
        for (final Rule rule : rules)
        {
            if (rule.fails.test(order))
            {
                return rule.name;
            }
        }
        while (!acceptedTimes.isEmpty() && order.nowNs - acceptedTimes.peekFirst() >= ONE_SECOND_NS)
        {
            acceptedTimes.removeFirst();
        }
        if (acceptedTimes.size() >= limits.get("maxOrdersPerSecond").intValue())
        {
            return "RISK_ORDER_RATE";
        }
        acceptedTimes.addLast(order.nowNs);
        return "NONE";
    }

    private static Long signedQty(final Order o)
    {
        return Side.sign(o.side) * o.qty;
    }

    private static boolean reduces(final Order o)
    {
        final Long signed = signedQty(o);
        return o.position != 0 && Long.signum(signed) == -Long.signum(o.position)
            && Math.abs(signed) <= Math.abs(o.position);
    }

    /**
     * A named rule that fails an order.
     */
    private static final class Rule
    {
        private final String name;
        private final Predicate<Order> fails;

        Rule(final String name, final Predicate<Order> fails)
        {
            this.name = name;
            this.fails = fails;
        }
    }

    /**
     * One order to check, boxed as a naive implementation would carry it.
     */
    static final class Order
    {
        private final Byte tradingState;
        private final Boolean venueUp;
        private final Byte side;
        private final Long qty;
        private final Long price;
        private final Long cashMultiplier;
        private final Long position;
        private final Long workingSigned;
        private final Long referencePrice;
        private final Long lastMarketDataNs;
        private final Long nowNs;

        Order(
            final Byte tradingState, final Boolean venueUp, final Byte side, final Long qty, final Long price,
            final Long cashMultiplier, final Long position, final Long workingSigned, final Long referencePrice,
            final Long lastMarketDataNs, final Long nowNs)
        {
            this.tradingState = tradingState;
            this.venueUp = venueUp;
            this.side = side;
            this.qty = qty;
            this.price = price;
            this.cashMultiplier = cashMultiplier;
            this.position = position;
            this.workingSigned = workingSigned;
            this.referencePrice = referencePrice;
            this.lastMarketDataNs = lastMarketDataNs;
            this.nowNs = nowNs;
        }
    }
}
