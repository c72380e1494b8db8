/**
 * {@code meridian report}: statistics, transaction-cost analysis and an HTML tearsheet derived from a journal after
 * the fact, by one streaming pass in constant memory ({@link io.meridian.report.Report#analyze}). Offline tooling:
 * runs on the caller's thread, reads the wall clock nowhere, depends on journal, engine and config only.
 */
package io.meridian.report;
