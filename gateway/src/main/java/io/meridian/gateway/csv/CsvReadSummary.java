package io.meridian.gateway.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one read of a CSV file found.
 *
 * @param file the file.
 * @param timeColumn the header name of the time column used ({@code date} or {@code timestamp}).
 * @param ignoredColumns header names that were not used (extra columns), in file order.
 * @param rows data rows read (the header and empty lines not counted).
 * @param accepted rows handed to {@link CsvRowListener#onRow}.
 * @param rejectedByReason rejected rows per reason (reasons with none are absent; iterate
 *     {@link CsvRejectReason#values()} for a stable order).
 * @param firstTimestampNs timestamp of the first accepted row, or {@link CsvTimestamps#INVALID} when none.
 * @param lastTimestampNs timestamp of the last accepted row, or {@link CsvTimestamps#INVALID} when none.
 */
public record CsvReadSummary(
    Path file,
    String timeColumn,
    List<String> ignoredColumns,
    long rows,
    long accepted,
    Map<CsvRejectReason, Long> rejectedByReason,
    long firstTimestampNs,
    long lastTimestampNs)
{
    /**
     * Copies the mutable parts.
     *
     * @param file the file.
     * @param timeColumn the time column.
     * @param ignoredColumns extra columns.
     * @param rows rows read.
     * @param accepted rows accepted.
     * @param rejectedByReason rejections per reason.
     * @param firstTimestampNs first accepted timestamp.
     * @param lastTimestampNs last accepted timestamp.
     */
    public CsvReadSummary
    {
        ignoredColumns = List.copyOf(ignoredColumns);
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    /**
     * Rows rejected, all reasons.
     *
     * @return the count.
     */
    public long rejected()
    {
        long total = 0;
        for (final long count : rejectedByReason.values())
        {
            total += count;
        }
        return total;
    }
}
