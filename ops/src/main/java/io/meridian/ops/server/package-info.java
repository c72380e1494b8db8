/**
 * The ops server: the JDK's own HTTP server ({@code jdk.httpserver}) on a small pool of threads made by
 * {@code runtime.launch.Threads}, never the pipeline thread. {@code GET /health}, {@code /status} (JSON, Jackson),
 * {@code /metrics} (Prometheus text exposition through the Prometheus Java client), the dashboard page at {@code /}
 * with uPlot served from its WebJar; authenticated {@code POST /halt}, {@code /resume}, {@code /cancel-all},
 * {@code /flatten}, which enter the engine as journaled OPERATOR records through the live topology's
 * {@code OperatorInbox}. Reads the engine only through the single-writer {@code EngineState} the pipeline thread
 * publishes, the journal's and the ring's sequences, and the latency recorders' interval histograms. Owned by the
 * server's handler threads; depends on runtime, engine, config, Jackson and the Prometheus client.
 */
package io.meridian.ops.server;
