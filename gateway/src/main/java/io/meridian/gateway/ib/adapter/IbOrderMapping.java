package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.TimeInForce;
import io.meridian.gateway.ib.client.IbOrderType;
import io.meridian.gateway.ib.client.IbTimeInForce;

/**
 * The engine's order type and time-in-force codes of an ORDER_COMMAND, as IB names them in PLACE_ORDER. A code IB has
 * no name for maps to null, and the adapter rejects that order instead of guessing.
 */
final class IbOrderMapping
{
    private IbOrderMapping()
    {
    }

    /**
     * IB's order type for an engine order type code.
     *
     * @param orderType {@link OrderType} code.
     * @return the IB type, or null when IB has none for it.
     */
    static IbOrderType orderType(final byte orderType)
    {
        switch (orderType)
        {
            case OrderType.LIMIT:
                return IbOrderType.LMT;
            case OrderType.MARKET:
                return IbOrderType.MKT;
            case OrderType.STOP:
                return IbOrderType.STP;
            case OrderType.STOP_LIMIT:
                return IbOrderType.STP_LMT;
            default:
                return null;
        }
    }

    /**
     * IB's time in force for an engine code.
     *
     * @param timeInForce {@link TimeInForce} code.
     * @return the IB value, or null for an unknown code.
     */
    static IbTimeInForce timeInForce(final byte timeInForce)
    {
        switch (timeInForce)
        {
            case TimeInForce.DAY:
                return IbTimeInForce.DAY;
            case TimeInForce.IOC:
                return IbTimeInForce.IOC;
            case TimeInForce.GTC:
                return IbTimeInForce.GTC;
            default:
                return null;
        }
    }

    /**
     * The engine's order type code for an IB order type (OPEN_ORDER).
     *
     * @param type the IB type (null: unknown).
     * @return the {@link OrderType} code; MARKET for null.
     */
    static byte engineOrderType(final IbOrderType type)
    {
        if (type == null)
        {
            return OrderType.MARKET;
        }
        switch (type)
        {
            case LMT:
                return OrderType.LIMIT;
            case STP:
                return OrderType.STOP;
            case STP_LMT:
                return OrderType.STOP_LIMIT;
            default:
                return OrderType.MARKET;
        }
    }
}
