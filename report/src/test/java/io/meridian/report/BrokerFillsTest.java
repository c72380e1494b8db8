package io.meridian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RunManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made IB journal and its report worked out by hand: a buy of 400 MRDA is filled 100 at 50.03 live (IB
 * execution H1, commission 1.00 = max(1.00, 0.005 × 100)); the venue goes down and the broker's snapshot after the
 * reconnect shows H1 again and H2, 300 at 50.02, so the engine's reconciliation applies a missed fill of 300 at 50.02
 * (the order's last execution in the snapshot); IB then sends H1's commission again (not charged twice) and H2's,
 * 1.50 = 0.005 × 300. At the last mid, 50.06: gross = 400 × 50.06 − (100 × 50.03 + 300 × 50.02) = 15.00, commissions
 * 2.50, net 12.50; the order's row has both fills (average 50.0225) and both commissions as fees.
 */
final class BrokerFillsTest
{
    private static final long T0 = 1_767_623_400_000_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MRDA = 1;
    private static final long H1 = 0x1111L;
    private static final long H2 = 0x2222L;

    @TempDir
    Path tmp;

    private final UnsafeBuffer b = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private JournalWriter w;
    private long inputSequence;
    private long outputSequence;

    @Test
    void shouldChargeEachCommissionOnceAndApplyTheReconciliationsMissedFill()
    {
        final Report report = Report.analyze(writeJournal(), 0, 0, null);
        final Map<String, Object> root = report.asMap();
        final Map<String, Object> total = map(map(root, "instruments"), "total");
        assertEquals(12.50, (Double)total.get("net_pnl"), 1e-9, "400 x 50.06 - 20,009.00 - 2.50");
        assertEquals(15.00, (Double)total.get("gross_pnl"), 1e-9);
        assertEquals(2.50, (Double)total.get("costs_total"), 1e-9, "1.00 + 1.50, H1's second report not charged");
        assertEquals(2.50, (Double)map(total, "costs").get("commission"), 1e-9);
        assertEquals(2L, total.get("fills"), "the live fill and the missed one");
        assertEquals(100 * 50.03 + 300 * 50.02, (Double)total.get("traded_value"), 1e-9);
        final Map<String, Object> mrda = map(map(root, "instruments"), "MRDA");
        assertEquals(400L, mrda.get("position"));
        final Map<String, Object> broker = map(root, "broker");
        assertEquals(2L, broker.get("commissions_charged"));
        assertEquals(1L, broker.get("missed_fills_applied"));
        assertEquals(0L, broker.get("tca_unattributed"));
        @SuppressWarnings("unchecked")
        final Map<String, Object> order = ((List<Map<String, Object>>)root.get("tca_orders")).get(0);
        assertEquals("filled", order.get("status"));
        assertEquals(400.0, (Double)order.get("filled_qty"), 0.0);
        assertEquals((100 * 50.03 + 300 * 50.02) / 400, (Double)order.get("avg_fill_price"), 1e-12);
        assertEquals(50.02, (Double)order.get("decision_price"), 1e-12, "the mid when the target was signalled");
        assertEquals(2.50 * 1e4 / (50.02 * 400), (Double)order.get("fees_bps"), 1e-9, "both commissions, in bps");
        final double[] equity = report.equity().get("total");
        assertEquals(1e6 + 12.50, equity[equity.length - 1], 1e-9);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Map<String, Object> parent, final String key)
    {
        return (Map<String, Object>)parent.get(key);
    }

    private Path writeJournal()
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("report.equityIntervalMs=1000",
            "report.minEquityPoints=2", "report.markoutsMs=1000"));
        final Path dir = tmp.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(dir, RunManifest.of("test", "ib-report-test", "live",
            Instant.EPOCH, "profile:demo", List.of(), config).toText()))
        {
            w = writer;
            quote(0, 5001, 5003);
            output(SignalCodec.TYPE, SignalCodec.LENGTH, 0, r -> SignalCodec.targetPosition(r, 0, 400));
            output(OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 0, r ->
            {
                OrderCommandCodec.clOrdId(r, 0, 1);
                OrderCommandCodec.command(r, 0, OrderCommandType.NEW);
                OrderCommandCodec.side(r, 0, Side.BUY);
                OrderCommandCodec.orderType(r, 0, OrderType.LIMIT);
                OrderCommandCodec.price(r, 0, 5003);
                OrderCommandCodec.qty(r, 0, 400);
            });
            input(ExecReportCodec.TYPE, ExecReportCodec.LENGTH, S, r ->
            {
                ExecReportCodec.clOrdId(r, 0, 1);
                ExecReportCodec.execType(r, 0, ExecType.PARTIAL_FILL);
                ExecReportCodec.side(r, 0, Side.BUY);
                ExecReportCodec.lastPrice(r, 0, 5003);
                ExecReportCodec.lastQty(r, 0, 100);
                ExecReportCodec.leavesQty(r, 0, 300);
                ExecReportCodec.cumQty(r, 0, 100);
            });
            execution(S, ExecutionCodec.KIND_LIVE_EXECUTION, H1, 5003, 100);
            commission(S, H1, 10_000);
            connectivity(2 * S, ConnectivityState.DOWN);
            connectivity(3 * S, ConnectivityState.UP);
            input(PositionCodec.TYPE, PositionCodec.LENGTH, 3 * S, r ->
            {
                PositionCodec.position(r, 0, 400);
                PositionCodec.avgCost(r, 0, 5002);
                PositionCodec.kind(r, 0, PositionCodec.KIND_POSITION);
            });
            input(PositionCodec.TYPE, PositionCodec.LENGTH, 3 * S,
                r -> PositionCodec.kind(r, 0, PositionCodec.KIND_END));
            input(OpenOrderCodec.TYPE, OpenOrderCodec.LENGTH, 3 * S,
                r -> OpenOrderCodec.kind(r, 0, OpenOrderCodec.KIND_END));
            execution(3 * S, ExecutionCodec.KIND_EXECUTION, H1, 5003, 100);
            execution(3 * S, ExecutionCodec.KIND_EXECUTION, H2, 5002, 300);
            input(ExecutionCodec.TYPE, ExecutionCodec.LENGTH, 3 * S,
                r -> ExecutionCodec.kind(r, 0, ExecutionCodec.KIND_END));
            output(ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH, 3 * S, r ->
            {
                ReconciliationCodec.clOrdId(r, 0, 1);
                ReconciliationCodec.engineValue(r, 0, 100);
                ReconciliationCodec.brokerValue(r, 0, 400);
                ReconciliationCodec.diffs(r, 0, 1);
                ReconciliationCodec.index(r, 0, 1);
                ReconciliationCodec.diffKind(r, 0, ReconciliationCodec.KIND_MISSED_FILL);
                ReconciliationCodec.applied(r, 0, (byte)1);
            });
            commission(4 * S, H1, 10_000);
            commission(4 * S, H2, 15_000);
            quote(5 * S, 5005, 5007);
        }
        return dir;
    }

    private void quote(final long t, final long bid, final long ask)
    {
        input(QuoteCodec.TYPE, QuoteCodec.LENGTH, t, r ->
        {
            QuoteCodec.bidPrice(r, 0, bid);
            QuoteCodec.bidQty(r, 0, 100);
            QuoteCodec.askPrice(r, 0, ask);
            QuoteCodec.askQty(r, 0, 100);
        });
    }

    private void connectivity(final long t, final byte state)
    {
        input(ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH, t, r ->
        {
            ConnectivityCodec.venueId(r, 0, 1);
            ConnectivityCodec.state(r, 0, state);
        });
    }

    private void execution(final long t, final byte kind, final long hash, final long price, final long qty)
    {
        input(ExecutionCodec.TYPE, ExecutionCodec.LENGTH, t, r ->
        {
            ExecutionCodec.clOrdId(r, 0, 1);
            ExecutionCodec.venueOrderId(r, 0, 77);
            ExecutionCodec.price(r, 0, price);
            ExecutionCodec.qty(r, 0, qty);
            ExecutionCodec.execIdHash(r, 0, hash);
            ExecutionCodec.side(r, 0, Side.BUY);
            ExecutionCodec.kind(r, 0, kind);
        });
    }

    private void commission(final long t, final long hash, final long cash)
    {
        input(ExecutionCodec.TYPE, ExecutionCodec.LENGTH, t, r ->
        {
            ExecutionCodec.commission(r, 0, cash);
            ExecutionCodec.execIdHash(r, 0, hash);
            ExecutionCodec.kind(r, 0, ExecutionCodec.KIND_COMMISSION);
        });
    }

    /** An input of MRDA at T0 + t, the next sequence (also its source sequence). */
    private void input(final byte type, final int length, final long t, final Consumer<UnsafeBuffer> fields)
    {
        b.setMemory(0, Header.MAX_RECORD_LENGTH, (byte)0);
        inputSequence++;
        Header.write(b, 0, type, length, MRDA, inputSequence, T0 + t, 0, 1, inputSequence);
        fields.accept(b);
        w.appendInput(b, 0, length);
    }

    /** A decision of MRDA caused by the last input (every decision record has its cause first in its body). */
    private void output(final byte type, final int length, final long t, final Consumer<UnsafeBuffer> fields)
    {
        b.setMemory(0, Header.MAX_RECORD_LENGTH, (byte)0);
        Header.write(b, 0, type, length, MRDA, ++outputSequence, T0 + t, 0, 0, 0);
        SignalCodec.causeSequence(b, 0, inputSequence);
        fields.accept(b);
        w.appendOutput(b, 0, length);
    }
}
