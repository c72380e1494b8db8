package io.meridian.journal;

import java.util.List;

/**
 * What reading one queue of a journal found.
 *
 * @param count records delivered to the handler (neither the manifest nor END_OF_RUN are counted).
 * @param cleanEnd whether the queue ends with an END_OF_RUN record, i.e. the writer closed it.
 * @param tornRecords records detected as incomplete (the writer died while appending) or inconsistent (length or
 *     type wrong) and skipped; each has a warning.
 * @param warnings one line per problem, naming the queue and the Chronicle index or file position.
 */
public record ReadResult(long count, boolean cleanEnd, int tornRecords, List<String> warnings)
{
    /**
     * Copies the warnings.
     *
     * @param count records delivered.
     * @param cleanEnd END_OF_RUN seen last.
     * @param tornRecords torn or corrupt records skipped.
     * @param warnings problems found.
     */
    public ReadResult
    {
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether the queue was read completely with nothing to report: clean end, nothing torn, no warning.
     *
     * @return true for a complete, intact queue.
     */
    public boolean intact()
    {
        return cleanEnd && tornRecords == 0 && warnings.isEmpty();
    }
}
