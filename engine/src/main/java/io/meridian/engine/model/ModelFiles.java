package io.meridian.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Model locations: {@code classpath:/io/meridian/engine/model/demo-linear.onnx} (a resource, e.g. the shipped demo
 * model) or a file path. The manifest sits beside the model: the model location with its {@code .onnx} extension
 * replaced by {@value #MANIFEST_SUFFIX} ({@code demo-linear.onnx} → {@code demo-linear.manifest.yaml}).
 */
public final class ModelFiles
{
    /** Prefix of classpath locations. */
    public static final String CLASSPATH_PREFIX = "classpath:";
    /** Model file extension. */
    public static final String MODEL_SUFFIX = ".onnx";
    /** What replaces {@link #MODEL_SUFFIX} in the manifest's location. */
    public static final String MANIFEST_SUFFIX = ".manifest.yaml";

    private ModelFiles()
    {
    }

    /**
     * Where a model's manifest lives.
     *
     * @param modelLocation the model location.
     * @return the manifest location, in the same form (classpath or file).
     */
    public static String manifestLocation(final String modelLocation)
    {
        final String stem = modelLocation.endsWith(MODEL_SUFFIX) ?
            modelLocation.substring(0, modelLocation.length() - MODEL_SUFFIX.length()) : modelLocation;
        return stem + MANIFEST_SUFFIX;
    }

    /**
     * Where a model's manifest lives, for a model file.
     *
     * @param modelFile the model file.
     * @return the manifest file beside it.
     */
    public static Path manifestPath(final Path modelFile)
    {
        return Paths.get(manifestLocation(modelFile.toString()));
    }

    /**
     * The last path segment of a location, as manifests record it and messages show it.
     *
     * @param location a classpath or file location.
     * @return the file name.
     */
    public static String fileName(final String location)
    {
        final String path = location.startsWith(CLASSPATH_PREFIX) ?
            location.substring(CLASSPATH_PREFIX.length()) : location;
        final int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /**
     * Reads all bytes at a location.
     *
     * @param location a classpath or file location.
     * @return the bytes.
     * @throws UncheckedIOException if the location does not exist or cannot be read; the message names it.
     */
    public static byte[] read(final String location)
    {
        if (location.startsWith(CLASSPATH_PREFIX))
        {
            String resource = location.substring(CLASSPATH_PREFIX.length());
            if (!resource.startsWith("/"))
            {
                resource = "/" + resource;
            }
            try (InputStream in = ModelFiles.class.getResourceAsStream(resource))
            {
                if (in == null)
                {
                    throw new UncheckedIOException(location + ": no such resource on the classpath",
                        new NoSuchFileException(location));
                }
                return in.readAllBytes();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + location + ": " + ex.getMessage(), ex);
            }
        }
        try
        {
            return Files.readAllBytes(Paths.get(location));
        }
        catch (final NoSuchFileException ex)
        {
            throw new UncheckedIOException(location + ": no such file", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + location + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * SHA-256 of bytes as lowercase hex, as manifests record model and training-data hashes.
     *
     * @param bytes the bytes.
     * @return 64 hex digits.
     */
    public static String sha256Hex(final byte[] bytes)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            final StringBuilder hex = new StringBuilder(digest.length * 2);
            for (final byte b : digest)
            {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 missing from the JDK", ex);
        }
    }
}
