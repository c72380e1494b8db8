package io.meridian.engine.telemetry;

import io.meridian.engine.api.RejectReason;

/**
 * A reader's copy of an {@link EngineState}: filled by {@link EngineState#read(EngineStateView)}, then read at leisure
 * by its own thread. Prices are in ticks, quantities in lots, cash in {@code Scales.CASH_SCALE} units, times in
 * nanoseconds of event time. Not thread-safe: one view per reader thread.
 *
 * <p>Over 500 lines: one documented accessor per published slot (engine, risk monitor, per instrument); they read one
 * copied array and splitting them would split one snapshot across classes.
 */
public final class EngineStateView
{
    private final int instruments;
    private final long[] values;

    /**
     * A view for a state block.
     *
     * @param state the block it will read.
     */
    public EngineStateView(final EngineState state)
    {
        this.instruments = state.instruments();
        this.values = new long[state.slots()];
    }

    boolean readFrom(final EngineState state)
    {
        if (state.instruments() != instruments)
        {
            throw new IllegalArgumentException("view made for " + instruments + " instruments, state has "
                + state.instruments());
        }
        return state.read(values);
    }

    /**
     * Number of instruments.
     *
     * @return number of instruments.
     */
    public int instruments()
    {
        return instruments;
    }

    /**
     * Publications the view has seen (0: nothing published yet).
     *
     * @return publications the view has seen (0: nothing published yet).
     */
    public long publications()
    {
        return values[EngineState.PUBLICATIONS];
    }

    /**
     * Inbound events processed.
     *
     * @return inbound events processed.
     */
    public long events()
    {
        return values[EngineState.EVENTS];
    }

    /**
     * Sequence of the last event processed (-1 before the first).
     *
     * @return sequence of the last event processed (-1 before the first).
     */
    public long lastSequence()
    {
        return values[EngineState.LAST_SEQUENCE];
    }

    /**
     * Event time of the last event processed.
     *
     * @return event time of the last event processed.
     */
    public long lastEventTimeNs()
    {
        return values[EngineState.LAST_EVENT_TIME];
    }

    /**
     * The engine-wide {@code TradingState} code (0 before the first publication).
     *
     * @return the engine-wide {@code TradingState} code (0 before the first publication).
     */
    public byte tradingState()
    {
        return (byte)values[EngineState.TRADING_STATE];
    }

    /**
     * The state before the last change.
     *
     * @return the state before the last change.
     */
    public byte previousState()
    {
        return (byte)values[EngineState.PREVIOUS_STATE];
    }

    /**
     * The reason of the last state change.
     *
     * @return the reason of the last state change.
     */
    public RejectReason lastReason()
    {
        return RejectReason.fromCode((int)values[EngineState.LAST_REASON]);
    }

    /**
     * State changes a kill switch made by itself (not operator commands, not recoveries).
     *
     * @return state changes a kill switch made by itself (not operator commands, not recoveries).
     */
    public long killSwitchTrips()
    {
        return values[EngineState.KILL_SWITCH_TRIPS];
    }

    /**
     * SIGNAL records written.
     *
     * @return SIGNAL records written.
     */
    public long signals()
    {
        return values[EngineState.SIGNALS];
    }

    /**
     * NEW order commands sent.
     *
     * @return NEW order commands sent.
     */
    public long orders()
    {
        return values[EngineState.ORDERS];
    }

    /**
     * CANCEL order commands sent.
     *
     * @return CANCEL order commands sent.
     */
    public long cancels()
    {
        return values[EngineState.CANCELS];
    }

    /**
     * MASS_CANCEL order commands sent.
     *
     * @return MASS_CANCEL order commands sent.
     */
    public long massCancels()
    {
        return values[EngineState.MASS_CANCELS];
    }

    /**
     * TRADING_STATE records written.
     *
     * @return TRADING_STATE records written.
     */
    public long stateChanges()
    {
        return values[EngineState.STATE_CHANGES];
    }

    /**
     * Fills applied.
     *
     * @return fills applied.
     */
    public long fills()
    {
        return values[EngineState.FILLS];
    }

    /**
     * Lots filled.
     *
     * @return lots filled.
     */
    public long filledQty()
    {
        return values[EngineState.FILLED_QTY];
    }

    /**
     * Orders the venue rejected.
     *
     * @return orders the venue rejected.
     */
    public long venueRejects()
    {
        return values[EngineState.VENUE_REJECTS];
    }

    /**
     * Execution reports for orders the engine does not know.
     *
     * @return execution reports for orders the engine does not know.
     */
    public long unknownReports()
    {
        return values[EngineState.UNKNOWN_REPORTS];
    }

    /**
     * Orders pre-trade risk accepted.
     *
     * @return orders pre-trade risk accepted.
     */
    public long riskAccepted()
    {
        return values[EngineState.RISK_ACCEPTED];
    }

    /**
     * Realized P&amp;L over all instruments.
     *
     * @return realized P&amp;L over all instruments.
     */
    public long realized()
    {
        return values[EngineState.REALIZED];
    }

