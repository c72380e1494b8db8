package io.meridian.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the R reference scripts under {@code src/test/resources/io/meridian/report/r} with {@code Rscript}
 * (Debian package r-base-core, installed by {@code .ci/run} with r-cran-ttr). A missing Rscript fails the test with
 * a message naming the package: the comparison with R is the independent check and is never skipped.
 */
public final class RScriptAccess
{
    private RScriptAccess()
    {
    }

    /**
     * Runs a script and returns its output lines.
     *
     * @param script file name under the r resource folder.
     * @param work a scratch directory.
     * @param args the script's arguments.
     * @return the lines printed on standard output.
     * @throws IOException when the script cannot be run or fails.
     * @throws InterruptedException when interrupted.
     */
    public static List<String> run(final String script, final Path work, final String... args)
        throws IOException, InterruptedException
    {
        final Path rscript = Path.of("/usr/bin/Rscript");
        if (!Files.isExecutable(rscript))
        {
            throw new IllegalStateException("Rscript not found at /usr/bin/Rscript: install the Debian package "
                + "r-base-core (apt-get install r-base-core r-cran-ttr; .ci/run does this)");
        }
        final Path file = work.resolve(script);
        try (InputStream in = RScriptAccess.class.getResourceAsStream("r/" + script))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource io/meridian/report/r/" + script);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        final List<String> command = new ArrayList<>();
        command.add(rscript.toString());
        command.add(file.toString());
        command.addAll(List.of(args));
        final Path out = work.resolve(script + ".out");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IOException("Rscript " + script + " did not finish in 120 s");
        }
        final List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0)
        {
            throw new IOException("Rscript " + script + " failed (exit " + process.exitValue() + "): " + lines);
        }
        return lines;
    }

    /**
     * Parses "name,value" lines.
     *
     * @param lines the lines.
     * @return values by name, in order.
     */
    public static Map<String, Double> values(final List<String> lines)
    {
        final Map<String, Double> values = new LinkedHashMap<>();
        for (final String line : lines)
        {
            final int comma = line.lastIndexOf(',');
            values.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1).trim()));
        }
        return values;
    }
}
