package io.meridian.engine.indicator;

import io.meridian.config.IndicatorSpec;
import java.util.List;

/**
 * Every indicator by name: an indicator is written {@code kind_param_param} (e.g. {@code bb_20_2},
 * {@code rv_yz_20_260}, {@code obv}), or just {@code kind} for its default parameters; the grammar and parameter
 * ranges are {@link IndicatorSpec}'s (in config, so that configuration is validated when loaded). {@link #bar} and
 * {@link #tick} build one, or fail with an {@link IllegalArgumentException} that names the indicator, the
 * parameter and what is allowed. Used at start-up only (it allocates); the indicators it builds do not.
 */
public final class IndicatorCatalogue
{
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
        return bar(IndicatorSpec.parse(id));
    }

    /**
     * Builds a bar indicator from a parsed spec.
     *
     * @param spec the spec.
     * @return a fresh indicator.
     * @throws IllegalArgumentException when the spec is a tick feature.
     */
    public static BarIndicator bar(final IndicatorSpec spec)
    {
        if (spec.tick())
        {
            throw new IllegalArgumentException("'" + spec.id() + "' is a tick (quote/trade) feature, not a bar"
                + " indicator");
        }
        return createBar(spec.kind(), spec);
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
        return tick(IndicatorSpec.parse(id));
    }

    /**
     * Builds a tick feature from a parsed spec.
     *
     * @param spec the spec.
     * @return a fresh feature.
     * @throws IllegalArgumentException when the spec is a bar indicator.
     */
    public static TickIndicator tick(final IndicatorSpec spec)
    {
        if (!spec.tick())
        {
            throw new IllegalArgumentException("'" + spec.id() + "' is a bar indicator, not a tick (quote/trade)"
                + " feature");
        }
        return createTick(spec.kind(), spec);
    }

    /**
     * Every bar indicator with its default parameters, in catalogue order (the {@code features} command's default).
     *
     * @return ids such as {@code sma_20}.
     */
    public static List<String> defaultBarIds()
    {
        return IndicatorSpec.defaultBarIds();
    }

    /**
     * Every tick feature with its default parameters, in catalogue order.
     *
     * @return ids such as {@code ofi_100}.
     */
    public static List<String> defaultTickIds()
    {
        return IndicatorSpec.defaultTickIds();
    }

    /**
     * Formats a parameter for a name ({@link IndicatorSpec#format}).
     *
     * @param value the parameter.
     * @return its text.
     */
    public static String format(final double value)
    {
        return IndicatorSpec.format(value);
    }

    private static BarIndicator createBar(final String kind, final IndicatorSpec p)
    {
        final int n = p.params().isEmpty() ? 0 : p.window(0);
        switch (kind)
        {
            case "sma": return new Averages.Sma(n);
            case "ema": return new Averages.ExponentialAverage(n);
            case "wma": return new Averages.Wma(n);
            case "dema": return new Averages.Dema(n);
            case "tema": return new Averages.Tema(n);
            case "kama": return new Averages.Kama(n, p.window(1), p.window(2));
            case "macd": return new Trend.Macd(n, p.window(1), p.window(2));
            case "adx": return new Trend.Adx(n);
            case "aroon": return new Trend.Aroon(n);
            case "psar": return new Trend.ParabolicSar(p.param(0), p.param(1));
            case "donchian": return new Trend.Donchian(n);
            case "keltner": return new Trend.Keltner(n, p.param(1));
            case "rsi": return new Oscillators.Rsi(n);
            case "stoch": return new Oscillators.Stochastic(n, p.window(1));
            case "willr": return new Oscillators.WilliamsR(n);
            case "cci": return new Oscillators.Cci(n);
            case "roc": return new Oscillators.Roc(n);
            case "momentum": return new Oscillators.Momentum(n);
            case "mfi": return new Oscillators.Mfi(n);
            case "trix": return new Oscillators.Trix(n, p.window(1));
            case "ultosc": return new Oscillators.UltimateOscillator(n, p.window(1), p.window(2));
            case "true_range": return new Volatility.TrueRange();
            case "atr": return new Volatility.Atr(n);
            case "bb": return new Volatility.Bollinger(n, p.param(1));
            case "stdev": return new Volatility.RollingSd(n);
            case "zscore": return new Volatility.ZScore(n);
            case "rv_close": return new Volatility.RealizedVolatility(Volatility.Estimator.CLOSE, n, p.param(1));
            case "rv_parkinson":
                return new Volatility.RealizedVolatility(Volatility.Estimator.PARKINSON, n, p.param(1));
            case "rv_gk": return new Volatility.RealizedVolatility(Volatility.Estimator.GARMAN_KLASS, n, p.param(1));
            case "rv_rs": return new Volatility.RealizedVolatility(Volatility.Estimator.ROGERS_SATCHELL, n, p.param(1));
            case "rv_yz": return new Volatility.RealizedVolatility(Volatility.Estimator.YANG_ZHANG, n, p.param(1));
            case "obv": return new VolumeIndicators.Obv();
            case "chaikin_ad": return new VolumeIndicators.ChaikinAd();
            case "cmf": return new VolumeIndicators.Cmf(n);
            case "vwap": return new VolumeIndicators.RollingVwap(n);
            case "vwap_session": return new VolumeIndicators.SessionVwap();
            case "volume_zscore": return new VolumeIndicators.VolumeZScore(n);
            default: throw new IllegalStateException("no bar indicator for kind " + kind);
        }
    }

    private static TickIndicator createTick(final String kind, final IndicatorSpec p)
    {
        final int n = p.params().isEmpty() ? 0 : p.window(0);
        switch (kind)
        {
            case "quoted_spread": return new Microstructure.QuotedSpread();
            case "effective_spread": return new Microstructure.EffectiveSpread();
            case "realized_spread": return new Microstructure.RealizedSpread(n);
            case "ofi": return new Microstructure.OrderFlowImbalance(n);
            case "trade_sign_tick": return new Microstructure.TradeSignTick();
            case "trade_sign_lr": return new Microstructure.TradeSignLeeReady();
            case "signed_volume": return new Microstructure.SignedVolume(n);
            case "vpin": return new Microstructure.Vpin(p.param(0), p.window(1));
            case "kyle_lambda": return new Microstructure.KyleLambda(n);
            case "amihud": return new Microstructure.Amihud(n);
            case "microprice": return new Microstructure.Microprice();
            case "l1_imbalance": return new Microstructure.L1Imbalance();
            default: throw new IllegalStateException("no tick feature for kind " + kind);
        }
    }
}
