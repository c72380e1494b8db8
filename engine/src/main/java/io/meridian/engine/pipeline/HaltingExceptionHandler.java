package io.meridian.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fail-fast exception handler for state-owning stages: an exception in a handler is a bug, so the first one is
 * kept for the operator and rethrown, which stops that stage's processor (skip-and-continue would let risk and
 * positions drift from the journal). The owner polls {@link #failure()} and shuts the engine down.
 *
 * @param <T> the ring's event type.
 */
public final class HaltingExceptionHandler<T> implements ExceptionHandler<T>
{
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final T event)
    {
        failure.compareAndSet(null, new IllegalStateException("stage failed at sequence " + sequence, ex));
        throw new IllegalStateException("stage failed at sequence " + sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        failure.compareAndSet(null, ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        failure.compareAndSet(null, ex);
    }

    /**
     * The first failure, if any.
     *
     * @return the throwable or {@code null}.
     */
    public Throwable failure()
    {
        return failure.get();
    }
}
