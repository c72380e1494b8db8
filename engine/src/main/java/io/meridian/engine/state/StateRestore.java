package io.meridian.engine.state;

import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * The whole pipeline's engine-state snapshot (issue 9, format {@link #STATE_FORMAT}): how it is laid out, how it is
 * saved from a stage list, and how a restarted engine restores it from the STATE_RESTORE records it is fed.
 *
 * <p>Layout (longs): {@link #STATE_FORMAT}, instrument count, stage count, then per stage in list order its section:
 * the section's value count, then what the stage's {@link Stage#saveState} wrote.
 *
 * <p>Restore: the first stage (the book, which decodes every event) feeds each STATE_RESTORE record to
 * {@link #onRecord}: BEGIN sizes the state, each chunk fills its values, END checks the chunk count and the header
 * (format, instruments, stages, section lengths) and hands the values to the slot ({@link EventSlot#restoredState}).
 * Every stage, when that END slot reaches it, loads its own section ({@link #loadSection}) and does nothing else for
 * the record. In staged mode the sections are read by each stage's own thread after the ring's barrier hands it the
 * slot, which orders them after the first stage filled the values; a stage never reads another's section.
 *
 * <p>Single-threaded per instance (the first stage's thread). A restore allocates the value array once, at BEGIN.
 */
public final class StateRestore
{
    /** Engine-state snapshot format: 3 = the whole pipeline's state; 2 held the order stage's only. */
    public static final long STATE_FORMAT = 3;
    /** Values before the first section: format, instruments, stages. */
    public static final int HEADER = 3;

    private final int instruments;
    private int stages = -1;
    private long[] values = new long[0];
    private int total = -1;
    private int chunks;

    /**
     * A restorer for an engine.
     *
     * @param instruments the engine's instrument count.
     */
    public StateRestore(final int instruments)
    {
        this.instruments = instruments;
    }

    /**
     * Sets the number of stages of the pipeline the restorer belongs to (checked against a snapshot's).
     *
     * @param count the stage count.
     */
    public void stages(final int count)
    {
        stages = count;
    }

    /**
     * Writes a stage list's state.
     *
     * @param stages the stages, in pipeline order.
     * @param instruments the instrument count.
     * @param out receives the values.
     */
    public static void save(final Stage[] stages, final int instruments, final LongArrayList out)
    {
        out.addLong(STATE_FORMAT);
        out.addLong(instruments);
        out.addLong(stages.length);
        for (final Stage stage : stages)
        {
            final int lengthAt = out.size();
            out.addLong(0L);
            stage.saveState(out);
            out.setLong(lengthAt, out.size() - lengthAt - 1);
        }
    }

    /**
     * One STATE_RESTORE record (the first stage calls this after decoding it): BEGIN sizes the state, each chunk fills
     * its values, END checks the chunk count and the header and sets {@link EventSlot#restoredState}.
     *
     * @param buffer the record.
     * @param slot the event's slot.
     * @throws IllegalStateException for a part outside a snapshot, a chunk that overruns it or a wrong chunk count.
     * @throws IllegalArgumentException when the state does not fit this engine (format, instruments, stages,
     *     sections), naming what differs.
     */
    public void onRecord(final DirectBuffer buffer, final EventSlot slot)
    {
        final byte part = StateRestoreCodec.part(buffer, 0);
        final int count = StateRestoreCodec.count(buffer, 0);
        if (part == StateRestoreCodec.BEGIN)
        {
            // values: format, journal position, instruments, values in the state
            final long format = StateRestoreCodec.value(buffer, 0, 0);
            if (format != STATE_FORMAT)
            {
                throw new IllegalArgumentException("engine state snapshot: format " + format + " (this engine reads "
                    + STATE_FORMAT + ": the whole pipeline's state; format 2 held the order stage's only)");
            }
            total = (int)StateRestoreCodec.value(buffer, 0, 3);
            values = new long[total];
            chunks = 0;
            return;
        }
        if (total < 0)
        {
            throw new IllegalStateException("STATE_RESTORE part " + part + " outside a snapshot (no BEGIN)");
        }
        if (part == StateRestoreCodec.END)
        {
            final long expected = StateRestoreCodec.value(buffer, 0, 1);
            if (expected != chunks)
            {
                throw new IllegalStateException("STATE_RESTORE END counts " + expected + " chunks, " + chunks
                    + " arrived");
            }
            check(values, total);
            slot.restoredState = values;
            slot.restoredAt = HEADER;
            total = -1;
            values = new long[0];
            return;
        }
        final int at = StateRestoreCodec.valueOffset(buffer, 0);
        if (at < 0 || at + count > total)
        {
            throw new IllegalStateException("STATE_RESTORE chunk at " + at + " of " + count + " values overruns the "
                + total + "-value state");
        }
        for (int k = 0; k < count; k++)
        {
            values[at + k] = StateRestoreCodec.value(buffer, 0, k);
        }
        chunks++;
    }

    private void check(final long[] in, final int length)
    {
        if (length < HEADER || in[0] != STATE_FORMAT || in[1] != instruments || (stages >= 0 && in[2] != stages))
        {
            throw new IllegalArgumentException("engine state snapshot: format " + (length > 0 ? in[0] : -1)
                + " (this engine reads " + STATE_FORMAT + "), " + (length > 1 ? in[1] : -1) + " instruments (this "
                + "engine has " + instruments + "), " + (length > 2 ? in[2] : -1) + " stages (this engine has "
                + stages + ")");
        }
        int at = HEADER;
        for (int s = 0; s < in[2]; s++)
        {
            if (at >= length || in[at] < 0 || at + 1 + in[at] > length)
            {
                throw new IllegalArgumentException("engine state snapshot: stage " + s + "'s section at " + at
                    + " overruns the " + length + "-value state");
            }
            at += 1 + (int)in[at];
        }
        if (at != length)
        {
            throw new IllegalArgumentException("engine state snapshot: " + length + " values, its sections end at "
                + at);
        }
    }

    /**
     * Loads a stage's section of a restored state: the next section of {@link EventSlot#restoredState}, which it
     * then moves past. Called by each stage, in pipeline order, when the END slot reaches it.
     *
     * @param stage the stage.
     * @param slot the END record's slot.
     * @throws IllegalArgumentException when the stage reads more or fewer values than its section holds.
     */
    public static void loadSection(final Stage stage, final EventSlot slot)
    {
        final long[] in = slot.restoredState;
        final int at = slot.restoredAt;
        final int length = (int)in[at];
        final int end = stage.loadState(in, at + 1);
        if (end != at + 1 + length)
        {
            throw new IllegalArgumentException("engine state snapshot: stage " + stage.name() + " read "
                + (end - at - 1) + " values of its " + length + "-value section");
        }
        slot.restoredAt = end;
    }
}
