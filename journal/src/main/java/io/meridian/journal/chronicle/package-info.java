/**
 * The Chronicle Queue implementation of the journal: the only package that imports {@code net.openhft}.
 *
 * <p>Each queue uses the {@code FAST_DAILY} roll cycle (one file per UTC day, up to 2^32 records per day, an index
 * entry every 256 records; sequential replay does not need the index) and a configurable block size (the mapped
 * chunk size; files are sparse). Appenders are thread-bound, see {@link io.meridian.journal.JournalWriter}; the
 * reader opens queues read-only so that it never touches the write lock a killed writer may still "hold" in
 * {@code metadata.cq4t}.
 *
 * <p>What Chronicle Queue 2026.4 (Wire 2026.7) leaves on disk when the writer is killed inside
 * {@code writingDocument()}: the 4-byte document header at the write position is still 0 (Chronicle does not mark
 * a document as "not complete" while it is written: the append lock keeps other writers out and the header gets its
 * length only when the document is closed), followed by whatever part of the payload had been copied. A tailer
 * stops at the zero header as if the queue ended there. {@link io.meridian.journal.chronicle.TornTailInspector}
 * looks at the file past the last complete document to tell a torn record (non-zero bytes behind the zero header, or
 * a header with the not-complete bit that older writers leave) from a clean end.
 */
package io.meridian.journal.chronicle;
