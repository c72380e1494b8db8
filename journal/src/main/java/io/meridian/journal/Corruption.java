package io.meridian.journal;

/**
 * A journal record that failed its checks on read: its checksum does not match its bytes, or a record whose checksum
 * matches is not well formed (which only a bug in a writer can produce), or a queue's END_OF_RUN count disagrees with
 * the records read. Corruption is never a torn tail (a record the writer started but never finished, see
 * {@link ReadResult#tornRecords()}) and never a decision divergence: reading stops at it.
 *
 * @param queue {@link JournalFormat#INPUT_QUEUE} or {@link JournalFormat#OUTPUT_QUEUE}.
 * @param recordIndex the record's index in its queue, counted from 0 the way {@code journal dump} numbers records
 *     (the manifest and END_OF_RUN are not counted; a corrupt END_OF_RUN has the index after the last record);
 *     {@link #MANIFEST_INDEX} for the manifest.
 * @param sequence the record's header sequence as stored (it may itself be the corrupt field), or
 *     {@link #UNKNOWN_SEQUENCE} when the record is too short to hold one or is the manifest.
 * @param message the one-line report the tools print, e.g. {@code journal: corrupt record in input queue, index 1234
 *     (seq 1235, Chronicle index 0x4e7c000004d3): checksum mismatch (stored 0x1a2b3c4d, computed 0x5e6f7a8b)}.
 */
public record Corruption(String queue, long recordIndex, long sequence, String message)
{
    /** {@link #recordIndex()} of the manifest. */
    public static final long MANIFEST_INDEX = -1;
    /** {@link #sequence()} when there is none to report. */
    public static final long UNKNOWN_SEQUENCE = Long.MIN_VALUE;

    /**
     * Builds the report for one record.
     *
     * @param queue the queue's name.
     * @param recordIndex the record's index ({@link #MANIFEST_INDEX} for the manifest).
     * @param sequence the stored sequence, or {@link #UNKNOWN_SEQUENCE}.
     * @param chronicleIndex the Chronicle index of the document holding the record.
     * @param problem what is wrong.
     * @return the corruption.
     */
    public static Corruption of(
        final String queue, final long recordIndex, final long sequence, final long chronicleIndex,
        final String problem)
    {
        final String where = recordIndex == MANIFEST_INDEX
            ? "MANIFEST (Chronicle index 0x" + Long.toHexString(chronicleIndex) + ")"
            : "index " + recordIndex + " (" + (sequence == UNKNOWN_SEQUENCE ? "" : "seq " + sequence + ", ")
                + "Chronicle index 0x" + Long.toHexString(chronicleIndex) + ")";
        return new Corruption(queue, recordIndex, sequence,
            "journal: corrupt record in " + queue + " queue, " + where + ": " + problem);
    }
}
