package io.meridian.runtime.driver;

import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Operator commands given while the engine runs (the ops server's halt, resume, cancel-all, flatten): any thread
 * {@link #submit}s one into an Agrona many-to-one ring; the {@link EventMerger} takes it on its own thread as the next
 * inbound record (an OPERATOR record at the latest event time merged so far, so the stream stays in time order), and
 * its driver reports the inbound sequence the record got ({@link #completed}), which the submitter reads back with
 * {@link #sequenceOf}. So an operator command enters the engine like any other input: sequenced, journaled, replayed.
 *
 * <p>Taking a command ({@link #take}) is allocation-free. A full inbox refuses the command ({@link #submit} returns
 * -1); at most {@value #RESULTS} commands may be in flight for their sequence to be read back.
 */
public final class OperatorInbox
{
    /** Commands in flight whose sequence can be read back. */
    public static final int RESULTS = 1024;
    private static final int CAPACITY = 64 * 1024;
    private static final int MSG_TYPE = 1;
    private static final int REQUEST_OFFSET = 0;
    private static final int OPERATOR_OFFSET = 8;
    private static final int INSTRUMENT_OFFSET = 16;
    private static final int COMMAND_OFFSET = 20;
    private static final int MESSAGE_LENGTH = 24;

    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final AtomicLong nextRequest = new AtomicLong(1);
    private final AtomicLongArray owners = new AtomicLongArray(RESULTS);
    private final AtomicLongArray sequences = new AtomicLongArray(RESULTS);
    private final Taker taker = new Taker();

    /**
     * Submits a command (any thread).
     *
     * @param command an {@code OperatorCommand} code.
     * @param instrumentId the instrument it is scoped to, 0 for all.
     * @param operator who gives it ({@code OperatorCodec.packOperator}).
     * @return the request id to pass to {@link #sequenceOf}, or -1 when the inbox is full.
     */
    public long submit(final byte command, final int instrumentId, final long operator)
    {
        final long request = nextRequest.getAndIncrement();
        final UnsafeBuffer m = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);
        m.putLong(REQUEST_OFFSET, request);
        m.putLong(OPERATOR_OFFSET, operator);
        m.putInt(INSTRUMENT_OFFSET, instrumentId);
        m.putByte(COMMAND_OFFSET, command);
        return ring.write(MSG_TYPE, m, 0, MESSAGE_LENGTH) ? request : -1;
    }

    /**
     * The inbound sequence a submitted command got (any thread).
     *
     * @param request the id {@link #submit} returned.
     * @return the sequence, or -1 while the command has not entered the engine yet.
     */
    public long sequenceOf(final long request)
    {
        final int slot = (int)(request & (RESULTS - 1));
        if (owners.get(slot) != request)
        {
            return -1;
        }
        final long sequence = sequences.get(slot);
        // a slot reused by a request RESULTS later would have changed its owner
        return owners.get(slot) == request ? sequence : -1;
    }

    /**
     * Whether a command is waiting (the merger's thread).
     *
     * @return true when {@link #take} would write one.
     */
    public boolean hasCommand()
    {
        return ring.size() > 0;
    }

    /**
     * Writes the next waiting command as an OPERATOR record (the merger's thread): sequence and receive time left for
     * the sequencer.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @param eventTimeNs its event time.
     * @return the request id of the command written, or -1 when none was waiting.
     */
    public long take(final MutableDirectBuffer buffer, final int offset, final long eventTimeNs)
    {
        taker.request = -1;
        if (ring.read(taker, 1) == 0)
        {
            return -1;
        }
        taker.taken++;
        Header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH, taker.instrumentId, 0, eventTimeNs, 0,
            SourceIds.OPERATOR, taker.taken);
        OperatorCodec.command(buffer, offset, taker.command);
        OperatorCodec.operator(buffer, offset, taker.operator);
        return taker.request;
    }

    /**
     * Records the inbound sequence a taken command got (the driver's thread).
     *
     * @param request the request id {@link #take} returned.
     * @param sequence the sequence the sequencer stamped.
     */
    public void completed(final long request, final long sequence)
    {
        final int slot = (int)(request & (RESULTS - 1));
        sequences.set(slot, sequence);
        // the sequence is visible before the owner says it belongs to this request
        owners.lazySet(slot, request);
    }

    /** Copies one ring message into its fields and counts them; one instance, owned by the merger's thread. */
    private static final class Taker implements MessageHandler
    {
        long taken;
        long request;
        long operator;
        int instrumentId;
        byte command;

        @Override
        public void onMessage(
            final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            request = buffer.getLong(index + REQUEST_OFFSET);
            operator = buffer.getLong(index + OPERATOR_OFFSET);
            instrumentId = buffer.getInt(index + INSTRUMENT_OFFSET);
            command = buffer.getByte(index + COMMAND_OFFSET);
        }
    }
}
