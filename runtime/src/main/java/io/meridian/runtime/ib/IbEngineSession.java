package io.meridian.runtime.ib;

import io.meridian.config.EngineConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.InboundSink;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TimerCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.gateway.ib.adapter.IbGateway;
import io.meridian.gateway.ib.adapter.IbInstrument;
import io.meridian.gateway.ib.client.IbContract;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.runtime.backtest.Backtest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.order.OrderStore;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.StatePublisher;
import io.meridian.runtime.driver.OperatorInbox;
import java.nio.file.Path;

/**
 * The engine's pipeline and the IB adapter on one thread. Each inbound record the adapter writes (QUOTE, TRADE,
 * EXEC_REPORT, CONNECTIVITY, the broker's ACCOUNT_VALUE, POSITION, OPEN_ORDER and EXECUTION) and a heartbeat TIMER
 * every second of the clock is queued, then stamped with the next sequence number and the receive time, journaled,
 * and processed; each outbound record is journaled and order commands are handed to the adapter afterwards, so an
 * order reaches IB only after its cause is journaled. Records the adapter writes while the engine is processing
 * (e.g. an immediate reject) wait in the queue, so the engine never sees an event inside another.
 *
 * <p>Owned by the thread that calls {@link #doWork(long)}; creates no thread.
 */
public final class IbEngineSession implements AutoCloseable
{
    private static final int QUEUE = 4096;
    /** Source id of the heartbeat TIMER records (and the DOWN after a recovery) the session journals. */
    public static final int TIMER_SOURCE_ID = 8;
    /** Heartbeat interval: event time moves on at least this often, connected or not. */
    public static final long HEARTBEAT_NS = 1_000_000_000L;

    private final Pipeline pipeline;
    private final IbGateway gateway;
    private final Backtest.RecordSink journal;
    private final EpochNanoClock clock;
    private final EventSlot slot = new EventSlot();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final byte[][] queue = new byte[QUEUE][Header.MAX_RECORD_LENGTH];
    private int head;
    private int count;
    private long sequence;
    private long dropped;
    private boolean processing;
    private final UnsafeBuffer timer = new UnsafeBuffer(new byte[TimerCodec.LENGTH]);
    private long timers;
    private long nextHeartbeatNs = Long.MIN_VALUE;
    private boolean recovering;
    private long recovered;
    private Path snapshotJournal;
    private String snapshotManifest;
    private long snapshotsWritten;
    private long lastEventTimeNs;
    private int lastType;
    private int instrumentCount;

    /**
     * A session that is not yet connecting.
     *
     * @param config the engine configuration (its instruments are the ones traded).
     * @param scorer the scorer (closed by the caller).
     * @param tws the TWS session.
     * @param account the IB account.
     * @param conIds IB contract ids by instrument symbol (0 or absent: matched by symbol).
     * @param journal where inputs and decisions go.
     * @param clock receive-time clock (epoch nanoseconds).
     */
    public IbEngineSession(
        final EngineConfig config,
        final Scorer scorer,
        final TwsConnectionConfig tws,
        final String account,
        final Map<String, Long> conIds,
        final Backtest.RecordSink journal,
        final EpochNanoClock clock)
    {
        this.journal = journal;
        this.clock = clock;
        this.instrumentCount = config.instruments().size();
        this.snapshotEveryNs = config.ib().snapshotEverySeconds() * 1_000_000_000L;
        final OutboundSink outbound = this::onOutbound;
        this.pipeline = EngineFactory.create(config, scorer, outbound);
        final List<IbInstrument> instruments = new ArrayList<>();
        for (final InstrumentConfig i : config.instruments())
        {
            instruments.add(new IbInstrument(i.id(), i.priceScale(), i.qtyScale(), new IbContract(
                conIds.getOrDefault(i.symbol(), 0L), i.symbol(), "STK", "SMART", "", "USD", "", "")));
        }
        final InboundSink inbound = this::onInbound;
        this.gateway = new IbGateway(tws, instruments, account, 1, inbound, clock);
        this.gateway.filledBefore(this::engineFilled);
        this.gateway.executionsAfter(() -> executionFilter.epochSeconds(clock.nanoTime()));
    }

    /**
     * Starts connecting.
     *
     * @param nowNs monotonic nanoseconds.
     */
    public void start(final long nowNs)
    {
        // the venue is DOWN until this session is ready and its broker snapshot is in and reconciled: a recovered
        // state ends with the previous process's session, which is gone, and a fresh engine must not decide an
        // order on the quotes that arrive before the session is ready (journaled, so replay sees the same)
        final UnsafeBuffer down = new UnsafeBuffer(new byte[ConnectivityCodec.LENGTH]);
        Header.write(down, 0, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH, 0, 0, clock.nanoTime(), 0,
            TIMER_SOURCE_ID, ++timers);
        ConnectivityCodec.venueId(down, 0, 1);
        ConnectivityCodec.state(down, 0, ConnectivityState.DOWN);
        onInbound(down, 0, ConnectivityCodec.LENGTH);
        // the recovered book refuses source sequences at or below the previous process's last one
        gateway.continueMarketSequenceAfter(pipeline.book().highestSourceSequence());
        gateway.start(nowNs);
    }

