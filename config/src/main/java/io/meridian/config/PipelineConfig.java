package io.meridian.config;

/**
 * The shape of the pipeline (YAML section {@code engine}).
 *
 * @param mode         {@code single} (all stages on one thread) or {@code staged} (one thread per stage).
 * @param ringSize     ring buffer slots, a power of two from 1024 to 16777216.
 * @param waitStrategy {@code busy-spin}, {@code yielding}, {@code sleeping} or {@code blocking}.
 * @param pinCpu       CPU to pin the pipeline thread to, 0 to 1023, or -1 for no pinning.
 * @param journaling   {@code parallel}: the input journaler is a parallel consumer of the inbound ring and decisions
 *                     are journaled by the outbound ring's handler; {@code inline} (single mode only): the pipeline
 *                     thread journals each input before its stages and each decision after, so one consumer thread
 *                     does everything (the fast choice on a 2-vCPU machine).
 */
public record PipelineConfig(
    ThreadMode mode, int ringSize, WaitStrategyKind waitStrategy, int pinCpu, JournalingMode journaling)
{
    /** Value of {@link #pinCpu()} meaning "do not pin". */
    public static final int NO_PINNING = -1;
}
