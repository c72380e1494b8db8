/**
 * {@code ./meridian bench import}: throughput of the CSV import path (FastCSV's raw parse as the baseline, the
 * validating bars reader, the whole import into a data journal) and of a backtest on the imported data journal
 * (a raw read of the data journal as its baseline), all in one run on one generated file. Single-threaded (the
 * journal pretouch agent aside); the caller's thread owns everything.
 */
package io.meridian.bench.importer;
