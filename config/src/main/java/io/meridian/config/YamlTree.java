package io.meridian.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.AnchorNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML document reduced to mappings, lists and scalars, each remembering its source and line. SnakeYAML only
 * composes the text into nodes (no object construction, so no tag can instantiate a class); typing and binding are
 * done by {@link ConfigBinder}. Mutable only while {@link Overrides} are applied; confined to the loading thread.
 */
final class YamlTree
{
    /** Deepest nesting accepted; the schema needs three levels, this leaves room for mistakes to be reported. */
    static final int MAX_DEPTH = 16;

    private YamlTree()
    {
    }

    /** The resolved YAML type of a scalar. */
    enum Kind
    {
        STRING, INT, FLOAT, BOOL, NULL, TIMESTAMP
    }

    /** A node of the tree. */
    abstract static class Node
    {
        /** Where the node came from: a file path, {@code profile:x} or {@code --set}. */
        final String origin;
        /** 1-based line, or -1 when unknown. */
        final int line;

        Node(final String origin, final int line)
        {
            this.origin = origin;
            this.line = line;
        }

        /**
         * How the node is shown after "got" in an error message.
         *
         * @return a short description.
         */
        abstract String display();
    }

    /** A mapping with string keys in document order. */
    static final class MapNode extends Node
    {
        final Map<String, Entry> entries = new LinkedHashMap<>();

        MapNode(final String origin, final int line)
        {
            super(origin, line);
        }

