package io.meridian.config;

import static io.meridian.config.ConfigBinder.integerRange;
import static io.meridian.config.ConfigBinder.keysOf;
import static io.meridian.config.ConfigBinder.numberRange;
import static io.meridian.config.ConfigBinder.suggest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One mapping being bound to one record type: knows its key path, its allowed keys, and which keys were read, and
 * reads each key as a typed, range-checked value or fails with an error naming file, key path, line, value and what is
 * allowed. Used on the loading thread only.
 */
final class ConfigSection
{
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final double MAX_EXACT_DOUBLE_INT = 9_007_199_254_740_992.0;

    private final String path;
    private final YamlTree.MapNode map;
    private final int line;
    private final List<String> keys;
    private final Set<String> read = new HashSet<>();

    private ConfigSection(final String path, final YamlTree.MapNode map, final int line, final List<String> keys)
    {
        this.path = path;
        this.map = map;
        this.line = line;
        this.keys = keys;
    }

    /**
     * Checks that a node is a mapping whose keys all belong to the record type.
     *
     * @param path the node's key path.
     * @param node the node.
     * @param line the line reported for keys missing from this mapping: where its key or list entry starts.
     * @param type the record type.
     * @return the section.
     */
    static ConfigSection of(final String path, final YamlTree.Node node, final int line, final Class<?> type)
    {
        final List<String> keys = keysOf(type);
        if (!(node instanceof YamlTree.MapNode))
        {
            throw ConfigException.at(node.origin, path, node.line, "expected a mapping", node.display(),
                "a mapping with keys " + String.join(", ", keys));
        }
        final YamlTree.MapNode map = (YamlTree.MapNode)node;
        for (final YamlTree.Entry entry : map.entries.values())
        {
            if (!keys.contains(entry.key()))
            {
                final String suggestion = suggest(entry.key(), keys);
                throw ConfigException.at(map.origin, join(path, entry.key()), entry.keyLine(),
                    "unknown key" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"),
                    entry.key(), String.join(", ", keys));
            }
        }
        return new ConfigSection(path, map, line, keys);
    }

    ConfigSection section(final String key, final Class<?> type)
    {
        final YamlTree.Node node = require(key, "a mapping with keys " + String.join(", ", keysOf(type)));
        return of(join(path, key), node, map.entries.get(key).keyLine(), type);
    }

    /**
     * Whether an optional key is present; an absent one counts as read (its default applies).
     *
     * @param key the key.
     * @return true when the mapping has it.
     */
    boolean present(final String key)
    {
        if (map.entries.containsKey(key))
        {
            return true;
        }
        read.add(key);
        return false;
    }

