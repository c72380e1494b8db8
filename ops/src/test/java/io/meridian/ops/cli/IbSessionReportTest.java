package io.meridian.ops.cli;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static io.meridian.runtime.ib.IbLoopback.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.order.OrderStore;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.runtime.ib.IbEngineSession;
import io.meridian.runtime.ib.IbLoopback;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * The report of a real IB session's journal against ib-sim over loopback (issue 9): an engine trades until it has
 * fills, IB commissions and an order working at the simulator, and stops; the simulator fills on while the engine is
 * away; a restarted engine recovers the first journal, connects, and its reconciliation applies the missed fill; it
 * trades on until its positions and costs are the simulator's. Then {@code meridian report} of the second journal
 * (which carries the first's inputs) must give the engine's own figures at the session's end to the cash unit (net
 * P&amp;L, gross, costs, per instrument too), its commission total must be the hand formula of ib-sim's commission
 * (max(1.00, 0.005 per share) per execution) over the journal's executions, and each order's TCA row must have the
 * simulator's filled quantity, the average price of its executions and its executions' commissions as fees. The
 * tearsheet of the IB journal opens in headless Chromium with every chart drawn.
 */
class IbSessionReportTest
{
    private static final Pattern FILLED = Pattern.compile("filled (\\d+)/(\\d+)");

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theReportOfAnIbJournalHasTheEnginesFiguresWithCommissionsAndMissedFills(@TempDir final Path dir)
        throws IOException
    {
        final EngineConfig config = config();
        final Path second = dir.resolve("second");
        final End end = sessions(config, dir.resolve("first"), second);
        final Path json = dir.resolve("report.json");
        final Path html = dir.resolve("report.html");
        final CommandLine report = CommandLine.run("report", "--journal", second.toString(), "--json", json.toString(),
            "--out", html.toString(), "--verify");
        assertEquals(0, report.exitCode, report.toString());
        final JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertFigures(tree, end);
        assertTrue(tree.get("broker").get("missed_fills_applied").asLong() >= 1, "the restart's missed fill");
        final Executions executions = Executions.read(second, EngineFactory.instruments(config));
        assertCommissions(tree, executions);
        assertOrders(tree, end, executions);
        final WebDriver driver = ReportCommandTest.chromium(dir);
        try
        {
            final List<String> problems = ReportCommandTest.problems(driver, html);
            assertTrue(problems.isEmpty(), problems.toString());
        }
        finally
        {
            driver.quit();
        }
    }

    /**
     * ib-sim's {@code late-exec} fault: each cancel crosses an execution the simulator reports after the Cancelled
     * status, which the engine applies as a late fill of a finished order (FILL_FOR_FINISHED_ORDER) with its
     * commission; the report of that session's journal has the engine's figures to the cash unit, and each order's
     * row ib-sim's filled quantity, its executions' average price and commissions (late ones included).
     */
    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theReportOfASessionWithLateExecutionsHasTheEnginesFigures(@TempDir final Path dir) throws IOException
    {
        final Path journal = dir.resolve("late-exec");
        final End end = new End();
        final InstrumentIndex instruments = EngineFactory.instruments(config());
        IbLoopback.withSession("late-exec", journal, 22, (sim, session) ->
        {
            final OrderManager orders = session.pipeline().orders();
            runUntil(sim, session, () -> orders.workingOrders().lateFills() >= 2
                && orders.brokerLive().commissionsCharged() >= 5, 90);
            runUntil(sim, session, () -> settled(sim, session), 20);
            session.close();
            end.engineFigures(orders.positions(), instruments, sim);
            end.orders(orders.workingOrders().store(), sim);
        });
        final Path json = dir.resolve("late.json");
        final CommandLine report = CommandLine.run("report", "--journal", journal.toString(), "--json",
            json.toString());
        assertEquals(0, report.exitCode, report.toString());
        final JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertFigures(tree, end);
        assertTrue(tree.get("broker").get("late_fills_applied").asLong() >= 2, tree.get("broker").toString());
        final Executions executions = Executions.read(journal, instruments);
        assertCommissions(tree, executions);
        assertOrders(tree, end, executions);
        assertEquals(0, tree.get("broker").get("tca_unattributed").asLong(), "late fills join their orders' rows");
    }

    /** The engine's figures at the second session's end, and what the simulator knows of each order. */
    private static final class End
    {
        final long[] total = new long[3];
        final Map<String, long[]> instruments = new LinkedHashMap<>();
        final Map<Long, String> simOrders = new HashMap<>();
        final Map<Long, Long> engineFilled = new HashMap<>();

        /** Each order's filled quantity in the engine's store and what ib-sim knows of it. */
        void orders(final OrderStore store, final IbSimulator sim)
        {
            for (int s = 0; s < store.capacity(); s++)
            {
                if (store.clOrdId(s) > 0)
                {
                    engineFilled.put(store.clOrdId(s), store.qty(s) - store.leaves(s));
                }
            }
            for (long id = 1; id < store.capacity(); id++)
            {
                final String described = sim.describeOrderRef(id);
                if (!"never received".equals(described))
                {
                    simOrders.put(id, described);
                }
            }
        }

