/**
 * The engine against Interactive Brokers on one thread: {@link io.meridian.runtime.ib.IbEngineSession} polls the
 * IB adapter's TWS session from its duty cycle, journals every inbound record the adapter writes before the engine
 * sees it, journals every decision, and only then hands order commands to the adapter, so a session against TWS, IB
 * Gateway or ib-sim replays identical with {@code replay --verify}.
 *
 * <p>Threading: a session is owned by the thread that calls its {@code doWork} (it creates none).
 */
package io.meridian.runtime.ib;
