package io.meridian.ops.cli;

import io.meridian.journal.JournalTools;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian journal dump DIR}, {@code meridian journal stats DIR} and {@code meridian journal verify DIR}
 * (every record's CRC32C and framing checked: exit 0 {@code journal: ok, N records}, 1 naming the first corrupt
 * record of each queue, 2 when DIR is not a journal of this build's format).
 */
public final class JournalCommand
{
    private static final Set<String> SUBCOMMANDS = Set.of("dump", "stats", "verify");

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
        if (positional.size() != 2 || !SUBCOMMANDS.contains(positional.get(0)))
        {
            throw new UsageException("journal: usage: journal dump DIR | journal stats DIR | journal verify DIR");
        }
        final Path dir = Path.of(positional.get(1));
        switch (positional.get(0))
        {
            case "dump":
                return JournalTools.dump(dir, out);
            case "stats":
                return JournalTools.stats(dir, out);
            default:
                return JournalTools.verify(dir, out);
        }
    }
}
