/**
 * Meridian config module.
 */
package io.meridian.config;
