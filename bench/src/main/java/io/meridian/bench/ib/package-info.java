/**
 * Interactive Brokers harnesses against ib-sim over loopback: {@code IbRoundTripMain} ({@code ./meridian bench
 * ib-roundtrip}: order to acknowledgement through the IB adapter, with a raw socket echo measured in the same run) and
 * {@code IbCyclesMain} ({@code ./meridian bench ib-cycles}: connect, trade, kill, restart from the journal and
 * reconcile, counting reconciliations equal to the simulator's truth and duplicate order ids).
 */
package io.meridian.bench.ib;
