package io.meridian.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quotes and trades readers: their documented headers, the example files' shapes and each row check.
 */
class QuotesAndTradesCsvReaderTest
{
    @TempDir
    Path dir;

    private final List<CsvProblem> problems = new ArrayList<>();

    private Path write(final String content) throws IOException
    {
        final Path file = dir.resolve("data.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldReadQuotesAndRejectBadOnes() throws IOException
    {
        final List<String> accepted = new ArrayList<>();
        final CsvReadSummary summary = new QuotesCsvReader(CsvReadOptions.DEFAULT).read(write(
            "timestamp,symbol,bid,bid_size,ask,ask_size\n"
                + "2024-01-02T14:30:00Z,ACME,100.00,300,100.02,200\n"   // 2 ok
                + "2024-01-02T14:30:01Z,ACME,100.02,300,100.02,200\n"   // 3 locked
                + "2024-01-02T14:30:02Z,ACME,100.00,0,100.02,200\n"     // 4 zero size
                + "2024-01-02T14:30:03Z,ACME,-1,10,100.02,200\n"        // 5 negative bid
                + "2024-01-02T14:30:04Z,ACME,100.01,10,100.03,20\n"),   // 6 ok
            new CsvRowListener<>()
            {
                @Override
                public void onRow(final CsvQuote quote)
                {
                    accepted.add(quote.symbol() + " " + quote.bid() + " " + quote.bidSize() + " " + quote.ask() + " "
                        + quote.askSize() + " " + quote.line());
                }

                @Override
                public void onReject(final CsvProblem problem)
                {
                    problems.add(problem);
                }
            });

        assertEquals(List.of("ACME 100.0 300.0 100.02 200.0 2", "ACME 100.01 10.0 100.03 20.0 6"), accepted);
        assertEquals(3, summary.rejected());
        assertEquals(List.of(CsvRejectReason.CROSSED_QUOTE, CsvRejectReason.NON_POSITIVE_SIZE,
            CsvRejectReason.NON_POSITIVE_PRICE), problems.stream().map(CsvProblem::reason).toList());
        assertEquals(List.of("bid", "bid_size", "bid"), problems.stream().map(CsvProblem::column).toList());
    }

    @Test
    void shouldReadTradesWithAndWithoutASide() throws IOException
    {
        final List<String> accepted = new ArrayList<>();
        final CsvReadSummary summary = new TradesCsvReader(CsvReadOptions.DEFAULT.withSymbol("X")).read(write(
            "date,price,size,side\n"
                + "2024-01-02T14:30:00Z,10.5,100,BUY\n"
                + "2024-01-02T14:30:01Z,10.4,50,s\n"
                + "2024-01-02T14:30:02Z,10.4,75,\n"
                + "2024-01-02T14:30:03Z,10.4,75,cross\n"
                + "2024-01-02T14:30:04Z,10.4,0,buy\n"),
            new CsvRowListener<>()
            {
                @Override
                public void onRow(final CsvTrade trade)
                {
                    accepted.add(trade.symbol() + " " + trade.price() + " " + trade.size() + " " + trade.side());
                }

                @Override
                public void onReject(final CsvProblem problem)
                {
                    problems.add(problem);
                }
            });

        assertEquals(List.of("X 10.5 100.0 1", "X 10.4 50.0 2", "X 10.4 75.0 0"), accepted);
        assertEquals(2, summary.rejected());
        assertEquals(List.of(CsvRejectReason.INVALID_VALUE, CsvRejectReason.NON_POSITIVE_SIZE),
            problems.stream().map(CsvProblem::reason).toList());
        assertEquals(List.of(5L, 6L), problems.stream().map(CsvProblem::line).toList());
    }
}
