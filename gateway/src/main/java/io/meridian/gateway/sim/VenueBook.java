package io.meridian.gateway.sim;

/**
 * What the simulated venue knows about one instrument's market: the last quote, with displayed sizes reduced by what
 * our orders have taken since. Owned by the venue's thread.
 */
final class VenueBook
{
    boolean quoted;
    long bidPrice;
    long bidQty;
    long askPrice;
    long askQty;
    /** The book was last set by a BAR: commands wait for the next bar's open (see SimulatedVenue). */
    boolean bars;
}
