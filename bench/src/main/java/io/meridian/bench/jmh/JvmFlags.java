package io.meridian.bench.jmh;

import java.util.List;

/**
 * The JVM flags the {@code ./meridian} launcher passes (Agrona, Chronicle and ONNX Runtime need them; the root pom's
 * {@code meridian.jvm.flags}), as compile-time constants so that JMH's {@code @Fork(jvmArgsAppend = ...)} can list
 * them. Keep this list and the launcher's {@code JVM_FLAGS} the same. The flags the launcher adds only on JDK 24+
 * ({@code --enable-native-access}, {@code --sun-misc-unsafe-memory-access}) are not here: JDK 17 rejects one of them.
 */
public final class JvmFlags
{
    /** Agrona's Unsafe access. */
    public static final String EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Agrona's Unsafe access (reflective). */
    public static final String OPENS_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Chronicle's cleaner access. */
    public static final String EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    /** Chronicle's and Artio's NIO internals. */
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
    /** Quiet slf4j-simple. */
    public static final String SLF4J_LEVEL = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    /** Initial heap. */
    public static final String XMS = "-Xms512m";
    /** Largest heap. */
    public static final String XMX = "-Xmx2g";

    private JvmFlags()
    {
    }

    /**
     * Every flag, in the launcher's order.
     *
     * @return an unmodifiable list.
     */
    public static List<String> all()
    {
        return List.of(EXPORTS_MISC, OPENS_MISC, EXPORTS_REF, OPENS_NIO, EXPORTS_JAVAC, OPENS_LANG, OPENS_REFLECT,
            OPENS_IO, OPENS_UTIL, EXPORTS_SUN_MISC, CHRONICLE_ANALYTICS, CHRONICLE_ANNOUNCER, SLF4J_LEVEL, XMS, XMX);
    }
}