    /**
     * Unrealized P&amp;L over all instruments.
     *
     * @return unrealized P&amp;L over all instruments.
     */
    public long unrealized()
    {
        return values[EngineState.UNREALIZED];
    }

    /**
     * Realized plus unrealized.
     *
     * @return realized plus unrealized.
     */
    public long totalPnl()
    {
        return realized() + unrealized();
    }

    /**
     * Decision records written (the last output sequence).
     *
     * @return decision records written (the last output sequence).
     */
    public long outputs()
    {
        return values[EngineState.OUTPUTS];
    }

    /**
     * Inbound events of one record type.
     *
     * @param recordType a {@code RecordType} code below {@link EngineState#RECORD_TYPES}.
     * @return the count.
     */
    public long eventsOfType(final int recordType)
    {
        return values[EngineState.EVENTS_BY_TYPE + recordType];
    }

    /**
     * Pre-trade risk rejects for one reason.
     *
     * @param reason the reason.
     * @return the count.
     */
    public long rejects(final RejectReason reason)
    {
        return values[EngineState.REJECTS_BY_REASON + reason.code()];
    }

    private long instrument(final int index, final int field)
    {
        return values[EngineState.INSTRUMENTS + index * EngineState.INSTRUMENT_SLOTS + field];
    }

    /**
     * Signed position in lots.
     *
     * @param index dense instrument index.
     * @return signed position in lots.
     */
    public long position(final int index)
    {
        return instrument(index, EngineState.I_POSITION);
    }

    /**
     * Realized P&amp;L.
     *
     * @param index dense instrument index.
     * @return realized P&amp;L.
     */
    public long realized(final int index)
    {
        return instrument(index, EngineState.I_REALIZED);
    }

    /**
     * Unrealized P&amp;L at the mark (the last mid).
     *
     * @param index dense instrument index.
     * @return unrealized P&amp;L at the mark (the last mid).
     */
    public long unrealized(final int index)
    {
        return instrument(index, EngineState.I_UNREALIZED);
    }

    /**
     * Last bid price (0 before the first quote).
     *
     * @param index dense instrument index.
     * @return last bid price (0 before the first quote).
     */
    public long bid(final int index)
    {
        return instrument(index, EngineState.I_BID);
    }

    /**
     * Last ask price (0 before the first quote).
     *
     * @param index dense instrument index.
     * @return last ask price (0 before the first quote).
     */
    public long ask(final int index)
    {
        return instrument(index, EngineState.I_ASK);
    }

    /**
     * Last trade price (0 before the first trade).
     *
     * @param index dense instrument index.
     * @return last trade price (0 before the first trade).
     */
    public long lastTrade(final int index)
    {
        return instrument(index, EngineState.I_LAST_TRADE);
    }

    /**
     * Client order id of the working order, 0 for none.
     *
     * @param index dense instrument index.
     * @return client order id of the working order, 0 for none.
     */
    public long workingOrderId(final int index)
    {
        return instrument(index, EngineState.I_WORKING_ID);
    }

    /**
     * {@code Side} code of the working order.
     *
     * @param index dense instrument index.
     * @return {@code Side} code of the working order.
     */
    public byte workingSide(final int index)
    {
        return (byte)instrument(index, EngineState.I_WORKING_SIDE);
    }

    /**
     * Limit price of the working order.
     *
     * @param index dense instrument index.
     * @return limit price of the working order.
     */
    public long workingPrice(final int index)
    {
        return instrument(index, EngineState.I_WORKING_PRICE);
    }

    /**
     * Lots still working.
     *
     * @param index dense instrument index.
     * @return lots still working.
     */
    public long workingLeaves(final int index)
    {
        return instrument(index, EngineState.I_WORKING_LEAVES);
    }

    /**
     * Whether an operator flatten is reducing the position.
     *
     * @param index dense instrument index.
     * @return whether an operator flatten is reducing the position.
     */
    public boolean flattening(final int index)
    {
        return instrument(index, EngineState.I_FLATTENING) != 0;
    }

    /**
     * Market-data events of the instrument.
     *
     * @param index dense instrument index.
     * @return market-data events of the instrument.
     */
    public long instrumentEvents(final int index)
    {
        return instrument(index, EngineState.I_EVENTS);
    }

    /**
     * Whether the trading calendar had the exchange in session at the last event's time.
     *
     * @return true in session.
     */
    public boolean inSession()
    {
        return values[EngineState.IN_SESSION] != 0;
    }

    /**
     * Orders sent within the second (event time) before the last event: what {@code risk.maxOrdersPerSecond} limits.
     *
     * @return the count.
     */
    public long ordersLastSecond()
    {
        return values[EngineState.ORDERS_LAST_SECOND];
    }

    /**
     * The instrument's own trading-state scope ({@code TradingState} code; 0 before the first publication): HALTED
     * after an operator halt naming it, REDUCING after its position or slippage trip. The engine-wide state applies
     * on top of it.
     *
     * @param index dense instrument index.
     * @return the state code.
     */
    public byte instrumentState(final int index)
    {
        return (byte)instrument(index, EngineState.I_STATE);
    }

