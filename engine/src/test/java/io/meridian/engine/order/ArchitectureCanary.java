package io.meridian.engine.order;

import ai.onnxruntime.OrtEnvironment;
import com.lmax.disruptor.RingBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Deliberate violations of the core-package rules, placed in a core package so that {@code ArchitectureTest} can
 * prove every rule fails when it should. Test code only: the real rule checks import main classes only, and nothing
 * here is ever instantiated.
 */
public final class ArchitectureCanary
{
    private ArchitectureCanary()
    {
    }

    /** Reads the wall clock in nanoseconds. */
    public static final class ReadsNanoTime
    {
        public long now()
        {
            return System.nanoTime();
        }
    }

    /** Reads the wall clock in milliseconds. */
    public static final class ReadsCurrentTimeMillis
    {
        public long now()
        {
            return System.currentTimeMillis();
        }
    }

    /** Autoboxes a long (compiles to Long.valueOf). */
    public static final class BoxesLong
    {
        public Object box(final long value)
        {
            return value;
        }
    }

    /** Autoboxes an int (compiles to Integer.valueOf). */
    public static final class BoxesInt
    {
        public Object box(final int value)
        {
            return value;
        }
    }

    /** Formats a string (without boxing, so only the format rule is broken). */
    public static final class FormatsString
    {
        public String text(final String value)
        {
            return String.format("[%s]", value);
        }
    }

    /** Uses java.util.concurrent. */
    public static final class UsesConcurrency
    {
        private final AtomicLong counter = new AtomicLong();

        public long next()
        {
            return counter.incrementAndGet();
        }
    }

    /** Uses java.util.stream. */
    public static final class UsesStream
    {
        public long sum(final long n)
        {
            return LongStream.range(0, n).sum();
        }
    }

    /** Uses java.util.Optional. */
    public static final class UsesOptional
    {
        public boolean present(final String value)
        {
            return Optional.ofNullable(value).isPresent();
        }
    }

    /** Uses the Disruptor. */
    public static final class UsesDisruptor
    {
        public long cursor(final RingBuffer<Object> ring)
        {
            return ring.getCursor();
        }
    }

    /** Uses ONNX Runtime outside the model package. */
    public static final class UsesOnnxRuntime
    {
        public String name(final OrtEnvironment environment)
        {
            return environment.toString();
        }
    }
}
