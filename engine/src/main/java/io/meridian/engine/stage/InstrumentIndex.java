package io.meridian.engine.stage;

import io.meridian.engine.api.Scales;
import java.util.Arrays;

/**
 * Maps instrument ids (1..1023) to dense indexes 0..n-1 and holds each instrument's fixed-point scales.
 * Immutable after construction; shared read-only by every stage.
 */
public final class InstrumentIndex
{
    /** Largest instrument id. */
    public static final int MAX_ID = 1023;

    private final int[] indexById = new int[MAX_ID + 1];
    private final int[] ids;
    private final String[] symbols;
    private final long[] priceScale;
    private final long[] qtyScale;
    private final long[] cashMultiplier;

    /**
     * Builds the index.
     *
     * @param ids instrument ids, unique, 1..{@link #MAX_ID}.
     * @param symbols symbols, same order.
     * @param priceScales price scales, same order.
     * @param qtyScales quantity scales, same order.
     */
    public InstrumentIndex(final int[] ids, final String[] symbols, final long[] priceScales, final long[] qtyScales)
    {
        Arrays.fill(indexById, -1);
        this.ids = ids.clone();
        this.symbols = symbols.clone();
        this.priceScale = priceScales.clone();
        this.qtyScale = qtyScales.clone();
        this.cashMultiplier = new long[ids.length];
        for (int i = 0; i < ids.length; i++)
        {
            if (ids[i] < 1 || ids[i] > MAX_ID || indexById[ids[i]] != -1)
            {
                throw new IllegalArgumentException(
                    "instrument id " + ids[i] + " is out of 1.." + MAX_ID + " or repeated");
            }
            indexById[ids[i]] = i;
            cashMultiplier[i] = Scales.cashMultiplier(priceScales[i], qtyScales[i]);
        }
    }

    /**
     * Dense index of an instrument id.
     *
     * @param instrumentId the id.
     * @return the index, or -1 when the id is not configured.
     */
    public int indexOf(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId <= MAX_ID ? indexById[instrumentId] : -1;
    }

    public int count()
    {
        return ids.length;
    }

    public int id(final int index)
    {
        return ids[index];
    }

    public String symbol(final int index)
    {
        return symbols[index];
    }

    public long priceScale(final int index)
    {
        return priceScale[index];
    }

    public long qtyScale(final int index)
    {
        return qtyScale[index];
    }

    /**
     * Cash units per (price tick x quantity lot).
     *
     * @param index dense index.
     * @return the multiplier.
     */
    public long cashMultiplier(final int index)
    {
        return cashMultiplier[index];
    }
}
