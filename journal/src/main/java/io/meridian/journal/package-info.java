/**
 * Meridian journal: event sourcing of the engine's record bytes.
 *
 * <p>A journal is a directory with two Chronicle queues: {@code input} (the run manifest, then every inbound event
 * record in sequence order, then END_OF_RUN on a clean close) and {@code output} (every decision record, then
 * END_OF_RUN). This package holds the Chronicle-free API: {@link io.meridian.journal.JournalWriter},
 * {@link io.meridian.journal.JournalReader}, the Disruptor handlers {@link io.meridian.journal.InputJournaler} and
 * {@link io.meridian.journal.OutputJournaler}, the record framing in {@link io.meridian.journal.JournalFormat} and
 * the operator tools in {@link io.meridian.journal.JournalTools}. The implementation lives in
 * {@code io.meridian.journal.chronicle}, the only package that may import {@code net.openhft}.
 *
 * <p>Threads: the journalers run on the thread the pipeline gives them (the input journaler on the inbound ring,
 * the output journaler on the outbound ring); appends are allocation-free. Reading and the tools run on the caller's
 * thread and are not on the hot path. May depend on engine ({@code codec}, {@code api}, {@code pipeline} slot types),
 * config, Disruptor and Agrona; never on gateway or ops.
 */
package io.meridian.journal;
