package io.meridian.config;

import java.util.List;

/**
 * Reference data of one instrument.
 *
 * @param symbol         a configured instrument's symbol.
 * @param sector         sector name, 1 to 32 characters of {@code A-Z a-z 0-9 _}.
 * @param cluster        correlation-cluster number, 0 to 63.
 * @param adv            20-day average daily volume in lots, &gt; 0.
 * @param previousClose  previous session's closing price, currency units, &gt; 0.
 * @param shortable      whether the instrument may be sold short (locate available).
 * @param restricted     whether the instrument is on the restricted list.
 * @param factorLoadings loading on each of {@code risk.factors}, in order, each from -100 to 100.
 * @param eventDates     local dates ({@code YYYY-MM-DD}) of scheduled events (earnings, ...) on which no new
 *                       position is opened (e24).
 */
public record ReferenceInstrumentConfig(
    String symbol,
    String sector,
    int cluster,
    long adv,
    double previousClose,
    boolean shortable,
    boolean restricted,
    List<Double> factorLoadings,
    List<String> eventDates)
{
    /**
     * Makes the lists unmodifiable.
     */
    public ReferenceInstrumentConfig
    {
        factorLoadings = List.copyOf(factorLoadings);
        eventDates = List.copyOf(eventDates);
    }
}
