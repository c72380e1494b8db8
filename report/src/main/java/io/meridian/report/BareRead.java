package io.meridian.report;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RecordCursor;
import java.nio.file.Path;

/**
 * The baseline of {@code meridian report --baseline}: the same walk over a journal as the report's (the input queue in
 * order and, in step with it, the decisions each input caused, through the same cursors) doing nothing with the
 * records but reading a header field, so the report's own cost is its time minus this one's.
 *
 * @param inputRecords input events read.
 * @param outputRecords decision records read.
 * @param checksum a sum of the records' sequences and types (so the reads are not optimised away).
 */
public record BareRead(long inputRecords, long outputRecords, long checksum)
{
    /**
     * Reads a journal.
     *
     * @param dir the journal directory.
     * @return the counts.
     * @throws JournalException when the journal cannot be read or has a corrupt record.
     */
    public static BareRead of(final Path dir)
    {
        long inputs = 0;
        long outputs = 0;
        long sum = 0;
        try (JournalReader reader = JournalReader.open(dir);
            RecordCursor input = reader.inputCursor();
            RecordCursor output = reader.outputCursor())
        {
            boolean outputReady = output.next();
            while (input.next())
            {
                inputs++;
                final long sequence = Header.sequence(input.buffer(), input.offset());
                sum += sequence + Header.type(input.buffer(), input.offset());
                while (outputReady && SignalCodec.causeSequence(output.buffer(), output.offset()) <= sequence)
                {
                    outputs++;
                    sum += Header.type(output.buffer(), output.offset());
                    outputReady = output.next();
                }
            }
            while (outputReady)
            {
                outputs++;
                sum += Header.type(output.buffer(), output.offset());
                outputReady = output.next();
            }
            if (input.result().corruption() != null || output.result().corruption() != null)
            {
                throw new JournalException("journal " + dir + " has a corrupt record (journal verify names it)");
            }
        }
        return new BareRead(inputs, outputs, sum);
    }

    /**
     * Records read.
     *
     * @return inputs and decisions.
     */
    public long records()
    {
        return inputRecords + outputRecords;
    }
}
