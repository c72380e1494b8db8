package io.meridian.gateway.ib.adapter;

import io.meridian.gateway.ib.client.IbContract;
import io.meridian.gateway.ib.wire.TwsFields;

/**
 * One configured instrument as the IB adapter trades it: the engine's instrument id and scales, and the IB contract.
 * At session start the contract details IB returns are checked against this: contract id (when configured), minimum
 * tick (must be one engine price tick) and currency.
 *
 * @param id the engine's instrument id.
 * @param priceScale engine price ticks per currency unit.
 * @param qtyScale engine quantity lots per share.
 * @param contract the IB contract.
 */
public record IbInstrument(int id, long priceScale, long qtyScale, IbContract contract)
{
    /**
     * Validates the scales against the wire's fixed point.
     */
    public IbInstrument
    {
        if (priceScale <= 0 || TwsFields.SCALE % priceScale != 0 || qtyScale <= 0 || TwsFields.SCALE % qtyScale != 0)
        {
            throw new IllegalArgumentException("instrument " + id + ": priceScale " + priceScale + " and qtyScale "
                + qtyScale + " must divide " + TwsFields.SCALE);
        }
    }

    long wirePerTick()
    {
        return TwsFields.SCALE / priceScale;
    }

    long wirePerLot()
    {
        return TwsFields.SCALE / qtyScale;
    }
}
