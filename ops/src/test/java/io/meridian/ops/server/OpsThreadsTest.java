package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.OpsConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threads the ops server starts, and that the pipeline never waits for them: every thread that appears when a
 * server starts and serves is either one of its two handler threads ({@code meridian-ops-N}, from the runtime's
 * {@code Threads}) or the JDK's own {@code HttpServer} thread ({@code HTTP-Dispatcher}; JDK releases that run an idle
 * connection timer name it {@code idle-timeout-task} or {@code server-timer}); none is an engine thread. With both
 * handler threads stuck in requests that never finish, and while {@code /status} and {@code /metrics} are read in a
 * loop, the pipeline thread keeps processing and is never blocked on a monitor.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpsThreadsTest
{
    private static final String SECRET = "threads-test-secret-0123456789";
    /** The JDK's HttpServer threads (ServerImpl); the test's own HttpClient threads are named HttpClient-N-... */
    private static final Set<String> JDK_SERVER_THREADS = Set.of("HTTP-Dispatcher", "idle-timeout-task",
        "server-timer", "server-timer1");

    @Test
    void shouldRunOnItsOwnThreadsAndNeverHoldUpThePipeline(@TempDir final Path dir) throws Exception
    {
        final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (LiveEngine live = new LiveEngine(dir.resolve("journal"), quiet))
        {
            final Set<String> engineThreads = new HashSet<>(live.topology.threadNames());
            assertFalse(engineThreads.isEmpty());
            final Thread pipeline = thread(live.topology.threadNames().get(0));
            final Set<Thread> before = Thread.getAllStackTraces().keySet();
            final Set<String> started = new TreeSet<>();
            try (OpsServer server = OpsServer.start(live.engine, OpsTokens.load("alice:" + SECRET, null),
                OpsConfig.DEFAULT, quiet))
            {
                final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                // one round first, so the handlers' classes (JSON, exposition) are loaded: a first load takes the
                // JVM's class-path lock, which a pipeline thread loading one of its own classes at that moment would
                // wait on, a class-loading artifact rather than the server holding the pipeline up
                for (final String path : List.of("/status", "/metrics", "/health"))
                {
                    http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                }
                final long blockedBefore = mx.getThreadInfo(pipeline.getId()).getBlockedCount();
                for (int i = 0; i < 50; i++)
                {
                    for (final String path : List.of("/status", "/metrics", "/health"))
                    {
                        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(server.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, response.statusCode(), path);
                    }
                }
                assertEquals(blockedBefore, mx.getThreadInfo(pipeline.getId()).getBlockedCount(),
                    "the pipeline thread never blocked on a monitor while the server read its state");

                // both handler threads stuck reading bodies that never come: the pipeline keeps processing
                final URI uri = URI.create(server.url());
                final List<Socket> stuck = new ArrayList<>();
                try
                {
                    for (int i = 0; i < 2; i++)
                    {
                        final Socket socket = new Socket(uri.getHost(), uri.getPort());
                        stuck.add(socket);
                        final OutputStream out = socket.getOutputStream();
                        out.write(("POST /halt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SECRET
                            + "\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    final long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (server.inFlight() < 2 && System.nanoTime() < wait)
                    {
                        Thread.sleep(1);
                    }
                    assertEquals(2, server.inFlight(), "both handler threads are busy");
                    final long processed = live.topology.processedSequence();
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (live.topology.processedSequence() < processed + 2_000 && System.nanoTime() < deadline)
                    {
                        Thread.sleep(10);
                    }
                    assertTrue(live.topology.processedSequence() >= processed + 2_000,
                        "the pipeline processed on while every handler thread was stuck");
                    assertEquals(blockedBefore, mx.getThreadInfo(pipeline.getId()).getBlockedCount());
                }
                finally
                {
                    for (final Socket socket : stuck)
                    {
                        socket.close();
                    }
                }
                for (final Thread thread : Thread.getAllStackTraces().keySet())
                {
                    if (!before.contains(thread) && !thread.getName().startsWith("HttpClient-"))
                    {
                        started.add(thread.getName());
                    }
                }
            }
            int handlers = 0;
            for (final String name : started)
            {
                assertFalse(engineThreads.contains(name), name + " is an engine thread");
                if (name.matches("meridian-ops-[0-9]+"))
                {
                    handlers++;
                }
                else
                {
                    assertTrue(JDK_SERVER_THREADS.contains(name), "unexpected thread " + name + " in " + started);
                }
            }
            assertEquals(2, handlers, "two handler threads: " + started);
            assertTrue(started.contains("HTTP-Dispatcher"), "the JDK's dispatcher thread: " + started);
            System.out.println("ops server threads: " + started);
        }
    }

    private static Thread thread(final String name)
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(name))
            {
                return thread;
            }
        }
        throw new AssertionError("no thread named " + name);
    }
}
