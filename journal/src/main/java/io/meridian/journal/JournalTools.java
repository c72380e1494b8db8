package io.meridian.journal;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;

/**
 * Operator tools over a journal directory, used by the ops command line. Not on the hot path.
 *
 * <p>Every tool checks every record it reads against its CRC32C and stops at the first corrupt one, printing the
 * {@link Corruption#message()} line ({@code journal: corrupt record in input queue, index 1234 (seq 1235, Chronicle
 * index 0x...): checksum mismatch (stored 0x..., computed 0x...)}) and returning {@link #EXIT_DAMAGED}.
 *
 * <p>Exit codes of {@link #dump} and {@link #stats}: {@link #EXIT_OK} when both queues were read completely, end with
 * END_OF_RUN and nothing was reported; {@link #EXIT_DAMAGED} when a record is corrupt or the journal is incomplete
 * (a torn tail, no END_OF_RUN because the writer died, or any other warning; the readable records are still
 * printed); {@link #EXIT_NOT_A_JOURNAL} when the directory cannot be opened as a journal of this build's format.
 * {@link #verify} answers only whether every record is intact: a torn tail or a missing END_OF_RUN is a warning
 * there, not a failure.
 */
public final class JournalTools
{
    /** Complete, intact journal. */
    public static final int EXIT_OK = 0;
    /** Readable, but torn records, no clean end or other warnings. */
    public static final int EXIT_DAMAGED = 1;
    /** Not a journal or unreadable. */
    public static final int EXIT_NOT_A_JOURNAL = 2;

    private JournalTools()
    {
    }

