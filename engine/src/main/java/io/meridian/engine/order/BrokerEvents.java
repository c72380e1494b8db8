package io.meridian.engine.order;

import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;

/**
 * The order stage's handling of the broker's records (issue 9), owned by its {@link OrderManager}: broker
 * connectivity, the live checks ({@link BrokerLiveChecks}: commissions, duplicate order references), reconciliation
 * with the broker's snapshot ({@link BrokerReconciler}) and the kill-switch changes they cause, and the journaling of
 * a late fill of a finished order. It reads the order manager's venue flag and event time, and asks it to cancel all
 * orders where a reconciliation breaches an account limit.
 *
 * <p>Single-threaded (the order stage's thread); allocation-free beyond what its two parts document.
 */
final class BrokerEvents
{
    private final OrderManager owner;
    private final InstrumentIndex instruments;
    private final WorkingOrders orders;
    private final PositionKeeper positions;
    private final DecisionEncoder decisions;
    private final KillSwitch killSwitch;
    private final PreTradeRisk risk;
    private final OrderRisk orderRisk;
    private final BrokerReconciler reconciler;
    private final BrokerLiveChecks brokerLive;

    /**
     * The broker handling of one order manager, sharing its parts.
     *
     * @param owner the order manager (venue flag, event time, cancel all).
     * @param instruments configured instruments.
     * @param orders its working orders.
     * @param positions its positions.
     * @param decisions its decision encoder.
     * @param killSwitch its kill switch.
     * @param risk its pre-trade checks (message counts).
     * @param orderRisk its order risk (state changes, account checks).
     */
    BrokerEvents(
        final OrderManager owner,
        final InstrumentIndex instruments,
        final WorkingOrders orders,
        final PositionKeeper positions,
        final DecisionEncoder decisions,
        final KillSwitch killSwitch,
        final PreTradeRisk risk,
        final OrderRisk orderRisk)
    {
        this.owner = owner;
        this.instruments = instruments;
        this.orders = orders;
        this.positions = positions;
        this.decisions = decisions;
        this.killSwitch = killSwitch;
        this.risk = risk;
        this.orderRisk = orderRisk;
        this.reconciler = new BrokerReconciler(instruments);
        this.brokerLive = new BrokerLiveChecks(instruments);
    }

    BrokerReconciler reconciler()
    {
        return reconciler;
    }

    BrokerLiveChecks brokerLive()
    {
        return brokerLive;
    }

    /**
     * A POSITION, OPEN_ORDER or EXECUTION record: the live checks, then the reconciler's snapshot, then a
     * reconciliation if the snapshot is complete.
     */
    void onBrokerRecord(final EventSlot slot)
    {
        onBrokerLive(slot);
        reconciler.onBrokerRecord(slot.buffer, 0);
        maybeReconcile();
    }

    /**
     * Broker connectivity (issue 9): DOWN starts a new broker snapshot; UP after a venue-down halt sends a
     * MASS_CANCEL (whatever was working when the venue went away), then reconciles when the snapshot is complete.
     */
    void onBrokerConnectivity()
    {
        if (!owner.venueUp())
        {
            reconciler.onVenueDown();
            return;
        }
        if (killSwitch.venueHalted())
        {
            orders.cancelAll();
            risk.onMessage(owner.eventTimeNs());
            decisions.orderCommand(0, orders.nextId(), OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
        }
        maybeReconcile();
    }

    /**
     * Reconciles with the broker once its snapshot is complete and the venue is up: journals the differences as
     * RECONCILIATION records; a halting difference halts trading ({@code RECONCILIATION_DIFF}), a clean one ends a
     * venue-down halt ({@code KILL_VENUE_RECONCILED}). Missed fills are applied by the reconciler.
     */
    private void maybeReconcile()
    {
        if (!owner.venueUp() || !reconciler.ready())
        {
            return;
        }
        final int halting = reconciler.reconcile(orders, positions);
        reconciler.emit(decisions);
        brokerLive.afterReconcile(reconciler, positions);
        if (halting > 0)
        {
            if (killSwitch.onReconciliationDiff(halting))
            {
                orderRisk.emitStateChange();
            }
        }
        else if (killSwitch.onReconciledClean())
        {
            orderRisk.emitStateChange();
        }
        if (orderRisk.checkAccount())
        {
            owner.cancelAll();
        }
    }

    /**
     * A fill of an order the engine had already finished (issue 9: e.g. executed at the broker just before its cancel
     * was confirmed) was applied to the position as a missed fill: journaled as a RECONCILIATION difference of kind
     * FILL_FOR_FINISHED_ORDER, applied, so it does not halt trading.
     */
    void journalLateFill(final EventSlot slot)
    {
        decisions.reconciliation(instruments.id(orders.lastFillIndex()),
            ReconciliationCodec.KIND_FILL_FOR_FINISHED_ORDER, ExecReportCodec.clOrdId(slot.buffer, 0),
            orders.lateFilledBefore(), Math.abs(orders.lastFillSignedQty()), 1, 1, true);
    }

    /**
     * Live broker records (issue 9): commissions charged to their fills' instruments, and an order reference the
     * broker reports on a second order journaled as a DUPLICATE_ORDER_REF difference that halts trading.
     */
    private void onBrokerLive(final EventSlot slot)
    {
        if (!brokerLive.onBrokerRecord(slot.buffer, 0, positions, reconciler.collecting()))
        {
            return;
        }
        decisions.reconciliation(brokerLive.duplicateInstrumentId(), ReconciliationCodec.KIND_DUPLICATE_ORDER_REF,
            brokerLive.duplicateClOrdId(), brokerLive.duplicateFirstVenueOrderId(), brokerLive.duplicateVenueOrderId(),
            1, 1, false);
        if (killSwitch.onReconciliationDiff(1))
        {
            orderRisk.emitStateChange();
        }
    }
}