    /**
     * Event time of the instrument's last accepted market data.
     *
     * @param index dense instrument index.
     * @return nanoseconds, {@code Long.MIN_VALUE} before any.
     */
    public long lastMarketDataNs(final int index)
    {
        return instrument(index, EngineState.I_LAST_MARKET_DATA_NS);
    }

    /**
     * RISK_SNAPSHOT records written.
     *
     * @return the value.
     */
    public long riskSnapshots()
    {
        return values[EngineState.RISK_SNAPSHOTS];
    }

    /**
     * NAV at the last risk snapshot, currency.
     *
     * @return the value.
     */
    public double riskNav()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_NAV]);
    }

    /**
     * Gross exposure at the last risk snapshot, currency.
     *
     * @return the value.
     */
    public double riskGross()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_GROSS]);
    }

    /**
     * Net exposure at the last risk snapshot, currency.
     *
     * @return the value.
     */
    public double riskNet()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_NET]);
    }

    /**
     * Leverage (gross over NAV) at the last risk snapshot.
     *
     * @return the value.
     */
    public double riskLeverage()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_LEVERAGE]);
    }

    /**
     * Drawdown from peak NAV at the last risk snapshot, a fraction.
     *
     * @return the value.
     */
    public double riskDrawdown()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_DRAWDOWN]);
    }

    /**
     * Month-to-date P&amp;L at the last risk snapshot, currency.
     *
     * @return the value.
     */
    public double riskMonthPnl()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_MONTH_PNL]);
    }

    /**
     * Historical VaR at 95%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskHistVar95()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_HIST_VAR95]);
    }

    /**
     * Historical CVaR at 95%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskHistCvar95()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_HIST_CVAR95]);
    }

    /**
     * Historical VaR at 99%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskHistVar99()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_HIST_VAR99]);
    }

    /**
     * Historical CVaR at 99%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskHistCvar99()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_HIST_CVAR99]);
    }

    /**
     * Parametric VaR at 95%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskParamVar95()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_PARAM_VAR95]);
    }

    /**
     * Parametric CVaR at 95%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskParamCvar95()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_PARAM_CVAR95]);
    }

    /**
     * Parametric VaR at 99%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskParamVar99()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_PARAM_VAR99]);
    }

    /**
     * Parametric CVaR at 99%, a fraction of NAV.
     *
     * @return the value.
     */
    public double riskParamCvar99()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_PARAM_CVAR99]);
    }

    /**
     * The largest limit usage (value over limit) at the last risk snapshot.
     *
     * @return the value.
     */
    public double riskMaxUsage()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_MAX_USAGE]);
    }

    /**
     * RejectReason code of the limit with the largest usage (0: none).
     *
     * @return the value.
     */
    public long riskMaxUsageCode()
    {
        return values[EngineState.RISK_MAX_USAGE_CODE];
    }

    /**
     * Returns in the risk monitor's VaR window.
     *
     * @return the value.
     */
    public long riskReturns()
    {
        return values[EngineState.RISK_RETURNS];
    }

    /**
     * RISK_SNAPSHOT records written after a fill (part of {@link #riskSnapshots}).
     *
     * @return the value.
     */
    public long riskFillSnapshots()
    {
        return values[EngineState.RISK_FILL_SNAPSHOTS];
    }

    /**
     * Concentration at the last risk snapshot: the largest instrument's share of gross exposure.
     *
     * @return 0 to 1.
     */
    public double riskLargestShare()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_LARGEST_SHARE]);
    }

    /**
     * Concentration at the last risk snapshot: the Herfindahl-Hirschman index of the shares of gross exposure.
     *
     * @return 0 (flat), else 1/N to 1.
     */
    public double riskHerfindahl()
    {
        return Double.longBitsToDouble(values[EngineState.RISK_HERFINDAHL]);
    }

    /**
     * One of an instrument's risk-monitor figures at the last snapshot.
     *
     * @param index dense instrument index.
     * @param figure which one.
     * @return the value (currency for exposures, fractions of NAV for VaR and CVaR, 0 to 1 for the share).
     */
    public double riskInstrument(final int index, final RiskFigure figure)
    {
        return Double.longBitsToDouble(instrument(index, figure.slot));
    }

    /** The per-instrument figures of the risk monitor ({@link #riskInstrument}). */
    public enum RiskFigure
    {
        /** Gross exposure, currency. */
        GROSS(EngineState.I_RISK_GROSS),
        /** Net exposure, currency. */
        NET(EngineState.I_RISK_NET),
        /** Share of the portfolio's gross exposure. */
        SHARE(EngineState.I_RISK_SHARE),
        /** Historical VaR 95% of the instrument's own returns, a fraction of NAV. */
        HIST_VAR95(EngineState.I_RISK_HIST_VAR95),
        /** Historical VaR 99% of the instrument's own returns. */
        HIST_VAR99(EngineState.I_RISK_HIST_VAR99),
        /** Historical CVaR 95% of the instrument's own returns. */
        HIST_CVAR95(EngineState.I_RISK_HIST_CVAR95);

        final int slot;

        RiskFigure(final int slot)
        {
            this.slot = slot;
        }
    }
}
