package io.meridian.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsTokens;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator verbs of the command line, talking to a running engine's ops server: {@code status} (a table of
 * trading state, positions, P&amp;L, orders, rejects and latency percentiles) and {@code halt}, {@code resume},
 * {@code cancel-all}, {@code flatten} ({@code --instrument SYM}, {@code --reason TEXT}). The URL comes from
 * {@code --url} or the {@code var/ops.url} that {@code meridian run} writes; the token from {@code --token-file FILE}
 * (its first {@code NAME:SECRET} line) or {@code MERIDIAN_OPS_TOKEN}. Exit codes: 0 done, 1 the server refused
 * (the message says why), 2 it cannot be reached (or a usage problem).
 */
public final class OpsVerbs
{
    /** The verbs. */
    public static final List<String> VERBS = List.of("status", "halt", "resume", "cancel-all", "flatten");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private OpsVerbs()
    {
    }

    /**
     * Runs a verb.
     *
     * @param verb one of {@link #VERBS}.
     * @param argv the arguments after it.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final String verb, final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final boolean status = "status".equals(verb);
        final Args args = status
            ? Args.parse(verb, argv, Map.of("url", "", "token-file", ""), Set.of()).noPositional()
            : Args.parse(verb, argv, Map.of("url", "", "token-file", "", "instrument", "", "reason", ""), Set.of())
                .noPositional();
        final String url = url(args.option("url"));
        final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try
        {
            if (status)
            {
                final HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/status"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200)
                {
                    return refused(verb, response, err);
                }
                StatusTable.print(JSON.readTree(response.body()), out);
                return 0;
            }
            final ObjectNode body = JSON.createObjectNode();
            if (!args.option("instrument").isEmpty())
            {
                body.put("instrument", args.option("instrument"));
            }
            if (!args.option("reason").isEmpty())
            {
                body.put("reason", args.option("reason"));
            }
            final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/" + verb)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            final String secret = secret(args.option("token-file"));
            if (secret != null)
            {
                request.header("Authorization", "Bearer " + secret);
            }
            final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202)
            {
                return refused(verb, response, err);
            }
            final JsonNode accepted = JSON.readTree(response.body());
            out.printf("%s: accepted, journaled as sequence %d (operator %s)%n", verb,
                accepted.path("sequence").asLong(), accepted.path("operator").asText());
            return 0;
        }
        catch (final ConnectException | HttpTimeoutException e)
        {
            err.println("meridian " + verb + ": cannot reach the ops server at " + url + " (" + e.getClass()
                .getSimpleName() + "); is `meridian run` running?");
            return 2;
        }
        catch (final IOException e)
        {
            err.println("meridian " + verb + ": cannot reach the ops server at " + url + ": " + e);
            return 2;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            err.println("meridian " + verb + ": interrupted");
            return 2;
        }
    }

    private static int refused(final String verb, final HttpResponse<String> response, final PrintStream err)
    {
        String message = response.body();
        try
        {
            message = JSON.readTree(response.body()).path("error").asText(message);
        }
        catch (final IOException e)
        {
            // not JSON: print the body as it came
        }
        err.println("meridian " + verb + ": refused (HTTP " + response.statusCode() + "): " + message);
        return 1;
    }

    private static String url(final String option)
    {
        if (!option.isEmpty())
        {
            return strip(option);
        }
        final Path file = OpsLauncher.URL_FILE;
        try
        {
            return strip(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        catch (final IOException e)
        {
            throw new UsageException("no --url given and " + file + " cannot be read (it is written by `meridian run`"
                + " while it runs): " + e.getMessage());
        }
    }

    private static String strip(final String url)
    {
        final String trimmed = url.strip();
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://"))
        {
            throw new UsageException("--url must be an http:// or https:// URL, got '" + trimmed + "'");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String secret(final String tokenFile)
    {
        final String value;
        if (!tokenFile.isEmpty())
        {
            // the same rules as the server's file: private mode, NAME:SECRET lines; the first one is used
            final OpsTokens checked;
            try
            {
                checked = OpsTokens.load(null, Path.of(tokenFile));
            }
            catch (final IllegalArgumentException e)
            {
                throw new UsageException(e.getMessage());
            }
            if (!checked.configured())
            {
                return null;
            }
            value = firstEntry(Path.of(tokenFile));
        }
        else
        {
            value = System.getenv(OpsTokens.ENV);
        }
        if (value == null || value.isBlank())
        {
            return null;
        }
        final int colon = value.indexOf(':');
        return colon < 0 ? value.strip() : value.substring(colon + 1).strip();
    }

    private static String firstEntry(final Path file)
    {
        try
        {
            final Iterator<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).iterator();
            while (lines.hasNext())
            {
                final String line = lines.next().strip();
                if (!line.isEmpty() && !line.startsWith("#"))
                {
                    return line;
                }
            }
            return null;
        }
        catch (final IOException e)
        {
            throw new UsageException("cannot read token file " + file + ": " + e.getMessage());
        }
    }
}
