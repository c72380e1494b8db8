package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meridian features}: columns, warm-up, values computed by hand, and errors naming the bad indicator. */
class FeaturesCommandTest
{
    @Test
    void shouldWriteOneRowPerBarWithTheDefaultColumns(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("bars.csv");
        final StringBuilder fixed = new StringBuilder("date,open,high,low,close,volume\n");
        for (int i = 0; i < 40; i++)
        {
            final double close = 100 + (i % 7) - (i % 3) * 0.5;
            fixed.append(LocalDate.of(2024, 1, 1).plusDays(i)).append(',').append(close).append(',').append(close + 1)
                .append(',').append(close - 1).append(',').append(close).append(',').append(1000 + i).append('\n');
        }
        Files.writeString(data, fixed.toString());
        final Path out = dir.resolve("features.csv");
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final int code = Main.run(List.of("features", "--data", data.toString(), "--out", out.toString()),
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        final List<String> rows = Files.readAllLines(out);
        assertEquals(41, rows.size());
        final List<String> header = Arrays.asList(rows.get(0).split(",", -1));
        for (final String name : List.of("date", "sma_20", "ema_20", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9",
            "bb_lower_20_2", "bb_middle_20_2", "bb_upper_20_2", "bb_pctb_20_2", "atr_14", "true_range", "obv",
            "roc_10", "stoch_k_14", "stoch_d_14_3", "chaikin_ad", "stdev_20"))
        {
            assertTrue(header.contains(name), "missing column " + name + " in " + header);
        }
        final int sma = header.indexOf("sma_20");
        final List<String> first = Arrays.asList(fixed.toString().split("\n"));
        for (int i = 1; i <= 40; i++)
        {
            final String[] cells = rows.get(i).split(",", -1);
            assertEquals(header.size(), cells.length, "row " + i);
            assertEquals(first.get(i).substring(0, 10), cells[0]);
            if (i < 20)
            {
                assertEquals("", cells[sma], "sma_20 before warm-up, row " + i);
            }
            else
            {
                double sum = 0;
                for (int j = i - 19; j <= i; j++)
                {
                    sum += Double.parseDouble(first.get(j).split(",", -1)[4]);
                }
                assertEquals(sum / 20, Double.parseDouble(cells[sma]), 1e-9, "sma_20 row " + i);
            }
        }
    }

    @Test
    void shouldComputeTheConfiguredBarIndicators(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("bars.csv");
        Files.writeString(data,
            "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1.5,2,1,1.8,20\n");
        final String yaml = io.meridian.config.ConfigLoader.canonicalYaml(
            io.meridian.config.ConfigLoader.loadProfile("demo", List.of()))
            .replace("  indicators: []\n", "  indicators: [ofi_100, momentum_1, true_range]\n");
        final Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        final Path out = dir.resolve("o.csv");
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final int code = Main.run(List.of("features", "--data", data.toString(), "--out", out.toString(), "--config",
            config.toString()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("date,momentum_1,true_range", "2024-01-02,,", "2024-01-03,0.30000000000000004,1.0"),
            Files.readAllLines(out));
    }

    @Test
    void shouldNameAnUnknownIndicator(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("bars.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n");
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final int code = Main.run(List.of("features", "--data", data.toString(), "--out",
            dir.resolve("o.csv").toString(), "--indicators", "sma_20,bogus_3"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        final String message = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown indicator 'bogus_3'"), message);
        final ByteArrayOutputStream stderr2 = new ByteArrayOutputStream();
        final int code2 = Main.run(List.of("features", "--data", data.toString(), "--out",
            dir.resolve("o.csv").toString(), "--indicators", "bb_20_x"), new PrintStream(new ByteArrayOutputStream(),
            true, StandardCharsets.UTF_8), new PrintStream(stderr2, true, StandardCharsets.UTF_8));
        assertEquals(2, code2);
        final String message2 = stderr2.toString(StandardCharsets.UTF_8);
        assertTrue(message2.contains("parameter K is 'x'"), message2);
    }
}
