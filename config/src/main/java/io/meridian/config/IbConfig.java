package io.meridian.config;

/**
 * The Interactive Brokers session (the optional {@code ib} section; issue 9 §3): how often, in event time, the session
 * writes an engine-state snapshot of its journal, so that a restart after a crash replays only the inputs since the
 * newest one.
 *
 * @param snapshotEverySeconds seconds of event time between periodic snapshots, 0 to 86,400; 0: a snapshot only at
 *     the end of the session.
 */
public record IbConfig(long snapshotEverySeconds)
{
    /** The section's value when a document has none: a snapshot every 60 s of event time. */
    public static final IbConfig DEFAULT = new IbConfig(60);
}
