package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalReader;
import io.meridian.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import}, {@code data check} and {@code backtest --data} end to end on a real public dataset: the daily
 * OHLCV series {@code ttrc} that R's TTR package ships (Debian {@code r-cran-ttr}; TTR is GPL-2|GPL-3 licensed, so
 * the data is generated here at test time with Rscript and never committed). The fills of the backtest are checked
 * against the CSV read independently (a plain split of its lines): every fill happens at the open of a bar after the
 * one its order reacted to, never at a price better than that open's touch (open plus or minus one tick), and the
 * marketable ones at exactly that touch.
 */
class DataCommandsTest
{
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    static Path dir;

    private static Path csv;

    @BeforeAll
    static void writeTtrc() throws IOException, InterruptedException
    {
        csv = dir.resolve("ttrc.csv");
        final Process r;
        try
        {
            r = new ProcessBuilder("Rscript", "-e", "library(TTR); data(ttrc); write.csv(ttrc, '" + csv
                + "', row.names = FALSE)").redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            throw new AssertionError("Rscript is missing: install the Debian packages r-base-core and r-cran-ttr "
                + "(.ci/run does)", ex);
        }
        final String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(r.waitFor(120, TimeUnit.SECONDS), "Rscript did not finish");
        assertEquals(0, r.exitValue(), "Rscript failed (is r-cran-ttr installed?): " + output);
    }

    @Test
    void shouldImportCheckAndBacktestTheTtrcDailyBars() throws IOException
    {
        final Path data = dir.resolve("ttrc-data");
        final CommandLine imported = CommandLine.run("import", "--csv", csv.toString(), "--symbol", "TTRC", "--tz",
            "America/New_York", "--out", data.toString());
        assertEquals(0, imported.exitCode, imported.toString());
        assertTrue(imported.out.contains("5,550 read, 5,550 records written, 0 rejected"), imported.toString());
        assertTrue(imported.out.contains("1985-01-02T05:00:00Z .. 2006-12-29T05:00:00Z"), imported.toString());

        final CommandLine checked = CommandLine.run("data", "check", csv.toString(), "--tz", "America/New_York");
        assertEquals(1, checked.exitCode, "US holidays are missing sessions without a holiday list: " + checked);
        assertTrue(checked.out.contains("rows          5,550 (5,550 good, 0 rejected)"), checked.toString());
        assertTrue(checked.out.contains("sessions      5,550 with data"), checked.toString());
        assertTrue(checked.out.contains("jumps > 20%   0"), checked.toString());
        final CommandLine checkedJournal = CommandLine.run("data", "check", data.toString(), "--tz",
            "America/New_York");
        assertTrue(checkedJournal.out.contains("records       5,550 market-data records"), checkedJournal.toString());

        final Path journal = dir.resolve("ttrc-backtest");
        final Path tearsheet = dir.resolve("ttrc-backtest.html");
        final Path summary = dir.resolve("ttrc-backtest.json");
        final CommandLine backtest = CommandLine.run("backtest", "--data", data.toString(), "--journal",
            journal.toString(), "--report", tearsheet.toString(), "--summary-json", summary.toString());
        assertEquals(0, backtest.exitCode, backtest.toString());
        assertTrue(backtest.out.contains("replay: identical"), backtest.toString());
        assertTrue(backtest.out.contains("data: 5,550 market records"), backtest.toString());
        assertTrue(Files.isRegularFile(journal.resolve("latency.json")), "backtest --data writes its latency");
        // the headline statistics and the tearsheet, as demo and backtest give them
        final String headline = Report.analyze(journal, 0, 0.0, null).headline();
        assertTrue(headline.startsWith("statistics (equity every "), headline);
        assertTrue(backtest.out.contains(headline), "the journal's headline statistics in the summary: " + backtest);
        assertTrue(backtest.out.contains("tearsheet: " + tearsheet), backtest.toString());
        final String html = Files.readString(tearsheet);
        assertTrue(html.contains("<svg") && html.contains("replay: identical"), "a tearsheet of this run");
        assertEquals(headline, new ObjectMapper().readTree(summary.toFile()).get("statistics").asText(),
            "--summary-json carries the same statistics");
        assertFillsAtTheNextOpen(journal);
    }

