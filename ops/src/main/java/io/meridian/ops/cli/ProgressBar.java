package io.meridian.ops.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with throughput, redrawn in place on a terminal, or printed every tenth on a log.
 */
public final class ProgressBar
{
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long startNanos;
    private final boolean terminal;
    private int lastTenth = -1;

    /**
     * A bar.
     *
     * @param out where to draw (stderr).
     * @param total events expected.
     * @param startNanos {@code System.nanoTime()} at the start.
     * @param terminal whether {@code out} is a terminal (redraw in place).
     */
    public ProgressBar(final PrintStream out, final long total, final long startNanos, final boolean terminal)
    {
        this.out = out;
        this.total = total;
        this.startNanos = startNanos;
        this.terminal = terminal;
    }

    /**
     * Whether this process's console is a terminal. A non-null {@code System.console()} says so only before JDK 22;
     * from JDK 22 on the console exists even when output is redirected and {@code Console.isTerminal()} tells.
     *
     * @return true when the bar can be redrawn in place.
     */
    @SuppressWarnings("SystemConsoleNull") // the null test is the pre-22 answer; isTerminal() decides from 22 on
    public static boolean consoleIsTerminal()
    {
        final Console console = System.console();
        if (console == null)
        {
            return false;
        }
        try
        {
            return (Boolean)Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (final NoSuchMethodException ex)
        {
            return true;
        }
        catch (final ReflectiveOperationException ex)
        {
            return false;
        }
    }

    /**
     * Draws the bar.
     *
     * @param done events so far.
     * @param nowNanos {@code System.nanoTime()} now.
     */
    public void update(final long done, final long nowNanos)
    {
        final double fraction = Math.min(1.0, (double)done / total);
        final int tenth = (int)(fraction * 10);
        if (!terminal && tenth == lastTenth)
        {
            return;
        }
        lastTenth = tenth;
        final double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        final int filled = (int)Math.round(fraction * WIDTH);
        final String line = String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d / %,d events  %,.0f events/s",
            "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, done, total, done / seconds);
        if (terminal)
        {
            out.print("\r" + line);
        }
        else
        {
            out.println(line);
        }
        out.flush();
    }

    /**
     * Ends the bar's line.
     */
    public void finish()
    {
        if (terminal)
        {
            out.println();
        }
    }
}
