package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ops tokens: from the environment or a private file, operator names, constant-time matching, and errors that name
 * the file, line or variable but never a secret.
 */
class OpsTokensTest
{
    private static final String SECRET = "0123456789abcdefXYZ";

    @TempDir
    Path dir;

    private Path file(final String text, final String mode) throws IOException
    {
        final Path file = dir.resolve("tokens");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void shouldAuthenticateEveryConfiguredOperator() throws IOException
    {
        final OpsTokens tokens = OpsTokens.load("ignored:" + SECRET + "-env",
            file("# operators\nalice:" + SECRET + "\n\nbob:" + SECRET + "-bob\n", "rw-------"));
        assertTrue(tokens.configured());
        assertEquals(Set.of("alice", "bob"), tokens.names());
        assertEquals("alice", tokens.authenticate("Bearer " + SECRET));
        assertEquals("bob", tokens.authenticate("bearer " + SECRET + "-bob"));
        assertNull(tokens.authenticate("Bearer " + SECRET + "-env"), "the file wins over the environment");
        assertNull(tokens.authenticate(SECRET));
        assertNull(tokens.authenticate(null));
        assertNull(tokens.authenticate("Bearer "));
    }

    @Test
    void shouldTakeABareSecretFromTheEnvironmentAsTheDefaultOperator()
    {
        final OpsTokens tokens = OpsTokens.load(SECRET, null);
        assertEquals("operator", tokens.authenticate("Bearer " + SECRET));
        assertFalse(OpsTokens.load(null, null).configured());
        assertFalse(OpsTokens.load("", null).configured());
        assertFalse(OpsTokens.none().configured());
    }

    @Test
    void shouldRefuseAFileOthersMayRead() throws IOException
    {
        final Path world = file("alice:" + SECRET, "rw-r--r--");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OpsTokens.load(null, world));
        assertEquals("ops token file " + world + " may be read by other users (mode rw-r--r--); chmod 600 it",
            e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void shouldNameTheLineOfABadEntryButNeverTheSecret() throws IOException
    {
        final Path shortSecret = file("alice:" + SECRET + "\nbob:short\n", "rw-------");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OpsTokens.load(null, shortSecret));
        assertEquals(shortSecret + " line 2: the secret of 'bob' must be at least 16 printable characters "
            + "without spaces", e.getMessage());
        final Path badName = file("a-much-too-long-name:" + SECRET + "\n", "rw-------");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpsTokens.load(null, badName)).getMessage()
            .contains("line 1: operator name 'a-much-too-long-name' must be 1 to 8"));
        final Path twice = file("alice:" + SECRET + "\nalice:" + SECRET + "-2\n", "rw-------");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpsTokens.load(null, twice)).getMessage()
            .endsWith("line 2: operator name 'alice' appears twice"));
        final Path empty = file("# nothing\n", "rw-------");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpsTokens.load(null, empty)).getMessage()
            .contains("holds no token"));
        final IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
            () -> OpsTokens.load("alice:tiny", null));
        assertTrue(env.getMessage().startsWith("MERIDIAN_OPS_TOKEN: the secret of 'alice'"), env.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> OpsTokens.load(null, dir.resolve("missing"))).getMessage().startsWith("cannot read ops token file"));
    }
}
