package io.meridian.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Fuzzing the CSV readers with malformed input: random bytes after a valid header, good rows with random damage
 * (truncated lines, fields replaced by junk, huge fields, Latin-1 and UTF-16 bytes, stray quotes and NULs). Whatever
 * the input, a read either completes or stops with a {@link CsvFileException} naming the file and line; it never
 * throws anything else; every data row it reads is either accepted or rejected with its own line, a column and a
 * reason; accepted rows keep their file order; and an untouched good row is never rejected except for its time
 * order.
 */
class MarketCsvReaderFuzzPropertyTest
{
    private static final String HEADER = "date,open,high,low,close,volume\n";
    private final Path dir;

    MarketCsvReaderFuzzPropertyTest() throws IOException
    {
        dir = Files.createTempDirectory("csv-fuzz");
    }

    @AfterProperty
    void cleanUp() throws IOException
    {
        try (var files = Files.list(dir))
        {
            for (final Path file : files.toList())
            {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 300)
    void randomBytesAfterTheHeaderNeverCrashTheReader(@ForAll("junk") final byte[] junk) throws IOException
    {
        final byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
        final byte[] content = new byte[header.length + junk.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(junk, 0, content, header.length, junk.length);
        readAndCheck(write(content), null);
    }

    @Property(tries = 300)
    void damagedRowsAreEachNamedAndGoodRowsKept(@ForAll("damagedFiles") final List<Row> rows) throws IOException
    {
        final StringBuilder text = new StringBuilder(HEADER);
        for (final Row row : rows)
        {
            text.append(row.text()).append('\n');
        }
        final byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        readAndCheck(write(bytes), rows);
    }

    private Path write(final byte[] content) throws IOException
    {
        final Path file = Files.createTempFile(dir, "fuzz", ".csv");
        Files.write(file, content);
        return file;
    }

    private static void readAndCheck(final Path file, final List<Row> rows) throws IOException
    {
        final List<Long> accepted = new ArrayList<>();
        final List<CsvProblem> rejected = new ArrayList<>();
        final CsvReadSummary summary;
        try
        {
            summary = new BarsCsvReader(CsvReadOptions.DEFAULT).read(file, new CsvRowListener<>()
            {
                @Override
                public void onRow(final CsvBar bar)
                {
                    assertTrue(bar.low() > 0 && bar.low() <= bar.open() && bar.open() <= bar.high(), bar.toString());
                    assertTrue(bar.low() <= bar.close() && bar.close() <= bar.high(), bar.toString());
                    assertTrue(bar.volume() >= 0, bar.toString());
                    accepted.add(bar.line());
                }

                @Override
                public void onReject(final CsvProblem problem)
                {
                    rejected.add(problem);
                }
            });
        }
        catch (final CsvFileException ex)
        {
            // a structure FastCSV cannot follow (e.g. an unterminated quote over a huge field): named, not a crash
            assertTrue(ex.getMessage().startsWith(file.toString() + ":"), ex.getMessage());
            return;
        }
        assertEquals(summary.rows(), accepted.size() + rejected.size(), "every row accepted or rejected");
        assertEquals(summary.accepted(), accepted.size());
        final Set<Long> lines = new HashSet<>(accepted);
        for (final CsvProblem problem : rejected)
        {
            assertNotNull(problem.reason());
            assertTrue(problem.line() >= 2, problem.describe());
            assertTrue(!problem.column().isEmpty(), problem.describe());
            assertTrue(lines.add(problem.line()), "line named twice: " + problem.describe());
        }
        for (int i = 1; i < accepted.size(); i++)
        {
            assertTrue(accepted.get(i) > accepted.get(i - 1), "accepted rows in file order");
        }
        if (rows != null)
        {
            // one row per line here (no quotes that span lines): row i is on line i + 2
            for (final CsvProblem problem : rejected)
            {
                final Row row = rows.get((int)problem.line() - 2);
                assertTrue(row.damaged() || problem.reason() == CsvRejectReason.DUPLICATE_TIMESTAMP
                    || problem.reason() == CsvRejectReason.OUT_OF_ORDER_TIMESTAMP, problem.describe());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> junk()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    }

    /** One line of a file and whether it was damaged. */
    record Row(String text, boolean damaged)
    {
    }

    @Provide
    Arbitrary<List<Row>> damagedFiles()
    {
        final Arbitrary<Row> good = Combinators.combine(Arbitraries.integers().between(0, 3000),
            Arbitraries.integers().between(100, 100_000), Arbitraries.integers().between(0, 500),
            Arbitraries.integers().between(0, 500), Arbitraries.longs().between(0, 10_000_000))
            .as((day, low, up, down, volume) -> new Row(String.format(java.util.Locale.ROOT,
                "%s,%d.%02d,%d.%02d,%d.%02d,%d.%02d,%d", java.time.LocalDate.of(2000, 1, 1).plusDays(day),
                (low + up / 2) / 100, (low + up / 2) % 100, (low + up) / 100, (low + up) % 100, low / 100, low % 100,
                (low + down % (up + 1)) / 100, (low + down % (up + 1)) % 100, volume), false));
        final Arbitrary<String> damage = Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
            Arbitraries.just("NA"), Arbitraries.just(""), Arbitraries.just("\u00e9\u00ff\u0000"),
            Arbitraries.just("\"unterminated"), Arbitraries.just("-1"), Arbitraries.just("1e999"),
            Arbitraries.strings().withChars('9').ofMinLength(5000).ofMaxLength(20_000),
            Arbitraries.just("\u00fe\u00ff\u00002\u00000"));
        final Arbitrary<Row> damaged = Combinators.combine(good, damage, Arbitraries.integers().between(0, 7))
            .as((row, junk, how) -> new Row(damage(row.text(), junk, how), true));
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, good), net.jqwik.api.Tuple.of(1, damaged)).list().ofMaxSize(40);
    }

    private static String damage(final String row, final String junk, final int how)
    {
        // one line stays one line, so that row i is line i + 2 (the random-bytes property covers quotes and breaks)
        final String oneLine = junk.replace('\n', ' ').replace('\r', ' ').replace('"', '\'');
        final String[] fields = row.split(",", -1);
        switch (how)
        {
            case 0:
                return row.substring(0, row.length() / 2); // truncated line
            case 1:
                return oneLine;                            // the whole line replaced
            default:
                fields[Math.min(how - 2, fields.length - 1)] = oneLine;
                return String.join(",", fields);
        }
    }
}
