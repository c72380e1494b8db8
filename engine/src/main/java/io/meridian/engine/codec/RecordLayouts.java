package io.meridian.engine.codec;

import java.util.Arrays;
import org.agrona.DirectBuffer;

/**
 * Looks up the layout of any record type; tools only.
 */
public final class RecordLayouts
{
    private static final RecordLayout[] BY_TYPE = new RecordLayout[128];

    static
    {
        final RecordLayout[] all = {
            QuoteCodec.LAYOUT, TradeCodec.LAYOUT, ExecReportCodec.LAYOUT, TimerCodec.LAYOUT, OperatorCodec.LAYOUT,
            ConnectivityCodec.LAYOUT, SignalCodec.LAYOUT, RiskDecisionCodec.LAYOUT, OrderCommandCodec.LAYOUT,
            TradingStateChangeCodec.LAYOUT, RiskWarningCodec.LAYOUT, BarCodec.LAYOUT, RiskSnapshotCodec.LAYOUT,
            AccountValueCodec.LAYOUT, PositionCodec.LAYOUT, OpenOrderCodec.LAYOUT, ExecutionCodec.LAYOUT,
            ReconciliationCodec.LAYOUT, RiskInstrumentSnapshotCodec.LAYOUT, StateRestoreCodec.LAYOUT,
            OrderSentCodec.LAYOUT,
        };
        for (final RecordLayout layout : all)
        {
            BY_TYPE[layout.type()] = layout;
        }
    }

    private RecordLayouts()
    {
    }

    /**
     * The layout of a record type.
     *
     * @param type record type code.
     * @return the layout, or {@code null} when the type has no fixed layout.
     */
    public static RecordLayout forType(final int type)
    {
        return type >= 0 && type < BY_TYPE.length ? BY_TYPE[type] : null;
    }

    /**
     * One line describing a record: header essentials then the body fields.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the line.
     */
    public static String describe(final DirectBuffer buffer, final int offset)
    {
        final int type = Header.type(buffer, offset);
        final StringBuilder out = new StringBuilder(160);
        out.append("seq=").append(Header.sequence(buffer, offset))
            .append(" t=").append(Header.eventTimeNs(buffer, offset))
            .append(" inst=").append(Header.instrumentId(buffer, offset))
            .append(' ');
        final RecordLayout layout = forType(type);
        if (layout == null)
        {
            out.append(RecordType.name(type)).append(" length=").append(Header.length(buffer, offset));
        }
        else
        {
            layout.format(buffer, offset, out);
        }
        return out.toString();
    }

    /**
     * Finds the first field in which two records differ. Padding bytes of a known layout are not compared: they
     * carry no value (decision records have zero padding; journals written before that carry whatever the encoder's
     * buffer held there, and must still verify).
     *
     * @param a first record's buffer.
     * @param aOffset where it starts.
     * @param aLength its length.
     * @param b second record's buffer.
     * @param bOffset where it starts.
     * @param bLength its length.
     * @return {@code null} when identical, else a description naming the field and both values.
     */
    public static String firstDifference(
        final DirectBuffer a, final int aOffset, final int aLength,
        final DirectBuffer b, final int bOffset, final int bLength)
    {
        final byte[] aBytes = a.byteArray();
        final byte[] bBytes = b.byteArray();
        if (aBytes != null && bBytes != null && aLength == bLength)
        {
            // both on the heap (the verifier's usual case): one vectorized comparison of the whole records
            final int aFrom = a.wrapAdjustment() + aOffset;
            final int bFrom = b.wrapAdjustment() + bOffset;
            if (Arrays.mismatch(aBytes, aFrom, aFrom + aLength, bBytes, bFrom, bFrom + bLength) < 0)
            {
                return null;
            }
        }
        final int common = Math.min(aLength, bLength);
        int start = 0;
        while (start + 8 <= common && a.getLong(aOffset + start) == b.getLong(bOffset + start))
        {
            start += 8;
        }
        for (int i = start; i < common; i++)
        {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i))
            {
                final int typeA = Header.type(a, aOffset);
                final int typeB = Header.type(b, bOffset);
                if (typeA != typeB)
                {
                    return "type: journaled=" + RecordType.name(typeA) + " replayed=" + RecordType.name(typeB);
                }
                final RecordLayout layout = forType(typeA);
                final RecordLayout.Field field = layout == null ? null : layout.fieldAt(i);
                if (field == null && layout != null && i < layout.length())
                {
                    continue;
                }
                if (field == null)
                {
                    return "byte " + i + ": journaled=" + a.getByte(aOffset + i)
                        + " replayed=" + b.getByte(bOffset + i);
                }
                return field.name() + ": journaled=" + field.format(a, aOffset)
                    + " replayed=" + field.format(b, bOffset);
            }
        }
        if (aLength != bLength)
        {
            return "length: journaled=" + aLength + " replayed=" + bLength;
        }
        return null;
    }
}
