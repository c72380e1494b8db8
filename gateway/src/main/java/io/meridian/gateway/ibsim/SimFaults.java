package io.meridian.gateway.ibsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faults for the simulator, from a {@code --faults} spec: comma-separated items {@code NAME[@SECONDS][=ARG]}.
 * Timed items fire once, {@code SECONDS} after the simulator starts; untimed ones hold for the whole run.
 * <pre>
 * disconnect@T            close every client connection
 * restart@T[=DOWN_MS]     close every connection and refuse new ones for DOWN_MS (default 1000): the session is
 *                         lost, orders stay at the broker
 * reject@T[=CODE]         reject the next order after T with error CODE (default 201)
 * reject-all[=CODE]       reject every order
 * duplicate-status        send every ORDER_STATUS twice
 * delay-status=MS         hold ORDER_STATUS, EXECUTION_DATA and COMMISSION_REPORT back MS milliseconds
 * reorder-status          send a fill's ORDER_STATUS before its EXECUTION_DATA
 * pacing[=N]              more than N (default 50) messages in one second: error 100, the message is dropped
 * farm@T=CODE             send notice CODE (2103, 2104, 2105, 2106, 2157, 2158) to every session
 * connectivity@T=CODE     send 1100 (market data stops), 1101 or 1102 (it resumes)
 * stale@T=SECONDS         market data stops for SECONDS
 * halt@T=SYMBOL           SYMBOL halts (TICK_GENERIC 49 = 1, no executions); resume@T=SYMBOL ends it
 * session-end@T           the trading session ends: working DAY orders are cancelled, GTC orders keep working
 * late-exec               a cancel races an execution: the broker executes half of the order's rest (at its limit,
 *                         or the touch for a market order) just before it cancels, and reports the Cancelled status
 *                         before that execution (a late fill for an order the client already saw finished)
 * rth-end@T               regular trading hours end: only orders placed with outsideRth execute; rth-start@T ends it
 * duplicate-ref@T         the first order placed after T is reported (OPEN_ORDER, ORDER_STATUS, EXECUTION_DATA) with
 *                         the order reference of the order placed before it
 * </pre>
 *
 * @param timed the timed events, in spec order.
 * @param rejectAllCode error code for reject-all, 0 when off.
 * @param duplicateStatus whether ORDER_STATUS is sent twice.
 * @param delayStatusMs delay of order reports, 0 when off.
 * @param reorderStatus whether a fill's status precedes its execution.
 * @param pacingLimit messages per second before error 100, 0 when off.
 * @param lateExecution whether a cancel is preceded by an execution reported after the Cancelled status.
 */
public record SimFaults(
    List<Event> timed,
    int rejectAllCode,
    boolean duplicateStatus,
    long delayStatusMs,
    boolean reorderStatus,
    int pacingLimit,
    boolean lateExecution)
{
    /**
     * One timed fault.
     *
     * @param atMs when, in milliseconds after start.
     * @param name the fault.
     * @param arg its argument (may be empty).
     */
    public record Event(long atMs, String name, String arg)
    {
    }

    /**
     * Copies the list.
     */
    public SimFaults
    {
        timed = List.copyOf(timed);
    }

    /**
     * No faults.
     *
     * @return the empty plan.
     */
    public static SimFaults none()
    {
        return new SimFaults(List.of(), 0, false, 0, false, 0, false);
    }

    /**
     * Parses a spec.
     *
     * @param spec the spec (empty for none).
     * @return the faults.
     * @throws IllegalArgumentException naming the bad item.
     */
    public static SimFaults parse(final String spec)
    {
        final List<Event> timed = new ArrayList<>();
        int rejectAll = 0;
        boolean duplicate = false;
        long delay = 0;
        boolean reorder = false;
        int pacing = 0;
        boolean late = false;
        for (final String raw : spec.split(",", -1))
        {
            final String item = raw.trim();
            if (item.isEmpty())
            {
                continue;
            }
            try
            {
                final int eq = item.indexOf('=');
                final String head = eq >= 0 ? item.substring(0, eq) : item;
                final String arg = eq >= 0 ? item.substring(eq + 1) : "";
                final int at = head.indexOf('@');
                final String name = (at >= 0 ? head.substring(0, at) : head).toLowerCase(Locale.ROOT);
                final long atMs = at >= 0 ? Math.round(Double.parseDouble(head.substring(at + 1)) * 1000) : -1;
                switch (name)
                {
                    case "disconnect", "restart", "reject", "farm", "connectivity", "stale", "halt", "resume",
                        "session-end", "duplicate-ref", "rth-end", "rth-start" ->
                        timed.add(new Event(requireTime(atMs), name, requireArg(name, arg)));
                    case "reject-all" -> rejectAll = arg.isEmpty() ? 201 : Integer.parseInt(arg);
                    case "duplicate-status" -> duplicate = true;
                    case "delay-status" -> delay = Long.parseLong(arg);
                    case "reorder-status" -> reorder = true;
                    case "pacing" -> pacing = arg.isEmpty() ? 50 : Integer.parseInt(arg);
                    case "late-exec" -> late = true;
                    default -> throw new IllegalArgumentException("unknown fault (allowed: disconnect, restart, "
                        + "reject, reject-all, duplicate-status, delay-status, reorder-status, pacing, farm, "
                        + "connectivity, stale, halt, resume, session-end, late-exec, duplicate-ref, rth-end, "
                        + "rth-start)");
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("--faults item '" + item + "': " + ex.getMessage(), ex);
            }
        }
        if (pacing < 0 || pacing > 63)
        {
            throw new IllegalArgumentException("--faults pacing=" + pacing + " is not in 1..63");
        }
        return new SimFaults(timed, rejectAll, duplicate, delay, reorder, pacing, late);
    }

    private static long requireTime(final long atMs)
    {
        if (atMs < 0)
        {
            throw new IllegalArgumentException("needs @SECONDS");
        }
        return atMs;
    }

    private static String requireArg(final String name, final String arg)
    {
        if (arg.isEmpty() && (name.equals("farm") || name.equals("connectivity") || name.equals("stale")
            || name.equals("halt") || name.equals("resume")))
        {
            throw new IllegalArgumentException("needs =ARG");
        }
        return arg;
    }
}
