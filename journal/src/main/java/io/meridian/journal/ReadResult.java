package io.meridian.journal;

import java.util.List;

/**
 * What reading one queue of a journal found.
 *
 * @param count records delivered to the handler (neither the manifest nor END_OF_RUN are counted).
 * @param cleanEnd whether the queue ends with an END_OF_RUN record, i.e. the writer closed it (false when reading
 *     stopped at a corrupt record).
 * @param tornRecords records the writer started but never finished (it died while appending; a torn tail), or
 *     documents Chronicle could not deliver; each has a warning. Not corruption.
 * @param warnings one line per problem that is not corruption, naming the queue and the Chronicle index or file
 *     position.
 * @param corruption the corrupt record reading stopped at, or {@code null} when every record read passed its
 *     checksum and checks.
 */
public record ReadResult(long count, boolean cleanEnd, int tornRecords, List<String> warnings, Corruption corruption)
{
    /**
     * Copies the warnings.
     *
     * @param count records delivered.
     * @param cleanEnd END_OF_RUN seen last.
     * @param tornRecords torn records skipped.
     * @param warnings problems found.
     * @param corruption the corrupt record, or null.
     */
    public ReadResult
    {
        warnings = List.copyOf(warnings);
    }

    /**
     * A result without corruption.
     *
     * @param count records delivered.
     * @param cleanEnd END_OF_RUN seen last.
     * @param tornRecords torn records skipped.
     * @param warnings problems found.
     */
    public ReadResult(final long count, final boolean cleanEnd, final int tornRecords, final List<String> warnings)
    {
        this(count, cleanEnd, tornRecords, warnings, null);
    }

    /**
     * Whether reading stopped at a corrupt record.
     *
     * @return true when {@link #corruption()} is set.
     */
    public boolean corrupt()
    {
        return corruption != null;
    }

    /**
     * Whether the queue was read completely with nothing to report: clean end, nothing torn or corrupt, no warning.
     *
     * @return true for a complete, intact queue.
     */
    public boolean intact()
    {
        return cleanEnd && tornRecords == 0 && warnings.isEmpty() && corruption == null;
    }
}
