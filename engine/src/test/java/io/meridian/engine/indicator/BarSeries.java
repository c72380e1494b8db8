package io.meridian.engine.indicator;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A bar series for tests: OHLCV columns plus a session number, a seeded real-looking generator, and CSV reading and
 * writing (the columns {@code session,open,high,low,close,volume}, numbers round-trip exact).
 */
final class BarSeries
{
    final long[] session;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    BarSeries(final int n)
    {
        session = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
    }

    int size()
    {
        return close.length;
    }

    /**
     * Intraday-looking bars: a random walk with regime-switching volatility, overnight gaps, prices in cents (so equal
     * highs, lows and closes occur, as in real data), log-normal volume with a U-shaped intraday profile, and a few
     * flat bars (high = low) and zero-volume bars.
     */
    static BarSeries synthetic(final long seed, final int n, final int barsPerSession)
    {
        final Random random = new Random(seed);
        final BarSeries s = new BarSeries(n);
        double price = 40 + random.nextDouble() * 60;
        double sigma = 0.004;
        for (int i = 0; i < n; i++)
        {
            final int inSession = i % barsPerSession;
            if (random.nextDouble() < 0.02)
            {
                sigma = sigma > 0.005 ? 0.003 : 0.009;
            }
            final double gap = inSession == 0 ? random.nextGaussian() * sigma * 3 : 0;
            final double o = cents(price * Math.exp(gap));
            final double c = cents(o * Math.exp(random.nextGaussian() * sigma));
            final boolean flat = random.nextDouble() < 0.01;
            s.session[i] = i / barsPerSession;
            s.open[i] = o;
            s.close[i] = flat ? o : c;
            s.high[i] = flat ? o : cents(Math.max(o, c) * Math.exp(Math.abs(random.nextGaussian()) * sigma * 0.6));
            s.low[i] = flat ? o : cents(Math.min(o, c) * Math.exp(-Math.abs(random.nextGaussian()) * sigma * 0.6));
            final double shape = 1 + 1.5 * Math.pow((inSession - barsPerSession / 2.0) / barsPerSession * 2, 2);
            s.volume[i] = random.nextDouble() < 0.005 ? 0
                : Math.rint(shape * Math.exp(10 + random.nextGaussian() * 0.5));
            price = s.close[i];
        }
        return s;
    }

    private static double cents(final double x)
    {
        return Math.rint(x * 100) / 100;
    }

    void write(final Path file)
    {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            w.write("session,open,high,low,close,volume\n");
            for (int i = 0; i < size(); i++)
            {
                w.write(session[i] + "," + open[i] + "," + high[i] + "," + low[i] + "," + close[i] + "," + volume[i]
                    + "\n");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static BarSeries read(final Path file)
    {
        final List<NamedCsvRecord> rows = readCsv(file);
        final BarSeries s = new BarSeries(rows.size());
        for (int i = 0; i < rows.size(); i++)
        {
            final NamedCsvRecord r = rows.get(i);
            s.session[i] = Long.parseLong(r.getField("session").trim());
            s.open[i] = Double.parseDouble(r.getField("open").trim());
            s.high[i] = Double.parseDouble(r.getField("high").trim());
            s.low[i] = Double.parseDouble(r.getField("low").trim());
            s.close[i] = Double.parseDouble(r.getField("close").trim());
            s.volume[i] = Double.parseDouble(r.getField("volume").trim());
        }
        return s;
    }

    static List<NamedCsvRecord> readCsv(final Path file)
    {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file))
        {
            final List<NamedCsvRecord> rows = new ArrayList<>();
            reader.forEach(rows::add);
            return rows;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Runs an indicator over the series and returns each output's values, [output][bar]. */
    double[][] run(final BarIndicator indicator)
    {
        final double[][] out = new double[indicator.outputs()][size()];
        for (int i = 0; i < size(); i++)
        {
            indicator.onBar(open[i], high[i], low[i], close[i], volume[i], session[i]);
            for (int k = 0; k < indicator.outputs(); k++)
            {
                out[k][i] = indicator.value(k);
            }
        }
        return out;
    }
}
