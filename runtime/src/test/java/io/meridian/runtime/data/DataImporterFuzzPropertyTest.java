package io.meridian.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.csv.CsvFileException;
import io.meridian.gateway.csv.CsvProblem;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the whole import (CSV reader, fixed-point conversion, symbols, journal) with malformed files: header lines
 * of each kind followed by random bytes, or by mixes of good rows and junk lines (truncated rows, random characters,
 * huge fields, bytes that are not UTF-8). The import either completes or stops with a {@link CsvFileException}
 * naming the file; it never throws anything else. When it completes, every row read is either written to the data
 * journal or rejected with its own line number, and the journal holds exactly the records the import counted, each
 * checksum intact.
 */
class DataImporterFuzzPropertyTest
{
    private static final String[] HEADERS = {"date,open,high,low,close,volume\n", "date,bid,bid_size,ask,ask_size\n",
        "timestamp,symbol,price,size,side\n"};
    private static final DataImporter.Kind[] KINDS = {DataImporter.Kind.BARS, DataImporter.Kind.QUOTES,
        DataImporter.Kind.TRADES};

    @Property(tries = 40)
    void theImportNeverCrashesAndNamesEveryRejectedRow(
        @ForAll("kinds") final int kind, @ForAll("bodies") final byte[] body) throws IOException
    {
        final Path dir = Files.createTempDirectory("import-fuzz");
        try
        {
            final Path csv = dir.resolve("fuzz.csv");
            final byte[] header = HEADERS[kind].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            final byte[] content = new byte[header.length + body.length];
            System.arraycopy(header, 0, content, 0, header.length);
            System.arraycopy(body, 0, content, header.length, body.length);
            Files.write(csv, content);
            final List<CsvProblem> rejects = new ArrayList<>();
            final DataImporter.Result result;
            try
            {
                result = DataImporter.importCsv(csv, dir.resolve("journal"), new DataImporter.Options(
                    KINDS[kind], CsvReadOptions.DEFAULT.withSymbol("FUZZ"), 1, 100, 1, 0),
                    rejects::add);
            }
            catch (final CsvFileException ex)
            {
                assertTrue(ex.getMessage().startsWith(csv.toString() + ":"), ex.getMessage());
                return;
            }
            assertEquals(result.read().rows(), result.records() + result.rejected(), "every row written or rejected");
            assertEquals(result.rejected(), rejects.size());
            final Set<Long> lines = new HashSet<>();
            for (final CsvProblem problem : rejects)
            {
                assertTrue(lines.add(problem.line()), "a line rejected twice: " + problem.describe());
            }
            try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
            {
                final ReadResult read = reader.readInput((buffer, offset, length) -> { });
                assertTrue(read.intact(), read.toString());
                assertEquals(result.records(), read.count());
            }
        }
        finally
        {
            try (var paths = Files.walk(dir))
            {
                for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
                {
                    Files.delete(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<Integer> kinds()
    {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<byte[]> bodies()
    {
        final Arbitrary<String> good = Arbitraries.integers().between(0, 400).map(day -> String.format(
            java.util.Locale.ROOT, "%s,%d.%02d,%d,%d.%02d,%d", java.time.LocalDate.of(2020, 1, 1).plusDays(day),
            10 + day % 7, day % 100, 1 + day % 9, 10 + day % 7 + 1, day % 100, 1 + day % 3));
        final Arbitrary<String> junk = Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
            Arbitraries.strings().withChars('7').ofMinLength(1000).ofMaxLength(30_000),
            Arbitraries.just("2020-01-01,1,1"), Arbitraries.just("\"2020-01-01\",\"1\",\"2\",\"0.5\",\"1\",\"1\""),
            Arbitraries.just("2020-01-01,NA,NA,NA,NA,NA"), Arbitraries.just("lower case,x,1,2,3"));
        final Arbitrary<String> lines = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good),
            net.jqwik.api.Tuple.of(1, junk)).list().ofMaxSize(30).map(list -> String.join("\n", list));
        return Arbitraries.oneOf(
            lines.map(text -> text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
            lines.map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_16)),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(3000));
    }
}
