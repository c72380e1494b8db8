package io.meridian.ops.cli;

import io.meridian.gateway.csv.CsvFileException;
import io.meridian.gateway.csv.CsvProblem;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.csv.CsvRejectReason;
import io.meridian.runtime.data.DataImporter;
import io.meridian.runtime.data.DataManifest;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code meridian import --csv FILE [--kind bars|quotes|trades] [--symbol SYM] [--tz ZONE] [--strict] --out DIR}:
 * a CSV file into a data journal ({@link DataImporter}). Prints each rejected row (file:line, column, reason) to
 * standard error as it is found (the first 1000; all are counted), then a summary: rows, records written, rejected
 * rows by reason, ignored columns, instruments and time span. Exit 0 when every row was imported, 1 when rows were
 * rejected (the good rows are imported), 2 when it could not run (usage, unreadable file, a missing header column,
 * a broken CSV structure, or {@code --strict} and a bad row).
 */
public final class ImportCommand
{
    static final Set<String> OPTIONS = Set.of("csv", "kind", "symbol", "tz", "out", "instrument-id", "price-scale",
        "qty-scale", "bar-seconds");
    static final Set<String> FLAGS = Set.of("strict");
    private static final int PRINTED_REJECTS = 1000;

    private ImportCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code import}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("import", argv, OPTIONS, FLAGS).noPositional();
        final Path csv = Path.of(required(args, "csv"));
        final Path dir = Path.of(required(args, "out"));
        final DataImporter.Kind kind = kind(args.option("kind"));
        final CsvReadOptions read = new CsvReadOptions(zone(args.option("tz")), args.flag("strict"),
            symbol(args.option("symbol")));
        final DataImporter.Options options = new DataImporter.Options(kind, read,
            (int)Math.min(args.longOption("instrument-id", 1), Integer.MAX_VALUE), scale(args, "price-scale", 100),
            scale(args, "qty-scale", 1), args.option("bar-seconds") == null
                ? 0 : args.longOption("bar-seconds", 1, 366L * 86_400) * 1_000_000_000L);
        if (!Files.isRegularFile(csv))
        {
            throw new UsageException("import: --csv " + csv + " is not a readable file");
        }
        final long[] printed = {0};
        final long startNanos = System.nanoTime();
        final DataImporter.Result result;
        try
        {
            result = DataImporter.importCsv(csv, dir, options, problem -> printReject(err, problem, printed));
        }
        catch (final CsvFileException ex)
        {
            err.println("import: " + ex.getMessage());
            err.println("import: nothing usable was written to " + dir + (ex.problem() != null
                ? " (--strict stops at the first bad row; without it the good rows are imported)" : ""));
            return 2;
        }
        catch (final IOException ex)
        {
            err.println("import: cannot read " + csv + ": " + ex);
            return 2;
        }
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (printed[0] > PRINTED_REJECTS)
        {
            err.printf("import: ... %,d more rejected rows not printed%n", printed[0] - PRINTED_REJECTS);
        }
        printSummary(out, csv, dir, result, seconds);
        return result.rejected() == 0 ? 0 : 1;
    }

    private static void printReject(final PrintStream err, final CsvProblem problem, final long[] printed)
    {
        if (printed[0]++ < PRINTED_REJECTS)
        {
            err.println("rejected " + problem.describe());
        }
    }

    private static void printSummary(final PrintStream out, final Path csv, final Path dir,
        final DataImporter.Result result, final double seconds)
    {
        final DataManifest manifest = result.manifest();
        out.printf("import %s (%s) -> %s%n", csv, manifest.kind(), dir);
        out.printf("  rows        %,d read, %,d records written, %,d rejected (%.2f s, %,.0f rows/s)%n",
            result.read().rows(), result.records(), result.rejected(), seconds,
            seconds > 0 ? result.read().rows() / seconds : 0.0);
        for (final CsvRejectReason reason : CsvRejectReason.values())
        {
            final Long count = result.rejectedByReason().get(reason);
            if (count != null)
            {
                out.printf("  rejected    %-24s %,d%n", reason, count);
            }
        }
        if (!result.read().ignoredColumns().isEmpty())
        {
            out.println("  note        columns ignored: " + String.join(", ", result.read().ignoredColumns()));
        }
        if (result.rounded() > 0)
        {
            out.printf("  note        %,d prices or sizes were rounded to the instrument's scale%n", result.rounded());
        }
        for (final DataManifest.Instrument instrument : manifest.instruments())
        {
            out.printf("  instrument  %d %s (price scale %d, quantity scale %d)%n", instrument.id(),
                instrument.symbol(), instrument.priceScale(), instrument.qtyScale());
        }
        if (result.records() > 0)
        {
            out.printf("  time        %s .. %s (time column '%s', zone %s)%n",
                DataCheckCommand.instant(result.read().firstTimestampNs()),
                DataCheckCommand.instant(result.read().lastTimestampNs()), result.read().timeColumn(),
                manifest.zone());
        }
    }

    private static String required(final Args args, final String name)
    {
        final String value = args.option(name);
        if (value == null)
        {
            throw new UsageException("import: --" + name + " is required; usage: import --csv FILE "
                + "[--kind bars|quotes|trades] [--symbol SYM] [--tz ZONE] [--strict] --out DIR");
        }
        return value;
    }

    static DataImporter.Kind kind(final String value)
    {
        if (value == null)
        {
            return DataImporter.Kind.BARS;
        }
        for (final DataImporter.Kind kind : DataImporter.Kind.values())
        {
            if (kind.cliName().equals(value.toLowerCase(Locale.ROOT)))
            {
                return kind;
            }
        }
        throw new UsageException("--kind " + value + " is not one of bars, quotes, trades");
    }

    static ZoneId zone(final String value)
    {
        if (value == null)
        {
            return ZoneId.of("UTC");
        }
        try
        {
            return ZoneId.of(value);
        }
        catch (final DateTimeException ex)
        {
            throw new UsageException("--tz " + value + " is not a time zone (e.g. UTC, America/New_York, +01:00): "
                + ex.getMessage());
        }
    }

    private static String symbol(final String value)
    {
        if (value != null && !DataImporter.SYMBOL.matcher(value.toUpperCase(Locale.ROOT)).matches())
        {
            throw new UsageException("--symbol '" + value + "' must be 1 to 16 characters of A-Z, 0-9, '.' and '_'");
        }
        return value == null ? "" : value;
    }

    private static long scale(final Args args, final String name, final long defaultValue)
    {
        final long value = args.longOption(name, defaultValue);
        long power = 1;
        while (power < value && power <= 1_000_000_000L)
        {
            power *= 10;
        }
        if (value < 1 || power != value || 10_000 % value != 0)
        {
            throw new UsageException("--" + name + " " + value + " must be a power of ten dividing 10000");
        }
        return value;
    }
}
