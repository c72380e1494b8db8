package io.meridian.gateway.sim;

import org.agrona.DirectBuffer;

/**
 * Receives the execution reports a {@link SimulatedVenue} emits, as complete EXEC_REPORT records. In a backtest the
 * implementation publishes them into the engine's inbound ring.
 *
 * <p>The bytes are only valid for the duration of the call: copy them if they must outlive it. Called on the thread
 * that drives the venue.
 */
@FunctionalInterface
public interface ExecReportSink
{
    /**
     * One execution report.
     *
     * @param buffer buffer holding the record.
     * @param offset where the record starts.
     * @param length record length in bytes.
     */
    void onExecReport(DirectBuffer buffer, int offset, int length);
}
