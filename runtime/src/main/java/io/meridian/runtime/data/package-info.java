/**
 * Market data from users' files: {@link io.meridian.runtime.data.DataImporter} turns a bars, quotes or trades CSV
 * file (read by {@code gateway.csv}) into a data journal — the engine's BAR, QUOTE or TRADE records in the input
 * queue of a Chronicle journal, checksummed like any input journal, under a {@link
 * io.meridian.runtime.data.DataManifest} that names the instruments — and {@link
 * io.meridian.runtime.data.DataJournalSource} plays a data journal back as a {@code MarketDataSource} for the
 * event-merging driver ({@code meridian backtest --data}).
 *
 * <p>Threading: an import runs on the calling thread; a source is owned by the thread that drives the merger. The
 * source is allocation-free per record; the importer is not on any hot path.
 */
package io.meridian.runtime.data;
