package io.meridian.engine.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every indicator by name: an indicator is written {@code kind_param_param} (e.g. {@code bb_20_2},
 * {@code rv_yz_20_260}, {@code obv}), or just {@code kind} for its default parameters. {@link #bar} and
 * {@link #tick} build one, or fail with an {@link IllegalArgumentException} that names the indicator, the
 * parameter and what is allowed. Used at start-up only (it allocates); the indicators it builds do not.
 */
public final class IndicatorCatalogue
{
    private static final int MAX_WINDOW = 100_000;

    /** One kind of indicator: its name, whether it runs on ticks, its parameters and their defaults. */
    private static final class Kind
    {
        final String name;
        final boolean tick;
        final String[] params;
        final double[] defaults;
        final double[] min;
        final boolean[] integer;

        Kind(final String name, final boolean tick, final String... spec)
        {
            this.name = name;
            this.tick = tick;
            final int count = spec.length;
            params = new String[count];
            defaults = new double[count];
            min = new double[count];
            integer = new boolean[count];
            for (int i = 0; i < count; i++)
            {
                // each spec is "NAME=default:min", an integer parameter unless the default has a decimal point
                final String s = spec[i];
                final int eq = s.indexOf('=');
                final int colon = s.indexOf(':');
                params[i] = s.substring(0, eq);
                final String def = s.substring(eq + 1, colon);
                defaults[i] = Double.parseDouble(def);
                min[i] = Double.parseDouble(s.substring(colon + 1));
                integer[i] = def.indexOf('.') < 0;
            }
        }

        String pattern()
        {
            final StringBuilder b = new StringBuilder(name);
            for (final String p : params)
            {
                b.append('_').append(p);
            }
            return b.toString();
        }

        String defaultId()
        {
            final StringBuilder b = new StringBuilder(name);
            for (final double d : defaults)
            {
                b.append('_').append(format(d));
            }
            return b.toString();
        }
    }

    private static final Kind[] KINDS = {
        new Kind("sma", false, "N=20:1"),
        new Kind("ema", false, "N=20:1"),
        new Kind("wma", false, "N=20:1"),
        new Kind("dema", false, "N=20:1"),
        new Kind("tema", false, "N=20:1"),
        new Kind("kama", false, "N=10:1", "FAST=2:1", "SLOW=30:1"),
        new Kind("macd", false, "FAST=12:1", "SLOW=26:1", "SIGNAL=9:1"),
        new Kind("adx", false, "N=14:1"),
        new Kind("aroon", false, "N=25:1"),
        new Kind("psar", false, "STEP=0.02:0", "MAX=0.2:0"),
        new Kind("donchian", false, "N=20:1"),
        new Kind("keltner", false, "N=20:1", "K=2.0:0"),
        new Kind("rsi", false, "N=14:1"),
        new Kind("stoch", false, "N=14:1", "D=3:1"),
        new Kind("willr", false, "N=14:1"),
        new Kind("cci", false, "N=20:1"),
        new Kind("roc", false, "N=10:1"),
        new Kind("momentum", false, "N=10:1"),
        new Kind("mfi", false, "N=14:1"),
        new Kind("trix", false, "N=15:1", "SIGNAL=9:1"),
        new Kind("ultosc", false, "A=7:1", "B=14:1", "C=28:1"),
        new Kind("true_range", false),
        new Kind("atr", false, "N=14:1"),
        new Kind("bb", false, "N=20:2", "K=2.0:0"),
        new Kind("stdev", false, "N=20:2"),
        new Kind("zscore", false, "N=20:2"),
        new Kind("rv_close", false, "N=20:3", "PERIODS=260.0:0"),
        new Kind("rv_parkinson", false, "N=20:1", "PERIODS=260.0:0"),
        new Kind("rv_gk", false, "N=20:1", "PERIODS=260.0:0"),
        new Kind("rv_rs", false, "N=20:1", "PERIODS=260.0:0"),
        new Kind("rv_yz", false, "N=20:2", "PERIODS=260.0:0"),
        new Kind("obv", false),
        new Kind("chaikin_ad", false),
        new Kind("cmf", false, "N=20:1"),
        new Kind("vwap", false, "N=20:1"),
        new Kind("vwap_session", false),
        new Kind("volume_zscore", false, "N=20:2"),
        new Kind("quoted_spread", true),
        new Kind("effective_spread", true),
        new Kind("realized_spread", true, "H=5:1"),
        new Kind("ofi", true, "N=100:1"),
        new Kind("trade_sign_tick", true),
        new Kind("trade_sign_lr", true),
        new Kind("signed_volume", true, "N=100:1"),
        new Kind("vpin", true, "V=1000.0:0", "B=50:1"),
        new Kind("kyle_lambda", true, "N=100:2"),
        new Kind("amihud", true, "N=100:1"),
        new Kind("microprice", true),
        new Kind("l1_imbalance", true),
    };

    private IndicatorCatalogue()
    {
    }

    /**
     * Builds a bar indicator.
     *
     * @param id the indicator, e.g. {@code bb_20_2} or {@code bb}.
     * @return a fresh indicator.
     * @throws IllegalArgumentException naming the problem when the id is unknown, a tick feature, or has bad
     *                                  parameters.
     */
    public static BarIndicator bar(final String id)
    {
        final Kind kind = kindOf(id);
        if (kind.tick)
        {
            throw new IllegalArgumentException("'" + id + "' is a tick (quote/trade) feature, not a bar indicator");
        }
        final double[] p = params(kind, id);
        return createBar(kind.name, p);
    }

    /**
     * Builds a tick (microstructure) feature.
     *
     * @param id the feature, e.g. {@code ofi_100} or {@code microprice}.
     * @return a fresh feature.
     * @throws IllegalArgumentException naming the problem.
     */
    public static TickIndicator tick(final String id)
    {
        final Kind kind = kindOf(id);
        if (!kind.tick)
        {
            throw new IllegalArgumentException("'" + id + "' is a bar indicator, not a tick (quote/trade) feature");
        }
        return createTick(kind.name, params(kind, id));
    }

    /**
     * Whether an indicator id names a tick feature (and is valid).
     *
     * @param id the id.
     * @return true for tick features, false for bar indicators.
     * @throws IllegalArgumentException when the id is not valid.
     */
    public static boolean isTick(final String id)
    {
        final Kind kind = kindOf(id);
        params(kind, id);
        return kind.tick;
    }

    /**
     * Every bar indicator with its default parameters, in catalogue order (the {@code features} command's default).
     *
     * @return ids such as {@code sma_20}.
     */
    public static List<String> defaultBarIds()
    {
        return defaults(false);
    }

    /**
     * Every tick feature with its default parameters, in catalogue order.
     *
     * @return ids such as {@code ofi_100}.
     */
    public static List<String> defaultTickIds()
    {
        return defaults(true);
    }

    /**
     * Every indicator's pattern, e.g. {@code bb_N_K}.
     *
     * @return the patterns, in catalogue order.
     */
    public static List<String> patterns()
    {
        final List<String> patterns = new ArrayList<>(KINDS.length);
        for (final Kind kind : KINDS)
        {
            patterns.add(kind.pattern());
        }
        return patterns;
    }

    /**
     * Formats a parameter for a name: integers without a decimal point ({@code 2}), others as Java prints them
     * ({@code 0.02}).
     *
     * @param value the parameter.
     * @return its text.
     */
    public static String format(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }

    private static List<String> defaults(final boolean tick)
    {
        final List<String> ids = new ArrayList<>();
        for (final Kind kind : KINDS)
        {
            if (kind.tick == tick)
            {
                ids.add(kind.defaultId());
            }
        }
        return ids;
    }

    private static Kind kindOf(final String id)
    {
        if (id == null || id.isEmpty())
        {
            throw new IllegalArgumentException("an indicator name is empty; known indicators: " + patterns());
        }
        Kind best = null;
        for (final Kind kind : KINDS)
        {
            final boolean matches = id.equals(kind.name) || id.startsWith(kind.name + "_");
            if (matches && (best == null || kind.name.length() > best.name.length()))
            {
                best = kind;
            }
        }
        if (best == null)
        {
            throw new IllegalArgumentException("unknown indicator '" + id + "'; known indicators: " + patterns());
        }
        return best;
    }

    private static double[] params(final Kind kind, final String id)
    {
        if (id.equals(kind.name))
        {
            return kind.defaults.clone();
        }
        final String[] parts = id.substring(kind.name.length() + 1).split("_", -1);
        if (parts.length != kind.params.length)
        {
            throw new IllegalArgumentException("indicator '" + id + "' has " + parts.length + " parameter"
                + (parts.length == 1 ? "" : "s") + "; " + kind.name + " takes " + kind.params.length + " ("
                + kind.pattern() + ", e.g. " + kind.defaultId() + ")");
        }
        final double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = parameter(kind, id, i, parts[i]);
        }
        if ("macd".equals(kind.name) && values[0] >= values[1])
        {
            throw new IllegalArgumentException("indicator '" + id + "': FAST (" + parts[0]
                + ") must be less than SLOW (" + parts[1] + ")");
        }
        if ("psar".equals(kind.name) && values[0] > values[1])
        {
            throw new IllegalArgumentException("indicator '" + id + "': STEP (" + parts[0]
                + ") must not exceed MAX (" + parts[1] + ")");
        }
        return values;
    }

    private static double parameter(final Kind kind, final String id, final int i, final String text)
    {
        final String allowed = kind.integer[i]
            ? "an integer from " + format(kind.min[i]) + " to " + MAX_WINDOW
            : "a number greater than " + format(kind.min[i]) + " and at most 1e12";
        final double value;
        try
        {
            value = Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("indicator '" + id + "': parameter " + kind.params[i] + " is '" + text
                + "', not a number; allowed: " + allowed, ex);
        }
        final boolean ok = kind.integer[i]
            ? text.matches("[0-9]+") && value >= kind.min[i] && value <= MAX_WINDOW
            : Double.isFinite(value) && value > kind.min[i] && value <= 1e12;
        if (!ok)
        {
            throw new IllegalArgumentException("indicator '" + id + "': parameter " + kind.params[i] + " is '" + text
                + "'; allowed: " + allowed);
        }
        return value;
    }

    private static BarIndicator createBar(final String kind, final double[] p)
    {
        final int n = p.length > 0 ? (int)p[0] : 0;
        switch (kind)
        {
            case "sma": return new Averages.Sma(n);
            case "ema": return new Averages.ExponentialAverage(n);
            case "wma": return new Averages.Wma(n);
            case "dema": return new Averages.Dema(n);
            case "tema": return new Averages.Tema(n);
            case "kama": return new Averages.Kama(n, (int)p[1], (int)p[2]);
            case "macd": return new Trend.Macd(n, (int)p[1], (int)p[2]);
            case "adx": return new Trend.Adx(n);
            case "aroon": return new Trend.Aroon(n);
            case "psar": return new Trend.ParabolicSar(p[0], p[1]);
            case "donchian": return new Trend.Donchian(n);
            case "keltner": return new Trend.Keltner(n, p[1]);
            case "rsi": return new Oscillators.Rsi(n);
            case "stoch": return new Oscillators.Stochastic(n, (int)p[1]);
            case "willr": return new Oscillators.WilliamsR(n);
            case "cci": return new Oscillators.Cci(n);
            case "roc": return new Oscillators.Roc(n);
            case "momentum": return new Oscillators.Momentum(n);
            case "mfi": return new Oscillators.Mfi(n);
            case "trix": return new Oscillators.Trix(n, (int)p[1]);
            case "ultosc": return new Oscillators.UltimateOscillator(n, (int)p[1], (int)p[2]);
            case "true_range": return new Volatility.TrueRange();
            case "atr": return new Volatility.Atr(n);
            case "bb": return new Volatility.Bollinger(n, p[1]);
            case "stdev": return new Volatility.RollingSd(n);
            case "zscore": return new Volatility.ZScore(n);
            case "rv_close": return new Volatility.RealizedVolatility(Volatility.Estimator.CLOSE, n, p[1]);
            case "rv_parkinson": return new Volatility.RealizedVolatility(Volatility.Estimator.PARKINSON, n, p[1]);
            case "rv_gk": return new Volatility.RealizedVolatility(Volatility.Estimator.GARMAN_KLASS, n, p[1]);
            case "rv_rs": return new Volatility.RealizedVolatility(Volatility.Estimator.ROGERS_SATCHELL, n, p[1]);
            case "rv_yz": return new Volatility.RealizedVolatility(Volatility.Estimator.YANG_ZHANG, n, p[1]);
            case "obv": return new VolumeIndicators.Obv();
            case "chaikin_ad": return new VolumeIndicators.ChaikinAd();
            case "cmf": return new VolumeIndicators.Cmf(n);
            case "vwap": return new VolumeIndicators.RollingVwap(n);
            case "vwap_session": return new VolumeIndicators.SessionVwap();
            case "volume_zscore": return new VolumeIndicators.VolumeZScore(n);
            default: throw new IllegalStateException("no bar indicator for kind " + kind);
        }
    }

    private static TickIndicator createTick(final String kind, final double[] p)
    {
        final int n = p.length > 0 ? (int)p[0] : 0;
        switch (kind)
        {
            case "quoted_spread": return new Microstructure.QuotedSpread();
            case "effective_spread": return new Microstructure.EffectiveSpread();
            case "realized_spread": return new Microstructure.RealizedSpread(n);
            case "ofi": return new Microstructure.OrderFlowImbalance(n);
            case "trade_sign_tick": return new Microstructure.TradeSignTick();
            case "trade_sign_lr": return new Microstructure.TradeSignLeeReady();
            case "signed_volume": return new Microstructure.SignedVolume(n);
            case "vpin": return new Microstructure.Vpin(p[0], (int)p[1]);
            case "kyle_lambda": return new Microstructure.KyleLambda(n);
            case "amihud": return new Microstructure.Amihud(n);
            case "microprice": return new Microstructure.Microprice();
            case "l1_imbalance": return new Microstructure.L1Imbalance();
            default: throw new IllegalStateException("no tick feature for kind " + kind);
        }
    }
}
