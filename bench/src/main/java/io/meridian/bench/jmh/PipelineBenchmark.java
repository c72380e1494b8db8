package io.meridian.bench.jmh;

import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.EventTape;
import io.meridian.bench.data.InstantVenue;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.LinearModel;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.OnnxModelReader;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.pipeline.Pipeline;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One full pass of the engine's pipeline ({@link Pipeline#onEvent}: book, features, scoring, strategy, risk, kill
 * switch, orders, decision records) for one inbound event, on the calling thread, as in single-thread mode without
 * the rings and the journal.
 *
 * <p>Events: 65,536 pre-generated demo-market records (quotes, trades, timers) replayed in a loop, their event time
 * and source sequences shifted forward on each lap so the book never sees time or sequences go backwards. The
 * outbound sink is an {@link InstantVenue} that acknowledges and fills every order at once; its reports are
 * delivered as the next events, so the op mix includes orders, acknowledgements, fills and cancels as a live run's
 * does. Baseline: {@link NaivePipeline}, the same stages on boxed collections and queues, over the same market
 * records.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
public class PipelineBenchmark extends BenchmarkDefaults
{
    private static final int TAPE = 1 << 16;
    /**
     * The demo's daily loss limit halts trading after a few million events of crossing the spread; a benchmark runs
     * tens of millions, so the limit is raised to keep the order path exercised throughout.
     */
    static final String NO_LOSS_HALT = "kill.dailyLossLimit=1e12";

    /** Scorer kind: {@code java} by default; {@code -p scorer=onnx} for ONNX Runtime. */
    @Param({Scorers.JAVA})
    public String scorer;

    private EventTape tape;
    private Scorer model;
    private Pipeline pipeline;
    private InstantVenue venue;
    private final EventSlot slot = new EventSlot();
    private long lapNs;
    private int next;
    private long timeShift;
    private long sequenceShift;
    private long nowNs;
    private long sequence;

    private NaivePipeline naive;
    private int naiveNext;
    private final UnsafeBuffer naiveBuffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    /**
     * Generates the tape and builds the engine from the demo profile with the chosen scorer.
     */
    @Setup(Level.Trial)
    public void setup()
    {
        final EngineConfig config = DemoWorld.config(List.of("model.scorer=" + scorer, NO_LOSS_HALT));
        tape = DemoWorld.eventTape(config, TAPE);
        lapNs = tape.eventTimeNs(TAPE - 1) - tape.eventTimeNs(0) + config.market().meanIntervalNs();
        model = Scorers.create(scorer, config.model().path());
        venue = new InstantVenue();
        pipeline = EngineFactory.create(config, model, venue);
        final String path = config.model().path();
        naive = new NaivePipeline(config, LinearModel.fromGraph(
            OnnxModelReader.read(ModelFiles.read(path), ModelFiles.fileName(path)), FeatureSchema.COUNT));
    }

    /**
     * Closes the scorer.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        model.close();
    }

    /**
     * One pipeline pass: the next venue report if one is pending, else the next market record.
     *
     * @return decision records emitted so far.
     */
    @Benchmark
    public long onEvent()
    {
        final UnsafeBuffer buffer = slot.buffer;
        if (venue.hasPending())
        {
            venue.poll(buffer, nowNs);
        }
        else
        {
            final int i = next;
            tape.copyTo(i, buffer);
            nowNs = tape.eventTimeNs(i) + timeShift;
            buffer.putLong(Header.EVENT_TIME_NS_OFFSET, nowNs);
            buffer.putLong(Header.SOURCE_SEQUENCE_OFFSET, Header.sourceSequence(buffer, 0) + sequenceShift);
            Header.receiveTimeNs(buffer, 0, nowNs);
            if (i + 1 == TAPE)
            {
                next = 0;
                timeShift += lapNs;
                sequenceShift += TAPE;
            }
            else
            {
                next = i + 1;
            }
        }
        Header.sequence(buffer, 0, sequence++);
        pipeline.onEvent(slot);
        return pipeline.orders().outputSequence();
    }

    /**
     * Baseline: the naive pipeline over the next market record.
     *
     * @return orders sent so far.
     */
    @Benchmark
    public long naiveBoxedPipeline()
    {
        final int i = naiveNext;
        naiveNext = (i + 1) & (TAPE - 1);
        tape.copyTo(i, naiveBuffer);
        return naive.onEvent(naiveBuffer, 0);
    }

    /**
     * The engine (for tests).
     *
     * @return the pipeline.
     */
    Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * The venue (for tests).
     *
     * @return the venue.
     */
    InstantVenue venue()
    {
        return venue;
    }
}