    @Test
    void shouldTrainOnBarIndicatorsOfImportedDataAndBacktestWithTheModel() throws IOException
    {
        final Path data = dir.resolve("ttrc-train-data");
        assertEquals(0, CommandLine.run("import", "--csv", csv.toString(), "--symbol", "TTRC", "--tz",
            "America/New_York", "--out", data.toString()).exitCode);
        final String indicators = "features.indicators=[rsi_14, roc_10, zscore_20]";
        final Path model = dir.resolve("ttrc-bars.onnx");
        final CommandLine trained = CommandLine.run("train", "--data", data.toString(), "--set", indicators,
            "--out", model.toString());
        assertEquals(0, trained.exitCode, trained.toString());
        assertTrue(trained.out.contains("of 9 features"), trained.toString());
        final String manifest = Files.readString(dir.resolve("ttrc-bars.manifest.yaml"));
        assertTrue(manifest.contains("f06_rsi_14") && manifest.contains("f08_zscore_20"), manifest);

        final Path journal = dir.resolve("ttrc-bars-backtest");
        final CommandLine backtest = CommandLine.run("backtest", "--data", data.toString(), "--set", indicators,
            "--set", "model.path=" + model, "--journal", journal.toString());
        assertEquals(0, backtest.exitCode, backtest.toString());
        assertTrue(backtest.out.contains("replay: identical"), backtest.toString());

        // the backtest's journal trains too, its manifest's configuration changed by --set
        final CommandLine fromJournal = CommandLine.run("train", "--journal", journal.toString(), "--set",
            "features.indicators=[rsi_14]", "--out", dir.resolve("from-journal.onnx").toString());
        assertEquals(0, fromJournal.exitCode, fromJournal.toString());
        assertTrue(fromJournal.out.contains("of 7 features"), fromJournal.toString());

        final CommandLine mismatch = CommandLine.run("backtest", "--data", data.toString(), "--set",
            "model.path=" + model, "--journal", dir.resolve("mismatch").toString());
        assertTrue(mismatch.exitCode != 0, "a model of other features is refused: " + mismatch);
        assertTrue(mismatch.toString().contains("f06_rsi_14"), mismatch.toString());
    }

    private static void assertFillsAtTheNextOpen(final Path journal) throws IOException
    {
        final Map<Long, Long> openCents = new HashMap<>();
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] fields = line.replace("\"", "").split(",", -1);
            final long timeNs = LocalDate.parse(fields[0]).atStartOfDay(NEW_YORK).toEpochSecond() * 1_000_000_000L;
            openCents.put(timeNs, Math.round(Double.parseDouble(fields[1]) * 100));
        }
        final Map<Long, Long> sentAt = new HashMap<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readOutput((buffer, offset, length) ->
            {
                if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND
                    && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
                {
                    sentAt.put(OrderCommandCodec.clOrdId(buffer, offset), Header.eventTimeNs(buffer, offset));
                }
            });
            final int[] fills = new int[2];
            reader.readInput((buffer, offset, length) ->
            {
                final byte execType = Header.type(buffer, offset) == RecordType.EXEC_REPORT
                    ? ExecReportCodec.execType(buffer, offset) : -1;
                if (execType != ExecType.FILL && execType != ExecType.PARTIAL_FILL)
                {
                    return;
                }
                final long timeNs = Header.eventTimeNs(buffer, offset);
                final String what = "fill of order " + ExecReportCodec.clOrdId(buffer, offset) + " at " + timeNs;
                final Long open = openCents.get(timeNs);
                assertTrue(open != null, what + " is not at a bar's time");
                assertTrue(sentAt.get(ExecReportCodec.clOrdId(buffer, offset)) < timeNs,
                    what + " is not after the bar its order reacted to");
                final long price = ExecReportCodec.lastPrice(buffer, offset);
                final boolean buy = ExecReportCodec.side(buffer, offset) == Side.BUY;
                final long touch = buy ? open + 1 : open - 1;
                assertTrue(buy ? price >= touch : price <= touch, what + ": price " + price + ", open " + open);
                fills[0]++;
                fills[1] += price == touch ? 1 : 0;
            });
            assertTrue(fills[0] > 5, "the bars strategy trades on ttrc: " + fills[0] + " fills");
            assertTrue(fills[1] > 0, "some fills are exactly at the next open's touch");
        }
    }

    @Test
    void shouldReportRejectedRowsByReasonAndFailWhenStrict() throws IOException
    {
        final Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n"
            + "2024-01-03,10,9,11,10,100\n2024-01-04,10,11,9,10,-5\n2024-01-05,10,11,9,10,100\n",
            StandardCharsets.UTF_8);
        final CommandLine lenient = CommandLine.run("import", "--csv", bad.toString(), "--out",
            dir.resolve("bad-data").toString());
        assertEquals(1, lenient.exitCode, lenient.toString());
        assertTrue(lenient.err.contains("bad.csv:3: column 'high': HIGH_BELOW_LOW"), lenient.toString());
        assertTrue(lenient.err.contains("bad.csv:4: column 'volume': NEGATIVE_VOLUME"), lenient.toString());
        assertTrue(lenient.out.contains("4 read, 2 records written, 2 rejected"), lenient.toString());
        assertTrue(lenient.out.contains("HIGH_BELOW_LOW"), lenient.toString());

        final CommandLine strict = CommandLine.run("import", "--csv", bad.toString(), "--strict", "--out",
            dir.resolve("bad-strict").toString());
        assertEquals(2, strict.exitCode, strict.toString());
        assertTrue(strict.err.contains("bad.csv:3: column 'high': HIGH_BELOW_LOW"), strict.toString());

        final CommandLine check = CommandLine.run("data", "check", bad.toString());
        assertEquals(1, check.exitCode, check.toString());
        assertTrue(check.out.contains("rejected      HIGH_BELOW_LOW"), check.toString());
    }
}
