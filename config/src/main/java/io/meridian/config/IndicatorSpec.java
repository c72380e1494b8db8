package io.meridian.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The names and parameters of the indicator catalogue: an indicator is written {@code kind_param_param} (e.g.
 * {@code bb_20_2}, {@code rv_yz_20_260}, {@code obv}), or just {@code kind} for its default parameters. This class
 * owns that grammar and each parameter's range, so that configuration is validated when it is loaded; the engine's
 * {@code IndicatorCatalogue} builds the indicator of a parsed spec. Immutable.
 *
 * @param id     the id as written.
 * @param kind   the kind, e.g. {@code bb}.
 * @param tick   true for a microstructure feature over quotes and trades, false for a bar indicator.
 * @param params the parameters, defaults filled in.
 */
public record IndicatorSpec(String id, String kind, boolean tick, List<Double> params)
{
    /** Largest window (integer) parameter. */
    public static final int MAX_WINDOW = 100_000;
    private static final double MAX_NUMBER = 1e12;

    /** One kind: name, bar or tick, parameter names, defaults, lower bounds, integer or not. */
    private static final class Kind
    {
        final String name;
        final boolean tick;
        final String[] params;
        final double[] defaults;
        final double[] min;
        final boolean[] integer;

        /** Each spec is {@code NAME=default:min}; integer unless the default has a decimal point. */
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

    /**
     * A spec; use {@link #parse}.
     *
     * @param id     the id as written.
     * @param kind   the kind.
     * @param tick   whether it is a tick feature.
     * @param params the parameters.
     */
    public IndicatorSpec
    {
        params = List.copyOf(params);
    }

    /**
     * Parses and validates an indicator id.
     *
     * @param id e.g. {@code bb_20_2} or {@code bb}.
     * @return the spec.
     * @throws IllegalArgumentException naming the id, the parameter and what is allowed.
     */
    public static IndicatorSpec parse(final String id)
    {
        final Kind kind = kindOf(id);
        final double[] values = params(kind, id);
        final List<Double> params = new ArrayList<>(values.length);
        for (final double v : values)
        {
            params.add(v);
        }
        return new IndicatorSpec(id, kind.name, kind.tick, params);
    }

    /**
     * A parameter as a double.
     *
     * @param i index.
     * @return the value.
     */
    public double param(final int i)
    {
        return params.get(i);
    }

    /**
     * A window parameter as an int.
     *
     * @param i index.
     * @return the value.
     */
    public int window(final int i)
    {
        return (int)param(i);
    }

    /**
     * Every bar indicator with its default parameters, in catalogue order.
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
        final boolean integerText = text.matches("[0-9]{1,9}");
        final boolean numberText = text.matches("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]{1,3})?");
        if (kind.integer[i] ? !integerText : !numberText)
        {
            throw new IllegalArgumentException("indicator '" + id + "': parameter " + kind.params[i] + " is '" + text
                + "', not " + (kind.integer[i] ? "an integer" : "a number") + "; allowed: " + allowed);
        }
        final double value = Double.parseDouble(text);
        final boolean ok = kind.integer[i]
            ? value >= kind.min[i] && value <= MAX_WINDOW
            : value > kind.min[i] && value <= MAX_NUMBER;
        if (!ok)
        {
            throw new IllegalArgumentException("indicator '" + id + "': parameter " + kind.params[i] + " is '" + text
                + "'; allowed: " + allowed);
        }
        return value;
    }
}
