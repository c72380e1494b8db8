package io.meridian.gateway.ib.client;

import java.nio.charset.StandardCharsets;

/**
 * One order to place: a mutable holder the caller fills and reuses, so placing an order allocates nothing. Prices and
 * the quantity are fixed-point with {@link io.meridian.gateway.ib.wire.TwsFields#DECIMALS} decimals.
 *
 * <p>Owned by the thread that sends orders.
 */
public final class IbOrder
{
    /** Longest account id kept. */
    public static final int MAX_ACCOUNT_BYTES = 32;

    long orderId;
    boolean buy;
    long quantity;
    IbOrderType type = IbOrderType.LMT;
    long limitPrice;
    long stopPrice;
    IbTimeInForce timeInForce = IbTimeInForce.DAY;
    boolean outsideRth;
    long orderRef;
    final byte[] account = new byte[MAX_ACCOUNT_BYTES];
    int accountLength;

    /**
     * Sets every field.
     *
     * @param orderId the IB order id (from the next-valid-id sequence).
     * @param buy true to buy, false to sell.
     * @param quantity quantity, fixed point.
     * @param type order type.
     * @param limitPrice limit price, fixed point (LMT, STP LMT).
     * @param stopPrice stop price, fixed point (STP, STP LMT).
     * @param timeInForce time in force.
     * @param outsideRth whether it may fill outside regular trading hours.
     * @param orderRef Meridian's durable client order id, sent as the order reference.
     * @return this.
     */
    public IbOrder set(
        final long orderId,
        final boolean buy,
        final long quantity,
        final IbOrderType type,
        final long limitPrice,
        final long stopPrice,
        final IbTimeInForce timeInForce,
        final boolean outsideRth,
        final long orderRef)
    {
        this.orderId = orderId;
        this.buy = buy;
        this.quantity = quantity;
        this.type = type;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.timeInForce = timeInForce;
        this.outsideRth = outsideRth;
        this.orderRef = orderRef;
        return this;
    }

    /**
     * Sets the account the order is for (empty: the session's default account). Allocates nothing.
     *
     * @param accountId ASCII account id.
     * @return this.
     */
    public IbOrder account(final CharSequence accountId)
    {
        if (accountId.length() > MAX_ACCOUNT_BYTES)
        {
            throw new IllegalArgumentException("account id longer than " + MAX_ACCOUNT_BYTES + " characters");
        }
        for (int i = 0; i < accountId.length(); i++)
        {
            account[i] = (byte)accountId.charAt(i);
        }
        accountLength = accountId.length();
        return this;
    }

    /**
     * The IB order id.
     *
     * @return the id.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * The account, as text (allocates).
     *
     * @return the account.
     */
    public String accountText()
    {
        return new String(account, 0, accountLength, StandardCharsets.US_ASCII);
    }
}
