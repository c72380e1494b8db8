package io.meridian.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Where the per-order TCA rows of {@link TcaBook} go: every row to the CSV file when one is asked for (written as it
 * comes, not kept), the first {@link #JSON_LIMIT} to the JSON's {@code tca_orders}, and the {@link #WORST} worst by
 * implementation shortfall kept in a bounded heap for {@code tca_worst_orders} and the tearsheet. Memory is bounded
 * whatever the number of orders. Single-threaded.
 */
final class TcaOrders implements Consumer<OrderTca>, AutoCloseable
{
    /** Orders listed in the JSON's {@code tca_orders}; the rest are counted (the CSV has them all). */
    static final int JSON_LIMIT = 2_000;
    /** Orders in {@code tca_worst_orders} and the tearsheet's table. */
    static final int WORST = 20;

    /** Worst first: higher shortfall, then the lower order id. */
    private static final Comparator<OrderTca> WORST_FIRST = Comparator
        .comparingDouble(OrderTca::shortfallBps).reversed().thenComparingLong(OrderTca::orderId);

    private final String[] horizons;
    private final Path csvFile;
    private final CsvWriter csv;
    private final List<OrderTca> first = new ArrayList<>();
    private final PriorityQueue<OrderTca> worst = new PriorityQueue<>(WORST + 1, WORST_FIRST.reversed());
    private long count;

    /**
     * A collector.
     *
     * @param horizons markout horizon labels, e.g. {@code 1s}.
     * @param csvFile the CSV file to write every row to, or null.
     */
    TcaOrders(final String[] horizons, final Path csvFile)
    {
        this.horizons = horizons.clone();
        this.csvFile = csvFile;
        if (csvFile == null)
        {
            csv = null;
            return;
        }
        try
        {
            final Path parent = csvFile.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            csv = CsvWriter.builder().build(csvFile);
            csv.writeRecord(OrderTca.header(horizons));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write --tca-csv " + csvFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(final OrderTca order)
    {
        count++;
        if (csv != null)
        {
            try
            {
                csv.writeRecord(order.csvFields());
            }
            catch (final UncheckedIOException e)
            {
                throw new UncheckedIOException("cannot write --tca-csv " + csvFile + ": " + e.getMessage(),
                    e.getCause());
            }
        }
        if (first.size() < JSON_LIMIT)
        {
            first.add(order);
        }
        if (Double.isFinite(order.shortfallBps()))
        {
            worst.add(order);
            if (worst.size() > WORST)
            {
                worst.poll();
            }
        }
    }

    /**
     * Orders seen.
     *
     * @return the count.
     */
    long count()
    {
        return count;
    }

    /**
     * The first {@link #JSON_LIMIT} orders, as they finished.
     *
     * @return rows for the JSON.
     */
    List<Map<String, Object>> listed()
    {
        final List<Map<String, Object>> rows = new ArrayList<>(first.size());
        for (final OrderTca o : first)
        {
            rows.add(o.asMap(horizons));
        }
        return rows;
    }

    /**
     * What {@code tca_orders} holds.
     *
     * @return a sentence.
     */
    String note()
    {
        return count <= JSON_LIMIT ? "all " + count + " orders, in the order they finished"
            : "the first " + JSON_LIMIT + " of " + count + " orders, in the order they finished (bounded at "
            + JSON_LIMIT + " to keep the JSON small; --tca-csv FILE writes every order)";
    }

    /**
     * The worst orders by implementation shortfall, worst first.
     *
     * @return at most {@link #WORST} rows.
     */
    List<OrderTca> worst()
    {
        final List<OrderTca> rows = new ArrayList<>(worst);
        rows.sort(WORST_FIRST);
        return rows;
    }

    /**
     * The worst orders as JSON rows.
     *
     * @return rows, worst first.
     */
    List<Map<String, Object>> worstRows()
    {
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final OrderTca o : worst())
        {
            rows.add(o.asMap(horizons));
        }
        return rows;
    }

    @Override
    public void close()
    {
        if (csv != null)
        {
            try
            {
                csv.close();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot write --tca-csv " + csvFile + ": " + e.getMessage(), e);
            }
        }
    }
}
