package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meridian risk report} end to end through {@link Main}: prints the report and writes {@code --out}; exit 0
 * when every requirement is met, 1 when one is not, 2 on usage and configuration errors with a message naming them.
 */
class RiskCommandTest
{
    @Test
    void shouldPrintAndWriteTheReportOfTheDemoProfile(@TempDir final Path dir) throws IOException
    {
        final Path out = dir.resolve("controls.md");
        final CommandLine run = CommandLine.run("risk", "report", "--out", out.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("# Meridian control report: SEC 15c3-5 and MiFID II RTS 6"), run.out);
        assertTrue(run.out.contains("Configuration: profile:demo."), run.out);
        assertTrue(run.out.contains(", 0 not met."), run.out);
        final String written = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(run.out.startsWith(written), "stdout is the file, then the 'written' line");
        assertTrue(run.out.endsWith("written: " + out + System.lineSeparator()), run.out);
    }

    @Test
    void shouldExitOneWhenARequirementIsNotMet()
    {
        final CommandLine run = CommandLine.run("risk", "report", "--set", "monitor.intervalMs=0");
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("NOT MET: RTS 6 Art. 16 (monitoring)"), run.out);
        assertTrue(run.err.contains("1 requirement(s) not met"), run.err);
    }

    @Test
    void shouldExitTwoOnUsageAndConfigErrors()
    {
        final CommandLine none = CommandLine.run("risk");
        assertEquals(2, none.exitCode, none.toString());
        assertTrue(none.err.contains("expected the subcommand 'report'"), none.err);
        final CommandLine wrong = CommandLine.run("risk", "audit");
        assertEquals(2, wrong.exitCode);
        assertTrue(wrong.err.contains("got 'audit'"), wrong.err);
        final CommandLine option = CommandLine.run("risk", "report", "--bogus", "1");
        assertEquals(2, option.exitCode, option.toString());
        final CommandLine config = CommandLine.run("risk", "report", "--set", "risk.maxGrossNav=-1");
        assertEquals(2, config.exitCode, config.toString());
        assertTrue(config.err.contains("maxGrossNav"), config.err);
        final CommandLine file = CommandLine.run("risk", "report", "--config", "/nonexistent/meridian.yaml");
        assertEquals(2, file.exitCode, file.toString());
    }

    @Test
    void shouldReportTheLimitsOfAValidConfigFile(@TempDir final Path dir) throws IOException
    {
        final String demo = io.meridian.config.ConfigLoader.canonicalYaml(
            io.meridian.config.ConfigLoader.loadProfile("demo", List.of()));
        final String changed = demo.replaceFirst("(?m)^(\\s*maxOrderNotional:)\\s*\\S+", "$1 123457");
        assertTrue(!changed.equals(demo), "the demo's maxOrderNotional line was found");
        final Path file = dir.resolve("meridian.yaml");
        Files.writeString(file, changed, StandardCharsets.UTF_8);

        final CommandLine run = CommandLine.run("risk", "report", "--config", file.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains(", 0 not met."), run.out);
        assertTrue(run.out.contains(file.toString()), "the report names the file it was made from: " + run.out);
        final List<String> rows = notionalRows(run.out);
        assertTrue(!rows.isEmpty(), run.out);
        assertTrue(rows.stream().allMatch(r -> r.contains("123457")), "the changed limit is reported: " + rows);

        final List<String> defaults = notionalRows(CommandLine.run("risk", "report").out);
        assertEquals(rows.size(), defaults.size(), "the same controls map to the key");
        assertTrue(defaults.stream().noneMatch(r -> r.contains("123457")), "the demo's own limit differs: " + defaults);
    }

    private static List<String> notionalRows(final String report)
    {
        return Arrays.stream(report.split("\\R")).filter(l -> l.contains("risk.maxOrderNotional")).toList();
    }
}
