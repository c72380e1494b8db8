package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.TwsFields;

/**
 * The order statuses IB reports (the {@code status} field of ORDER_STATUS and OPEN_ORDER), by wire name.
 */
public enum IbOrderStatus
{
    /** Sent, not yet acknowledged by TWS. */
    API_PENDING("ApiPending"),
    /** Sent, not yet acknowledged by IB. */
    PENDING_SUBMIT("PendingSubmit"),
    /** Cancel sent, not yet confirmed. */
    PENDING_CANCEL("PendingCancel"),
    /** Accepted, held by IB until its conditions are met. */
    PRE_SUBMITTED("PreSubmitted"),
    /** Accepted and working. */
    SUBMITTED("Submitted"),
    /** Cancelled by the API before it was submitted. */
    API_CANCELLED("ApiCancelled"),
    /** Cancelled. */
    CANCELLED("Cancelled"),
    /** Completely filled. */
    FILLED("Filled"),
    /** Received but not working (rejected, or waiting for a condition). */
    INACTIVE("Inactive");

    private static final IbOrderStatus[] VALUES = values();

    private final String wire;

    IbOrderStatus(final String wire)
    {
        this.wire = wire;
    }

    /**
     * The wire name.
     *
     * @return the name.
     */
    public String wire()
    {
        return wire;
    }

    /**
     * Looks up a status field without allocating.
     *
     * @param fields the frame.
     * @param field the field index.
     * @return the status, or {@code null} when unknown.
     */
    public static IbOrderStatus of(final TwsFields fields, final int field)
    {
        for (final IbOrderStatus status : VALUES)
        {
            if (fields.equalsAscii(field, status.wire))
            {
                return status;
            }
        }
        return null;
    }
}
