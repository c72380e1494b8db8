package io.meridian.config;

import java.util.regex.Pattern;

/**
 * Where the ops server listens (the {@code ops} section; it never influences a decision).
 *
 * @param bind the address to bind: an IPv4 or IPv6 literal or {@code localhost}; loopback by default.
 * @param port the TCP port, 0 to 65535; 0 picks any free port (the server prints the one it got).
 * @param minFreeDiskMb {@code GET /health} answers 503 when the journal's file system has less free space than
 *     this many MiB ({@code ops.minFreeDiskMb}, optional: {@value #MIN_FREE_DISK_MB_DEFAULT} when absent, so that
 *     the configuration recorded in older journals still loads).
 */
public record OpsConfig(String bind, int port, long minFreeDiskMb)
{
    /** Default of {@code ops.minFreeDiskMb}. */
    public static final long MIN_FREE_DISK_MB_DEFAULT = 512;
    /** The section's value when a document has none: loopback, any free port, 512 MiB of free disk. */
    public static final OpsConfig DEFAULT = new OpsConfig("127.0.0.1", 0, MIN_FREE_DISK_MB_DEFAULT);

    /** What {@code ops.bind} accepts. */
    static final Pattern BIND_PATTERN = Pattern.compile(
        "localhost|((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    /** The allowed values of {@code ops.bind}, for error messages. */
    static final String BIND_ALLOWED = "an IPv4 address (e.g. 127.0.0.1 or 0.0.0.0), an IPv6 address (e.g. ::1) or "
        + "localhost";
}
