/**
 * The IB adapter: {@link io.meridian.gateway.ib.adapter.IbGateway} turns the engine's ORDER_COMMAND records into
 * TWS requests (paced) and the TWS session's messages into the engine's inbound records (QUOTE, TRADE,
 * EXEC_REPORT, CONNECTIVITY), the same records the simulated world produces.
 *
 * <p>Threading: owned by the one thread that calls {@code doWork} and {@code onRecord} (the live topology's duty
 * cycle).
 */
package io.meridian.gateway.ib.adapter;