        @Override
        String display()
        {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param key     the key.
     * @param keyLine 1-based line of the key, or -1.
     * @param value   the value.
     */
    record Entry(String key, int keyLine, Node value)
    {
    }

    /** A sequence. */
    static final class ListNode extends Node
    {
        final List<Node> items = new ArrayList<>();

        ListNode(final String origin, final int line)
        {
            super(origin, line);
        }

        @Override
        String display()
        {
            return "a list";
        }
    }

    /** A scalar with its YAML 1.1 resolved kind and its text (the decoded value for quoted strings). */
    static final class ScalarNode extends Node
    {
        final Kind kind;
        final String text;

        ScalarNode(final String origin, final int line, final Kind kind, final String text)
        {
            super(origin, line);
            this.kind = kind;
            this.text = text;
        }

        @Override
        String display()
        {
            if (kind == Kind.STRING)
            {
                return CanonicalYaml.quote(text);
            }
            if (kind == Kind.NULL && text.isEmpty())
            {
                return "an empty value";
            }
            return text;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param source label for errors and for {@link Node#origin}.
     * @param text   the YAML text.
     * @return the root node, or null when the document is empty.
     * @throws ConfigException on a syntax error, a duplicate key or an unsupported construct.
     */
    static Node parse(final String source, final String text)
    {
        final org.yaml.snakeyaml.nodes.Node root = compose(source, text);
        return root == null ? null : convert(root, source, true, "", 0);
    }

    /**
     * Parses the value part of a {@code --set key=value} override.
     *
     * @param keyPath  the key being overridden, for errors.
     * @param override the whole override, for errors.
     * @param text     the value text.
     * @return the value node; an empty text gives an empty null scalar.
     * @throws ConfigException naming the override when the value is not valid YAML.
     */
    static Node parseOverrideValue(final String keyPath, final String override, final String text)
    {
        final org.yaml.snakeyaml.nodes.Node node;
        try
        {
            node = newYaml().compose(new StringReader(text));
        }
        catch (final MarkedYAMLException ex)
        {
            throw ConfigException.at(
                Overrides.SOURCE, keyPath, -1, "value is not valid YAML (" + ex.getProblem() + ")", override,
                "key.path=value where value is a YAML scalar");
        }
        catch (final YAMLException ex)
        {
            throw ConfigException.at(
                Overrides.SOURCE, keyPath, -1, "value is not valid YAML (" + ex.getMessage() + ")", override,
                "key.path=value where value is a YAML scalar");
        }
        if (node == null)
        {
            return new ScalarNode(Overrides.SOURCE, -1, Kind.NULL, "");
        }
        return convert(node, Overrides.SOURCE, false, keyPath, 0);
    }

    private static Yaml newYaml()
    {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH * 2);
        options.setCodePointLimit(4 * 1024 * 1024);
        final DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
    }

    private static org.yaml.snakeyaml.nodes.Node compose(final String source, final String text)
    {
        try
        {
            return newYaml().compose(new StringReader(text));
        }
        catch (final MarkedYAMLException ex)
        {
            final Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            final StringBuilder problem = new StringBuilder();
            problem.append(ex.getProblem() == null ? "malformed YAML" : ex.getProblem().trim());
            if (ex.getContext() != null)
            {
                problem.append(" (").append(ex.getContext().trim());
                if (ex.getContextMark() != null && ex.getContextMark() != mark)
                {
                    problem.append(" started at line ").append(ex.getContextMark().getLine() + 1);
                }
                problem.append(')');
            }
            final int line = mark == null ? -1 : mark.getLine() + 1;
            final int column = mark == null ? -1 : mark.getColumn() + 1;
            throw ConfigException.syntax(source, line, column, problem.toString(), ex);
        }
        catch (final YAMLException ex)
        {
            throw ConfigException.ofSource(source, "malformed YAML: " + ex.getMessage(), null, ex);
        }
    }

    private static Node convert(
        final org.yaml.snakeyaml.nodes.Node node,
        final String origin,
        final boolean withLines,
        final String path,
        final int depth)
    {
        final int line = withLines ? lineOf(node.getStartMark()) : -1;
        if (depth > MAX_DEPTH)
        {
            throw ConfigException.at(origin, path, line, "nested too deeply (a recursive alias?)", null,
                "at most " + MAX_DEPTH + " levels");
        }
        final Tag tag = node.getTag();
        switch (node.getNodeId())
        {
            case scalar:
            {
                final org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode)node;
                return new ScalarNode(origin, line, scalarKind(origin, path, line, tag, scalar.getValue()),
                    scalar.getValue());
            }
            case sequence:
            {
                requireTag(origin, path, line, tag, Tag.SEQ, "a list");
                final ListNode list = new ListNode(origin, line);
                final List<org.yaml.snakeyaml.nodes.Node> items = ((SequenceNode)node).getValue();
                for (int i = 0; i < items.size(); i++)
                {
                    list.items.add(convert(items.get(i), origin, withLines, path + "[" + i + "]", depth + 1));
                }
                return list;
            }
            case mapping:
            {
                requireTag(origin, path, line, tag, Tag.MAP, "a mapping");
                final MapNode map = new MapNode(origin, line);
                for (final NodeTuple tuple : ((MappingNode)node).getValue())
                {
                    final org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                    final int keyLine = withLines ? lineOf(keyNode.getStartMark()) : -1;
                    if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode))
                    {
                        throw ConfigException.at(origin, path, keyLine, "a key must be a plain name", "a "
                            + keyNode.getNodeId() + " used as a key", "keys that are names, e.g. maxOrderQty");
                    }
                    final String key = ((org.yaml.snakeyaml.nodes.ScalarNode)keyNode).getValue();
                    final String keyPath = path.isEmpty() ? key : path + "." + key;
                    final Entry previous = map.entries.get(key);
                    if (previous != null)
                    {
                        throw ConfigException.at(origin, keyPath, keyLine,
                            "duplicate key, first at line " + previous.keyLine(), key, "each key once");
                    }
                    final Node value = convert(tuple.getValueNode(), origin, withLines, keyPath, depth + 1);
                    map.entries.put(key, new Entry(key, keyLine, value));
                }
                return map;
            }
            case anchor:
                return convert(((AnchorNode)node).getRealNode(), origin, withLines, path, depth + 1);
            default:
                throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
        }
    }

    private static Kind scalarKind(
        final String origin,
        final String path,
        final int line,
        final Tag tag,
        final String text)
    {
        if (Tag.STR.equals(tag))
        {
            return Kind.STRING;
        }
        if (Tag.INT.equals(tag))
        {
            return Kind.INT;
        }
        if (Tag.FLOAT.equals(tag))
        {
            return Kind.FLOAT;
        }
        if (Tag.BOOL.equals(tag))
        {
            return Kind.BOOL;
        }
        if (Tag.NULL.equals(tag))
        {
            return Kind.NULL;
        }
        if (Tag.TIMESTAMP.equals(tag))
        {
            return Kind.TIMESTAMP;
        }
        throw ConfigException.at(origin, path, line, "unsupported YAML tag " + tag.getValue(), text,
            "plain values without tags");
    }

    private static void requireTag(
        final String origin,
        final String path,
        final int line,
        final Tag actual,
        final Tag expected,
        final String what)
    {
        if (!expected.equals(actual))
        {
            throw ConfigException.at(origin, path, line, "unsupported YAML tag " + actual.getValue(), what,
                "plain values without tags");
        }
    }

    private static int lineOf(final Mark mark)
    {
        return mark == null ? -1 : mark.getLine() + 1;
    }
}
