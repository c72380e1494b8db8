package io.meridian.engine.telemetry;

import io.meridian.engine.api.RejectReason;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's published state: one block of 64-bit slots in an {@link AtomicBuffer}, written by exactly one thread
 * (the pipeline thread, through {@link StatePublisher}) and read by any other thread with {@link #read}. A sequence
 * lock makes each read a consistent snapshot: the writer makes the sequence odd, writes the slots, then makes it even
 * again (ordered stores, with a store-store fence after the first); a reader copies the slots between two reads of
 * the sequence and keeps the copy only when both saw the same even value. The writer never waits, so a reader that
 * keeps racing it gives up after {@link #READ_ATTEMPTS} tries and says so.
 *
 * <p>Besides the snapshot, a reader may ask for a fresh one ({@link #requestPublication()}): the writer publishes
 * after its next event when the flag is set (a plain volatile read per event on its side).
 *
 * <p>Slot layout (index of a 64-bit slot; the global part, then events by record type, risk rejects by reason, then
 * {@link #INSTRUMENT_SLOTS} slots per instrument) is given by the constants below; {@link EngineStateView} names
 * them for readers.
 */
public final class EngineState
{
    /** Attempts a reader makes before it reports a torn read. */
    public static final int READ_ATTEMPTS = 1000;
    /** Slots for events by record type: record type codes below this are counted. */
    public static final int RECORD_TYPES = 32;

    static final int SEQUENCE = 0;
    static final int PUBLICATIONS = 1;
    static final int EVENTS = 2;
    static final int LAST_SEQUENCE = 3;
    static final int LAST_EVENT_TIME = 4;
    static final int TRADING_STATE = 5;
    static final int PREVIOUS_STATE = 6;
    static final int LAST_REASON = 7;
    static final int KILL_SWITCH_TRIPS = 8;
    static final int SIGNALS = 9;
    static final int ORDERS = 10;
    static final int CANCELS = 11;
    static final int MASS_CANCELS = 12;
    static final int STATE_CHANGES = 13;
    static final int FILLS = 14;
    static final int FILLED_QTY = 15;
    static final int VENUE_REJECTS = 16;
    static final int UNKNOWN_REPORTS = 17;
    static final int RISK_ACCEPTED = 18;
    static final int REALIZED = 19;
    static final int UNREALIZED = 20;
    static final int OUTPUTS = 21;
    /** Whether the trading calendar has the exchange in session at the last event's time (1) or not (0). */
    static final int IN_SESSION = 22;
    /** Orders sent within the second before the last event's time (the order-rate limit's usage). */
    static final int ORDERS_LAST_SECOND = 23;
    // risk lane (issue 7): the real-time risk monitor's last snapshot; doubles as raw bits
    static final int RISK_SNAPSHOTS = 30;
    static final int RISK_NAV = 31;
    static final int RISK_GROSS = 32;
    static final int RISK_NET = 33;
    static final int RISK_LEVERAGE = 34;
    static final int RISK_DRAWDOWN = 35;
    static final int RISK_MONTH_PNL = 36;
    static final int RISK_HIST_VAR95 = 37;
    static final int RISK_HIST_CVAR95 = 38;
    static final int RISK_HIST_VAR99 = 39;
    static final int RISK_HIST_CVAR99 = 40;
    static final int RISK_PARAM_VAR95 = 41;
    static final int RISK_PARAM_CVAR95 = 42;
    static final int RISK_PARAM_VAR99 = 43;
    static final int RISK_PARAM_CVAR99 = 44;
    static final int RISK_MAX_USAGE = 45;
    static final int RISK_MAX_USAGE_CODE = 46;
    static final int RISK_RETURNS = 47;
    /** RISK_SNAPSHOT records written after a fill (included in {@link #RISK_SNAPSHOTS}). */
    static final int RISK_FILL_SNAPSHOTS = 48;
    /** The largest instrument's share of gross exposure at the last snapshot (double bits). */
    static final int RISK_LARGEST_SHARE = 49;
    /** The Herfindahl-Hirschman index of the instruments' shares of gross exposure (double bits). */
    static final int RISK_HERFINDAHL = 50;
    // 22-29 reserved for the ops lane (issue 6), 30-49 for risk (issue 7), 50-59 for Interactive Brokers (issue 9),
    // 60-63 spare: each lane adds its constants inside its range so that parallel work does not renumber.
    static final int GLOBAL_SLOTS = 64;
    static final int EVENTS_BY_TYPE = GLOBAL_SLOTS;
    static final int REJECTS_BY_REASON = EVENTS_BY_TYPE + RECORD_TYPES;
    static final int INSTRUMENTS = REJECTS_BY_REASON + RejectReason.MAX_CODE;

    static final int I_POSITION = 0;
    static final int I_REALIZED = 1;
    static final int I_UNREALIZED = 2;
    static final int I_BID = 3;
    static final int I_ASK = 4;
    static final int I_LAST_TRADE = 5;
    static final int I_WORKING_ID = 6;
    static final int I_WORKING_SIDE = 7;
    static final int I_WORKING_PRICE = 8;
    static final int I_WORKING_LEAVES = 9;
    static final int I_FLATTENING = 10;
    static final int I_EVENTS = 11;
    /** The instrument's own trading-state scope (an operator halt, a position or slippage trip). */
    static final int I_STATE = 12;
    /** Event time of the instrument's last accepted market data, {@code Long.MIN_VALUE} before any. */
    static final int I_LAST_MARKET_DATA_NS = 13;
    /** Risk monitor, last snapshot (double bits): the instrument's gross exposure, currency. */
    static final int I_RISK_GROSS = 16;
    /** Its net exposure, currency. */
    static final int I_RISK_NET = 17;
    /** Its share of the portfolio's gross exposure. */
    static final int I_RISK_SHARE = 18;
    /** Historical VaR 95% of its own returns, a fraction of NAV. */
    static final int I_RISK_HIST_VAR95 = 19;
    /** Historical VaR 99% of its own returns. */
    static final int I_RISK_HIST_VAR99 = 20;
    /** Historical CVaR 95% of its own returns. */
    static final int I_RISK_HIST_CVAR95 = 21;
    // 12-15 reserved for the ops lane, 16-21 for risk, 22-23 for Interactive Brokers (see GLOBAL_SLOTS).
    /** Slots per instrument. */
    static final int INSTRUMENT_SLOTS = 24;

    private final int instruments;
    private final int slots;
    private final AtomicBuffer buffer;
    private volatile boolean publicationRequested;

    /**
     * An empty state block (sequence 0: nothing published yet).
     *
     * @param instruments number of configured instruments, positive.
     */
    public EngineState(final int instruments)
    {
        if (instruments < 1)
        {
            throw new IllegalArgumentException("instruments must be positive, got " + instruments);
        }
        this.instruments = instruments;
        this.slots = INSTRUMENTS + instruments * INSTRUMENT_SLOTS;
        final ByteBuffer memory = BufferUtil.allocateDirectAligned(
            BitUtil.align(slots * Long.BYTES, BitUtil.CACHE_LINE_LENGTH), BitUtil.CACHE_LINE_LENGTH);
        buffer = new UnsafeBuffer(memory);
    }

    /**
     * Number of instruments the block has room for.
     *
     * @return the count.
     */
    public int instruments()
    {
        return instruments;
    }

    int slots()
    {
        return slots;
    }

    /**
     * Asks the writer to publish after its next event (any thread).
     */
    public void requestPublication()
    {
        publicationRequested = true;
    }

    /**
     * Whether a reader asked for a publication since the last one (writer thread).
     *
     * @return the flag.
     */
    boolean publicationRequested()
    {
        return publicationRequested;
    }

    /**
     * Times the writer published so far (any thread).
     *
     * @return the count, 0 before the first publication.
     */
    public long publications()
    {
        return buffer.getLongVolatile(PUBLICATIONS * Long.BYTES);
    }

    /**
     * Starts a write (writer thread): the sequence becomes odd before any slot changes.
     */
    void beginWrite()
    {
        final int at = SEQUENCE * Long.BYTES;
        buffer.putLongOrdered(at, buffer.getLong(at) + 1);
        // no slot write below may become visible before the odd sequence
        VarHandle.storeStoreFence();
    }

    /**
     * Writes one slot (writer thread, between {@link #beginWrite} and {@link #endWrite}).
     *
     * @param slot the slot index.
     * @param value the value.
     */
    void put(final int slot, final long value)
    {
        buffer.putLong(slot * Long.BYTES, value);
    }

    /**
     * Ends a write (writer thread): counts the publication and makes the sequence even again, after every slot.
     */
    void endWrite()
    {
        final int publications = PUBLICATIONS * Long.BYTES;
        buffer.putLong(publications, buffer.getLong(publications) + 1);
        publicationRequested = false;
        final int at = SEQUENCE * Long.BYTES;
        buffer.putLongOrdered(at, buffer.getLong(at) + 1);
    }

    /**
     * Copies a consistent snapshot into a reader-owned array (any thread but the writer's).
     *
     * @param into at least {@link #slots()} longs; overwritten.
     * @return true when the copy is consistent; false when every attempt raced a write.
     */
    boolean read(final long[] into)
    {
        final int at = SEQUENCE * Long.BYTES;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++)
        {
            final long before = buffer.getLongVolatile(at);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            for (int i = 0; i < slots; i++)
            {
                into[i] = buffer.getLong(i * Long.BYTES);
            }
            // the slot loads above complete before the sequence is read again
            VarHandle.loadLoadFence();
            if (buffer.getLongVolatile(at) == before)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the published state into a view (any thread but the writer's).
     *
     * @param view the reader's view, made for this block.
     * @return true when the view now holds a consistent snapshot.
     */
    public boolean read(final EngineStateView view)
    {
        return view.readFrom(this);
    }
}
