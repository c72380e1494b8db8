package io.meridian.gateway.ibsim;

/**
 * One order the simulator holds (its own model of IB's order state). Mutable; owned by the simulator's thread.
 */
final class SimOrder
{
    long orderId;
    int clientId;
    long permId;
    int instrument;
    boolean buy;
    long quantity;
    String type;
    double limitPrice;
    double stopPrice;
    String tif;
    String account;
    String orderRef;
    boolean outsideRth;
    boolean stopTriggered;
    long filled;
    double avgPrice;
    double lastFillPrice;
    String status = "PreSubmitted";

    long remaining()
    {
        return quantity - filled;
    }

    boolean working()
    {
        return "Submitted".equals(status) || "PreSubmitted".equals(status);
    }

    boolean isMarket()
    {
        return "MKT".equals(type) || "STP".equals(type);
    }

    boolean hasLimit()
    {
        return "LMT".equals(type) || "STP LMT".equals(type);
    }

    boolean isStop()
    {
        return "STP".equals(type) || "STP LMT".equals(type);
    }
}