    List<ConfigSection> list(final String key, final Class<?> elementType, final int min, final int max)
    {
        final String allowed = "a list of " + min + " to " + max + " mappings with keys "
            + String.join(", ", keysOf(elementType));
        final YamlTree.Node node = require(key, allowed);
        final String keyPath = join(path, key);
        if (!(node instanceof YamlTree.ListNode))
        {
            throw ConfigException.at(node.origin, keyPath, node.line, "expected a list", node.display(), allowed);
        }
        final List<YamlTree.Node> items = ((YamlTree.ListNode)node).items;
        if (items.size() < min || items.size() > max)
        {
            throw ConfigException.at(node.origin, keyPath, node.line,
                items.size() < min ? "too few entries" : "too many entries",
                items.size() + " entries", min + " to " + max + " entries");
        }
        final List<ConfigSection> sections = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++)
        {
            sections.add(of(keyPath + "[" + i + "]", items.get(i), items.get(i).line, elementType));
        }
        return sections;
    }

    /** An optional list of distinct strings (empty when absent), each passed to {@code check}, which throws
     *  {@link IllegalArgumentException} with the problem; {@code allowed} is for messages. */
    List<String> optionalStrings(final String key, final String allowed, final Consumer<String> check)
    {
        if (!keys.contains(key))
        {
            throw new IllegalStateException("config binder asked for " + key + ", not a key of " + path);
        }
        read.add(key);
        final YamlTree.Entry entry = map.entries.get(key);
        if (entry == null || (entry.value() instanceof YamlTree.ScalarNode
            && ((YamlTree.ScalarNode)entry.value()).kind == YamlTree.Kind.NULL))
        {
            return List.of();
        }
        if (!(entry.value() instanceof YamlTree.ListNode))
        {
            throw fail(key, entry.value(), "expected a list", allowed);
        }
        final List<YamlTree.Node> items = ((YamlTree.ListNode)entry.value()).items;
        final List<String> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++)
        {
            final YamlTree.Node item = items.get(i);
            final String itemKey = key + "[" + i + "]";
            if (!(item instanceof YamlTree.ScalarNode) || ((YamlTree.ScalarNode)item).kind == YamlTree.Kind.NULL)
            {
                throw fail(itemKey, item, "expected a string", allowed);
            }
            final String text = ((YamlTree.ScalarNode)item).text;
            if (values.contains(text))
            {
                throw fail(itemKey, item, "listed twice", allowed);
            }
            try
            {
                check.accept(text);
            }
            catch (final IllegalArgumentException ex)
            {
                throw fail(itemKey, item, ex.getMessage(), allowed);
            }
            values.add(text);
        }
        return values;
    }

    long integer(final String key, final long min, final long max)
    {
        return integer(key, min, max, integerRange(min, max));
    }

    long integer(final String key, final long min, final long max, final String allowed)
    {
        final YamlTree.Node node = require(key, allowed);
        final long value = toLong(key, node, allowed);
        if (value < min || value > max)
        {
            throw fail(key, node, "out of range", allowed);
        }
        return value;
    }

    long powerOfTwo(final String key, final long min, final long max)
    {
        final String allowed = "a power of two from " + min + " to " + max;
        final long value = integer(key, min, max, allowed);
        if (Long.bitCount(value) != 1)
        {
            throw fail(key, "not a power of two", allowed);
        }
        return value;
    }

    long powerOfTen(final String key, final long max)
    {
        final String allowed = "a power of ten from 1 to " + max;
        final long value = integer(key, 1, max, allowed);
        long power = 1;
        while (power < value)
        {
            power *= 10;
        }
        if (power != value)
        {
            throw fail(key, "not a power of ten", allowed);
        }
        return value;
    }

    double number(
        final String key,
        final double min,
        final boolean minInclusive,
        final double max,
        final boolean maxInclusive)
    {
        final String allowed = numberRange(min, minInclusive, max, maxInclusive);
        final YamlTree.Node node = require(key, allowed);
        final double value = toDouble(key, node, allowed);
        final boolean aboveMin = minInclusive ? value >= min : value > min;
        final boolean belowMax = maxInclusive ? value <= max : value < max;
        if (!aboveMin || !belowMax)
        {
            throw fail(key, node, "out of range", allowed);
        }
        return value;
    }

    String choice(final String key, final String... choices)
    {
        final String allowed = "one of " + String.join(", ", choices);
        final String value = string(key, allowed);
        for (final String choice : choices)
        {
            if (choice.equals(value))
            {
                return choice;
            }
        }
        throw fail(key, "not a known value", allowed);
    }

    <E extends Enum<E> & ConfigValue> E choice(final String key, final E[] values)
    {
        final String allowed = "one of " + String.join(", ", ConfigValues.names(values));
        final E value = ConfigValues.find(values, string(key, allowed));
        if (value == null)
        {
            throw fail(key, "not a known value", allowed);
        }
        return value;
    }

    boolean bool(final String key)
    {
        final String allowed = "true or false";
        final YamlTree.Node node = require(key, allowed);
        if (node instanceof YamlTree.ScalarNode && ((YamlTree.ScalarNode)node).kind == YamlTree.Kind.BOOL)
        {
            // YAML 1.1 also reads yes/no/on/off as booleans; only true and false are accepted here
            final String text = ((YamlTree.ScalarNode)node).text.toLowerCase(java.util.Locale.ROOT);
            if ("true".equals(text) || "false".equals(text))
            {
                return "true".equals(text);
            }
        }
        throw fail(key, node, "expected true or false", allowed);
    }

    /**
     * A list of strings, each matching a pattern.
     *
     * @param key     the key.
     * @param pattern what each item must match.
     * @param max     most items.
     * @param allowed what is allowed, for messages.
     * @return the items.
     */
    List<String> textList(final String key, final Pattern pattern, final int max, final String allowed)
    {
        final List<YamlTree.Node> items = scalarItems(key, max, allowed);
        final List<String> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++)
        {
            final YamlTree.Node item = items.get(i);
            final String text = item instanceof YamlTree.ScalarNode
                && ((YamlTree.ScalarNode)item).kind != YamlTree.Kind.NULL ? ((YamlTree.ScalarNode)item).text : null;
            if (text == null || !pattern.matcher(text).matches())
            {
                throw fail(key + "[" + i + "]", item, "not a valid value", allowed);
            }
            values.add(text);
        }
        return values;
    }

    /**
     * A list of numbers, each in a range.
     *
     * @param key   the key.
     * @param count exact number of items.
     * @param min   smallest value (inclusive).
     * @param max   largest value (inclusive).
     * @return the items.
     */
    List<Double> numberList(final String key, final int count, final double min, final double max)
    {
        final String allowed = "a list of " + count + " numbers, each " + numberRange(min, true, max, true);
        final List<YamlTree.Node> items = scalarItems(key, count, allowed);
        if (items.size() != count)
        {
            throw fail(key, "expected " + count + " items, got " + items.size(), allowed);
        }
        final List<Double> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final double value = toDouble(key + "[" + i + "]", items.get(i), allowed);
            if (value < min || value > max)
            {
                throw fail(key + "[" + i + "]", items.get(i), "out of range", allowed);
            }
            values.add(value);
        }
        return values;
    }

    private List<YamlTree.Node> scalarItems(final String key, final int max, final String allowed)
    {
        final YamlTree.Node node = require(key, allowed);
        if (!(node instanceof YamlTree.ListNode))
        {
            throw fail(key, node, "expected a list", allowed);
        }
        final List<YamlTree.Node> items = ((YamlTree.ListNode)node).items;
        if (items.size() > max)
        {
            throw fail(key, node, "too many entries", allowed);
        }
        return items;
    }

    String text(final String key, final Pattern pattern, final String allowed)
    {
        final String value = string(key, allowed);
        if (!pattern.matcher(value).matches())
        {
            throw fail(key, "not a valid value", allowed);
        }
        return value;
    }

    String path(final String key, final String allowed)
    {
        final String value = string(key, allowed);
        if (value.isBlank())
        {
            throw fail(key, "must not be blank", allowed);
        }
        if (value.indexOf('\0') >= 0)
        {
            throw fail(key, "contains a NUL character", allowed);
        }
        return value;
    }

    /**
     * An error about a key of this section that has already been read.
     *
     * @param key     the key.
     * @param problem what is wrong.
     * @param allowed what is allowed.
     * @return the exception, for the caller to throw.
     */
    ConfigException fail(final String key, final String problem, final String allowed)
    {
        return fail(key, map.entries.get(key).value(), problem, allowed);
    }

    /**
     * Asserts that every key of the record was bound: a programming error otherwise.
     */
    void done()
    {
        if (read.size() != keys.size())
        {
            final List<String> missed = new ArrayList<>(keys);
            missed.removeAll(read);
            throw new IllegalStateException("config binder did not read " + missed + " of " + path);
        }
    }

    private ConfigException fail(
        final String key,
        final YamlTree.Node node,
        final String problem,
        final String allowed)
    {
        return ConfigException.at(node.origin, join(path, key), node.line, problem, node.display(), allowed);
    }

    private YamlTree.Node require(final String key, final String allowed)
    {
        if (!keys.contains(key))
        {
            throw new IllegalStateException("config binder asked for " + key + ", not a key of " + path);
        }
        read.add(key);
        final YamlTree.Entry entry = map.entries.get(key);
        if (entry == null)
        {
            throw ConfigException.at(map.origin, join(path, key), line, "missing key", null, allowed);
        }
        return entry.value();
    }

    private String string(final String key, final String allowed)
    {
        final YamlTree.Node node = require(key, allowed);
        if (!(node instanceof YamlTree.ScalarNode) || ((YamlTree.ScalarNode)node).kind == YamlTree.Kind.NULL)
        {
            throw fail(key, node, "expected a string", allowed);
        }
        return ((YamlTree.ScalarNode)node).text;
    }

    private long toLong(final String key, final YamlTree.Node node, final String allowed)
    {
        if (node instanceof YamlTree.ScalarNode)
        {
            final YamlTree.ScalarNode scalar = (YamlTree.ScalarNode)node;
            if (scalar.kind == YamlTree.Kind.INT)
            {
                if (!DECIMAL_INT.matcher(scalar.text).matches())
                {
                    throw fail(key, node, "not a decimal integer", allowed);
                }
                final BigInteger value = new BigInteger(scalar.text.replace("_", ""));
                if (value.bitLength() > 63)
                {
                    throw fail(key, node, "out of range", allowed);
                }
                return value.longValue();
            }
            if (scalar.kind == YamlTree.Kind.FLOAT)
            {
                final double value = parseFloat(scalar.text);
                if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_DOUBLE_INT)
                {
                    return (long)value;
                }
                throw fail(key, node, Double.isFinite(value) ? "not an integer" : "not a finite number", allowed);
            }
        }
        throw fail(key, node, "expected an integer", allowed);
    }

    private double toDouble(final String key, final YamlTree.Node node, final String allowed)
    {
        if (node instanceof YamlTree.ScalarNode)
        {
            final YamlTree.ScalarNode scalar = (YamlTree.ScalarNode)node;
            if (scalar.kind == YamlTree.Kind.INT)
            {
                if (!DECIMAL_INT.matcher(scalar.text).matches())
                {
                    throw fail(key, node, "not a decimal number", allowed);
                }
                return new BigInteger(scalar.text.replace("_", "")).doubleValue();
            }
            if (scalar.kind == YamlTree.Kind.FLOAT)
            {
                final double value = parseFloat(scalar.text);
                if (!Double.isFinite(value))
                {
                    throw fail(key, node, "not a finite number", allowed);
                }
                return value;
            }
        }
        throw fail(key, node, "expected a number", allowed);
    }

    /** Parses a YAML 1.1 float; special values ({@code .inf}, {@code .nan}) and sexagesimal give NaN. */
    private static double parseFloat(final String text)
    {
        try
        {
            return Double.parseDouble(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            return Double.NaN;
        }
    }

    private static String join(final String path, final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }
}
