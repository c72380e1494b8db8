package io.meridian.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole effective configuration of one engine run, immutable. Load it with {@link ConfigLoader}, which validates
 * every key; the YAML keys are exactly the record component names. Two configs are equal when every value is
 * equal, and equal configs have the same {@link ConfigLoader#configHash(EngineConfig) hash}.
 *
 * @param run         run length and seed.
 * @param engine      pipeline thread mode, ring and wait strategy.
 * @param journal     where the journal is written.
 * @param instruments the tradable instruments, 1 to 64, in configuration order.
 * @param market      the synthetic market generator.
 * @param features    feature windows.
 * @param model       the scoring model.
 * @param strategy    signal threshold and sizing.
 * @param risk        pre-trade risk limits.
 * @param kill        kill-switch triggers.
 * @param venue       the simulated venue.
 * @param costs       the transaction-cost model charged on simulated fills.
 * @param report      conventions of the statistics and TCA of {@code meridian report}.
 * @param account     the trading account, its calendar and environment.
 * @param reference   reference data per instrument (ADV, sector, previous close, ...).
 * @param ops         the ops server's address; optional in a document (journals written before it existed have
 *                    none): {@link OpsConfig#DEFAULT} when absent.
 * @param monitor     the real-time risk monitor's interval and window; optional in a document (journals written
 *                    before it existed have none): {@link MonitorConfig#DEFAULT} when absent.
 * @param ib          the Interactive Brokers session's periodic engine-state snapshots; optional in a document:
 *                    {@link IbConfig#DEFAULT} when absent.
 */
public record EngineConfig(
    RunConfig run,
    PipelineConfig engine,
    JournalConfig journal,
    List<InstrumentConfig> instruments,
    MarketConfig market,
    FeatureConfig features,
    ModelConfig model,
    StrategyConfig strategy,
    RiskConfig risk,
    KillConfig kill,
    VenueConfig venue,
    CostConfig costs,
    ReportConfig report,
    AccountConfig account,
    ReferenceConfig reference,
    OpsConfig ops,
    MonitorConfig monitor,
    IbConfig ib)
{
    /**
     * Rejects null sections and makes the instrument list unmodifiable.
     */
    public EngineConfig
    {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(journal, "journal");
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(kill, "kill");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(ib, "ib");
    }
}
