package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian risk report [--config FILE] [--set k=v]... [--out FILE.md]}: prints the SEC 15c3-5 / RTS 6 control
 * report ({@link ControlReport}) of the effective configuration (the demo profile without {@code --config}), and
 * writes it to {@code --out} as well. Exit 0 when every requirement is met by a control that is on, 1 when one is not,
 * 2 on a usage or configuration error.
 */
public final class RiskCommand
{
    private static final String USAGE = "usage: meridian risk report [--config FILE] [--set key=value]... "
        + "[--out FILE.md]";

    private RiskCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code risk}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     * @throws IOException when the output file cannot be written.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err) throws IOException
    {
        if (argv.isEmpty() || !"report".equals(argv.get(0)))
        {
            throw new UsageException("risk: expected the subcommand 'report'" + (argv.isEmpty() ? ""
                : ", got '" + argv.get(0) + "'") + "; " + USAGE);
        }
        final Args args = Args.parse("risk report", argv.subList(1, argv.size()), Set.of("config", "out"), Set.of());
        if (!args.positional().isEmpty())
        {
            throw new UsageException("risk report: unexpected argument '" + args.positional().get(0) + "'; " + USAGE);
        }
        final EngineConfig config = EngineSetup.loadConfig(args, "demo");
        final ControlReport report = ControlReport.of(config);
        final String source = EngineSetup.configSource(args, "demo")
            + (args.sets().isEmpty() ? "" : " with " + String.join(", ", args.sets()));
        final String text = report.markdown(source);
        out.print(text);
        final String file = args.option("out");
        if (file != null)
        {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
            out.println("written: " + file);
        }
        if (report.unmapped() > 0)
        {
            err.println("risk report: " + report.unmapped() + " requirement(s) not met by any control that is on");
            return 1;
        }
        return 0;
    }
}
