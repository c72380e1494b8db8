package io.meridian.ops.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens that may steer the engine, each with the operator name journaled for the commands it gives.
 * From the environment ({@code MERIDIAN_OPS_TOKEN}: {@code NAME:SECRET}, or a bare secret for the name
 * {@value #DEFAULT_NAME}) or a token file ({@code --ops-token-file}: one {@code NAME:SECRET} per line, {@code #}
 * comments; refused when other users may read it). Secrets are compared in constant time and never printed: every
 * error here names the file, line or variable, not the secret. Immutable.
 */
public final class OpsTokens
{
    /** The environment variable holding a token. */
    public static final String ENV = "MERIDIAN_OPS_TOKEN";
    /** Operator name of a bare secret. */
    public static final String DEFAULT_NAME = "operator";
    /** Shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,8}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]{" + MIN_SECRET_LENGTH + ",}");

    private final Map<String, byte[]> secrets;

    private OpsTokens(final Map<String, byte[]> secrets)
    {
        this.secrets = Collections.unmodifiableMap(secrets);
    }

    /**
     * No token: every mutating call is refused (403).
     *
     * @return the empty set.
     */
    public static OpsTokens none()
    {
        return new OpsTokens(new LinkedHashMap<>());
    }

    /**
     * The tokens of a token file or, without one, of the environment variable.
     *
     * @param envValue the value of {@value #ENV}, or null.
     * @param tokenFile the token file, or null.
     * @return the tokens (possibly none).
     * @throws IllegalArgumentException naming the file, line or variable and what is wrong.
     */
    public static OpsTokens load(final String envValue, final Path tokenFile)
    {
        final Map<String, byte[]> secrets = new LinkedHashMap<>();
        if (tokenFile != null)
        {
            for (final Map.Entry<Integer, String> line : readPrivateFile(tokenFile).entrySet())
            {
                add(secrets, line.getValue(), tokenFile + " line " + line.getKey());
            }
            if (secrets.isEmpty())
            {
                throw new IllegalArgumentException("ops token file " + tokenFile + " holds no token (one NAME:SECRET "
                    + "per line)");
            }
        }
        else if (envValue != null && !envValue.isEmpty())
        {
            add(secrets, envValue.strip(), ENV);
        }
        return new OpsTokens(secrets);
    }

    private static Map<Integer, String> readPrivateFile(final Path file)
    {
        final Map<Integer, String> lines = new LinkedHashMap<>();
        try
        {
            final Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.GROUP_READ))
            {
                throw new IllegalArgumentException("ops token file " + file + " may be read by other users (mode "
                    + java.nio.file.attribute.PosixFilePermissions.toString(mode) + "); chmod 600 it");
            }
            final List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < all.size(); i++)
            {
                final String line = all.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#"))
                {
                    lines.put(i + 1, line);
                }
            }
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("cannot read ops token file " + file + ": " + e.getMessage(), e);
        }
        catch (final UnsupportedOperationException e)
        {
            throw new IllegalArgumentException("ops token file " + file + ": cannot check its permissions on this "
                + "file system", e);
        }
        return lines;
    }

    private static void add(final Map<String, byte[]> secrets, final String entry, final String where)
    {
        final int colon = entry.indexOf(':');
        final String name = colon < 0 ? DEFAULT_NAME : entry.substring(0, colon);
        final String secret = colon < 0 ? entry : entry.substring(colon + 1);
        if (!NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException(where + ": operator name '" + name + "' must be 1 to 8 letters, "
                + "digits, '.', '_' or '-'");
        }
        if (!SECRET.matcher(secret).matches())
        {
            throw new IllegalArgumentException(where + ": the secret of '" + name + "' must be at least "
                + MIN_SECRET_LENGTH + " printable characters without spaces");
        }
        if (secrets.containsKey(name))
        {
            throw new IllegalArgumentException(where + ": operator name '" + name + "' appears twice");
        }
        secrets.put(name, secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether any token is configured; without one mutating calls are refused.
     *
     * @return true when at least one.
     */
    public boolean configured()
    {
        return !secrets.isEmpty();
    }

    /**
     * The operator an {@code Authorization} header authenticates.
     *
     * @param authorization the header's value, or null.
     * @return the operator name, or null when the header is missing, not a bearer token, or no token matches.
     */
    public String authenticate(final String authorization)
    {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))
        {
            return null;
        }
        final byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (final Map.Entry<String, byte[]> entry : secrets.entrySet())
        {
            // every token is compared, in constant time, whatever matched before
            if (MessageDigest.isEqual(entry.getValue(), offered))
            {
                match = entry.getKey();
            }
        }
        return match;
    }

    /**
     * The configured operator names (never the secrets).
     *
     * @return the names.
     */
    public Set<String> names()
    {
        return secrets.keySet();
    }
}