    /**
     * One duty cycle: the adapter's I/O, then every queued inbound record through journal and engine.
     *
     * @param nowNs monotonic nanoseconds.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        int work = gateway.doWork(nowNs);
        final long eventNs = clock.nanoTime();
        work += takeOperatorCommand(eventNs);
        if (eventNs >= nextHeartbeatNs)
        {
            // a heartbeat TIMER on event time, connected or not: the venue-down kill switch and order expiry see time
            // move while IB is silent, and replay sees the same timers (they are journaled like every input)
            nextHeartbeatNs = eventNs + HEARTBEAT_NS;
            TimerCodec.write(timer, 0, eventNs, TIMER_SOURCE_ID, ++timers);
            onInbound(timer, 0, TimerCodec.LENGTH);
            work++;
        }
        return work + drain();
    }

    /**
     * Rebuilds the engine's state from a previous session's journal before connecting ({@code --recover-from}): each
     * of its inbound records goes through the engine and into this session's journal with its original receive time,
     * and the decisions it causes are journaled again, but no order command reaches the broker. The new journal is
     * thus self-contained (it replays identical on its own), client order ids continue above the previous session's,
     * and the reconciliation at the first UP compares the recovered state with the broker's.
     *
     * @param buffer holds one inbound record of the previous journal.
     * @param offset where it starts.
     * @param length its length.
     */
    public void recover(final DirectBuffer buffer, final int offset, final int length)
    {
        final int type = Header.type(buffer, offset);
        if (!RecordType.isInbound(type))
        {
            return;
        }
        recovering = true;
        try
        {
            slot.buffer.putBytes(0, buffer, offset, length);
            Header.sequence(slot.buffer, 0, sequence++);
            journal.onInput(slot.buffer, 0, length);
            pipeline.onEvent(slot);
            recovered++;
            afterInput();
        }
        finally
        {
            recovering = false;
        }
    }

    /**
     * Records recovered from a previous journal.
     *
     * @return the count.
     */
    public long recovered()
    {
        return recovered;
    }

    /**
     * Inbound records processed so far.
     *
     * @return the count.
     */
    public long processed()
    {
        return sequence;
    }

    /**
     * Inbound records lost because the queue was full (0 in a healthy session).
     *
     * @return the count.
     */
    public long dropped()
    {
        return dropped;
    }

    /**
     * The engine.
     *
     * @return the pipeline.
     */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * The adapter.
     *
     * @return the IB gateway.
     */
    public IbGateway gateway()
    {
        return gateway;
    }

    @Override
    public void close()
    {
        gateway.close();
        drain();
        if (snapshotJournal != null && sequence > 0)
        {
            // end of session, after the adapter's last records: the next restart replays nothing of this journal
            snapshot();
        }
    }

    private void onInbound(final DirectBuffer buffer, final int offset, final int length)
    {
        if (count == QUEUE)
        {
            dropped++;
            return;
        }
        buffer.getBytes(offset, queue[(head + count) % QUEUE], 0, length);
        count++;
        if (!processing)
        {
            drain();
        }
    }

    private int drain()
    {
        if (processing)
        {
            return 0;
        }
        processing = true;
        int work = 0;
        try
        {
            while (count > 0)
            {
                view.wrap(queue[head]);
                head = (head + 1) % QUEUE;
                count--;
                slot.buffer.putBytes(0, view, 0, Header.length(view, 0));
                work++;
                process();
            }
        }
        finally
        {
            processing = false;
        }
        return work;
    }

    private void process()
    {
        Header.sequence(slot.buffer, 0, sequence++);
        Header.receiveTimeNs(slot.buffer, 0, clock.nanoTime());
        journal.onInput(slot.buffer, 0, Header.length(slot.buffer, 0));
        pipeline.onEvent(slot);
        afterInput();
        periodicSnapshot();
        if (ops != null)
        {
            ops.afterEvent(slot);
        }
    }

