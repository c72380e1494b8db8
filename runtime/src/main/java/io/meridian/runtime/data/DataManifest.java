package io.meridian.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a data journal (the first input record's text): what kind of records it holds, where they came
 * from, and the instruments (id, symbol, scales) the records' instrument ids refer to. Plain text, one
 * {@code key: value} per line, one {@code instrument:} line per instrument:
 * <pre>
 * meridian-data-manifest: 1
 * kind: bars
 * source: /data/spy.csv
 * zone: America/New_York
 * barDurationNs: 0
 * instrument: 1 SPY 100 1
 * </pre>
 *
 * @param kind {@code bars}, {@code quotes} or {@code trades}.
 * @param source the file imported.
 * @param zone the zone used for times without an offset.
 * @param barDurationNs the bars' stated length in nanoseconds (0 unknown); 0 for quotes and trades.
 * @param instruments the instruments, in id order.
 */
public record DataManifest(String kind, String source, String zone, long barDurationNs,
    List<Instrument> instruments)
{
    /** First line of every data manifest. */
    public static final String FORMAT_LINE = "meridian-data-manifest: 1";

    /**
     * One instrument of a data journal.
     *
     * @param id the instrument id in the records.
     * @param symbol its symbol.
     * @param priceScale price ticks per currency unit.
     * @param qtyScale lots per unit of quantity.
     */
    public record Instrument(int id, String symbol, long priceScale, long qtyScale)
    {
    }

    /**
     * Copies the instrument list.
     *
     * @param kind the kind.
     * @param source the source file.
     * @param zone the zone.
     * @param barDurationNs the bar length.
     * @param instruments the instruments.
     */
    public DataManifest
    {
        instruments = List.copyOf(instruments);
    }

    /**
     * Whether a journal's manifest text is a data manifest (rather than a run manifest).
     *
     * @param text the manifest text.
     * @return true for a data journal.
     */
    public static boolean isDataManifest(final String text)
    {
        return text != null && text.startsWith(FORMAT_LINE);
    }

    /**
     * The manifest as text.
     *
     * @return the text.
     */
    public String toText()
    {
        final StringBuilder out = new StringBuilder(256);
        out.append(FORMAT_LINE).append('\n');
        out.append("kind: ").append(kind).append('\n');
        out.append("source: ").append(source).append('\n');
        out.append("zone: ").append(zone).append('\n');
        out.append("barDurationNs: ").append(barDurationNs).append('\n');
        for (final Instrument instrument : instruments)
        {
            out.append("instrument: ").append(instrument.id()).append(' ').append(instrument.symbol()).append(' ')
                .append(instrument.priceScale()).append(' ').append(instrument.qtyScale()).append('\n');
        }
        return out.toString();
    }

    /**
     * Parses a data manifest.
     *
     * @param text the text.
     * @return the manifest.
     * @throws IllegalArgumentException naming the line that is not understood.
     */
    public static DataManifest parse(final String text)
    {
        if (!isDataManifest(text))
        {
            throw new IllegalArgumentException("not a data journal: its manifest does not start with '"
                + FORMAT_LINE + "'");
        }
        String kind = "";
        String source = "";
        String zone = "";
        long barDurationNs = 0;
        final List<Instrument> instruments = new ArrayList<>();
        final String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++)
        {
            final String line = lines[i];
            if (line.isBlank())
            {
                continue;
            }
            final int colon = line.indexOf(": ");
            if (colon < 0)
            {
                throw new IllegalArgumentException("data manifest line " + (i + 1) + " is not 'key: value': " + line);
            }
            final String key = line.substring(0, colon);
            final String value = line.substring(colon + 2);
            switch (key)
            {
                case "kind":
                    kind = value;
                    break;
                case "source":
                    source = value;
                    break;
                case "zone":
                    zone = value;
                    break;
                case "barDurationNs":
                    barDurationNs = Long.parseLong(value);
                    break;
                case "instrument":
                    final String[] parts = value.split(" ", -1);
                    if (parts.length != 4)
                    {
                        throw new IllegalArgumentException("data manifest line " + (i + 1)
                            + ": expected 'instrument: ID SYMBOL PRICE_SCALE QTY_SCALE', found: " + line);
                    }
                    instruments.add(new Instrument(Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2]),
                        Long.parseLong(parts[3])));
                    break;
                default:
                    break;
            }
        }
        return new DataManifest(kind, source, zone, barDurationNs, instruments);
    }
}
