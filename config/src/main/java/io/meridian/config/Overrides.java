package io.meridian.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set key.path=value} overrides: parsed and checked against the schema (the config records), then written
 * into the {@link YamlTree} before it is bound, so an overridden value gets exactly the same checks as one from the
 * file. Values from an override carry the source {@link #SOURCE}.
 */
final class Overrides
{
    /** Source label of values that came from an override. */
    static final String SOURCE = "--set";

    private static final String FORM = "key.path=value, e.g. risk.maxOrderQty=50 or instruments[0].spreadTicks=3";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[0-9]{1,9}\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]{1,9})\\]");

    private Overrides()
    {
    }

    /**
     * One step of a key path: a key, then zero or more list indices.
     *
     * @param key     the key.
     * @param indices list indices applied after the key, in order.
     */
    record Step(String key, List<Integer> indices)
    {
    }

    /**
     * A parsed override.
     *
     * @param text    the override as given.
     * @param keyPath the key path as given.
     * @param steps   the path.
     * @param value   the value node.
     */
    record Assignment(String text, String keyPath, List<Step> steps, YamlTree.Node value)
    {
    }

    /**
     * Parses and schema-checks every override, then applies them in order (a later one wins).
     *
     * @param root      the document, may be null (then only the checks run, and binding reports the empty document).
     * @param overrides the {@code key.path=value} strings; null means none.
     * @throws ConfigException with source {@code --set} naming a bad override.
     */
    static void apply(final YamlTree.Node root, final List<String> overrides)
    {
        if (overrides == null || overrides.isEmpty())
        {
            return;
        }
        final List<Assignment> parsed = new ArrayList<>(overrides.size());
        for (final String text : overrides)
        {
            parsed.add(parse(text));
        }
        for (final Assignment override : parsed)
        {
            applyOne(root, override);
        }
    }

    /**
     * Parses one override and checks its key path against the config records.
     *
     * @param text the override.
     * @return the parsed override.
     * @throws ConfigException when it is malformed or names no key.
     */
    static Assignment parse(final String text)
    {
        if (text == null)
        {
            throw ConfigException.at(SOURCE, "", -1, "missing override", "null", FORM);
        }
        final int eq = text.indexOf('=');
        if (eq < 0)
        {
            throw ConfigException.at(SOURCE, "", -1, "an override needs '='", text, FORM);
        }
        final String keyPath = text.substring(0, eq).trim();
        final List<Step> steps = parsePath(keyPath, text);
        checkSchema(keyPath, steps, text);
        final YamlTree.Node value = YamlTree.parseOverrideValue(keyPath, text, text.substring(eq + 1));
        return new Assignment(text, keyPath, steps, value);
    }

    private static List<Step> parsePath(final String keyPath, final String text)
    {
        if (keyPath.isEmpty())
        {
            throw ConfigException.at(SOURCE, "", -1, "an override needs a key path before '='", text, FORM);
        }
        final String[] parts = keyPath.split("\\.", -1);
        final List<Step> steps = new ArrayList<>(parts.length);
        for (final String part : parts)
        {
            final Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches())
            {
                throw ConfigException.at(SOURCE, keyPath, -1, "malformed key path", text, FORM);
            }
            final List<Integer> indices = new ArrayList<>(1);
            final Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find())
            {
                indices.add(Integer.parseInt(index.group(1)));
            }
            steps.add(new Step(matcher.group(1), List.copyOf(indices)));
        }
        return List.copyOf(steps);
    }

    /** Walks the config record types along the path, so a misspelt key fails even if the document is broken. */
    private static void checkSchema(final String keyPath, final List<Step> steps, final String text)
    {
        Class<?> type = EngineConfig.class;
        final StringBuilder walked = new StringBuilder();
        for (int s = 0; s < steps.size(); s++)
        {
            final Step step = steps.get(s);
            if (type == null || !type.isRecord())
            {
                throw ConfigException.at(SOURCE, keyPath, -1, "unknown key: " + walked + " has no sub-keys", text,
                    "a key path that ends at " + walked);
            }
            final RecordComponent component = componentOf(type, step.key());
            if (component == null)
            {
                final List<String> keys = ConfigBinder.keysOf(type);
                final String suggestion = ConfigBinder.suggest(step.key(), keys);
                throw ConfigException.at(SOURCE, keyPath, -1,
                    "unknown key " + step.key() + (walked.length() == 0 ? "" : " in " + walked)
                        + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"),
                    text, String.join(", ", keys));
            }
            if (walked.length() > 0)
            {
                walked.append('.');
            }
            walked.append(step.key());
            type = component.getType();
            Type generic = component.getGenericType();
            for (final int index : step.indices())
            {
                if (!List.class.equals(type))
                {
                    throw ConfigException.at(SOURCE, keyPath, -1, walked + " is not a list", text,
                        "an index only after a list key such as instruments");
                }
                generic = ((ParameterizedType)generic).getActualTypeArguments()[0];
                type = (Class<?>)generic;
                walked.append('[').append(index).append(']');
            }
            if (List.class.equals(type) && s < steps.size() - 1)
            {
                throw ConfigException.at(SOURCE, keyPath, -1, walked + " is a list and needs an index", text,
                    walked + "[i]." + steps.get(s + 1).key());
            }
            if (!type.isRecord() && !List.class.equals(type))
            {
                type = null;
            }
        }
    }

    private static RecordComponent componentOf(final Class<?> type, final String name)
    {
        for (final RecordComponent component : type.getRecordComponents())
        {
            if (component.getName().equals(name))
            {
                return component;
            }
        }
        return null;
    }

    /**
     * Writes one override into the tree. Where the document's shape does not match the schema (a section that is not
     * a mapping, a missing list) nothing is written: binding then reports the document's own error. A missing section
     * is created with the overridden key in it (binding then names any other key it lacks).
     */
    private static void applyOne(final YamlTree.Node root, final Assignment override)
    {
        YamlTree.Node node = root;
        final StringBuilder walked = new StringBuilder();
        final List<Step> steps = override.steps();
        for (int s = 0; s < steps.size(); s++)
        {
            final Step step = steps.get(s);
            if (!(node instanceof YamlTree.MapNode))
            {
                return;
            }
            final YamlTree.MapNode map = (YamlTree.MapNode)node;
            if (walked.length() > 0)
            {
                walked.append('.');
            }
            walked.append(step.key());
            final boolean lastStep = s == steps.size() - 1;
            final YamlTree.Entry entry = map.entries.get(step.key());
            if (lastStep && step.indices().isEmpty())
            {
                final int keyLine = entry == null ? -1 : entry.keyLine();
                map.entries.put(step.key(), new YamlTree.Entry(step.key(), keyLine, override.value()));
                return;
            }
            if (entry == null)
            {
                if (!step.indices().isEmpty())
                {
                    return;
                }
                // an absent section (e.g. the optional features.bars) is created, so that its keys can be set
                final YamlTree.MapNode created = new YamlTree.MapNode(SOURCE, -1);
                map.entries.put(step.key(), new YamlTree.Entry(step.key(), -1, created));
                node = created;
                continue;
            }
            node = entry.value();
            final List<Integer> indices = step.indices();
            for (int i = 0; i < indices.size(); i++)
            {
                if (!(node instanceof YamlTree.ListNode))
                {
                    return;
                }
                final List<YamlTree.Node> items = ((YamlTree.ListNode)node).items;
                final int index = indices.get(i);
                if (index >= items.size())
                {
                    throw ConfigException.at(SOURCE, override.keyPath(), -1,
                        "no such entry: " + walked + " has " + items.size() + " entries", override.text(),
                        items.isEmpty() ? "no index" : "an index from 0 to " + (items.size() - 1));
                }
                walked.append('[').append(index).append(']');
                if (lastStep && i == indices.size() - 1)
                {
                    items.set(index, override.value());
                    return;
                }
                node = items.get(index);
            }
        }
    }
}