    private void onOutbound(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.onOutput(buffer, offset, length);
        if (!recovering && Header.type(buffer, offset) == RecordType.RECONCILIATION)
        {
            reconciliationLog.onRecord(buffer, offset);
        }
        if (!recovering && Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
        {
            gateway.onRecord(buffer, offset, length);
        }
    }

    /**
     * Writes engine-state snapshots of this session's journal (issue 9 §3): every {@code ib.snapshotEverySeconds} of
     * event time, after the first input at or past each boundary (a deterministic point between two inputs, so the
     * same journal gives the same cut points), and when the session closes, after the adapter's last records. A
     * snapshot holds the whole pipeline's state, so a restart ({@link SnapshotRecovery}) restores the newest valid one
     * and replays only the journal's inputs after it; a cleanly closed session's restart replays none. The newest
     * {@link StateSnapshotFile#KEEP} are kept. Writing one (a few hundred 152-byte records, a file and a rename) runs
     * on this thread between inputs, never per input.
     *
     * @param journalDir this session's journal.
     * @param manifestText that journal's manifest (a snapshot names the journal it belongs to by its checksum).
     */
    public void snapshots(final Path journalDir, final String manifestText)
    {
        this.snapshotJournal = journalDir;
        this.snapshotManifest = manifestText;
    }

    /**
     * Writes a snapshot of the state after the inputs so far (no-op without {@link #snapshots}); called by
     * {@link #close}, and by tests for snapshots at other points.
     */
    public void snapshot()
    {
        if (snapshotJournal != null)
        {
            StateSnapshotFile.write(snapshotJournal, snapshotManifest, pipeline, instrumentCount, sequence,
                lastEventTimeNs, lastType);
            snapshotsWritten++;
        }
    }

    /**
     * Snapshots written.
     *
     * @return the count.
     */
    public long snapshotsWritten()
    {
        return snapshotsWritten;
    }

    private void afterInput()
    {
        lastEventTimeNs = Header.eventTimeNs(slot.buffer, 0);
        lastType = Header.type(slot.buffer, 0);
        executionFilter.onInput(slot.buffer, recovering);
    }

    private IbSessionOps ops;
    private final UnsafeBuffer operatorRecord =
        new UnsafeBuffer(new byte[OperatorCodec.LENGTH]);

    /**
     * Serves an ops server (issue 9 §4, as {@code run} does for the synthetic world): the engine's state is published
     * after each event, and operator commands (halt, resume, cancel-all, flatten) are taken from the inbox in the
     * duty cycle as OPERATOR records, so they are sequenced, journaled and replayed like any input. Call before
     * {@link #start}.
     *
     * @param state the block to publish into.
     * @param commands where operator commands come from.
     */
    public void serveOps(
        final EngineState state, final OperatorInbox commands)
    {
        this.ops = new IbSessionOps(new StatePublisher(state, pipeline.orders()),
            commands);
    }

    /**
     * Sequence of the last inbound record journaled and processed, -1 before the first or without
     * {@link #serveOps} (any thread).
     *
     * @return the sequence.
     */
    public long processedSequence()
    {
        final IbSessionOps o = ops;
        return o == null ? -1 : o.processed();
    }

    private int takeOperatorCommand(final long eventNs)
    {
        if (ops == null)
        {
            return 0;
        }
        final long request = ops.take(operatorRecord, eventNs);
        if (request < 0)
        {
            return 0;
        }
        onInbound(operatorRecord, 0, OperatorCodec.LENGTH);
        // not processing here, so the queue drained through the command: it is the last record sequenced
        ops.completed(request, sequence - 1);
        return 1;
    }

    private final ReconciliationLog reconciliationLog = new ReconciliationLog();

    /**
     * This session's last reconciliation, for the ops server (recovered records of an earlier session not included).
     *
     * @return the log, readable from any thread.
     */
    public ReconciliationLog reconciliationLog()
    {
        return reconciliationLog;
    }

    /** Lots of an order the engine holds as filled (its recovered state), for the adapter's re-tracked orders. */
    private long engineFilled(final long clOrdId)
    {
        final OrderStore store = pipeline.orders().workingOrders().store();
        final int live = store.slotOf(clOrdId);
        final int slot = live >= 0 ? live : store.finishedSlotOf(clOrdId);
        return slot < 0 ? 0 : store.qty(slot) - store.leaves(slot);
    }

    /** Event time between periodic snapshots ({@code ib.snapshotEverySeconds}), ns; 0: only at the end. */
    private final long snapshotEveryNs;
    /** Event time of the next periodic snapshot's boundary; MIN_VALUE before the first live input. */
    private long nextSnapshotNs = Long.MIN_VALUE;

    /** After a live input: a snapshot when its event time reached the boundary, then the next boundary. */
    private void periodicSnapshot()
    {
        if (snapshotEveryNs <= 0 || snapshotJournal == null || lastEventTimeNs < nextSnapshotNs)
        {
            return;
        }
        if (nextSnapshotNs != Long.MIN_VALUE)
        {
            snapshot();
        }
        nextSnapshotNs = lastEventTimeNs - Math.floorMod(lastEventTimeNs, snapshotEveryNs) + snapshotEveryNs;
    }

    private final ExecutionFilterTime executionFilter = new ExecutionFilterTime();

    /**
     * Sets the margin of the executions filter ({@link ExecutionFilterTime#MARGIN_NS} by default), e.g. a shorter
     * one in tests. Call before {@link #start}.
     *
     * @param marginNs nanoseconds before the base time, at least one second.
     */
    public void executionFilterMarginNs(final long marginNs)
    {
        executionFilter.marginNs(marginNs);
    }
}
