package io.meridian.ops.cli;

import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import io.meridian.runtime.launch.Threads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian replay --journal DIR --verify [--set k=v]...}: rebuilds the engine from the journal's manifest,
 * replays its inputs and compares every decision. Exit 0 identical, 1 diverged or a corrupt record (reported as
 * corruption with the line {@code journal verify} prints, never as a divergence), 2 not a journal of this build's
 * format (the message names the journal's format version and the one this build reads).
 */
public final class ReplayCommand
{
    private ReplayCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after the command.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("replay", argv, Set.of("journal"), Set.of("verify"));
        final String dir = args.option("journal");
        if (dir == null)
        {
            throw new UsageException("replay: --journal DIR is required");
        }
        if (!args.flag("verify"))
        {
            throw new UsageException("replay: only --verify is supported: replay --journal DIR --verify");
        }
        if (!args.positional().isEmpty())
        {
            throw new UsageException("replay: unexpected argument '" + args.positional().get(0) + "'");
        }
        final ReplayVerifier.Result result = ReplayVerifier.verify(Path.of(dir), args.sets(), Threads.readAhead());
        for (final String warning : result.warnings())
        {
            err.println("warning: " + warning);
        }
        out.println(result.line());
        return result.identical() ? 0 : 1;
    }
}