        /** The engine's own figures after the last record its session journaled, which are ib-sim's. */
        void engineFigures(final PositionKeeper end, final InstrumentIndex index, final IbSimulator sim)
        {
            total[0] = end.totalPnl();
            total[1] = end.totalGrossPnl();
            total[2] = end.totalCosts();
            for (int i = 0; i < end.instruments(); i++)
            {
                final String symbol = index.symbol(i);
                instruments.put(symbol, new long[]{end.netPnl(i), end.costs(i), end.position(i)});
                assertEquals(sim.position(symbol), end.position(i), symbol + " position = ib-sim's");
                assertEquals(Math.round(sim.commissions(symbol) * Scales.CASH_SCALE), end.costs(i),
                    symbol + " costs = ib-sim's commissions");
            }
        }
    }

    /**
     * The first session until it has fills, commissions and an order working at the simulator; the simulator alone
     * until it fills while the engine is away; the second session, recovered from the first journal, until its
     * reconciliation and until its positions and costs are the simulator's.
     */
    private static End sessions(final EngineConfig config, final Path first, final Path second) throws IOException
    {
        final End out = new End();
        final InstrumentIndex instruments = EngineFactory.instruments(config);
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
            SimFaults.none(), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            final long[] positionsAtStop;
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(first, manifest(config, "first"));
                IbEngineSession session = session(config, scorer, port, 21, journal))
            {
                session.start(System.nanoTime());
                final OrderManager orders = session.pipeline().orders();
                runUntil(sim, session, () -> orders.fills() >= 3 && orders.brokerLive().commissionsCharged() >= 2
                    && !sim.workingOrderIds().isEmpty(), 90);
                positionsAtStop = positions(orders.positions());
            }
            // the engine is gone; the simulator keeps its working order and fills it on its own market
            final String[] symbols = {"MRDA", "MRDB", "MRDC"};
            final long idleUntil = System.nanoTime() + 60_000_000_000L;
            boolean filledWhileAway = false;
            while (!filledWhileAway)
            {
                assertTrue(System.nanoTime() < idleUntil, "the simulator filled nothing while the engine was away");
                sim.doWork(System.nanoTime());
                for (int i = 0; i < symbols.length; i++)
                {
                    filledWhileAway |= sim.position(symbols[i]) != positionsAtStop[i];
                }
            }
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(second, manifest(config, "second")))
            {
                final IbEngineSession session = session(config, scorer, port, 21, journal);
                final OrderManager orders = session.pipeline().orders();
                try
                {
                    try (JournalReader previous = JournalReader.open(first))
                    {
                        previous.readInput(session::recover);
                    }
                    final long before = orders.reconciler().reconciliations();
                    session.start(System.nanoTime());
                    runUntil(sim, session, () -> orders.reconciler().reconciliations() > before, 30);
                    runUntil(sim, session, () -> settled(sim, session), 30);
                }
                finally
                {
                    session.close();
                }
                out.engineFigures(orders.positions(), instruments, sim);
                out.orders(orders.workingOrders().store(), sim);
            }
        }

        return out;
    }

    /** Net, gross and costs, in total and per instrument, are the engine's to the cash unit. */
    private static void assertFigures(final JsonNode tree, final End end)
    {
        final JsonNode total = tree.get("instruments").get("total");
        assertEquals(end.total[0], cash(total.get("net_pnl")), "net P&L: the engine's " + end.total[0]);
        assertEquals(end.total[1], cash(total.get("gross_pnl")), "gross P&L");
        assertEquals(end.total[2], cash(total.get("costs_total")), "costs");
        assertEquals(end.total[2], cash(total.get("costs").get("commission")), "an IB session's costs: commissions");
        for (final Map.Entry<String, long[]> e : end.instruments.entrySet())
        {
            final JsonNode row = tree.get("instruments").get(e.getKey());
            assertEquals(e.getValue()[0], cash(row.get("net_pnl")), e.getKey() + " net P&L");
            assertEquals(e.getValue()[1], cash(row.get("costs_total")), e.getKey() + " costs");
            assertEquals(e.getValue()[2], row.get("position").asLong(), e.getKey() + " position");
        }
        final JsonNode broker = tree.get("broker");
        assertEquals(0, broker.get("missed_fills_not_applied").asLong(), broker.toString());
    }

    /** The commission total is ib-sim's formula by hand over the journal's executions, one charge per execution. */
    private static void assertCommissions(final JsonNode tree, final Executions executions)
    {
        long hand = 0;
        for (final double shares : executions.sharesByExec.values())
        {
            hand += Math.round(Math.max(1.00, 0.005 * shares) * Scales.CASH_SCALE);
        }
        assertEquals(hand, cash(tree.get("instruments").get("total").get("costs").get("commission")),
            "commissions = max(1.00, 0.005/share) per execution, by hand");
        assertEquals(executions.sharesByExec.size(), tree.get("broker").get("commissions_charged").asLong(),
            "one commission per execution id");
    }

    /** Each order's row: the simulator's filled quantity, its executions' average price and commissions as fees. */
    private static void assertOrders(final JsonNode tree, final End end, final Executions executions)
    {
        int ordersWithFills = 0;
        for (final JsonNode row : tree.get("tca_orders"))
        {
            final long id = row.get("order_id").asLong();
            final String simOrder = end.simOrders.get(id);
            if (simOrder == null)
            {
                // refused before it was sent (e.g. by IB's pacing) or decided as the session closed: never filled
                assertEquals(0, row.get("filled_qty").asLong(), "order " + id + " never reached the simulator");
                assertTrue(!executions.byOrder.containsKey(id), "order " + id + " has no execution");
                continue;
            }
            final Matcher m = FILLED.matcher(simOrder);
            assertTrue(m.find(), simOrder);
            final long simFilled = Long.parseLong(m.group(1));
            assertEquals(simFilled, row.get("filled_qty").asLong(), "order " + id + " filled: " + simOrder);
            assertEquals(Long.parseLong(m.group(2)), row.get("ordered_qty").asLong(), "order " + id + " quantity");
            if (end.engineFilled.containsKey(id))
            {
                assertEquals(end.engineFilled.get(id), row.get("filled_qty").asLong(), "order " + id + " engine's");
            }
            final double[] exec = executions.byOrder.getOrDefault(id, new double[3]);
            assertEquals(simFilled, (long)exec[0], "order " + id + " executions in the journal");
            if (simFilled == 0)
            {
                assertTrue(row.get("avg_fill_price").isNull(), row.toString());
                continue;
            }
            ordersWithFills++;
            assertEquals(exec[1] / exec[0], row.get("avg_fill_price").asDouble(), 1e-9, "order " + id + " price");
            final double decisionValue = row.get("decision_price").asDouble() * row.get("ordered_qty").asDouble();
            assertEquals(exec[2], row.get("fees_bps").asDouble() * decisionValue / 1e4, 1e-6,
                "order " + id + " fees = its executions' commissions");
        }
        assertTrue(ordersWithFills >= 1, "orders with fills: " + ordersWithFills);
    }

    private static long cash(final JsonNode value)
    {
        return Math.round(value.asDouble() * Scales.CASH_SCALE);
    }

    private static long[] positions(final PositionKeeper positions)
    {
        final long[] p = new long[positions.instruments()];
        for (int i = 0; i < p.length; i++)
        {
            p[i] = positions.position(i);
        }
        return p;
    }

    /** The journal's executions (each IB execution id once) and their commissions. */
    private static final class Executions
    {
        final Map<Long, Double> sharesByExec = new LinkedHashMap<>();
        final Map<Long, Long> orderByExec = new HashMap<>();
        final Map<Long, Long> commissionByExec = new HashMap<>();
        /** Per order: shares, value, commission. */
        final Map<Long, double[]> byOrder = new HashMap<>();

        static Executions read(final Path journal, final InstrumentIndex instruments)
        {
            final Executions e = new Executions();
            final Map<Long, Double> priceByExec = new HashMap<>();
            try (JournalReader reader = JournalReader.open(journal))
            {
                reader.readInput((b, o, l) ->
                {
                    if (Header.type(b, o) != RecordType.EXECUTION)
                    {
                        return;
                    }
                    final long hash = ExecutionCodec.execIdHash(b, o);
                    final byte kind = ExecutionCodec.kind(b, o);
                    if (kind == ExecutionCodec.KIND_COMMISSION)
                    {
                        e.commissionByExec.putIfAbsent(hash, ExecutionCodec.commission(b, o));
                    }
                    else if ((kind == ExecutionCodec.KIND_EXECUTION || kind == ExecutionCodec.KIND_LIVE_EXECUTION)
                        && !e.sharesByExec.containsKey(hash))
                    {
                        final int i = instruments.indexOf(Header.instrumentId(b, o));
                        e.sharesByExec.put(hash, (double)ExecutionCodec.qty(b, o) / instruments.qtyScale(i));
                        e.orderByExec.put(hash, ExecutionCodec.clOrdId(b, o));
                        priceByExec.put(hash, (double)ExecutionCodec.price(b, o) / instruments.priceScale(i));
                    }
                });
            }
            for (final Map.Entry<Long, Double> x : e.sharesByExec.entrySet())
            {
                final double[] order = e.byOrder.computeIfAbsent(e.orderByExec.get(x.getKey()), k -> new double[3]);
                order[0] += x.getValue();
                order[1] += x.getValue() * priceByExec.get(x.getKey());
                order[2] += e.commissionByExec.getOrDefault(x.getKey(), 0L) / (double)Scales.CASH_SCALE;
            }
            return e;
        }
    }
}
