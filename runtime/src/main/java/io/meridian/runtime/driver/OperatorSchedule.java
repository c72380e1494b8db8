package io.meridian.runtime.driver;

import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import java.util.Arrays;
import org.agrona.MutableDirectBuffer;

/**
 * Operator commands (halt, resume, cancel-all, flatten) at given event times, for the driver to merge with the other
 * inbound sources: a scripted session in a backtest, or a test. Immutable list, consumed in time order (commands at
 * the same time in the order given) by the driver's thread; allocation-free while consumed.
 */
public final class OperatorSchedule
{
    private final long[] timesNs;
    private final byte[] commands;
    private final int[] instruments;
    private final long[] operators;
    private int next;

    private OperatorSchedule(
        final long[] timesNs, final byte[] commands, final int[] instruments, final long[] operators)
    {
        this.timesNs = timesNs;
        this.commands = commands;
        this.instruments = instruments;
        this.operators = operators;
    }

    /**
     * No operator commands.
     *
     * @return an empty schedule.
     */
    public static OperatorSchedule none()
    {
        return new OperatorSchedule(new long[0], new byte[0], new int[0], new long[0]);
    }

    /**
     * A builder of a schedule.
     *
     * @return a builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Event time of the next command.
     *
     * @return nanoseconds, {@code Long.MAX_VALUE} when none is left.
     */
    public long peekTimeNs()
    {
        return next < timesNs.length ? timesNs[next] : Long.MAX_VALUE;
    }

    /**
     * Writes the next OPERATOR record (sequence and receive time left for the sequencer) and advances.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return the record length.
     * @throws IllegalStateException when none is left.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        if (next >= timesNs.length)
        {
            throw new IllegalStateException("no operator command left");
        }
        Header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH, instruments[next], 0, timesNs[next], 0,
            SourceIds.OPERATOR, next + 1);
        OperatorCodec.command(buffer, offset, commands[next]);
        OperatorCodec.operator(buffer, offset, operators[next]);
        next++;
        return OperatorCodec.LENGTH;
    }

    /**
     * Collects commands; times must not decrease.
     */
    public static final class Builder
    {
        private long[] timesNs = new long[4];
        private byte[] commands = new byte[4];
        private int[] instruments = new int[4];
        private long[] operators = new long[4];
        private int size;

        private Builder()
        {
        }

        /**
         * Adds a command.
         *
         * @param timeNs its event time, not before the previous command's.
         * @param command an {@link OperatorCommand} code.
         * @param instrumentId the instrument it is scoped to, 0 for all.
         * @param operator who gave it ({@code OperatorCodec.packOperator}), 0 for a scripted command.
         * @return this.
         * @throws IllegalArgumentException when the time goes backwards or the command is unknown.
         */
        public Builder add(final long timeNs, final byte command, final int instrumentId, final long operator)
        {
            if (size > 0 && timeNs < timesNs[size - 1])
            {
                throw new IllegalArgumentException("operator command at " + timeNs
                    + " ns is before the previous one at " + timesNs[size - 1] + " ns");
            }
            if (OperatorCommand.name(command).startsWith("UNKNOWN"))
            {
                throw new IllegalArgumentException("unknown operator command code " + command);
            }
            if (size == timesNs.length)
            {
                timesNs = Arrays.copyOf(timesNs, size * 2);
                commands = Arrays.copyOf(commands, size * 2);
                instruments = Arrays.copyOf(instruments, size * 2);
                operators = Arrays.copyOf(operators, size * 2);
            }
            timesNs[size] = timeNs;
            commands[size] = command;
            instruments[size] = instrumentId;
            operators[size] = operator;
            size++;
            return this;
        }

        /**
         * The schedule.
         *
         * @return a new schedule holding the commands added so far.
         */
        public OperatorSchedule build()
        {
            return new OperatorSchedule(
                Arrays.copyOf(timesNs, size), Arrays.copyOf(commands, size), Arrays.copyOf(instruments, size),
                Arrays.copyOf(operators, size));
        }
    }
}
