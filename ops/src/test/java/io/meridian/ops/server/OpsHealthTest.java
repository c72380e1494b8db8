package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.OpsConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /health} against a running engine: 200 while the pipeline runs and the journal directory can take the
 * journal; 503 naming the reason when the directory is missing, is not a directory, cannot be written, or has less
 * free space than {@code ops.minFreeDiskMb}. Each case is a server on the same running engine, told of a different
 * journal directory or threshold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpsHealthTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private Path dir;
    private LiveEngine live;

    @BeforeAll
    void start(@TempDir final Path tempDir)
    {
        dir = tempDir;
        live = new LiveEngine(dir.resolve("journal"), quiet);
    }

    @AfterAll
    void stop() throws IOException
    {
        live.close();
    }

    private JsonNode health(final String journalDir, final long minFreeDiskMb, final int expectedStatus)
        throws Exception
    {
        final OpsEngine engine = new OpsEngine(OpsEngine.live(live.topology), live.config, "health-test",
            "profile:demo", journalDir);
        try (OpsServer server = OpsServer.start(engine, OpsTokens.none(),
            new OpsConfig("127.0.0.1", 0, minFreeDiskMb), quiet))
        {
            final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(expectedStatus, response.statusCode(), response.body());
            final JsonNode body = JSON.readTree(response.body());
            assertEquals(expectedStatus == 200 ? "up" : "down", body.get("status").asText());
            return body;
        }
    }

    @Test
    void shouldBeUpWhileTheJournalDirectoryCanTakeTheJournal() throws Exception
    {
        final JsonNode up = health(live.journalDir.toString(), 1, 200);
        assertEquals(false, up.has("reason"), up.toString());
    }

    @Test
    void shouldBeDownWhenTheJournalDirectoryIsMissing() throws Exception
    {
        final Path missing = dir.resolve("no-such-journal");
        assertEquals("journal directory " + missing + " is missing",
            health(missing.toString(), 1, 503).get("reason").asText());
    }

    @Test
    void shouldBeDownWhenTheJournalPathIsNotADirectory() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("a-file"), "x", StandardCharsets.UTF_8);
        assertEquals("journal path " + file + " is not a directory",
            health(file.toString(), 1, 503).get("reason").asText());
    }

    @Test
    void shouldBeDownWhenTheJournalDirectoryIsNotWritable() throws Exception
    {
        // /proc refuses new files to every user, root included (permission bits would not stop root)
        assertEquals("journal directory /proc is not writable", health("/proc", 1, 503).get("reason").asText());
    }

    @Test
    void shouldBeDownWhenTheJournalDiskIsLowerThanTheThreshold() throws Exception
    {
        final long freeMb = Files.getFileStore(live.journalDir).getUsableSpace() / (1024 * 1024);
        final long threshold = freeMb + 1_000_000;
        final String reason = health(live.journalDir.toString(), threshold, 503).get("reason").asText();
        final String prefix = "journal directory " + live.journalDir + " is low on disk: ";
        assertEquals(prefix, reason.substring(0, Math.min(reason.length(), prefix.length())), reason);
        assertEquals(" MiB free, below ops.minFreeDiskMb " + threshold,
            reason.substring(reason.indexOf(" MiB free")), reason);
        final long reportedMb = Long.parseLong(reason.substring(prefix.length(), reason.indexOf(" MiB free")));
        assertTrue(Math.abs(freeMb - reportedMb) <= 64,
            "the free space it reports is the file system's: " + reportedMb + " MiB reported, " + freeMb + " read");
    }
}
