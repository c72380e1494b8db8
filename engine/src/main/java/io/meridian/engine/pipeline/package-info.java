/**
 * The pipeline: the ordered stage list, its composition from configuration and the Disruptor topology.
 *
 * <pre>
 *  sequencer (publish: stamp seq + receive time into the slot's record)
 *     |
 *     +--&gt; input journaler  (parallel consumer, or inline on the pipeline thread; its progress gates the venue:
 *     |                      publish after journal)
 *     +--&gt; [EventSlot] book: decode once, validate, L1, top of book into the slot
 *                 -&gt; features -&gt; scoring -&gt; strategy -&gt; risk + kill switch + orders
 *                                                               |
 *                                                      outbound ring --&gt; decision journal --&gt; venue
 * </pre>
 *
 * One list ({@link io.meridian.engine.pipeline.EngineFactory#create}), three ways to run it: all stages on one thread
 * ({@link io.meridian.engine.pipeline.Pipeline#onEvent}, {@code single} mode, backtests and replay), the same with a
 * clock read around each stage ({@link io.meridian.engine.pipeline.TimedPipeline}), or one Disruptor handler per
 * stage ({@code staged} mode). {@link io.meridian.engine.pipeline.DisruptorPipeline} is configured by its
 * {@link io.meridian.engine.pipeline.DisruptorPipeline.Context}. Stages run on the pipeline thread (single) or each on
 * its own consumer thread (staged); the outbound handler on the outbound ring's thread, or inline. The measurement
 * clock never reaches a decision.
 */
package io.meridian.engine.pipeline;
