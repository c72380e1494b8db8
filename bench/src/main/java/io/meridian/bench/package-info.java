/**
 * Meridian bench module.
 */
package io.meridian.bench;
