package io.meridian.ops.train;

import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.EventSlot;
import java.util.Arrays;
import org.agrona.DirectBuffer;

/**
 * Builds a training set from journaled market data with the engine's own book and feature stages, built by the
 * engine's factory ({@link EngineFactory#features}) exactly as a live engine builds them: each row is the feature
 * vector the engine computed at an accepted quote or bar (the configured vector, {@code FeatureSchema.names(config)}:
 * tick features and bar-indicator outputs included), and its label is the forward mid return, in basis points, to
 * the {@code horizon}-th next accepted quote (or bar: its mid is the close) of the same instrument. Trades and timers
 * go through the feature stage too (tick features; bars built in the engine, {@code features.bars}). Features use only
 * events up to the row's own event (they are computed incrementally, in journal order, before any later event is seen);
 * only the label looks ahead, by construction. Rows whose horizon runs past the end of the journal are dropped.
 */
public final class TrainingSet
{
    private final Pipeline features;
    private final EventSlot slot = new EventSlot();
    private final int horizon;
    private final int stride;
    private final int width;

    private double[][] rows = new double[1024][];
    private double[] labels = new double[1024];
    private long[] rowEventSequence = new long[1024];
    private int size;
    private final int[][] pendingRow;
    private final double[][] pendingMid;
    private final long[] quoteCount;
    private long quotesSeen;

    /**
     * An empty set for a configuration.
     *
     * @param config the run's configuration (instruments, feature windows).
     * @param horizon label horizon in quotes of the same instrument.
     * @param stride keep one row in {@code stride} (1 keeps all).
     */
    public TrainingSet(final EngineConfig config, final int horizon, final int stride)
    {
        this.features = EngineFactory.features(config);
        this.horizon = horizon;
        this.stride = stride;
        this.width = FeatureSchema.count(config.features());
        final int n = features.instruments().count();
        pendingRow = new int[n][horizon];
        pendingMid = new double[n][horizon];
        quoteCount = new long[n];
        for (final int[] p : pendingRow)
        {
            Arrays.fill(p, -1);
        }
    }

    /**
     * Feeds one inbound record, in journal order.
     *
     * @param buffer the record.
     * @param offset where it starts.
     */
    public void onInput(final DirectBuffer buffer, final int offset)
    {
        final byte type = Header.type(buffer, offset);
        if (type != RecordType.QUOTE && type != RecordType.TRADE && type != RecordType.BAR
            && type != RecordType.TIMER)
        {
            return;
        }
        slot.buffer.putBytes(0, buffer, offset, Header.length(buffer, offset));
        features.onEvent(slot);
        if ((type != RecordType.QUOTE && type != RecordType.BAR) || !slot.marketDataAccepted)
        {
            return;
        }
        final int index = slot.instrumentIndex;
        final double mid = 0.5 * (slot.bidPrice + slot.askPrice);
        final int cursor = (int)(quoteCount[index] % horizon);
        final int due = pendingRow[index][cursor];
        if (due >= 0)
        {
            labels[due] = (mid - pendingMid[index][cursor]) / pendingMid[index][cursor] * 10_000.0;
        }
        pendingRow[index][cursor] = -1;
        quoteCount[index]++;
        if (slot.featuresReady && quotesSeen++ % stride == 0)
        {
            pendingRow[index][cursor] = add(slot.features, slot.sequence);
            pendingMid[index][cursor] = mid;
        }
    }

    private int add(final double[] row, final long sequence)
    {
        if (size == rows.length)
        {
            rows = Arrays.copyOf(rows, size * 2);
            labels = Arrays.copyOf(labels, size * 2);
            rowEventSequence = Arrays.copyOf(rowEventSequence, size * 2);
        }
        // the configured vector (FeatureSchema.names(config)); the base six when nothing is configured
        rows[size] = Arrays.copyOf(row, width);
        labels[size] = Double.NaN;
        rowEventSequence[size] = sequence;
        return size++;
    }

    /**
     * The labelled rows (rows whose horizon ran past the end are dropped).
     *
     * @return feature rows.
     */
    public double[][] features()
    {
        int n = 0;
        final double[][] out = new double[labelledCount()][];
        for (int i = 0; i < size; i++)
        {
            if (!Double.isNaN(labels[i]))
            {
                out[n++] = rows[i];
            }
        }
        return out;
    }

    /**
     * Labels of the labelled rows, same order as {@link #features()}.
     *
     * @return labels in basis points.
     */
    public double[] labels()
    {
        int n = 0;
        final double[] out = new double[labelledCount()];
        for (int i = 0; i < size; i++)
        {
            if (!Double.isNaN(labels[i]))
            {
                out[n++] = labels[i];
            }
        }
        return out;
    }

    /**
     * Inbound sequence of the event each labelled row was computed at, same order as {@link #features()}.
     *
     * @return sequences.
     */
    public long[] eventSequences()
    {
        int n = 0;
        final long[] out = new long[labelledCount()];
        for (int i = 0; i < size; i++)
        {
            if (!Double.isNaN(labels[i]))
            {
                out[n++] = rowEventSequence[i];
            }
        }
        return out;
    }

    private int labelledCount()
    {
        int n = 0;
        for (int i = 0; i < size; i++)
        {
            if (!Double.isNaN(labels[i]))
            {
                n++;
            }
        }
        return n;
    }
}
