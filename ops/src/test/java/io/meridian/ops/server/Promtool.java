package io.meridian.ops.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' {@code promtool} (Debian package {@code prometheus}) for the tests. It must be installed:
 * {@code .ci/run} installs it when missing, and a test that needs it fails (never skips) naming the package.
 */
final class Promtool
{
    private Promtool()
    {
    }

    /** Exit code and combined output. */
    record Result(int exitCode, String output)
    {
    }

    static Path executable()
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":", -1))
        {
            final Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        throw new AssertionError("promtool not found on PATH: install the Debian package 'prometheus' "
            + "(apt-get install prometheus; .ci/run does it)");
    }

    /**
     * Runs promtool with the given arguments and {@code stdin} (or a file argument).
     *
     * @param workDir a scratch directory.
     * @param stdin text for its standard input, or null.
     * @param args the arguments.
     * @return exit code and output.
     */
    static Result run(final Path workDir, final String stdin, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        final Path input = Files.createTempFile(workDir, "promtool", ".txt");
        Files.writeString(input, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(input.toFile()).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
