package io.meridian.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link JvmFlags} is the one list of JVM flags; the root pom (test JVMs) and the {@code ./meridian} launcher state
 * them as text, and this test fails when either drifts from it.
 */
class JvmFlagsTest
{
    private static final Path ROOT = repositoryRoot();

    private static Path repositoryRoot()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("meridian")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("no ./meridian launcher above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Test
    void shouldMatchThePomsTestFlags() throws IOException
    {
        final String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertEquals(JvmFlags.tests(), words(element(pom, "meridian.jvm.flags")), "pom.xml meridian.jvm.flags");
        final String profile = pom.substring(pom.indexOf("<id>jdk24plus</id>"));
        assertEquals(JvmFlags.jdk24(), words(element(profile, "meridian.jvm.extra.flags")),
            "pom.xml profile jdk24plus meridian.jvm.extra.flags");
    }

    @Test
    void shouldMatchTheLaunchersFlags() throws IOException
    {
        final List<String> lines = Files.readAllLines(ROOT.resolve("meridian"), StandardCharsets.UTF_8);
        final List<String> flags = new ArrayList<>();
        boolean inArray = false;
        List<String> jdk24 = List.of();
        for (final String line : lines)
        {
            final String text = line.trim();
            if (text.startsWith("JVM_FLAGS=("))
            {
                inArray = true;
            }
            else if (inArray && ")".equals(text))
            {
                inArray = false;
            }
            else if (inArray)
            {
                flags.addAll(words(text));
            }
            else if (text.startsWith("JVM_FLAGS+=("))
            {
                jdk24 = words(text.substring("JVM_FLAGS+=(".length(), text.lastIndexOf(')')));
            }
        }
        assertEquals(JvmFlags.launcher(), flags, "./meridian JVM_FLAGS");
        assertEquals(JvmFlags.jdk24(), jdk24, "./meridian JDK 24+ flags");
    }

    @Test
    void shouldStartFromTheRequiredFlags()
    {
        assertTrue(JvmFlags.tests().containsAll(JvmFlags.required()));
        assertTrue(JvmFlags.launcher().containsAll(JvmFlags.required()));
        assertTrue(JvmFlags.required().contains(JvmFlags.CHRONICLE_ANALYTICS), "Chronicle must never phone home");
    }

    private static String element(final String xml, final String name)
    {
        final Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
            .matcher(xml);
        assertTrue(m.find(), "no <" + name + "> element");
        return m.group(1);
    }

    private static List<String> words(final String text)
    {
        final String trimmed = text.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
