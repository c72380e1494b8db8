package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RunManifest;
import io.meridian.ops.train.TrainingSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, in-process: one short demo run, then its journal is replayed, perturbed, dumped, and used for
 * training.
 */
class DemoCommandTest
{
    private static final int EVENTS = 60_000;

    @TempDir
    static Path tmp;
    static Path journal;
    static CommandLine demo;

    @BeforeAll
    static void runDemo()
    {
        journal = tmp.resolve("journal");
        demo = CommandLine.run("demo", "--events", Integer.toString(EVENTS), "--journal", journal.toString(),
            "--no-progress", "--summary-json", tmp.resolve("summary.json").toString());
    }

    private static long number(final String text, final String regex)
    {
        final Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in\n" + text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void shouldRunJournalAndVerifyTheDemo()
    {
        assertEquals(0, demo.exitCode, demo.toString());
        assertTrue(demo.out.contains("replay: identical, " + EVENTS + " events, "), demo.out);
        assertEquals(EVENTS, number(demo.out, "events ([0-9,]+) in"));
        assertTrue(number(demo.out, "second half, after JIT warm-up: ([0-9,]+) events/s") > 0, demo.out);
        assertTrue(number(demo.out, "orders ([0-9,]+)") > 0, demo.out);
        assertTrue(number(demo.out, "fills ([0-9,]+)") > 0, demo.out);
        assertTrue(demo.out.contains("tick_to_order"), demo.out);
        assertTrue(demo.out.contains("MRDA") && demo.out.contains("MRDB") && demo.out.contains("MRDC"), demo.out);
    }

    @Test
    void shouldWriteTheSummaryAsJson() throws IOException
    {
        final String json = Files.readString(tmp.resolve("summary.json"), StandardCharsets.UTF_8);
        assertEquals(EVENTS, number(json, "\"events\": ([0-9]+)"));
        assertTrue(number(json, "\"orders\": ([0-9]+)") > 0, json);
        assertTrue(json.contains("\"rejects\": {"), json);
        assertTrue(json.contains("\"pnl\": {"), json);
        assertTrue(json.contains("\"tick_to_order\": {"), json);
        assertTrue(json.contains("\"secondHalfEventsPerSecond\": "), json);
        assertTrue(json.contains("\"replay\": \"replay: identical"), json);
        number(json, "\"p999\": ([0-9]+)");
    }

    @Test
    void shouldVerifyTheJournalAgain()
    {
        final CommandLine replay = CommandLine.run("replay", "--journal", journal.toString(), "--verify");
        assertEquals(0, replay.exitCode, replay.toString());
        assertTrue(replay.out.startsWith("replay: identical, " + EVENTS + " events, "), replay.out);
    }

    @Test
    void shouldReportTheFirstDivergenceWhenARiskLimitChanges()
    {
        final CommandLine replay = CommandLine.run(
            "replay", "--journal", journal.toString(), "--verify", "--set", "risk.maxOrderQty=1");
        assertEquals(1, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains("replay: DIVERGED"), replay.out);
        assertTrue(replay.out.contains("type=RISK_DECISION"), replay.out);
        assertTrue(replay.out.matches("(?s).*field (accepted: journaled=1 replayed=0|reasonCode: journaled=\\d+ "
            + "replayed=22).*"), replay.out);
    }

    @Test
    void shouldReportTheFirstDivergenceWhenTheModelChanges()
    {
        final CommandLine replay = CommandLine.run(
            "replay", "--journal", journal.toString(), "--verify", "--set", "model.scorer=onnx");
        assertEquals(1, replay.exitCode, replay.toString());
        assertTrue(replay.out.contains("type=SIGNAL"), replay.out);
        assertTrue(replay.out.contains("field score: journaled="), replay.out);
    }

    @Test
    void shouldDumpAndSummariseTheJournal()
    {
        final CommandLine dump = CommandLine.run("journal", "dump", journal.toString());
        assertEquals(0, dump.exitCode, dump.toString());
        assertTrue(dump.out.contains("QUOTE bidPrice="), dump.out.substring(0, Math.min(2000, dump.out.length())));
        assertTrue(dump.out.contains("ORDER_COMMAND"), "dump has order commands");
        final CommandLine stats = CommandLine.run("journal", "stats", journal.toString());
        assertEquals(0, stats.exitCode, stats.toString());
        assertTrue(stats.out.contains("QUOTE") && stats.out.contains("SIGNAL"), stats.out);
    }

    @Test
    void shouldRefuseAnOutOfRangeOverrideWithoutStarting()
    {
        final Path dir = tmp.resolve("never-written");
        final CommandLine bad = CommandLine.run(
            "demo", "--events", "1000", "--journal", dir.toString(), "--set", "risk.maxOrderQty=-5");
        assertEquals(2, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains("risk.maxOrderQty") && bad.err.contains("-5"), bad.err);
        assertTrue(!Files.exists(dir), "nothing may be written when the configuration is invalid");
    }

    @Test
    void shouldRefuseAMalformedConfigFile() throws IOException
    {
        final Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, "run:\n  events: [1, 2\n", StandardCharsets.UTF_8);
        final CommandLine bad = CommandLine.run("demo", "--config", file.toString());
        assertEquals(2, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains(file.toString()) && bad.err.contains("line"), bad.err);
    }

