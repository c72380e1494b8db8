/**
 * Meridian gateway module.
 */
package io.meridian.gateway;
