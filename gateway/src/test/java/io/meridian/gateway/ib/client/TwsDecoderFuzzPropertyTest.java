package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.testing.Frames;
import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.TwsFrameReader;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the reader and decoder with random and mutated frames: 1,000 tries of 1,000 frames each (1M frames). Nothing
 * may throw; every frame is either decoded or rejected with a reason; a stream-level error stops the reader.
 */
class TwsDecoderFuzzPropertyTest
{
    /** Well-formed messages to mutate (the golden fixtures plus the handshake-free session messages). */
    private static final List<byte[]> SEEDS = List.of(
        Frames.frame("1", "6", "12", "1", "187.25", "300", "1"),
        Frames.frame("2", "6", "12", "0", "300"),
        Frames.frame("45", "6", "12", "49", "1"),
        Frames.frame("46", "6", "12", "45", "1764689400"),
        Frames.frame("3", "1001", "Filled", "100", "0", "187.26", "987654321", "0", "187.27", "7", "", "0"),
        Frames.frame("4", "2", "1001", "201", "Order rejected"),
        Frames.frame(TwsMessageDecoderGoldenTest.openOrder(true)),
        Frames.frame("53", "1"),
        Frames.frame("9", "1", "1001"),
        Frames.frame("15", "1", "DU123456"),
        Frames.frame(TwsMessageDecoderGoldenTest.contractDetails("")),
        Frames.frame(TwsMessageDecoderGoldenTest.fields("11", "4", "1001", TwsMessageDecoderGoldenTest.AAPL_11,
            "e1", "20261202 15:31:02", "DU1", "ISLAND", "SLD", "40", "187.25", "9", "7", "0", "40", "187.25", "42",
            "", "", "", "2")),
        Frames.frame("59", "1", "e1", "0.35", "USD", "", "", ""),
        Frames.frame(TwsMessageDecoderGoldenTest.fields("61", "3", "DU1", TwsMessageDecoderGoldenTest.AAPL_11,
            "-150", "187.1")),
        Frames.frame("62", "1"),
        Frames.frame("63", "1", "9", "DU1", "NetLiquidation", "1000000.125", "USD"),
        Frames.frame("49", "1", "1764689400"));

    private static final byte[] ALPHABET =
        "0123456789.-eE+,|abcSubmitedFl ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Property(tries = 1000)
    void shouldDecodeOrRejectEveryFrameWithoutThrowing(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 3)
        final int lengthFaults)
    {
        final Random random = new Random(seed);
        final RecordingTwsListener listener = new RecordingTwsListener();
        final TwsMessageDecoder decoder = new TwsMessageDecoder(listener);
        final TwsFrameReader reader = new TwsFrameReader(64 * 1024, 512);
        final byte[] handshake = Frames.frame("151", "t");
        reader.append(new UnsafeBuffer(handshake), 0, handshake.length);
        reader.poll(decoder, 1);
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        final int frames = 1000;
        for (int i = 0; i < frames; i++)
        {
            final byte[] frame = random.nextInt(4) == 0 ? randomFrame(random) : mutate(random, SEEDS.get(
                random.nextInt(SEEDS.size())));
            stream.write(frame, 0, frame.length);
        }
        final byte[] bytes = stream.toByteArray();
        if (lengthFaults > 0)
        {
            bytes[random.nextInt(bytes.length)] = (byte)random.nextInt(256);
        }
        int delivered = 0;
        int offset = 0;
        while (offset < bytes.length && reader.failed() == null)
        {
            final int chunk = Math.min(bytes.length - offset, 1 + random.nextInt(4096));
            offset += reader.append(new UnsafeBuffer(bytes), offset, chunk);
            delivered += reader.poll(decoder, Integer.MAX_VALUE);
        }
        final long outcomes = decoder.messages() - 1 + decoder.rejected();     // minus the handshake
        assertEquals(delivered, outcomes, "every frame is either decoded or rejected");
        final long badEvents = listener.events.stream().filter(e -> e.startsWith("bad ")).count();
        assertEquals(decoder.rejected(), badEvents, "every rejection is reported with a reason");
        if (reader.failed() == null)
        {
            assertTrue(lengthFaults > 0 || delivered == frames, "an intact stream delivers every frame");
        }
        else
        {
            assertTrue(reader.failed().fatal());
            assertTrue(decoder.fatal() == FrameError.NON_POSITIVE_LENGTH
                || decoder.fatal() == FrameError.LENGTH_TOO_LARGE);
        }
    }

    private static byte[] randomFrame(final Random random)
    {
        final int n = 1 + random.nextInt(60);
        final byte[] frame = new byte[4 + n];
        frame[2] = (byte)(n >>> 8);
        frame[3] = (byte)n;
        for (int i = 4; i < frame.length; i++)
        {
            frame[i] = random.nextInt(5) == 0 ? 0 : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        if (random.nextBoolean())
        {
            frame[4] = (byte)('0' + random.nextInt(10));
            frame[frame.length - 1] = 0;
        }
        return frame;
    }

    private static byte[] mutate(final Random random, final byte[] seed)
    {
        final byte[] frame = seed.clone();
        final int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++)
        {
            final int at = 4 + random.nextInt(frame.length - 4);
            switch (random.nextInt(3))
            {
                case 0:
                    frame[at] = 0;                                          // split a field / add a field
                    break;
                case 1:
                    frame[at] = ALPHABET[random.nextInt(ALPHABET.length)];  // change a character (or the last NUL)
                    break;
                default:
                    frame[at] = (byte)random.nextInt(256);                  // any byte
                    break;
            }
        }
        return frame;
    }
}
