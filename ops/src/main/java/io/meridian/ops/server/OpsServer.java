package io.meridian.ops.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meridian.config.OpsConfig;
import io.meridian.engine.telemetry.EngineStateView;
import io.meridian.runtime.launch.Threads;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The ops HTTP server ({@code jdk.httpserver}) of one running engine. Read-only endpoints need no token; the mutating
 * ones need {@code Authorization: Bearer TOKEN}: 403 when no token is configured, 401 when the header is missing or
 * wrong. Every error is a JSON object {@code {"status": N, "error": "..."}} naming what was wrong; a bad request never
 * reaches the engine. Its dispatcher thread is the JDK's; requests run on a pool of two threads from
 * {@link Threads}. Paths:
 *
 * <pre>
 *  GET  /health      200 {"status":"up",...} or 503 {"status":"down","reason":...} (pipeline stopped, a handler
 *                    failed, or the journal directory missing, not writable or below ops.minFreeDiskMb free)
 *  GET  /status      the engine's state as JSON
 *  GET  /metrics     Prometheus text exposition
 *  GET  /            the dashboard page; GET /vendor/uplot/... uPlot from its WebJar
 *  POST /halt /resume /cancel-all /flatten   optional {"instrument":"MRDA","reason":"..."}; 202 {"sequence":N,...}
 * </pre>
 */
public final class OpsServer implements AutoCloseable
{
    /** Largest request body accepted. */
    public static final int MAX_BODY = 4096;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String DASHBOARD = "/io/meridian/ops/server/dashboard.html";
    /** Longest wait in {@link #close} for requests in flight to finish. */
    static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long DRAIN_POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final OpsEngine engine;
    private final OpsTokens tokens;
    private final OpsCommands commands;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter textFormat = PrometheusTextFormatWriter.create();
    private final HttpServer server;
    private final ExecutorService pool;
    private final long minFreeDiskMb;
    private final AtomicInteger inFlight = new AtomicInteger();

