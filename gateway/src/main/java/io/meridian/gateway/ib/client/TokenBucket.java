package io.meridian.gateway.ib.client;

/**
 * Message pacing: at most {@code ratePerSecond} tokens per second, in bursts of at most {@code burst}. With a burst
 * of 1 no window of one second ever holds more than {@code ratePerSecond} tokens; a burst of {@code b} allows
 * {@code ratePerSecond + b - 1} in the worst window. Time is passed
 * in (nanoseconds from any monotonic clock), so the bucket is deterministic under test. Allocates nothing.
 *
 * <p>Owned by the thread that sends.
 */
public final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long nanosPerToken;
    private final long capacityNanos;
    private long availableNanos;
    private long lastNs;
    private boolean started;

    /**
     * A bucket that starts full.
     *
     * @param ratePerSecond tokens per second (1 or more).
     * @param burst most tokens available at once (1 or more).
     */
    public TokenBucket(final int ratePerSecond, final int burst)
    {
        if (ratePerSecond < 1 || burst < 1)
        {
            throw new IllegalArgumentException(
                "pacing rate and burst must be at least 1 (rate " + ratePerSecond + ", burst " + burst + ")");
        }
        // rounded up, so that rate + 1 messages never fit in one second
        this.nanosPerToken = (NANOS_PER_SECOND + ratePerSecond - 1) / ratePerSecond;
        this.capacityNanos = nanosPerToken * burst;
        this.availableNanos = capacityNanos;
    }

    private void refill(final long nowNs)
    {
        if (!started)
        {
            started = true;
            lastNs = nowNs;
            return;
        }
        final long elapsed = nowNs - lastNs;
        if (elapsed > 0)
        {
            availableNanos = Math.min(capacityNanos, availableNanos + elapsed);
            lastNs = nowNs;
        }
    }

    /**
     * Takes one token if one is available.
     *
     * @param nowNs the current time.
     * @return true when taken.
     */
    public boolean tryAcquire(final long nowNs)
    {
        refill(nowNs);
        if (availableNanos >= nanosPerToken)
        {
            availableNanos -= nanosPerToken;
            return true;
        }
        return false;
    }

    /**
     * How long until a token is available.
     *
     * @param nowNs the current time.
     * @return nanoseconds, 0 when one is available now.
     */
    public long nanosUntilAvailable(final long nowNs)
    {
        refill(nowNs);
        return Math.max(0, nanosPerToken - availableNanos);
    }
}
