/**
 * Documented facts of the TWS API socket protocol and nothing else: message ids, tick types, error codes, the
 * handshake prefix and the server-version range Meridian speaks. Both the client ({@code io.meridian.gateway.ib})
 * and the simulator ({@code io.meridian.gateway.ibsim}) use these constants; they share no other code, so that one
 * cannot hide the other's bugs.
 *
 * <p>Threading: constants only.
 */
package io.meridian.gateway.ib.protocol;