    private OpsServer(final OpsEngine engine, final OpsTokens tokens, final OpsConfig config, final PrintStream audit)
        throws IOException
    {
        this.engine = engine;
        this.tokens = tokens;
        this.commands = new OpsCommands(engine, json, audit);
        this.minFreeDiskMb = config.minFreeDiskMb();
        registry.register(new OpsMetrics(engine, commands));
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
        pool = Threads.named("meridian-ops").fixedPool(2);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server.
     *
     * @param engine the engine to serve.
     * @param tokens who may steer it.
     * @param config where to listen.
     * @param audit where accepted commands are audited (operator, command, sequence; never a token).
     * @return the running server.
     * @throws IOException when the address cannot be bound (the message names it).
     */
    public static OpsServer start(
        final OpsEngine engine, final OpsTokens tokens, final OpsConfig config, final PrintStream audit)
        throws IOException
    {
        final OpsServer ops;
        try
        {
            ops = new OpsServer(engine, tokens, config, audit);
        }
        catch (final IOException e)
        {
            throw new IOException("ops server cannot listen on " + config.bind() + ":" + config.port() + ": "
                + e.getMessage(), e);
        }
        ops.server.start();
        return ops;
    }

    /**
     * The server's base URL, with the port it got.
     *
     * @return e.g. {@code http://127.0.0.1:40123}.
     */
    public String url()
    {
        final InetSocketAddress address = server.getAddress();
        final String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /**
     * Stops the server: waits (at most {@link #DRAIN_TIMEOUT_NS}) only while requests are in flight, then stops
     * listening at once, and stops the handler threads. {@code HttpServer.stop(delay)} is not asked to wait: on JDK 17
     * it sleeps for the whole delay even when no exchange is open (JDK-8304065), which cost every run a second.
     */
    @Override
    public void close()
    {
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NS;
        while (inFlight.get() > 0 && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(DRAIN_POLL_NS);
        }
        server.stop(0);
        pool.shutdown();
        try
        {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS))
            {
                pool.shutdownNow();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Requests being handled now.
     *
     * @return the count.
     */
    int inFlight()
    {
        return inFlight.get();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        inFlight.incrementAndGet();
        try (exchange)
        {
            final String path = exchange.getRequestURI().getPath();
            final String command = path.length() > 1 ? path.substring(1) : "";
            if (OpsCommands.COMMANDS.contains(command))
            {
                mutate(exchange, command);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", "GET");
                error(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed on " + path
                    + " (use GET)");
                return;
            }
            switch (path)
            {
                case "/health":
                    health(exchange);
                    break;
                case "/status":
                    status(exchange);
                    break;
                case "/metrics":
                    metrics(exchange);
                    break;
                case "/":
                    resource(exchange, DASHBOARD, "text/html; charset=utf-8");
                    break;
                default:
                    if (path.startsWith("/vendor/uplot/") && path.matches("/vendor/uplot/uPlot\\.[a-z.]+"))
                    {
                        resource(exchange, UPLOT_DIR + path.substring("/vendor/uplot/".length()),
                            path.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
                    }
                    else
                    {
                        error(exchange, 404, "no such path: " + path + " (GET /health, /status, /metrics, /; POST "
                            + "/halt, /resume, /cancel-all, /flatten)");
                    }
                    break;
            }
        }
        catch (final RuntimeException e)
        {
            error(exchange, 500, "internal error: " + e);
        }
        finally
        {
            inFlight.decrementAndGet();
        }
    }

    private void mutate(final HttpExchange exchange, final String command) throws IOException
    {
        if (!"POST".equals(exchange.getRequestMethod()))
        {
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed on /" + command
                + " (use POST)");
            return;
        }
        if (!tokens.configured())
        {
            error(exchange, 403, "no ops token is configured (set MERIDIAN_OPS_TOKEN or --ops-token-file): "
                + "mutating calls are refused");
            return;
        }
        final String operator = tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (operator == null)
        {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"meridian-ops\"");
            error(exchange, 401, exchange.getRequestHeaders().getFirst("Authorization") == null
                ? "missing Authorization: Bearer token" : "invalid token");
            return;
        }
        try
        {
            final byte[] body = readBody(exchange);
            final OpsCommands.Request request = commands.parse(command, body);
            final long sequence = commands.execute(command, request, operator);
            final Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("command", command);
            accepted.put("sequence", sequence);
            accepted.put("operator", operator);
            accepted.put("instrument", request.symbol());
            accepted.put("reason", request.reason());
            send(exchange, 202, JSON, json.writeValueAsBytes(accepted));
        }
        catch (final OpsCommands.Refusal refusal)
        {
            error(exchange, refusal.status, refusal.getMessage());
        }
    }

    private static byte[] readBody(final HttpExchange exchange) throws IOException, OpsCommands.Refusal
    {
        final String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        final OpsCommands.Refusal tooLarge = new OpsCommands.Refusal(413,
            "request body larger than " + MAX_BODY + " bytes");
        if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > MAX_BODY)
        {
            throw tooLarge;
        }
        try (InputStream in = exchange.getRequestBody())
        {
            final byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY)
            {
                throw tooLarge;
            }
            return body;
        }
    }

    private void health(final HttpExchange exchange) throws IOException
    {
        final String engineReason = engine.unhealthyReason();
        final String reason = engineReason != null ? engineReason
            : JournalHealth.problem(java.nio.file.Path.of(engine.journalDir()), minFreeDiskMb);
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", reason == null ? "up" : "down");
        doc.put("runId", engine.runId());
        if (reason != null)
        {
            doc.put("reason", reason);
        }
        doc.put("journaledSequence", engine.source().journaledSequence());
        send(exchange, reason == null ? 200 : 503, JSON, json.writeValueAsBytes(doc));
    }

    private void status(final HttpExchange exchange) throws IOException
    {
        final EngineStateView view = engine.read();
        send(exchange, 200, JSON, json.writeValueAsBytes(StatusDocument.build(engine, view)));
    }

    private void metrics(final HttpExchange exchange) throws IOException
    {
        final ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
        textFormat.write(text, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        send(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, text.toByteArray());
    }

    private void resource(final HttpExchange exchange, final String name, final String type) throws IOException
    {
        try (InputStream in = OpsServer.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
                return;
            }
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private void error(final HttpExchange exchange, final int status, final String message) throws IOException
    {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", status);
        doc.put("error", message);
        send(exchange, status, JSON, json.writeValueAsBytes(doc));
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body)
        throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }
}
