package io.meridian.bench.jmh;

import io.meridian.runtime.launch.JvmFlags;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defaults every Meridian benchmark inherits (JMH reads these annotations from superclasses): one fork with the
 * launcher's JVM flags ({@link JvmFlags#launcher()}, listed here as constants; {@code JmhSmokeTest} checks the two
 * agree), three 1-second warm-up and five 1-second measurement iterations, average time in nanoseconds. One fork
 * (rather than the customary three) keeps a full run to a few minutes on the 2-vCPU machine; raise it on the command
 * line ({@code -f 3}) for publishable numbers. A benchmark class may add {@code Mode.SampleTime} for a
 * latency distribution.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORTS_MISC, JvmFlags.OPENS_MISC, JvmFlags.EXPORTS_REF, JvmFlags.OPENS_NIO, JvmFlags.EXPORTS_JAVAC,
    JvmFlags.OPENS_LANG, JvmFlags.OPENS_REFLECT, JvmFlags.OPENS_IO, JvmFlags.OPENS_UTIL, JvmFlags.EXPORTS_SUN_MISC,
    JvmFlags.CHRONICLE_ANALYTICS, JvmFlags.CHRONICLE_ANNOUNCER, JvmFlags.SLF4J_LEVEL, JvmFlags.XMS, JvmFlags.XMX,
    JvmFlags.UNLOCK_DIAGNOSTIC, JvmFlags.NO_GUARANTEED_SAFEPOINT,
})
public abstract class BenchmarkDefaults
{
}
