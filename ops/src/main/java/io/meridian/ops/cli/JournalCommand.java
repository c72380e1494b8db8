package io.meridian.ops.cli;

import io.meridian.journal.JournalTools;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian journal dump DIR} and {@code meridian journal stats DIR}.
 */
public final class JournalCommand
{
    private JournalCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code journal}.
     * @param out standard output.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out)
    {
        final Args args = Args.parse("journal", argv, Set.of(), Set.of());
        final List<String> positional = args.positional();
        if (positional.size() != 2 || !("dump".equals(positional.get(0)) || "stats".equals(positional.get(0))))
        {
            throw new UsageException("journal: usage: journal dump DIR | journal stats DIR");
        }
        final Path dir = Path.of(positional.get(1));
        return "dump".equals(positional.get(0)) ? JournalTools.dump(dir, out) : JournalTools.stats(dir, out);
    }
}
