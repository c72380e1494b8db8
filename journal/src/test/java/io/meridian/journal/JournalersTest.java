package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.Sequence;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.stage.EventSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalersTest
{
    @TempDir
    Path tmp;

    @Test
    void shouldJournalSlotsAndAdvanceTheSequenceAfterEachAppend()
    {
        final Path dir = tmp.resolve("journalers");
        final List<byte[]> expectedIn = new ArrayList<>();
        final List<byte[]> expectedOut = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(dir, "m"))
        {
            final InputJournaler input = new InputJournaler(writer);
            final Sequence processor = new Sequence(-1L);
            input.setSequenceCallback(processor);
            assertEquals(-1L, input.sequence().get());
            final EventSlot slot = new EventSlot();
            for (int i = 0; i < 12; i++)
            {
                final byte type = TestRecords.inboundType(i);
                final int length = TestRecords.fill(slot.buffer, 0, type, i);
                input.onEvent(slot, 100 + i, i % 4 == 3);
                expectedIn.add(TestRecords.copy(slot.buffer, 0, length));
                assertEquals(100 + i, input.sequence().get());
                assertEquals(100 + i, processor.get());
                assertEquals(i + 1, writer.inputCount());
            }

            final OutputJournaler output = new OutputJournaler(writer);
            final UnsafeBuffer ring = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < 5; i++)
            {
                final int length = TestRecords.fill(ring, 8, RecordType.ORDER_COMMAND, i);
                output.onRecord(ring, 8, length);
                expectedOut.add(TestRecords.copy(ring, 8, length));
                assertEquals(i + 1, output.count());
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<byte[]> in = new ArrayList<>();
            final List<byte[]> out = new ArrayList<>();
            reader.readInput((b, o, l) -> in.add(TestRecords.copy(b, o, l)));
            reader.readOutput((b, o, l) -> out.add(TestRecords.copy(b, o, l)));
            assertEquals(expectedIn.size(), in.size());
            assertEquals(expectedOut.size(), out.size());
            for (int i = 0; i < in.size(); i++)
            {
                assertArrayEquals(expectedIn.get(i), in.get(i));
            }
            for (int i = 0; i < out.size(); i++)
            {
                assertArrayEquals(expectedOut.get(i), out.get(i));
            }
        }
    }
}
