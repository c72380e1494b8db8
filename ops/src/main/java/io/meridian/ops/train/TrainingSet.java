package io.meridian.ops.train;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.pipeline.EngineFactory;
import java.util.Arrays;
import org.agrona.DirectBuffer;

/**
 * Builds a training set from journaled market data with the engine's own validation and feature code: each row is
 * the feature vector the engine computed at an accepted quote, and its label is the forward mid return, in basis
 * points, to the {@code horizon}-th next accepted quote of the same instrument. Features use only events up to the
 * row's own event (they are computed incrementally, in journal order, before any later event is seen); only the
 * label looks ahead, by construction. Rows whose horizon runs past the end of the journal are dropped.
 */
public final class TrainingSet
{
    private final InstrumentIndex instruments;
    private final MarketDataStage book;
    private final FeatureEngine features;
    private final int horizon;
    private final int stride;
    private final double[] vector = new double[FeatureSchema.COUNT];

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
        this.instruments = EngineFactory.instruments(config);
        this.book = new MarketDataStage(instruments);
        this.features = new FeatureEngine(instruments.count(), config.features().emaFastTicks(),
            config.features().emaSlowTicks(), config.features().volWindowTicks());
        this.horizon = horizon;
        this.stride = stride;
        final int n = instruments.count();
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
        if (type != RecordType.QUOTE && type != RecordType.TRADE)
        {
            return;
        }
        if (book.onMarketData(buffer, offset) != RejectReason.NONE || type != RecordType.QUOTE)
        {
            return;
        }
        final int index = instruments.indexOf(Header.instrumentId(buffer, offset));
        final long bid = QuoteCodec.bidPrice(buffer, offset);
        final long ask = QuoteCodec.askPrice(buffer, offset);
        final boolean ready = features.onQuote(index, bid, QuoteCodec.bidQty(buffer, offset), ask,
            QuoteCodec.askQty(buffer, offset), vector);
        final double mid = 0.5 * (bid + ask);
        final int slot = (int)(quoteCount[index] % horizon);
        final int due = pendingRow[index][slot];
        if (due >= 0)
        {
            labels[due] = (mid - pendingMid[index][slot]) / pendingMid[index][slot] * 10_000.0;
        }
        pendingRow[index][slot] = -1;
        quoteCount[index]++;
        if (ready && quotesSeen++ % stride == 0)
        {
            pendingRow[index][slot] = add(vector, Header.sequence(buffer, offset));
            pendingMid[index][slot] = mid;
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
        rows[size] = row.clone();
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
