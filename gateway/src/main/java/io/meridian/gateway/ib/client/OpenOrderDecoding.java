package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.TwsFields;

/**
 * Reads an OPEN_ORDER message (server versions 145 and later: no version field) into an {@link OpenOrderView}: the
 * fixed prefix (order id, contract, action, quantity, type, prices, time in force, account, order reference, client
 * and permanent ids, outside-RTH) by index, then walks the variable part (delta-neutral fields, combo legs, smart
 * routing parameters, scale fields, hedge, delta-neutral contract, algo parameters) to the order state's status.
 * Fields after the status (margins, commissions, conditions, ...) are not read. Errors go to
 * {@link TwsFields#fail}.
 *
 * <p>Owned by the connection's polling thread.
 */
final class OpenOrderDecoding
{
    /** Fields up to and including deltaNeutralAuxPrice. */
    private static final int FIXED_PREFIX = 64;
    private static final int MAX_REPEAT = 64;
    private static final IbOrderType[] ORDER_TYPES = IbOrderType.values();
    private static final IbTimeInForce[] TIMES_IN_FORCE = IbTimeInForce.values();

    private final OpenOrderView v;

    OpenOrderDecoding(final OpenOrderView view)
    {
        this.v = view;
    }

    void decode(final TwsFields f)
    {
        if (f.count() < FIXED_PREFIX)
        {
            f.fail(FrameError.TOO_FEW_FIELDS, f.count());
            return;
        }
        v.orderId = f.integer(1);
        v.conId = f.integer(2);
        v.symbol.set(f, 3);
        v.buy = f.equalsAscii(13, "BUY");
        if (!v.buy && !f.equalsAscii(13, "SELL"))
        {
            f.fail(FrameError.BAD_VALUE, 13);
        }
        v.totalQuantity = f.decimal(14);
        v.orderType = orderType(f, 15);
        v.limitPrice = unsetAsZero(f.decimal(16));
        v.auxPrice = unsetAsZero(f.decimal(17));
        v.timeInForce = timeInForce(f, 18);
        v.account.set(f, 20);
        v.orderRef = TwsMessageDecoder.orderRef(f, 23);
        v.clientId = f.integer(24);
        v.permId = f.integer(25);
        v.outsideRth = f.bool(26);
        v.status = null;
        final int statusField = statusField(f);
        if (statusField >= 0)
        {
            v.status = IbOrderStatus.of(f, statusField);
            if (v.status == null)
            {
                f.fail(FrameError.BAD_VALUE, statusField);
            }
        }
    }

    private static int statusField(final TwsFields f)
    {
        int i = 62;                                         // deltaNeutralOrderType
        i += f.length(i) > 0 ? 2 + 8 : 2;                   // + deltaNeutralAuxPrice (+ 8 delta-neutral fields)
        i += 7;                                             // continuousUpdate .. comboLegsDescrip
        i = skipRepeated(f, i, 8);                          // combo legs
        i = skipRepeated(f, i, 1);                          // order combo legs
        i = skipRepeated(f, i, 2);                          // smart combo routing params
        if (!has(f, i + 2))
        {
            return -1;
        }
        final long increment = f.decimal(i + 2);            // scalePriceIncrement
        i += 3;
        if (increment > 0 && increment != TwsFields.UNSET)
        {
            i += 7;
        }
        if (!has(f, i))
        {
            return -1;
        }
        i += f.length(i) > 0 ? 2 : 1;                       // hedgeType (+ hedgeParam)
        i += 4;                                             // optOutSmartRouting .. notHeld
        if (!has(f, i))
        {
            return -1;
        }
        i += f.bool(i) ? 4 : 1;                             // delta-neutral contract present (+ conId, delta, price)
        if (!has(f, i))
        {
            return -1;
        }
        if (f.length(i) > 0)                                // algoStrategy (+ count, tag/value pairs)
        {
            i = skipRepeated(f, i + 1, 2);
        }
        else
        {
            i++;
        }
        i += 2;                                             // solicited, whatIf
        return has(f, i) ? i : -1;
    }

    private static int skipRepeated(final TwsFields f, final int countField, final int fieldsEach)
    {
        if (!has(f, countField))
        {
            return Integer.MAX_VALUE / 2;
        }
        final long n = f.integer(countField);
        if (n < 0 || n > MAX_REPEAT)
        {
            f.fail(FrameError.BAD_VALUE, countField);
            return Integer.MAX_VALUE / 2;
        }
        return countField + 1 + (int)n * fieldsEach;
    }

    private static boolean has(final TwsFields f, final int field)
    {
        if (field < f.count())
        {
            return true;
        }
        f.fail(FrameError.TOO_FEW_FIELDS, f.count());
        return false;
    }

    private static long unsetAsZero(final long value)
    {
        return value == TwsFields.UNSET ? 0 : value;
    }

    private static IbOrderType orderType(final TwsFields f, final int field)
    {
        for (final IbOrderType type : ORDER_TYPES)
        {
            if (f.equalsAscii(field, type.wire()))
            {
                return type;
            }
        }
        return null;
    }

    private static IbTimeInForce timeInForce(final TwsFields f, final int field)
    {
        for (final IbTimeInForce tif : TIMES_IN_FORCE)
        {
            if (f.equalsAscii(field, tif.wire()))
            {
                return tif;
            }
        }
        return null;
    }
}
