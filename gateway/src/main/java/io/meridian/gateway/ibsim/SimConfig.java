package io.meridian.gateway.ibsim;

import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link IbSimulator} simulates. Read from a {@code key=value} file (one a line, {@code #} comments):
 * <pre>
 * port=7497
 * serverVersion=151             # the version answered when the client's range allows it
 * account=DU0000001
 * seed=42                       # the synthetic market's seed
 * marketIntervalMs=100          # mean time between market events (all instruments)
 * partialFillQty=0              # most shares per fill (0: fill what the book allows at once)
 * commissionPerShare=0.005
 * minCommission=1.0
 * startCash=10000000             # the demo profile's starting NAV (the engine takes NAV from the broker)
 * instrument=MRDA,1001,SMART,NASDAQ,USD,0.01,100.0,0.25,500   # symbol, conId, exchange, primaryExchange,
 *                                                              # currency, minTick, startPrice, volatility, size
 * </pre>
 * Without instrument lines the three demo instruments (MRDA, MRDB, MRDC) are simulated.
 *
 * @param port TCP port on 127.0.0.1 (0: any free port).
 * @param serverVersion highest server version answered.
 * @param account the one managed account.
 * @param seed market seed.
 * @param marketIntervalMs mean milliseconds between market events.
 * @param partialFillQty most shares per fill, 0 for no limit.
 * @param commissionPerShare commission per share.
 * @param minCommission minimum commission per execution.
 * @param startCash starting cash.
 * @param instruments the instruments.
 */
public record SimConfig(
    int port,
    int serverVersion,
    String account,
    long seed,
    long marketIntervalMs,
    long partialFillQty,
    double commissionPerShare,
    double minCommission,
    double startCash,
    List<Instrument> instruments)
{
    /**
     * One simulated instrument.
     *
     * @param symbol symbol.
     * @param conId contract id.
     * @param exchange routing exchange.
     * @param primaryExchange listing exchange.
     * @param currency currency.
     * @param minTick minimum tick (a power of ten: 0.01, 0.001, ...).
     * @param startPrice first mid price.
     * @param volatility annual volatility.
     * @param quoteSize typical quote size in shares.
     */
    public record Instrument(
        String symbol,
        long conId,
        String exchange,
        String primaryExchange,
        String currency,
        double minTick,
        double startPrice,
        double volatility,
        long quoteSize)
    {
        /**
         * Ticks per currency unit (1 / minTick).
         *
         * @return the price scale.
         */
        public long priceScale()
        {
            return Math.round(1.0 / minTick);
        }
    }

    /**
     * Validates.
     */
    public SimConfig
    {
        if (port < 0 || port > 65535)
        {
            throw new IllegalArgumentException("ib-sim port " + port + " is not in 0..65535");
        }
        if (serverVersion < TwsProtocol.MIN_SERVER_VERSION)
        {
            throw new IllegalArgumentException("ib-sim serverVersion " + serverVersion + " is below "
                + TwsProtocol.MIN_SERVER_VERSION + ", the oldest version whose messages the simulator writes");
        }
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("ib-sim needs at least one instrument");
        }
        instruments = List.copyOf(instruments);
    }

    /**
     * The defaults: port 7497, server version 151, account DU0000001, the demo instruments.
     *
     * @return the configuration.
     */
    public static SimConfig defaults()
    {
        return new SimConfig(TwsProtocol.PAPER_PORT, TwsProtocol.MAX_SERVER_VERSION, "DU0000001", 42, 100, 0,
            0.005, 1.0, 10_000_000.0, demoInstruments());
    }

    /**
     * The demo profile's instruments, with made-up contract ids, starting at the demo's start prices (= its previous
     * closes, so the fat-finger check of decision 9 lets the engine trade them).
     *
     * @return three instruments.
     */
    public static List<Instrument> demoInstruments()
    {
        return List.of(
            new Instrument("MRDA", 900_001, "SMART", "NASDAQ", "USD", 0.01, 50.0, 0.25, 500),
            new Instrument("MRDB", 900_002, "SMART", "NYSE", "USD", 0.01, 120.0, 0.40, 800),
            new Instrument("MRDC", 900_003, "SMART", "NASDAQ", "USD", 0.01, 310.0, 0.20, 300));
    }

    /**
     * A copy on another port.
     *
     * @param newPort the port.
     * @return the copy.
     */
    public SimConfig withPort(final int newPort)
    {
        return new SimConfig(newPort, serverVersion, account, seed, marketIntervalMs, partialFillQty,
            commissionPerShare, minCommission, startCash, instruments);
    }

    /**
     * A copy with another partial-fill size.
     *
     * @param qty most shares per fill, 0 for no limit.
     * @return the copy.
     */
    public SimConfig withPartialFillQty(final long qty)
    {
        return new SimConfig(port, serverVersion, account, seed, marketIntervalMs, qty,
            commissionPerShare, minCommission, startCash, instruments);
    }

    /**
     * A copy with another market event interval.
     *
     * @param ms mean milliseconds between market events.
     * @return the copy.
     */
    public SimConfig withMarketIntervalMs(final long ms)
    {
        return new SimConfig(port, serverVersion, account, seed, ms, partialFillQty,
            commissionPerShare, minCommission, startCash, instruments);
    }

    /**
     * A copy answering another server version.
     *
     * @param version the version.
     * @return the copy.
     */
    public SimConfig withServerVersion(final int version)
    {
        return new SimConfig(port, version, account, seed, marketIntervalMs, partialFillQty,
            commissionPerShare, minCommission, startCash, instruments);
    }

    /**
     * Reads a configuration file over the defaults.
     *
     * @param file the file.
     * @return the configuration.
     * @throws IllegalArgumentException naming the file, line, key and bad value.
     * @throws IOException when the file cannot be read.
     */
    public static SimConfig load(final Path file) throws IOException
    {
        final SimConfig d = defaults();
        int port = d.port;
        int serverVersion = d.serverVersion;
        String account = d.account;
        long seed = d.seed;
        long interval = d.marketIntervalMs;
        long partial = d.partialFillQty;
        double perShare = d.commissionPerShare;
        double minCommission = d.minCommission;
        double cash = d.startCash;
        final List<Instrument> instruments = new ArrayList<>();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++)
        {
            final String line = stripComment(lines.get(n));
            if (line.isEmpty())
            {
                continue;
            }
            final int eq = line.indexOf('=');
            final String where = file + ":" + (n + 1);
            if (eq <= 0)
            {
                throw new IllegalArgumentException(where + ": expected key=value, got '" + line + "'");
            }
            final String key = line.substring(0, eq).trim();
            final String value = line.substring(eq + 1).trim();
            try
            {
                switch (key)
                {
                    case "port" -> port = Integer.parseInt(value);
                    case "serverVersion" -> serverVersion = Integer.parseInt(value);
                    case "account" -> account = value;
                    case "seed" -> seed = Long.parseLong(value);
                    case "marketIntervalMs" -> interval = positive(Long.parseLong(value));
                    case "partialFillQty" -> partial = Long.parseLong(value);
                    case "commissionPerShare" -> perShare = Double.parseDouble(value);
                    case "minCommission" -> minCommission = Double.parseDouble(value);
                    case "startCash" -> cash = Double.parseDouble(value);
                    case "instrument" -> instruments.add(instrument(value));
                    default -> throw new IllegalArgumentException("unknown key (allowed: port, serverVersion, "
                        + "account, seed, marketIntervalMs, partialFillQty, commissionPerShare, minCommission, "
                        + "startCash, instrument)");
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(where + ": " + key + "=" + value + ": " + ex.getMessage(), ex);
            }
        }
        return new SimConfig(port, serverVersion, account, seed, interval, partial, perShare, minCommission, cash,
            instruments.isEmpty() ? d.instruments : instruments);
    }

    private static long positive(final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException("must be > 0");
        }
        return value;
    }

    private static String stripComment(final String line)
    {
        final int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static Instrument instrument(final String value)
    {
        final String[] p = value.split(",", -1);
        if (p.length != 9)
        {
            throw new IllegalArgumentException("expected symbol,conId,exchange,primaryExchange,currency,minTick,"
                + "startPrice,volatility,quoteSize (9 values), got " + p.length);
        }
        final double minTick = Double.parseDouble(p[5].trim());
        final double scale = 1.0 / minTick;
        if (minTick <= 0 || Math.abs(scale - Math.rint(scale)) > 1e-9 || 10_000 % Math.round(scale) != 0)
        {
            throw new IllegalArgumentException("minTick " + minTick + " must be 1, 0.1, 0.01, 0.001 or 0.0001");
        }
        return new Instrument(p[0].trim(), Long.parseLong(p[1].trim()), p[2].trim(), p[3].trim(), p[4].trim(),
            minTick, Double.parseDouble(p[6].trim()), Double.parseDouble(p[7].trim()), Long.parseLong(p[8].trim()));
    }
}
