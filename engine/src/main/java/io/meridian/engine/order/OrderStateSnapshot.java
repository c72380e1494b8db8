package io.meridian.engine.order;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.state.StateRestore;
import org.agrona.collections.LongArrayList;

/**
 * The engine-state snapshot of the order stage (issue 9), owned by its {@link OrderManager}: writes the state a
 * restart restores instead of replaying the whole journal and reads it back when the STATE_RESTORE END record reaches
 * the order stage (the first stage assembles the records: {@link StateRestore}). The per-instrument arrays are the
 * order manager's own (shared, not copied); its venue flag and event time go through its package-private accessors.
 *
 * <p>Single-threaded (the order stage's thread).
 */
final class OrderStateSnapshot
{
    private final OrderManager owner;
    private final long[] lastMarketDataNs;
    private final long[] coolDownUntilNs;
    private final long[] bid;
    private final long[] ask;
    private final long[] reference;
    private final long[] decisionPrice;
    private final long[] pendingReduction;
    private final boolean[] flattening;
    private long restores;

    /**
     * The snapshot of an order manager's state.
     *
     * @param owner the order manager (its venue flag, event time and components).
     * @param lastMarketDataNs its per-instrument market-data time.
     * @param coolDownUntilNs its per-instrument cool-down.
     * @param bid its per-instrument bid.
     * @param ask its per-instrument ask.
     * @param reference its per-instrument reference price.
     * @param decisionPrice its per-instrument decision price.
     * @param pendingReduction its per-instrument pending reduction.
     * @param flattening its per-instrument operator flatten.
     */
    OrderStateSnapshot(
        final OrderManager owner,
        final long[] lastMarketDataNs,
        final long[] coolDownUntilNs,
        final long[] bid,
        final long[] ask,
        final long[] reference,
        final long[] decisionPrice,
        final long[] pendingReduction,
        final boolean[] flattening)
    {
        this.owner = owner;
        this.lastMarketDataNs = lastMarketDataNs;
        this.coolDownUntilNs = coolDownUntilNs;
        this.bid = bid;
        this.ask = ask;
        this.reference = reference;
        this.decisionPrice = decisionPrice;
        this.pendingReduction = pendingReduction;
        this.flattening = flattening;
    }

    /**
     * The order stage's section of the engine-state snapshot ({@link StateRestore}, format 3): venue state, event
     * time, instrument count, per instrument market data time, cool-down, bid/ask/reference, decision price, pending
     * reduction and flattening, then the working orders and order store, positions, account, decision counters, kill
     * switch, pre-trade counters and checks' windows, the broker's live checks (commissions charged or pending, order
     * references seen), the volatility gauge, the pattern-day-trade window, the risk monitor and its timers, and the
     * reconciliation in progress.
     *
     * @param out receives the values.
     */
    void save(final LongArrayList out)
    {
        out.addLong(owner.venueUp() ? 1L : 0L);
        out.addLong(owner.eventTimeNs());
        out.addLong(bid.length);
        for (int i = 0; i < bid.length; i++)
        {
            out.addLong(lastMarketDataNs[i]);
            out.addLong(coolDownUntilNs[i]);
            out.addLong(bid[i]);
            out.addLong(ask[i]);
            out.addLong(reference[i]);
            out.addLong(decisionPrice[i]);
            out.addLong(pendingReduction[i]);
            out.addLong(flattening[i] ? 1L : 0L);
        }
        owner.workingOrders().saveState(out);
        owner.positions().saveState(out);
        owner.account().saveState(out);
        owner.decisions().saveState(out);
        owner.killSwitch().saveState(out);
        owner.risk().saveState(out);
        owner.brokerLive().saveState(out);
        owner.volatility().saveState(out);
        owner.orderRisk().saveState(out);
        owner.riskSnapshots().saveState(out);
        owner.reconciler().saveState(out);
    }

    /**
     * Replaces the state {@link #save} covers with a snapshot's.
     *
     * @param in the values.
     * @param at where the section starts.
     * @return the position after it.
     * @throws IllegalArgumentException when they do not fit this engine (instrument count, array lengths).
     */
    int load(final long[] in, final int at)
    {
        if (in.length < at + 3 || in[at + 2] != bid.length)
        {
            throw new IllegalArgumentException("engine state snapshot: the order stage's section names "
                + (in.length > at + 2 ? in[at + 2] : -1) + " instruments (this engine has " + bid.length + ")");
        }
        owner.restoreVenueAndTime(in[at] != 0, in[at + 1]);
        int i = at + 3;
        for (int k = 0; k < bid.length; k++, i += 8)
        {
            lastMarketDataNs[k] = in[i];
            coolDownUntilNs[k] = in[i + 1];
            bid[k] = in[i + 2];
            ask[k] = in[i + 3];
            reference[k] = in[i + 4];
            decisionPrice[k] = in[i + 5];
            pendingReduction[k] = in[i + 6];
            flattening[k] = in[i + 7] != 0;
        }
        i = owner.workingOrders().loadState(in, i);
        i = owner.positions().loadState(in, i);
        i = owner.account().loadState(in, i);
        i = owner.decisions().loadState(in, i);
        i = owner.killSwitch().loadState(in, i);
        i = owner.risk().loadState(in, i);
        i = owner.brokerLive().loadState(in, i);
        i = owner.volatility().loadState(in, i);
        i = owner.orderRisk().loadState(in, i);
        i = owner.riskSnapshots().loadState(in, i);
        i = owner.reconciler().loadState(in, i);
        restores++;
        return i;
    }

    /**
     * Snapshots restored.
     *
     * @return the count.
     */
    long restores()
    {
        return restores;
    }

    /**
     * One STATE_RESTORE record reaching the order stage: on END, the first stage has assembled the state and the
     * order stage loads its section; the other parts need nothing here.
     *
     * @param slot the record's slot.
     */
    void onStateRestore(final EventSlot slot)
    {
        if (slot.restoredState != null)
        {
            StateRestore.loadSection(owner, slot);
        }
    }
}
