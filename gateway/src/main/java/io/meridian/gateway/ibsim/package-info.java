/**
 * {@code ib-sim}: a fault-injecting simulator of the TWS API server side, for tests and for running Meridian's IB
 * client without a broker. It is written independently of the client ({@code io.meridian.gateway.ib.client} and
 * {@code ..ib.wire}); the two share only the documented protocol constants in {@code io.meridian.gateway.ib.protocol},
 * so that one cannot hide the other's bugs. Its own codec ({@link io.meridian.gateway.ibsim.SimWire}) is simple
 * rather than fast: strings in, strings out.
 *
 * <p>Threading: an {@link io.meridian.gateway.ibsim.IbSimulator} and its sessions are owned by the one thread that
 * calls its {@code doWork}; it reads no clock itself (time is passed in).
 */
package io.meridian.gateway.ibsim;
