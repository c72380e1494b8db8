package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import java.nio.file.Path;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JournalReader#inputCursorFrom}: a restart from a snapshot reads the input queue from a given record on
 * (issue 9). The cursor lands on exactly that record, delivers every one after it in order, and at the end is past
 * the last record; the read result counts the records passed over as read.
 */
class JournalSeekTest
{
    private static final String MANIFEST = "engine=meridian 0.1.0\nconfig=sha256:abc\nmodels=linear:42\nseed=7\n";

    @Test
    void theCursorStartsAtTheRequestedInputRecord(@TempDir final Path tmp)
    {
        final Path dir = tmp.resolve("run");
        final List<UnsafeBuffer> inbound = TestRecords.inbound(500);
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST))
        {
            for (final UnsafeBuffer r : inbound)
            {
                writer.appendInput(r, 0, r.capacity());
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (final long from : new long[]{0, 1, 2, 57, 311, 499})
            {
                try (RecordCursor cursor = reader.inputCursorFrom(from))
                {
                    long expected = from;
                    while (cursor.next())
                    {
                        assertEquals(Header.sequence(inbound.get((int)expected), 0),
                            Header.sequence(cursor.buffer(), cursor.offset()), "from " + from);
                        assertEquals(Header.type(inbound.get((int)expected), 0),
                            Header.type(cursor.buffer(), cursor.offset()), "from " + from);
                        expected++;
                    }
                    assertEquals(500, expected, "from " + from + ": read to the end");
                    assertEquals(500, cursor.result().count(), "from " + from);
                    assertTrue(cursor.result().intact(), cursor.result().toString());
                }
            }
            try (RecordCursor cursor = reader.inputCursorFrom(500))
            {
                assertFalse(cursor.next(), "nothing after the last record");
            }
        }
    }
}
