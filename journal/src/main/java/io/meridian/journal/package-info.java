/**
 * Meridian journal module.
 */
package io.meridian.journal;
