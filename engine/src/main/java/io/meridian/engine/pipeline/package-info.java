/**
 * The pipeline: ring slots, the composition of the stages and the Disruptor topology.
 *
 * <pre>
 *  sequencer (publish: stamp seq + receive time)
 *     |
 *     +--&gt; input journaler  (parallel consumer; its progress gates the venue: publish after journal)
 *     +--&gt; book -&gt; features -&gt; scoring -&gt; strategy -&gt; risk + kill switch + orders
 *                                                            |
 *                                                   outbound ring --&gt; decision journal --&gt; venue
 * </pre>
 *
 * In {@code single} mode one handler runs all stages ({@link io.meridian.engine.pipeline.Pipeline#onEvent}); in
 * {@code staged} mode each stage is its own handler. Backtests and replay call the same {@code Pipeline} directly
 * on one thread. The measurement clock of {@link io.meridian.engine.pipeline.TimedPipeline} never reaches a decision.
 */
package io.meridian.engine.pipeline;
