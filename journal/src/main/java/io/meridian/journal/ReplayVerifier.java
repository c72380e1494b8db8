package io.meridian.journal;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.agrona.DirectBuffer;

/**
 * Replay verification: rebuilds the engine from a journal's manifest (configuration, model, seed), feeds it the
 * journaled inbound events, and compares every decision record and order command it makes, byte for byte, with
 * the journaled ones, walking both streams in step. The first difference is reported with the decision's sequence,
 * its record type, the field and both values.
 *
 * <p>Every record read, inputs and journaled decisions alike, is checked against its CRC32C first. A corrupt record
 * stops the verification and is reported as corruption ({@link Result#corruption()}, the same line
 * {@code journal verify} prints), never as a divergence: a corrupt input is never fed to the engine and a corrupt
 * decision is never compared.
 *
 * <p>Both queues can be read, checked and copied ahead on one thread of their own ({@link ReadAhead}), in order, so
 * the engine and the comparison have the calling thread to themselves; the verdict is the same as reading them on the
 * calling thread.
 *
 * <p>A journal without a clean end (its writer died) is verified as a prefix: replay may produce decisions past the
 * last journaled one, as long as they were caused by inbound events at or after the cause of the last journaled
 * decision (the writer died between journaling an input and journaling all of its decisions).
 */
public final class ReplayVerifier
{
    private ReplayVerifier()
    {
    }

    /**
     * Outcome of a verification.
     *
     * @param identical no divergence.
     * @param events inbound events replayed.
     * @param decisions decision records compared.
     * @param unjournaledTail decisions replay made past the end of a truncated journal.
     * @param divergence the first difference, or null.
     * @param warnings torn records and other reading warnings.
     * @param cleanEnd the journal ended cleanly.
     * @param corruption the corrupt record verification stopped at, or null; when set, {@code identical} is false
     *     and {@code divergence} is null.
     */
    public record Result(
        boolean identical,
        long events,
        long decisions,
        long unjournaledTail,
        String divergence,
        List<String> warnings,
        boolean cleanEnd,
        Corruption corruption)
    {
        /**
         * Takes an unmodifiable copy of the warnings.
         */
        public Result
        {
            warnings = List.copyOf(warnings);
        }

        private static Result corrupt(
            final Corruption corruption, final long events, final long decisions, final List<String> warnings)
        {
            return new Result(false, events, decisions, 0, null, warnings, false, corruption);
        }

        /**
         * The one-line verdict.
         *
         * @return e.g. {@code replay: identical, 2000000 events, 1500000 decisions}; for a corrupt journal the
         *     corruption line, then how far replay got.
         */
        public String line()
        {
            if (corruption != null)
            {
                return corruption.message() + " (replay stopped there after " + events + " events and " + decisions
                    + " identical decisions)";
            }
            if (!identical)
            {
                return "replay: DIVERGED after " + events + " events, " + decisions + " identical decisions: "
                    + divergence;
            }
            final String line = "replay: identical, " + events + " events, " + decisions + " decisions";
            return cleanEnd ? line : line + " (journal has no clean end: verified the surviving prefix; "
                + unjournaledTail + " decisions of the last events were never journaled)";
        }
    }

    /**
     * Verifies a journal, reading both queues on the calling thread.
     *
     * @param dir journal directory.
     * @param overrides {@code --set} overrides applied on top of the journaled configuration.
     * @return the result.
     * @throws JournalException when the journal cannot be read or its manifest is broken.
     * @throws io.meridian.config.ConfigException when an override is invalid.
     */
    public static Result verify(final Path dir, final List<String> overrides)
    {
        return verify(dir, overrides, null);
    }

