package io.meridian.ops.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.config.IndicatorSpec;
import io.meridian.engine.indicator.BarIndicator;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.gateway.csv.BarsCsvReader;
import io.meridian.gateway.csv.CsvBar;
import io.meridian.gateway.csv.CsvProblem;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.csv.CsvReadSummary;
import io.meridian.gateway.csv.CsvRowListener;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian features --data FILE.csv --out OUT.csv [--config FILE] [--indicators ID,ID,...] [--tz ZONE]}: runs
 * the engine's indicator catalogue ({@link IndicatorCatalogue}) over a bars file, read with the bars CSV reader, and
 * writes one row per accepted input row with FastCSV: the input's {@code date} text, then one column per indicator
 * output, empty before warm-up. Which indicators: {@code --indicators} if given, else the bar indicators listed in
 * the config file's {@code features.indicators}, else every bar indicator of the catalogue with its default
 * parameters. The session of a bar (for {@code vwap_session}) is its calendar day in {@code --tz} (default UTC).
 */
public final class FeaturesCommand
{
    static final String USAGE =
        "features --data FILE.csv --out OUT.csv [--config FILE] [--indicators ID,ID,...] [--tz ZONE]";

    private FeaturesCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code features}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("features", argv, Set.of("data", "out", "config", "indicators", "tz"), Set.of());
        final String data = args.option("data");
        final String target = args.option("out");
        if (data == null || target == null)
        {
            throw new UsageException("features: usage: " + USAGE);
        }
        final ZoneId zone = zone(args.option("tz"));
        final List<BarIndicator> indicators = indicators(args.option("indicators"), args.option("config"));
        final List<String> header = new ArrayList<>();
        header.add("date");
        for (final BarIndicator indicator : indicators)
        {
            for (int k = 0; k < indicator.outputs(); k++)
            {
                header.add(indicator.name(k));
            }
        }
        final String[] row = new String[header.size()];
        final BarsCsvReader reader = new BarsCsvReader(CsvReadOptions.DEFAULT.withZone(zone));
        final long startNs = System.nanoTime();
        final CsvReadSummary summary;
        try (CsvWriter writer = CsvWriter.builder().build(Path.of(target)))
        {
            writer.writeRecord(header);
            summary = reader.read(Path.of(data), new CsvRowListener<CsvBar>()
            {
                @Override
                public void onRow(final CsvBar bar)
                {
                    final long seconds = Math.floorDiv(bar.timestampNs(), 1_000_000_000L);
                    final long day = Instant.ofEpochSecond(seconds).atZone(zone).toLocalDate().toEpochDay();
                    row[0] = bar.date();
                    int column = 1;
                    for (final BarIndicator indicator : indicators)
                    {
                        indicator.onBar(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), day);
                        for (int k = 0; k < indicator.outputs(); k++)
                        {
                            final double value = indicator.value(k);
                            row[column++] = Double.isNaN(value) ? "" : Double.toString(value);
                        }
                    }
                    writer.writeRecord(row);
                }

                @Override
                public void onReject(final CsvProblem problem)
                {
                    err.println("rejected: " + problem.describe());
                }
            });
        }
        catch (final IOException ex)
        {
            err.println("meridian features: " + ex.getMessage());
            return 2;
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        out.println("features: " + summary.accepted() + " rows, " + (header.size() - 1) + " columns written to "
            + target + (summary.rejected() > 0 ? " (" + summary.rejected() + " rows rejected)" : "")
            + String.format(" in %.2f s", seconds));
        return 0;
    }

    private static ZoneId zone(final String text)
    {
        if (text == null)
        {
            return ZoneId.of("UTC");
        }
        try
        {
            return ZoneId.of(text);
        }
        catch (final DateTimeException ex)
        {
            throw new UsageException("features: --tz '" + text + "' is not a time zone (e.g. UTC, America/New_York)",
                ex);
        }
    }

    private static List<BarIndicator> indicators(final String list, final String configFile)
    {
        List<String> ids = IndicatorCatalogue.defaultBarIds();
        if (list != null)
        {
            ids = Arrays.asList(list.split(",", -1));
        }
        else if (configFile != null)
        {
            final EngineConfig config = ConfigLoader.loadFile(Path.of(configFile), List.of());
            final List<String> bars = new ArrayList<>();
            for (final String id : config.features().indicators())
            {
                if (!IndicatorSpec.parse(id).tick())
                {
                    bars.add(id);
                }
            }
            if (!bars.isEmpty())
            {
                ids = bars;
            }
        }
        final List<BarIndicator> indicators = new ArrayList<>(ids.size());
        for (final String id : ids)
        {
            try
            {
                indicators.add(IndicatorCatalogue.bar(id.trim()));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new UsageException("features: --indicators: " + ex.getMessage(), ex);
            }
        }
        return indicators;
    }
}
