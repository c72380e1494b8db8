package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: the real-time risk monitor's snapshot (SPEC §1(g)), written by the order stage every {@code
 * monitor.intervalMs} of event time, on the first event at or after each interval boundary. Money is in currency units,
 * risk figures are fractions of NAV; everything follows from journaled events, so replay reproduces it.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *   48 causeSequence  i64
 *   56 nav            f64
 *   64 grossExposure  f64
 *   72 netExposure    f64
 *   80 leverage       f64
 *   88 drawdown       f64
 *   96 monthPnl       f64
 *  104 histVar95      f64
 *  112 histCvar95     f64
 *  120 histVar99      f64
 *  128 histCvar99     f64
 *  136 paramVar99     f64
 *  144 maxUsage       f64
 *  152 maxUsageCode   i16
 *  154 (padding)      2
 *  156 returns        i32
 *  160 (end)
 * </pre>
 */
public final class RiskSnapshotCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.RISK_SNAPSHOT;
    /** Record length in bytes. */
    public static final int LENGTH = 160;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code nav}. */
    public static final int NAV_OFFSET = 56;
    /** Offset of {@code grossExposure}. */
    public static final int GROSS_EXPOSURE_OFFSET = 64;
    /** Offset of {@code netExposure}. */
    public static final int NET_EXPOSURE_OFFSET = 72;
    /** Offset of {@code leverage}. */
    public static final int LEVERAGE_OFFSET = 80;
    /** Offset of {@code drawdown}. */
    public static final int DRAWDOWN_OFFSET = 88;
    /** Offset of {@code monthPnl}. */
    public static final int MONTH_PNL_OFFSET = 96;
    /** Offset of {@code histVar95}. */
    public static final int HIST_VAR95_OFFSET = 104;
    /** Offset of {@code histCvar95}. */
    public static final int HIST_CVAR95_OFFSET = 112;
    /** Offset of {@code histVar99}. */
    public static final int HIST_VAR99_OFFSET = 120;
    /** Offset of {@code histCvar99}. */
    public static final int HIST_CVAR99_OFFSET = 128;
    /** Offset of {@code paramVar99}. */
    public static final int PARAM_VAR99_OFFSET = 136;
    /** Offset of {@code maxUsage}. */
    public static final int MAX_USAGE_OFFSET = 144;
    /** Offset of {@code maxUsageCode}. */
    public static final int MAX_USAGE_CODE_OFFSET = 152;
    /** Offset of {@code returns}. */
    public static final int RETURNS_OFFSET = 156;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "RISK_SNAPSHOT", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("nav", NAV_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("grossExposure", GROSS_EXPOSURE_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("netExposure", NET_EXPOSURE_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("leverage", LEVERAGE_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("drawdown", DRAWDOWN_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("monthPnl", MONTH_PNL_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("histVar95", HIST_VAR95_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("histCvar95", HIST_CVAR95_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("histVar99", HIST_VAR99_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("histCvar99", HIST_CVAR99_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("paramVar99", PARAM_VAR99_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("maxUsage", MAX_USAGE_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("maxUsageCode", MAX_USAGE_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("returns", RETURNS_OFFSET, RecordLayout.Kind.I32),
    });

    private RiskSnapshotCodec()
    {
    }

    /**
     * Sequence of the inbound event that caused it (the first event at or after the interval boundary).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long causeSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CAUSE_SEQUENCE_OFFSET);
    }

    /**
     * Sets {@code causeSequence}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void causeSequence(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CAUSE_SEQUENCE_OFFSET, value);
    }

    /**
     * Net asset value, currency.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double nav(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + NAV_OFFSET);
    }

    /**
     * Sets {@code nav}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void nav(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + NAV_OFFSET, value);
    }

    /**
     * Gross exposure at the marks (sum of absolute position values), currency.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double grossExposure(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + GROSS_EXPOSURE_OFFSET);
    }

    /**
     * Sets {@code grossExposure}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void grossExposure(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + GROSS_EXPOSURE_OFFSET, value);
    }

    /**
     * Net exposure at the marks (sum of signed position values), currency.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double netExposure(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + NET_EXPOSURE_OFFSET);
    }

    /**
     * Sets {@code netExposure}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void netExposure(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + NET_EXPOSURE_OFFSET, value);
    }

    /**
     * Gross exposure over NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double leverage(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + LEVERAGE_OFFSET);
    }

    /**
     * Sets {@code leverage}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void leverage(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + LEVERAGE_OFFSET, value);
    }

    /**
     * Fall of NAV from its peak, a fraction.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double drawdown(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + DRAWDOWN_OFFSET);
    }

    /**
     * Sets {@code drawdown}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void drawdown(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + DRAWDOWN_OFFSET, value);
    }

    /**
     * Month-to-date P&amp;L, currency.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double monthPnl(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + MONTH_PNL_OFFSET);
    }

    /**
     * Sets {@code monthPnl}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void monthPnl(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + MONTH_PNL_OFFSET, value);
    }

    /**
     * Historical VaR at 95% over the window of snapshot returns, a fraction of NAV (a loss is positive).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double histVar95(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + HIST_VAR95_OFFSET);
    }

    /**
     * Sets {@code histVar95}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void histVar95(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + HIST_VAR95_OFFSET, value);
    }

    /**
     * Historical CVaR at 95%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double histCvar95(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + HIST_CVAR95_OFFSET);
    }

    /**
     * Sets {@code histCvar95}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void histCvar95(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + HIST_CVAR95_OFFSET, value);
    }

    /**
     * Historical VaR at 99%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double histVar99(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + HIST_VAR99_OFFSET);
    }

    /**
     * Sets {@code histVar99}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void histVar99(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + HIST_VAR99_OFFSET, value);
    }

    /**
     * Historical CVaR at 99%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double histCvar99(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + HIST_CVAR99_OFFSET);
    }

    /**
     * Sets {@code histCvar99}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void histCvar99(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + HIST_CVAR99_OFFSET, value);
    }

    /**
     * Parametric (normal) VaR at 99%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double paramVar99(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + PARAM_VAR99_OFFSET);
    }

    /**
     * Sets {@code paramVar99}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void paramVar99(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + PARAM_VAR99_OFFSET, value);
    }

    /**
     * The largest limit usage (value over limit) among the monitored limits.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double maxUsage(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + MAX_USAGE_OFFSET);
    }

    /**
     * Sets {@code maxUsage}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void maxUsage(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + MAX_USAGE_OFFSET, value);
    }

    /**
     * RejectReason code of the limit with the largest usage (0 when none).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static short maxUsageCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MAX_USAGE_CODE_OFFSET);
    }

    /**
     * Sets {@code maxUsageCode}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void maxUsageCode(final MutableDirectBuffer buffer, final int offset, final short value)
    {
        buffer.putShort(offset + MAX_USAGE_CODE_OFFSET, value);
    }

    /**
     * Returns in the VaR window so far.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int returns(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + RETURNS_OFFSET);
    }

    /**
     * Sets {@code returns}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void returns(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + RETURNS_OFFSET, value);
    }
}
