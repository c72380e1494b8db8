package io.meridian.config;

/**
 * A configuration that cannot be loaded: malformed YAML, an unknown or missing key, a value of the wrong type or out
 * of range, or a bad {@code --set} override. The message always names where the problem is and what is allowed:
 * <pre>
 *   &lt;source&gt;: &lt;key.path&gt;: &lt;problem&gt;: got &lt;value&gt;; allowed: &lt;what is allowed&gt;
 *   &lt;source&gt;: line L, column C: &lt;parser problem&gt;
 * </pre>
 * where {@code <source>} is a file path, {@code profile:<name>}, {@code --set} or whatever label the caller passed.
 * Thrown only while loading, never on a hot path.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private static final int MAX_VALUE_CHARS = 80;

    private final String source;
    private final String keyPath;
    private final String value;
    private final int line;

    private ConfigException(
        final String message,
        final String source,
        final String keyPath,
        final String value,
        final int line,
        final Throwable cause)
    {
        super(message, cause);
        this.source = source;
        this.keyPath = keyPath;
        this.value = value;
        this.line = line;
    }

    /**
     * An error about one key.
     *
     * @param source  where the offending value came from (file path, {@code profile:demo}, {@code --set}, ...).
     * @param keyPath the full key path, e.g. {@code instruments[1].spreadTicks}; empty for the document itself.
     * @param line    1-based line of the offending node, or -1 when unknown.
     * @param problem what is wrong, e.g. {@code out of range}.
     * @param value   the offending value as shown to the user, or null when there is none (a missing key).
     * @param allowed what would have been accepted, or null.
     * @return the exception.
     */
    static ConfigException at(
        final String source,
        final String keyPath,
        final int line,
        final String problem,
        final String value,
        final String allowed)
    {
        final String shown = value == null ? null : shorten(value);
        final StringBuilder sb = new StringBuilder(128);
        sb.append(source).append(": ");
        if (keyPath != null && !keyPath.isEmpty())
        {
            sb.append(keyPath).append(": ");
        }
        sb.append(problem);
        if (line > 0)
        {
            sb.append(" (line ").append(line).append(')');
        }
        if (shown != null)
        {
            sb.append(": got ").append(shown);
        }
        if (allowed != null)
        {
            sb.append("; allowed: ").append(allowed);
        }
        return new ConfigException(sb.toString(), source, keyPath == null ? "" : keyPath, shown, line, null);
    }

    /**
     * A YAML syntax error.
     *
     * @param source  where the text came from.
     * @param line    1-based line.
     * @param column  1-based column.
     * @param problem the parser's description.
     * @param cause   the parser exception.
     * @return the exception.
     */
    static ConfigException syntax(
        final String source,
        final int line,
        final int column,
        final String problem,
        final Throwable cause)
    {
        final String message = source + ": line " + line + ", column " + column + ": " + problem;
        return new ConfigException(message, source, "", null, line, cause);
    }

    /**
     * An error about the source as a whole (unreadable file, unknown profile).
     *
     * @param source  the file or profile.
     * @param problem what is wrong.
     * @param allowed what would have been accepted, or null.
     * @param cause   the underlying exception, or null.
     * @return the exception.
     */
    static ConfigException ofSource(
        final String source,
        final String problem,
        final String allowed,
        final Throwable cause)
    {
        final String message = source + ": " + problem + (allowed == null ? "" : "; allowed: " + allowed);
        return new ConfigException(message, source, "", null, -1, cause);
    }

    /**
     * Where the offending value came from: a file path, {@code profile:<name>}, {@code --set}, or the caller's label.
     *
     * @return the source label.
     */
    public String source()
    {
        return source;
    }

    /**
     * The full key path of the offending key, e.g. {@code risk.maxOrderQty} or {@code instruments[1].spreadTicks};
     * empty when the problem is not about one key (syntax errors, unreadable files).
     *
     * @return the key path, never null.
     */
    public String keyPath()
    {
        return keyPath;
    }

    /**
     * The offending value as shown in the message (strings in double quotes, collections described), or null when
     * there is none, e.g. for a missing key or a syntax error.
     *
     * @return the value or null.
     */
    public String value()
    {
        return value;
    }

    /**
     * The 1-based line of the offending node in the source, or -1 when unknown (e.g. values from {@code --set}).
     *
     * @return the line or -1.
     */
    public int line()
    {
        return line;
    }

    private static String shorten(final String value)
    {
        if (value.length() <= MAX_VALUE_CHARS)
        {
            return value;
        }
        return value.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
