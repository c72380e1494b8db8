package io.meridian.engine.testing;

import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;

/**
 * Builds the {@link EventSlot} a later stage sees, for driving one stage directly in tests: each event is written
 * with {@link Records}, given the next inbound sequence and passed through a real book stage (which decodes it and,
 * for market data, validates it and sets the top of book), so the slot is exactly what the engine would hand on;
 * {@link #scored} and {@link #target} then stand in for the scoring and strategy stages.
 *
 * <pre>
 *  orders.onEvent(events.quote(A, t, bid, ask).scored(2.5).target(10).slot());
 * </pre>
 *
 * Market-data source sequences are the inbound sequence the event gets, unless given.
 */
public final class SlotBuilder
{
    private final EventSlot slot = new EventSlot();
    private final MarketDataStage book;
    private long sequence;

    /**
     * A builder for a configuration's instruments.
     *
     * @param instruments the instruments (ids in records are looked up here).
     */
    public SlotBuilder(final InstrumentIndex instruments)
    {
        this.book = new MarketDataStage(instruments);
    }

    private SlotBuilder book()
    {
        Header.sequence(slot.buffer, 0, ++sequence);
        book.onEvent(slot);
        return this;
    }

    /**
     * A QUOTE of 100 lots a side.
     *
     * @param instrument instrument id.
     * @param timeNs event time.
     * @param bid bid in ticks.
     * @param ask ask in ticks.
     * @return this.
     */
    public SlotBuilder quote(final int instrument, final long timeNs, final long bid, final long ask)
    {
        return quote(instrument, timeNs, sequence + 1, bid, 100, ask, 100);
    }

    /**
     * A QUOTE with every field given.
     *
     * @param instrument instrument id.
     * @param timeNs event time.
     * @param sourceSeq the feed's sequence (repeat one to make a duplicate).
     * @param bid bid in ticks.
     * @param bidQty bid size.
     * @param ask ask in ticks.
     * @param askQty ask size.
     * @return this.
     */
    public SlotBuilder quote(
        final int instrument, final long timeNs, final long sourceSeq, final long bid, final long bidQty,
        final long ask, final long askQty)
    {
        Records.quote(slot.buffer, instrument, timeNs, sourceSeq, bid, bidQty, ask, askQty);
        return book();
    }

    /**
     * A TRADE.
     *
     * @param instrument instrument id.
     * @param timeNs event time.
     * @param price price in ticks.
     * @param qty size.
     * @param aggressor aggressor side.
     * @return this.
     */
    public SlotBuilder trade(
        final int instrument, final long timeNs, final long price, final long qty, final byte aggressor)
    {
        Records.trade(slot.buffer, instrument, timeNs, sequence + 1, price, qty, aggressor);
        return book();
    }

    /**
     * An EXEC_REPORT (see {@link Records#execReport}).
     *
     * @param instrument instrument id.
     * @param timeNs event time.
     * @param clOrdId the order.
     * @param execType exec type.
     * @param side side.
     * @param lastPrice fill price.
     * @param lastQty fill size.
     * @param leaves quantity left.
     * @param cum quantity filled so far.
     * @return this.
     */
    public SlotBuilder execReport(
        final int instrument, final long timeNs, final long clOrdId, final byte execType, final byte side,
        final long lastPrice, final long lastQty, final long leaves, final long cum)
    {
        Records.execReport(slot.buffer, instrument, timeNs, clOrdId, execType, side, lastPrice, lastQty, leaves, cum);
        return book();
    }

    /**
     * A TIMER.
     *
     * @param timeNs event time.
     * @return this.
     */
    public SlotBuilder timer(final long timeNs)
    {
        Records.timer(slot.buffer, timeNs);
        return book();
    }

    /**
     * An OPERATOR command.
     *
     * @param timeNs event time.
     * @param command the command.
     * @return this.
     */
    public SlotBuilder operator(final long timeNs, final byte command)
    {
        Records.operator(slot.buffer, timeNs, command);
        return book();
    }

    /**
     * An OPERATOR command scoped to one instrument and given by a named operator.
     *
     * @param timeNs event time.
     * @param command the command.
     * @param instrumentId the instrument it is scoped to, 0 for all.
     * @param operator packed operator name, 0 for none.
     * @return this.
     */
    public SlotBuilder operator(final long timeNs, final byte command, final int instrumentId, final long operator)
    {
        Records.operator(slot.buffer, timeNs, command);
        slot.buffer.putInt(Header.INSTRUMENT_ID_OFFSET, instrumentId);
        OperatorCodec.operator(slot.buffer, 0, operator);
        return book();
    }

    /**
     * A CONNECTIVITY change.
     *
     * @param timeNs event time.
     * @param state the venue's state.
     * @return this.
     */
    public SlotBuilder connectivity(final long timeNs, final byte state)
    {
        Records.connectivity(slot.buffer, timeNs, state);
        return book();
    }

    /**
     * The scoring stage's result: the event was scored.
     *
     * @param score the score.
     * @return this.
     */
    public SlotBuilder scored(final double score)
    {
        slot.scored = true;
        slot.score = score;
        return this;
    }

    /**
     * The strategy stage's result: a target position.
     *
     * @param targetPosition lots.
     * @return this.
     */
    public SlotBuilder target(final long targetPosition)
    {
        slot.hasTarget = true;
        slot.targetPosition = targetPosition;
        return this;
    }

    /**
     * The slot as built.
     *
     * @return the slot (reused by the next event).
     */
    public EventSlot slot()
    {
        return slot;
    }

    /**
     * Inbound sequence of the last event built.
     *
     * @return the sequence, from 1.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * Any other inbound record (e.g. the broker-state records of issue 9), written by the caller into the slot's
     * buffer at offset 0 with its header.
     *
     * @param writer writes the record.
     * @return this.
     */
    public SlotBuilder record(final java.util.function.Consumer<org.agrona.MutableDirectBuffer> writer)
    {
        writer.accept(slot.buffer);
        return book();
    }
}