    /**
     * Verifies a journal, reading both queues ahead on a thread from {@code readAhead} ({@link ReadAhead}): the same
     * verdict as reading them on the calling thread, which keeps the engine and the comparison.
     *
     * @param dir journal directory.
     * @param overrides {@code --set} overrides applied on top of the journaled configuration.
     * @param readAhead makes the read-ahead thread; null to read on the calling thread.
     * @return the result.
     * @throws JournalException when the journal cannot be read or its manifest is broken.
     * @throws io.meridian.config.ConfigException when an override is invalid.
     */
    public static Result verify(final Path dir, final List<String> overrides, final ThreadFactory readAhead)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final Corruption manifestCorruption = reader.manifestCorruption();
            if (manifestCorruption != null)
            {
                return Result.corrupt(manifestCorruption, 0, 0, List.of());
            }
            final String manifestText = reader.manifestText();
            if (manifestText.isEmpty())
            {
                throw new JournalException("journal " + dir + " has no readable manifest: cannot rebuild the engine");
            }
            final RunManifest manifest;
            try
            {
                manifest = RunManifest.parse(manifestText);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new JournalException("journal " + dir + ": " + ex.getMessage(), ex);
            }
            final EngineConfig config = ConfigLoader.loadText(
                "manifest of " + dir, manifest.configYaml(), overrides);
            if (config.model().path().equals(manifest.modelPath()))
            {
                final String sha = ModelFiles.sha256Hex(ModelFiles.read(manifest.modelPath()));
                if (!sha.equals(manifest.modelSha256()))
                {
                    throw new JournalException("model " + manifest.modelPath() + " has sha256 " + sha
                        + " but the journal was written with " + manifest.modelSha256()
                        + ": the model changed since the run");
                }
            }
            try (Scorer scorer = Scorers.create(config);
                ReadAhead ahead = readAhead == null
                    ? null : ReadAhead.start(readAhead, reader.inputCursor(), reader.outputCursor());
                RecordCursor inputs = ahead == null ? reader.inputCursor() : ahead.cursor(0);
                RecordCursor journaled = ahead == null ? reader.outputCursor() : ahead.cursor(1))
            {
                return replay(inputs, config, scorer, journaled);
            }
        }
    }

    private static Result replay(
        final RecordCursor inputs, final EngineConfig config, final Scorer scorer, final RecordCursor journaled)
    {
        final Comparator comparator = new Comparator(journaled);
        final Pipeline pipeline = EngineFactory.create(config, scorer, comparator::onReplayed);
        final EventSlot slot = new EventSlot();
        long events = 0;
        while (inputs.next())
        {
            final DirectBuffer buffer = inputs.buffer();
            final int offset = inputs.offset();
            slot.buffer.putBytes(0, buffer, offset, inputs.length());
            comparator.currentInput = Header.sequence(buffer, offset);
            pipeline.onEvent(slot);
            events++;
            if (comparator.corruption != null)
            {
                return Result.corrupt(comparator.corruption, events, comparator.compared, List.of());
            }
            if (comparator.divergence != null)
            {
                return new Result(false, events, comparator.compared, 0, comparator.divergence, List.of(), false,
                    null);
            }
        }
        final ReadResult input = inputs.result();
        final List<String> warnings = new ArrayList<>(input.warnings());
        if (input.corrupt())
        {
            return Result.corrupt(input.corruption(), events, comparator.compared, warnings);
        }
        // anything left in the journal that replay did not produce
        if (comparator.divergence == null && journaled.next())
        {
            comparator.divergence = "the journal has decisions replay did not produce; first: "
                + RecordLayouts.describe(journaled.buffer(), journaled.offset());
        }
        while (journaled.next())
        {
            // drain to collect the output queue's torn-record warnings
        }
        final ReadResult output = journaled.result();
        warnings.addAll(output.warnings());
        if (output.corrupt())
        {
            return Result.corrupt(output.corruption(), events, comparator.compared, warnings);
        }
        final boolean cleanEnd = input.cleanEnd() && output.cleanEnd();
        if (comparator.divergence == null && comparator.tail > 0 && cleanEnd)
        {
            comparator.divergence = "replay produced " + comparator.tail
                + " decisions past the end of a cleanly closed journal; first: " + comparator.firstTail;
        }
        return new Result(comparator.divergence == null, events, comparator.compared, comparator.tail,
            comparator.divergence, warnings, cleanEnd, null);
    }

    /**
     * Compares each replayed outbound record with the next journaled one.
     */
    private static final class Comparator
    {
        private final RecordCursor journaled;
        private long compared;
        private long tail;
        private long lastJournaledCause = -1;
        private long currentInput;
        private String firstTail;
        private String divergence;
        private Corruption corruption;

        Comparator(final RecordCursor journaled)
        {
            this.journaled = journaled;
        }

        void onReplayed(final DirectBuffer buffer, final int offset, final int length)
        {
            if (divergence != null || corruption != null)
            {
                return;
            }
            if (tail > 0 || !journaled.next())
            {
                if (tail == 0)
                {
                    // the journaled decisions ended: at their end, or at a corrupt one
                    corruption = journaled.result().corruption();
                    if (corruption != null)
                    {
                        return;
                    }
                }
                if (currentInput < lastJournaledCause)
                {
                    divergence = "replay made a decision the journal lacks, caused by input " + currentInput
                        + ": " + RecordLayouts.describe(buffer, offset);
                    return;
                }
                if (tail++ == 0)
                {
                    firstTail = RecordLayouts.describe(buffer, offset);
                }
                return;
            }
            final DirectBuffer j = journaled.buffer();
            final int jOffset = journaled.offset();
            lastJournaledCause = SignalCodec.causeSequence(j, jOffset);
            final String difference = RecordLayouts.firstDifference(
                j, jOffset, journaled.length(), buffer, offset, length);
            if (difference != null)
            {
                divergence = "decision seq=" + Header.sequence(j, jOffset) + " type="
                    + RecordType.name(Header.type(j, jOffset)) + " (caused by input seq=" + lastJournaledCause
                    + ") field " + difference;
                return;
            }
            compared++;
        }
    }
}
