package io.meridian.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meridian.journal.JournalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's latency beside its journal: {@code latency.json} in the journal directory. The journal holds no per-event
 * timings (wall-clock time never enters it, so replay stays deterministic), so {@code demo}, {@code backtest},
 * {@code backtest --data} and {@code run} write the percentiles of their HdrHistograms here once the run has ended,
 * and {@code report} reads them when the file is present. Format:
 * <pre>
 * {"unit": "ns", "sample_every": 8, "note": "...",
 *  "stages": {"book": {"count": .., "p50": .., "p99": .., "p999": .., "max": ..}, ..., "tick_to_order": {..},
 *             "event": {..}}}
 * </pre>
 * Not part of the journal's format: the queues and the manifest are what replay verifies.
 */
public final class LatencySidecar
{
    /** The file's name in the journal directory. */
    public static final String FILE = "latency.json";

    private LatencySidecar()
    {
    }

    /**
     * Writes the sidecar.
     *
     * @param journalDir the journal directory.
     * @param stagesNs per stage (and {@code tick_to_order}, {@code event}): count, p50, p99, p999, max in ns.
     * @param sampleEvery stages timed on one event in this many (1: every event).
     * @param note how the figures were taken, in a sentence.
     * @return the file written.
     * @throws UncheckedIOException when it cannot be written.
     */
    public static Path write(
        final Path journalDir, final Map<String, Object> stagesNs, final int sampleEvery, final String note)
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("unit", "ns");
        root.put("sample_every", sampleEvery);
        root.put("note", note);
        root.put("stages", stagesNs);
        final Path file = journalDir.resolve(FILE);
        try
        {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the sidecar of a journal.
     *
     * @param journalDir the journal directory.
     * @return the sidecar as written, or null when the run recorded none.
     * @throws JournalException when the file is there but is not a latency sidecar.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(final Path journalDir)
    {
        final Path file = journalDir.resolve(FILE);
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        final Map<String, Object> root;
        try
        {
            root = new ObjectMapper().readValue(file.toFile(), Map.class);
        }
        catch (final IOException e)
        {
            throw new JournalException("latency sidecar " + file + " is not readable JSON (" + e.getMessage()
                + "); delete it to report without latency", e);
        }
        if (!(root.get("stages") instanceof Map))
        {
            throw new JournalException("latency sidecar " + file + " has no \"stages\" object; delete it to report "
                + "without latency");
        }
        return root;
    }
}