    /**
     * Prints the manifest's first line, then one line per record: {@code input <n> <record>} for the inbound
     * records, {@code output <n> <record>} for the decision records ({@code n} counts from 0 within the queue,
     * {@code <record>} is {@link RecordLayouts#describe}), then a summary line per queue and every warning.
     *
     * @param dir the journal directory.
     * @param out where to print.
     * @return the exit code.
     */
    public static int dump(final Path dir, final PrintStream out)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            out.println("manifest " + manifestSummary(reader.manifestText()));
            final ReadResult input = reader.readInput(new DumpPrinter(out, JournalFormat.INPUT_QUEUE));
            if (input.corrupt())
            {
                printSummary(out, JournalFormat.INPUT_QUEUE, input);
                return EXIT_DAMAGED;
            }
            final ReadResult output = reader.readOutput(new DumpPrinter(out, JournalFormat.OUTPUT_QUEUE));
            printSummary(out, JournalFormat.INPUT_QUEUE, input);
            printSummary(out, JournalFormat.OUTPUT_QUEUE, output);
            return exitCode(input, output);
        }
        catch (final JournalException ex)
        {
            out.println("error " + ex.getMessage());
            return EXIT_NOT_A_JOURNAL;
        }
    }

    /**
     * Prints statistics: records per type for each queue, the event-time span (first and last record's
     * {@code eventTimeNs} and their difference in seconds), bytes on disk, clean-end and torn status, warnings. A
     * corrupt record ends it with {@code status corrupt} and the corruption line instead.
     *
     * @param dir the journal directory.
     * @param out where to print.
     * @return the exit code.
     */
    public static int stats(final Path dir, final PrintStream out)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            out.println("journal " + dir);
            out.println("manifest " + manifestSummary(reader.manifestText()));
            final TypeStats inputStats = new TypeStats();
            final TypeStats outputStats = new TypeStats();
            final ReadResult input = reader.readInput(inputStats);
            final ReadResult output = input.corrupt() ? null : reader.readOutput(outputStats);
            final Corruption corruption = input.corrupt() ? input.corruption() : output.corruption();
            if (corruption != null)
            {
                out.println("status corrupt");
                out.println(corruption.message());
                return EXIT_DAMAGED;
            }
            printStats(out, JournalFormat.INPUT_QUEUE, input, inputStats);
            printStats(out, JournalFormat.OUTPUT_QUEUE, output, outputStats);
            final long inputBytes = bytesOnDisk(dir.resolve(JournalFormat.INPUT_QUEUE));
            final long outputBytes = bytesOnDisk(dir.resolve(JournalFormat.OUTPUT_QUEUE));
            out.println("bytes files input=" + inputBytes + " output=" + outputBytes + " total="
                + (inputBytes + outputBytes) + " (apparent size; queue files are sparse)");
            out.println("bytes records input=" + inputStats.bytes + " output=" + outputStats.bytes);
            final int code = exitCode(input, output);
            out.println("status " + status(input, output));
            for (final String warning : warnings(input, output))
            {
                out.println("warning " + warning);
            }
            return code;
        }
        catch (final JournalException ex)
        {
            out.println("error " + ex.getMessage());
            return EXIT_NOT_A_JOURNAL;
        }
    }

    /**
     * Checks every record of both queues and the manifest against their checksums and framing. Prints each warning
     * ({@code warning ...}: a torn tail, no END_OF_RUN), then either {@code journal: ok, N records (...)} (N counts
     * the manifest, every input and output record and each END_OF_RUN) or one corruption line per corrupt queue.
     *
     * @param dir the journal directory.
     * @param out where to print.
     * @return {@link #EXIT_OK} when every record is intact (torn tails and a missing END_OF_RUN are only warned
     *     about), {@link #EXIT_DAMAGED} when a record is corrupt, {@link #EXIT_NOT_A_JOURNAL} when the directory is
     *     not a journal of this build's format.
     */
    public static int verify(final Path dir, final PrintStream out)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult input = reader.readInput(JournalTools::ignore);
            final ReadResult output = reader.readOutput(JournalTools::ignore);
            for (final String warning : warnings(input, output))
            {
                out.println("warning " + warning);
            }
            if (input.corrupt() || output.corrupt())
            {
                for (final ReadResult result : List.of(input, output))
                {
                    if (result.corrupt())
                    {
                        out.println(result.corruption().message());
                    }
                }
                return EXIT_DAMAGED;
            }
            final long manifests = reader.manifestText().isEmpty() ? 0 : 1;
            final long endOfRuns = (input.cleanEnd() ? 1L : 0L) + (output.cleanEnd() ? 1L : 0L);
            out.println("journal: ok, " + (manifests + input.count() + output.count() + endOfRuns) + " records ("
                + manifests + " manifest, " + input.count() + " input, " + output.count() + " output, " + endOfRuns
                + " END_OF_RUN), every checksum matches");
            return EXIT_OK;
        }
        catch (final JournalException ex)
        {
            out.println("error " + ex.getMessage());
            return EXIT_NOT_A_JOURNAL;
        }
    }

    private static void ignore(final DirectBuffer buffer, final int offset, final int length)
    {
        // verify only checks the records
    }

    private static String manifestSummary(final String text)
    {
        if (text.isEmpty())
        {
            return "<missing>";
        }
        final String[] lines = text.split("\\R", -1);
        int more = 0;
        for (int i = 1; i < lines.length; i++)
        {
            if (!lines[i].isBlank())
            {
                more++;
            }
        }
        return more == 0 ? lines[0] : lines[0] + " (+" + more + " more lines)";
    }

    private static void printSummary(final PrintStream out, final String name, final ReadResult result)
    {
        out.println(name + " end records=" + result.count() + " cleanEnd=" + result.cleanEnd() + " tornRecords="
            + result.tornRecords());
        for (final String warning : result.warnings())
        {
            out.println("warning " + warning);
        }
        if (result.corrupt())
        {
            out.println(result.corruption().message());
        }
    }

    private static void printStats(
        final PrintStream out, final String name, final ReadResult result, final TypeStats stats)
    {
        out.println(name + " records=" + result.count() + " cleanEnd=" + result.cleanEnd() + " tornRecords="
            + result.tornRecords());
        for (int type = 0; type < stats.perType.length; type++)
        {
            if (stats.perType[type] > 0)
            {
                out.println(name + " " + RecordType.name(type) + " " + stats.perType[type]);
            }
        }
        if (result.count() > 0)
        {
            final double spanSeconds = (stats.lastEventTimeNs - stats.firstEventTimeNs) / 1e9;
            out.println(name + " time first=" + stats.firstEventTimeNs + " last=" + stats.lastEventTimeNs + " span="
                + String.format(Locale.ROOT, "%.6f", spanSeconds) + "s");
        }
    }

    private static String status(final ReadResult input, final ReadResult output)
    {
        final int torn = input.tornRecords() + output.tornRecords();
        if (torn > 0)
        {
            return "torn (" + torn + " torn or corrupt records skipped" + (input.cleanEnd() && output.cleanEnd()
                ? ")" : ", no clean end)");
        }
        if (!input.cleanEnd() || !output.cleanEnd())
        {
            return "unclean (no END_OF_RUN: the writer did not close the journal)";
        }
        return input.warnings().isEmpty() && output.warnings().isEmpty() ? "clean" : "clean with warnings";
    }

    private static List<String> warnings(final ReadResult input, final ReadResult output)
    {
        final List<String> all = new ArrayList<>(input.warnings());
        all.addAll(output.warnings());
        return all;
    }

    private static int exitCode(final ReadResult input, final ReadResult output)
    {
        return input.intact() && output.intact() ? EXIT_OK : EXIT_DAMAGED;
    }

    private static long bytesOnDisk(final Path queueDir)
    {
        if (!Files.isDirectory(queueDir))
        {
            return 0;
        }
        try (Stream<Path> files = Files.list(queueDir))
        {
            long total = 0;
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                if (Files.isRegularFile(f))
                {
                    total += Files.size(f);
                }
            }
            return total;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    /**
     * Prints one record per line.
     */
    private static final class DumpPrinter implements RecordHandler
    {
        private final PrintStream out;
        private final String name;
        private long n;

        DumpPrinter(final PrintStream out, final String name)
        {
            this.out = out;
            this.name = name;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            out.println(name + " " + n++ + " " + RecordLayouts.describe(buffer, offset));
        }
    }

    /**
     * Counts records per type and keeps the first and last event time.
     */
    private static final class TypeStats implements RecordHandler
    {
        private final long[] perType = new long[256];
        private long firstEventTimeNs;
        private long lastEventTimeNs;
        private long bytes;
        private boolean any;

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            perType[Header.type(buffer, offset) & 0xFF]++;
            final long t = Header.eventTimeNs(buffer, offset);
            if (!any)
            {
                any = true;
                firstEventTimeNs = t;
            }
            lastEventTimeNs = t;
            bytes += length;
        }
    }
}
