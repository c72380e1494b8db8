package io.meridian.runtime.launch;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An orderly stop on SIGTERM or SIGINT for a command that runs until killed: a JVM shutdown hook asks the command's
 * duty loop to stop ({@link #requested}, read once per duty cycle) and then holds the JVM's exit until the command has
 * closed its session and said so ({@link #finished}), for at most {@link #GRACE_SECONDS}. So {@code systemctl stop}
 * or Ctrl-C ends a live session as its own {@code --seconds} would: the session closes, writes its end snapshot, and
 * the journal's replay is verified; the JVM then exits with the signal's status (143 or 130). SIGKILL cannot be
 * caught: a killed session's journal is replayed at the next restart instead.
 *
 * <p>The hook runs on the JVM's shutdown thread (created here, with the other threads of this package); {@link
 * #requested} is read by the duty loop's thread.
 */
public final class StopSignal
{
    /** Longest the JVM's exit waits for the session to close. */
    public static final long GRACE_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private StopSignal(final String command, final PrintStream out)
    {
        this.hook = new Thread(() ->
        {
            requested = true;
            out.println("meridian " + command + ": stop requested by a signal: closing the session");
            out.flush();
            try
            {
                if (!finished.await(GRACE_SECONDS, TimeUnit.SECONDS))
                {
                    out.println("meridian " + command + ": the session did not close within " + GRACE_SECONDS
                        + " s; exiting without it");
                    out.flush();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "meridian-stop-signal");
    }

    /**
     * Installs the hook.
     *
     * @param command the command's name, for the messages.
     * @param out where the messages go.
     * @return the signal.
     */
    public static StopSignal install(final String command, final PrintStream out)
    {
        final StopSignal signal = new StopSignal(command, out);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /**
     * Whether a signal asked the command to stop.
     *
     * @return true once asked.
     */
    public boolean requested()
    {
        return requested;
    }

    /**
     * The command has closed its session (or failed): a waiting exit may proceed, and without a signal the hook is
     * removed, so a command run twice in one JVM (tests) does not keep it.
     */
    public void finished()
    {
        finished.countDown();
        if (!requested)
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the JVM is exiting for another reason: the hook runs and finds the latch open
            }
        }
    }
}