    @Test
    void shouldRefuseUnknownCommandsAndOptions()
    {
        assertEquals(2, CommandLine.run("fly").exitCode);
        final CommandLine unknown = CommandLine.run("demo", "--speed", "9");
        assertEquals(2, unknown.exitCode);
        assertTrue(unknown.err.contains("--speed"), unknown.err);
        final CommandLine missing = CommandLine.run("replay", "--verify");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("--journal"), missing.err);
        final CommandLine notJournal = CommandLine.run("replay", "--journal", tmp.toString(), "--verify");
        assertEquals(2, notJournal.exitCode, notJournal.toString());
        assertTrue(notJournal.err.contains(tmp.toString()), notJournal.err);
    }

    @Test
    void shouldTrainAModelThatTheEngineAccepts()
    {
        final Path model = tmp.resolve("trained.onnx");
        final CommandLine train = CommandLine.run(
            "train", "--journal", journal.toString(), "--out", model.toString(), "--horizon", "10");
        assertEquals(0, train.exitCode, train.toString());
        assertTrue(Files.exists(model) && Files.exists(tmp.resolve("trained.manifest.yaml")), train.out);
        try (Scorer java = Scorers.create("java", model.toString());
            Scorer onnx = Scorers.create("onnx", model.toString()))
        {
            final double[] features = {0.3, -0.2, 0.15, 0.4, 0.05, 0.2};
            assertEquals(java.score(features), onnx.score(features), 1e-5);
        }
        final CommandLine demoWithModel = CommandLine.run("demo", "--events", "20000", "--no-progress",
            "--journal", tmp.resolve("with-trained").toString(), "--set", "model.path=" + model);
        assertEquals(0, demoWithModel.exitCode, demoWithModel.toString());
    }

    @Test
    void shouldTrainOnBarsBuiltFromTradesAndReplayIdentical()
    {
        // half-second time bars built from the demo's trades feed RSI and Bollinger bands into the vector
        final String[] sets = {"--set", "features.bars.kind=time", "--set", "features.bars.timeMs=500", "--set",
            "features.indicators=[rsi_14, bb_20_2]"};
        final Path model = tmp.resolve("bars-trained.onnx");
        final List<String> train = new ArrayList<>(List.of("train", "--journal", journal.toString(), "--out",
            model.toString()));
        train.addAll(List.of(sets));
        final CommandLine trained = CommandLine.run(train.toArray(new String[0]));
        assertEquals(0, trained.exitCode, trained.toString());
        assertTrue(trained.out.contains("of 12 features"), trained.toString());

        final List<String> run = new ArrayList<>(List.of("demo", "--events", "30000", "--no-progress", "--journal",
            tmp.resolve("with-bars").toString(), "--set", "model.path=" + model));
        run.addAll(List.of(sets));
        final CommandLine withBars = CommandLine.run(run.toArray(new String[0]));
        assertEquals(0, withBars.exitCode, withBars.toString());
        assertTrue(withBars.out.contains("replay: identical, 30000 events"), withBars.out);
        assertTrue(number(withBars.out, "signals ([\\d,]+)") > 1000, "the bar features warm up and are scored");
    }

    @Test
    void shouldComputeTrainingFeaturesWithoutLookAhead()
    {
        final TrainingSet full = trainingSet(Long.MAX_VALUE);
        final long cut = EVENTS / 2;
        final TrainingSet prefix = trainingSet(cut);
        final double[][] fullRows = full.features();
        final long[] fullSeq = full.eventSequences();
        final double[][] prefixRows = prefix.features();
        final long[] prefixSeq = prefix.eventSequences();
        assertTrue(prefixRows.length > 1000, "rows in the prefix: " + prefixRows.length);
        // every row the prefix could label is in the full set, computed at the same event with the same features:
        // the events after the cut changed nothing about features computed before it
        final Map<Long, double[]> byEvent = new HashMap<>();
        for (int i = 0; i < fullRows.length; i++)
        {
            byEvent.put(fullSeq[i], fullRows[i]);
        }
        for (int i = 0; i < prefixRows.length; i++)
        {
            assertTrue(prefixSeq[i] < cut);
            assertTrue(Arrays.equals(byEvent.get(prefixSeq[i]), prefixRows[i]), "row at event " + prefixSeq[i]);
        }
    }

    private static TrainingSet trainingSet(final long inputLimit)
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final RunManifest manifest = RunManifest.parse(reader.manifestText());
            final EngineConfig config = ConfigLoader.loadText("test", manifest.configYaml(), List.of());
            final TrainingSet set = new TrainingSet(config, 10, 1);
            reader.readInput((buffer, offset, length) ->
            {
                if (Header.sequence(buffer, offset) < inputLimit)
                {
                    set.onInput(buffer, offset);
                }
            });
            return set;
        }
    }

    @Test
    void shouldPrintHelp()
    {
        final CommandLine help = CommandLine.run("--help");
        assertEquals(0, help.exitCode);
        for (final String command : new String[]{"demo", "run", "replay", "journal dump", "train", "bench latency"})
        {
            assertTrue(help.out.contains(command), command);
        }
    }
}
