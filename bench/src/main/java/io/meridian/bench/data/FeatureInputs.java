package io.meridian.bench.data;

import io.meridian.config.EngineConfig;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.pipeline.EngineFactory;

/**
 * Quotes and feature vectors taken from the demo market, pre-generated for the feature and scorer benchmarks. The
 * arrays are read-only after construction and their length is a power of two, so a benchmark can cycle through them
 * with a mask.
 */
public final class FeatureInputs
{
    /** Dense instrument index of each quote. */
    public final int[] index;
    /** Best bid of each quote, in ticks. */
    public final double[] bid;
    /** Bid size of each quote. */
    public final double[] bidQty;
    /** Best ask of each quote, in ticks. */
    public final double[] ask;
    /** Ask size of each quote. */
    public final double[] askQty;
    /** Warmed-up feature vectors, {@link FeatureSchema#COUNT} each, as the feature stage produced them. */
    public final double[][] vectors;

    private FeatureInputs(final int count)
    {
        index = new int[count];
        bid = new double[count];
        bidQty = new double[count];
        ask = new double[count];
        askQty = new double[count];
        vectors = new double[count][];
    }

    /**
     * Takes the first {@code count} quotes of the demo market after the feature warm-up, with the vector the feature
     * stage computed for each.
     *
     * @param config validated configuration (the demo profile).
     * @param count how many; a power of two.
     * @return the inputs.
     */
    public static FeatureInputs demo(final EngineConfig config, final int count)
    {
        if (Integer.bitCount(count) != 1)
        {
            throw new IllegalArgumentException("count must be a power of two: " + count);
        }
        final InstrumentIndex instruments = EngineFactory.instruments(config);
        final FeatureEngine features = new FeatureEngine(instruments.count(), config.features().emaFastTicks(),
            config.features().emaSlowTicks(), config.features().volWindowTicks());
        final FeatureInputs inputs = new FeatureInputs(count);
        final double[] out = new double[FeatureSchema.COUNT];
        int taken = 0;
        int chunk = Math.max(4096, 2 * count);
        int start = 0;
        EventTape tape = DemoWorld.marketTape(config, chunk);
        while (taken < count)
        {
            if (start == tape.size())
            {
                // the first tape was too short for the warm-up: regenerate a longer one and continue after it
                chunk *= 2;
                tape = DemoWorld.marketTape(config, chunk);
            }
            for (int i = start; i < tape.size() && taken < count; i++)
            {
                if (tape.type(i) != RecordType.QUOTE)
                {
                    continue;
                }
                final int offset = tape.offset(i);
                final int instrument = instruments.indexOf(Header.instrumentId(tape.buffer(), offset));
                final double b = QuoteCodec.bidPrice(tape.buffer(), offset);
                final double bq = QuoteCodec.bidQty(tape.buffer(), offset);
                final double a = QuoteCodec.askPrice(tape.buffer(), offset);
                final double aq = QuoteCodec.askQty(tape.buffer(), offset);
                if (features.onQuote(instrument, b, bq, a, aq, out))
                {
                    inputs.index[taken] = instrument;
                    inputs.bid[taken] = b;
                    inputs.bidQty[taken] = bq;
                    inputs.ask[taken] = a;
                    inputs.askQty[taken] = aq;
                    inputs.vectors[taken] = out.clone();
                    taken++;
                }
            }
            start = tape.size();
        }
        return inputs;
    }

    /**
     * Number of quotes (and vectors).
     *
     * @return the count, a power of two.
     */
    public int size()
    {
        return index.length;
    }
}
