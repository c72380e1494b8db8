package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: the real-time risk monitor's per-instrument and total figures (SPEC §1(g), issue 7 §4
 * "per-instrument and total"), written right after each RISK_SNAPSHOT: one record per configured instrument (header
 * {@code instrumentId}: the instrument) and then one for the whole portfolio (header {@code instrumentId} 0). An
 * instrument's returns are the change of its net P&amp;L (realized, unrealized at the mark, less costs) between two
 * timer snapshots over NAV at the earlier one, so the instruments' returns add up to the portfolio's NAV return
 * (broker NAV corrections aside); its VaR and CVaR are over the last {@code monitor.window} of them, like the
 * portfolio's. Concentration: an instrument's {@code share} of gross exposure; for the total, {@code share} is the
 * largest instrument's share and {@code herfindahl} the Herfindahl-Hirschman index. The total row also carries the
 * parametric VaR 95 and CVaR 95/99 that RISK_SNAPSHOT has no room for. Everything follows from journaled events, so
 * replay reproduces it.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *   48 causeSequence  i64
 *   56 grossExposure  f64
 *   64 netExposure    f64
 *   72 share          f64
 *   80 herfindahl     f64
 *   88 histVar95      f64
 *   96 histCvar95     f64
 *  104 histVar99      f64
 *  112 histCvar99     f64
 *  120 paramVar95     f64
 *  128 paramCvar95    f64
 *  136 paramVar99     f64
 *  144 paramCvar99    f64
 *  152 returns        i32
 *  156 trigger        i8
 *  157 (padding)      3
 *  160 (end)
 * </pre>
 */
public final class RiskInstrumentSnapshotCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.RISK_INSTRUMENT_SNAPSHOT;
    /** Record length in bytes. */
    public static final int LENGTH = 160;
    /** {@code trigger}: the snapshot of an interval boundary of event time (a new return in the window). */
    public static final byte TRIGGER_TIMER = 1;
    /** {@code trigger}: the snapshot after a fill (no new return). */
    public static final byte TRIGGER_FILL = 2;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code grossExposure}. */
    public static final int GROSS_EXPOSURE_OFFSET = 56;
    /** Offset of {@code netExposure}. */
    public static final int NET_EXPOSURE_OFFSET = 64;
    /** Offset of {@code share}. */
    public static final int SHARE_OFFSET = 72;
    /** Offset of {@code herfindahl}. */
    public static final int HERFINDAHL_OFFSET = 80;
    /** Offset of {@code histVar95}. */
    public static final int HIST_VAR95_OFFSET = 88;
    /** Offset of {@code histCvar95}. */
    public static final int HIST_CVAR95_OFFSET = 96;
    /** Offset of {@code histVar99}. */
    public static final int HIST_VAR99_OFFSET = 104;
    /** Offset of {@code histCvar99}. */
    public static final int HIST_CVAR99_OFFSET = 112;
    /** Offset of {@code paramVar95}. */
    public static final int PARAM_VAR95_OFFSET = 120;
    /** Offset of {@code paramCvar95}. */
    public static final int PARAM_CVAR95_OFFSET = 128;
    /** Offset of {@code paramVar99}. */
    public static final int PARAM_VAR99_OFFSET = 136;
    /** Offset of {@code paramCvar99}. */
    public static final int PARAM_CVAR99_OFFSET = 144;
    /** Offset of {@code returns}. */
    public static final int RETURNS_OFFSET = 152;
    /** Offset of {@code trigger}. */
    public static final int TRIGGER_OFFSET = 156;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "RISK_INSTRUMENT_SNAPSHOT", LENGTH,
        new RecordLayout.Field[]{
            new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("grossExposure", GROSS_EXPOSURE_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("netExposure", NET_EXPOSURE_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("share", SHARE_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("herfindahl", HERFINDAHL_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("histVar95", HIST_VAR95_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("histCvar95", HIST_CVAR95_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("histVar99", HIST_VAR99_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("histCvar99", HIST_CVAR99_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("paramVar95", PARAM_VAR95_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("paramCvar95", PARAM_CVAR95_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("paramVar99", PARAM_VAR99_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("paramCvar99", PARAM_CVAR99_OFFSET, RecordLayout.Kind.F64),
            new RecordLayout.Field("returns", RETURNS_OFFSET, RecordLayout.Kind.I32),
            new RecordLayout.Field("trigger", TRIGGER_OFFSET, RecordLayout.Kind.I8),
        });

    private RiskInstrumentSnapshotCodec()
    {
    }

    /**
     * Sequence of the inbound event that caused the snapshot (as in its RISK_SNAPSHOT).
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
     * Absolute value of the instrument's position at its mark (the row for the total: the sum over instruments),
     * currency.
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
     * Signed value of the instrument's position at its mark (total: the sum), currency.
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
     * The instrument's share of the portfolio's gross exposure, 0 to 1 (total: the largest instrument's share); 0 when
     * the gross exposure is 0.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double share(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + SHARE_OFFSET);
    }

    /**
     * Sets {@code share}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void share(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + SHARE_OFFSET, value);
    }

    /**
     * The instrument's share squared (total: the Herfindahl-Hirschman index, the sum of the squared shares, 1/N to 1;
     * 0 when flat).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double herfindahl(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + HERFINDAHL_OFFSET);
    }

    /**
     * Sets {@code herfindahl}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void herfindahl(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + HERFINDAHL_OFFSET, value);
    }

    /**
     * Historical VaR at 95% of the instrument's returns (total: of the portfolio's), a fraction of NAV.
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
     * Parametric (normal) VaR at 95%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double paramVar95(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + PARAM_VAR95_OFFSET);
    }

    /**
     * Sets {@code paramVar95}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void paramVar95(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + PARAM_VAR95_OFFSET, value);
    }

    /**
     * Parametric (normal) CVaR at 95%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double paramCvar95(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + PARAM_CVAR95_OFFSET);
    }

    /**
     * Sets {@code paramCvar95}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void paramCvar95(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + PARAM_CVAR95_OFFSET, value);
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
     * Parametric (normal) CVaR at 99%, a fraction of NAV.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double paramCvar99(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + PARAM_CVAR99_OFFSET);
    }

    /**
     * Sets {@code paramCvar99}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void paramCvar99(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + PARAM_CVAR99_OFFSET, value);
    }

    /**
     * Returns in the VaR window.
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

    /**
     * What wrote the snapshot: {@link #TRIGGER_TIMER} or {@link #TRIGGER_FILL}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte trigger(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TRIGGER_OFFSET);
    }

    /**
     * Sets {@code trigger}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void trigger(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + TRIGGER_OFFSET, value);
    }
}
