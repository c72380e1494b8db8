package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigSyntaxTest
{
    @Test
    void shouldReportLineOfBadIndentation()
    {
        final String yaml = with("  seed: -7\n", "    seed: -7\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml));

        assertEquals(SOURCE, ex.source());
        assertEquals("", ex.keyPath());
        assertNull(ex.value());
        assertEquals(3, ex.line());
        assertTrue(ex.getMessage().startsWith("test.yaml: line 3, column "), ex.getMessage());
    }

    @Test
    void shouldReportLineOfUnclosedBracket()
    {
        final String yaml = with("  pinCpu: -1\n", "  pinCpu: [1, 2\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml));

        assertTrue(ex.getMessage().startsWith("test.yaml: line "), ex.getMessage());
        assertTrue(ex.getMessage().contains("started at line 8"), ex.getMessage());
        assertTrue(ex.line() >= 8, ex.getMessage());
    }

    @Test
    void shouldReportTabIndentation()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load("run:\n\tevents: 1\n"));

        assertEquals("test.yaml: line 2, column 1: ", ex.getMessage().substring(0, 29));
        assertTrue(ex.getMessage().contains("TAB"), ex.getMessage());
    }

    @Test
    void shouldRejectDuplicateKeyNamingBothLines()
    {
        final ConfigException ex = assertError(() -> load(with("  seed: -7\n", "  seed: -7\n  events: 5\n")),
            SOURCE, "run.events", "events", "duplicate key, first at line 2 (line 4)", "allowed: each key once");

        assertEquals(4, ex.line());
    }

    @Test
    void shouldRejectSecondDocument()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(VALID + "---\nrun: {}\n"));

        final long line = VALID.lines().count() + 1;
        assertTrue(ex.getMessage().startsWith("test.yaml: line " + line + ", column 1: "), ex.getMessage());
    }

    @Test
    void shouldRejectTagsThatCouldConstructObjects()
    {
        final ConfigException global = assertThrows(ConfigException.class,
            () -> load(with("dir: /tmp/j", "dir: !!java.io.File /tmp")));
        assertTrue(global.getMessage().startsWith("test.yaml: line 11, column 8: Global tag is not allowed"),
            global.getMessage());

        assertError(() -> load(with("dir: /tmp/j", "dir: !file /tmp")),
            SOURCE, "journal.dir", "/tmp", "unsupported YAML tag !file (line 11)",
            "allowed: plain values without tags");
    }

    @Test
    void shouldAcceptAnchorsAndByteOrderMark()
    {
        final String yaml = "\ufeff" + with("  startPrice: 10\n", "  startPrice: &p 10\n")
            .replace("startPrice: 99.5", "startPrice: *p");

        assertEquals(10.0, load(yaml).instruments().get(1).startPrice());
    }
}
