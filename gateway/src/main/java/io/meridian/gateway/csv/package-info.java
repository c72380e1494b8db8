/**
 * Reading market-data CSV files (bars, quotes, trades) with FastCSV, validating every row and naming each bad one by
 * file, line, column and reason. The readers hand accepted rows to a {@link io.meridian.gateway.csv.CsvRowListener}
 * in file order and rejected rows to the same listener's {@code onReject}; they are used by {@code meridian import},
 * {@code meridian data check} and {@code meridian features}.
 *
 * <p>Threading: a reader and the row object it hands out are owned by the one thread that calls {@code read}. The
 * readers are off the hot path (files are read before a run starts): they may allocate, and report I/O problems with
 * checked exceptions.
 *
 * <p>Dependencies: FastCSV (de.siegmar:fastcsv) and the JDK; no engine package.
 */
package io.meridian.gateway.csv;
