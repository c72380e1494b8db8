package io.meridian.runtime.launch;

import java.util.List;

/**
 * The one list of JVM flags Meridian runs with (Agrona, Chronicle and ONNX Runtime need the module-access ones). The
 * flags are compile-time constants so that JMH's {@code @Fork(jvmArgsAppend = ...)} in the bench module can list
 * them. The two other places that must state them as text derive from this class and are checked against it by
 * {@code JvmFlagsTest}: the root {@code pom.xml} (property {@code meridian.jvm.flags}, the test JVMs' flags, and
 * the {@code jdk24plus} profile) and the {@code ./meridian} launcher ({@code JVM_FLAGS} and its JDK 24+ line).
 */
public final class JvmFlags
{
    /** Agrona's Unsafe access. */
    public static final String EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Agrona's Unsafe access (reflective). */
    public static final String OPENS_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Chronicle's cleaner access. */
    public static final String EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    /** Chronicle's NIO internals. */
    public static final String OPENS_NIO = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    /** Chronicle Map's runtime compiler. */
    public static final String EXPORTS_JAVAC = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    /** Chronicle core reflection. */
    public static final String OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    /** Chronicle core reflection. */
    public static final String OPENS_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    /** Chronicle core reflection. */
    public static final String OPENS_IO = "--add-opens=java.base/java.io=ALL-UNNAMED";
    /** Chronicle core reflection. */
    public static final String OPENS_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
    /** sun.misc.Unsafe. */
    public static final String EXPORTS_SUN_MISC = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
    /** Chronicle must not phone home. */
    public static final String CHRONICLE_ANALYTICS = "-Dchronicle.analytics.disable=true";
    /** Chronicle's start-up banner off. */
    public static final String CHRONICLE_ANNOUNCER = "-Dchronicle.announcer.disable=true";
    /** Tests keep Agrona's buffer bounds checks on (its default, stated so that nobody turns it off in tests). */
    public static final String AGRONA_BOUNDS_CHECKS = "-Dagrona.disable.bounds.checks=false";
    /** Quiet slf4j-simple. */
    public static final String SLF4J_LEVEL = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    /** Initial heap. */
    public static final String XMS = "-Xms512m";
    /** Largest heap. */
    public static final String XMX = "-Xmx2g";
    /** Needed by the next flag (a diagnostic option). */
    public static final String UNLOCK_DIAGNOSTIC = "-XX:+UnlockDiagnosticVMOptions";
    /**
     * No safepoint every second just for cleanup: measured on a 2-vCPU machine, these "Cleanup" safepoints came once
     * a second and took up to 18 ms to complete when the machine was loaded (every thread must reach the safepoint,
     * and the VM thread needs a CPU), stopping the pipeline thread with them. Cleanup still happens at the
     * safepoints that occur anyway (GC, deoptimization).
     */
    public static final String NO_GUARANTEED_SAFEPOINT = "-XX:GuaranteedSafepointInterval=0";
    /** JDK 24+ only (JDK 17 rejects the next one): ONNX Runtime's native access. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** JDK 24+ only: Agrona's and Chronicle's use of sun.misc.Unsafe memory access without a warning. */
    public static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";

    private JvmFlags()
    {
    }

    /**
     * Flags every Meridian JVM needs: module access and Chronicle's properties.
     *
     * @return an unmodifiable list.
     */
    public static List<String> required()
    {
        return List.of(EXPORTS_MISC, OPENS_MISC, EXPORTS_REF, OPENS_NIO, EXPORTS_JAVAC, OPENS_LANG, OPENS_REFLECT,
            OPENS_IO, OPENS_UTIL, EXPORTS_SUN_MISC, CHRONICLE_ANALYTICS, CHRONICLE_ANNOUNCER);
    }

    /**
     * The test JVMs' flags (the root pom's {@code meridian.jvm.flags}): {@link #required()} and the bounds checks.
     *
     * @return an unmodifiable list.
     */
    public static List<String> tests()
    {
        return concat(required(), List.of(AGRONA_BOUNDS_CHECKS));
    }

    /**
     * The launcher's flags ({@code JVM_FLAGS} in {@code ./meridian}), also used by every JMH fork:
     * {@link #required()}, logging level, heap, and no periodic cleanup safepoint.
     *
     * @return an unmodifiable list.
     */
    public static List<String> launcher()
    {
        return concat(required(), List.of(SLF4J_LEVEL, XMS, XMX, UNLOCK_DIAGNOSTIC, NO_GUARANTEED_SAFEPOINT));
    }

    /**
     * The flags added on JDK 24 and newer only.
     *
     * @return an unmodifiable list.
     */
    public static List<String> jdk24()
    {
        return List.of(NATIVE_ACCESS, UNSAFE_MEMORY_ACCESS);
    }

    private static List<String> concat(final List<String> first, final List<String> second)
    {
        final String[] all = new String[first.size() + second.size()];
        for (int i = 0; i < first.size(); i++)
        {
            all[i] = first.get(i);
        }
        for (int i = 0; i < second.size(); i++)
        {
            all[first.size() + i] = second.get(i);
        }
        return List.of(all);
    }
}
