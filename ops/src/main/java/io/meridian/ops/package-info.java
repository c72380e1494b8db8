/**
 * Meridian ops module.
 */
package io.meridian.ops;
