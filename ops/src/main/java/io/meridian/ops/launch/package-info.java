/**
 * Thread, affinity and wait-strategy wiring: the only package that creates threads.
 */
package io.meridian.ops.launch;
