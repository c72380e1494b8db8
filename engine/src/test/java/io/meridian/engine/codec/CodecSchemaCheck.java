package io.meridian.engine.codec;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Checks that the three statements of a record layout agree: the javadoc table (read from the source file), the
 * {@code *_OFFSET} / {@code LENGTH} / {@code TYPE} constants and accessors (by reflection), and the {@code LAYOUT}
 * used by dumps and diffs. Every method returns the problems it found, each naming the class, the field and both
 * values; an empty list means consistent. The rules are stated in the codec package's {@code package-info}.
 *
 * <p>Over 500 lines: one short method per consistency rule, all reading the same parsed table; kept together so the
 * rules can be read as one list.
 */
final class CodecSchemaCheck
{
    /** Record type codes from this value on are journal-only and have no engine codec. */
    static final int FIRST_JOURNAL_ONLY_TYPE = 100;
    /** Record lengths are multiples of this, so that records following each other stay aligned. */
    static final int RECORD_ALIGNMENT = 8;

    private CodecSchemaCheck()
    {
    }

    /**
     * The module directory: Surefire runs tests there and also passes it as {@code basedir}.
     *
     * @return the engine module's directory.
     */
    static Path moduleDirectory()
    {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /**
     * The source file of a class in this module (main or test sources); nested classes map to their file.
     *
     * @param type the class.
     * @return the path of its {@code .java} file.
     */
    static Path sourceOf(final Class<?> type)
    {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null)
        {
            outer = outer.getEnclosingClass();
        }
        final String relative = outer.getName().replace('.', '/') + ".java";
        for (final String root : new String[]{"src/main/java/", "src/test/java/"})
        {
            final Path candidate = moduleDirectory().resolve(root + relative);
            if (Files.isRegularFile(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no source file for " + type.getName() + " under " + moduleDirectory()
            + "/src/{main,test}/java (tests must run from the engine module directory)");
    }

    /**
     * Checks the header: its javadoc table, its constants and readers against {@link RecordLayout#HEADER_FIELDS}.
     *
     * @return the problems found.
     */
    static List<String> checkHeader()
    {
        final List<String> problems = new ArrayList<>();
        final List<RecordLayout.Field> fields = Arrays.asList(RecordLayout.HEADER_FIELDS);
        final LayoutTable table = LayoutTable.read(sourceOf(Header.class), Header.class.getSimpleName());
        checkLayout(Header.class, table, fields, 0, Header.LENGTH, false, problems);
        if (Header.LENGTH > Header.MAX_RECORD_LENGTH)
        {
            problems.add("Header.LENGTH " + Header.LENGTH + " exceeds MAX_RECORD_LENGTH " + Header.MAX_RECORD_LENGTH);
        }
        return problems;
    }

    /**
     * Checks one codec class against its javadoc table and the header.
     *
     * @param codec a class with {@code TYPE}, {@code LENGTH}, {@code LAYOUT}, offset constants and accessors.
     * @return the problems found.
     */
    static List<String> checkCodec(final Class<?> codec)
    {
        return checkCodec(codec, LayoutTable.read(sourceOf(codec), codec.getSimpleName()));
    }

    /**
     * Checks one codec class against a given javadoc table and the header.
     *
     * @param codec a class with {@code TYPE}, {@code LENGTH}, {@code LAYOUT}, offset constants and accessors.
     * @param table the layout table to hold it to.
     * @return the problems found.
     */
    static List<String> checkCodec(final Class<?> codec, final LayoutTable table)
    {
        final List<String> problems = new ArrayList<>();
        final String name = codec.getSimpleName();
        final Byte type = constant(codec, "TYPE", Byte.class, problems);
        final Integer length = constant(codec, "LENGTH", Integer.class, problems);
        final RecordLayout layout = constant(codec, "LAYOUT", RecordLayout.class, problems);
        if (type == null || length == null || layout == null)
        {
            problems.addAll(table.problems());
            return problems;
        }
        if (layout.type() != type)
        {
            problems.add(name + ": LAYOUT.type() is " + layout.type() + " but TYPE is " + type);
        }
        if (!layout.name().equals(RecordType.name(type)))
        {
            problems.add(name + ": LAYOUT.name() is " + layout.name() + " but RecordType.name(" + type + ") is "
                + RecordType.name(type));
        }
        if (layout.length() != length)
        {
            problems.add(name + ": LAYOUT.length() is " + layout.length() + " but LENGTH is " + length);
        }
        if (length > Header.MAX_RECORD_LENGTH)
        {
            problems.add(name + ": LENGTH " + length + " exceeds Header.MAX_RECORD_LENGTH " + Header.MAX_RECORD_LENGTH);
        }
        final RecordLayout.Field[] all = layout.fields();
        final int headerCount = RecordLayout.HEADER_FIELDS.length;
        if (all.length < headerCount
            || !Arrays.equals(Arrays.copyOf(all, headerCount), RecordLayout.HEADER_FIELDS))
        {
            problems.add(name + ": LAYOUT does not start with RecordLayout.HEADER_FIELDS");
            return problems;
        }
        final List<RecordLayout.Field> body = Arrays.asList(all).subList(headerCount, all.length);
        checkLayout(codec, table, body, Header.LENGTH, length, true, problems);
        return problems;
    }

    /**
     * Checks that every record type has exactly one codec whose layout is registered under its code and name.
     *
     * @param recordTypes record type constants by name, e.g. from {@link #recordTypeConstants()}.
     * @param codecs the codec classes.
     * @param registry the layout lookup, e.g. {@link RecordLayouts#forType(int)}.
     * @return the problems found.
     */
    static List<String> checkRegistry(
        final Map<String, Byte> recordTypes, final List<Class<?>> codecs, final IntFunction<RecordLayout> registry)
    {
        final List<String> problems = new ArrayList<>();
        final Map<Byte, Class<?>> codecByType = new LinkedHashMap<>();
        for (final Class<?> codec : codecs)
        {
            final Byte type = constant(codec, "TYPE", Byte.class, problems);
            if (type == null)
            {
                continue;
            }
            final Class<?> other = codecByType.put(type, codec);
            if (other != null)
            {
                problems.add(codec.getSimpleName() + " and " + other.getSimpleName() + " both have TYPE " + type);
            }
            if (!recordTypes.containsValue(type))
            {
                problems.add(codec.getSimpleName() + ".TYPE " + type + " is not a RecordType constant");
            }
        }
        for (final Map.Entry<String, Byte> entry : recordTypes.entrySet())
        {
            final String typeName = entry.getKey();
            final byte code = entry.getValue();
            final Class<?> codec = codecByType.get(code);
            final RecordLayout registered = registry.apply(code);
            if (code >= FIRST_JOURNAL_ONLY_TYPE)
            {
                if (codec != null || registered != null)
                {
                    problems.add("RecordType." + typeName + " (" + code + ") is journal-only but has an engine codec"
                        + " or layout");
                }
                continue;
            }
            if (codec == null)
            {
                problems.add("RecordType." + typeName + " (" + code + ") has no codec");
                continue;
            }
            final RecordLayout layout = constant(codec, "LAYOUT", RecordLayout.class, problems);
            if (registered == null || registered != layout)
            {
                problems.add("RecordType." + typeName + " (" + code + "): RecordLayouts.forType returns "
                    + (registered == null ? "null" : registered.name()) + ", not " + codec.getSimpleName()
                    + ".LAYOUT");
            }
            if (layout != null && !layout.name().equals(typeName))
            {
                problems.add("RecordType." + typeName + " (" + code + "): " + codec.getSimpleName()
                    + ".LAYOUT is named " + layout.name());
            }
        }
        for (int code = 0; code < FIRST_JOURNAL_ONLY_TYPE; code++)
        {
            if (registry.apply(code) != null && !recordTypes.containsValue((byte)code))
            {
                problems.add("RecordLayouts has a layout for " + code + ", which is not a RecordType constant");
            }
        }
        return problems;
    }

    /**
     * The public {@code byte} constants of {@link RecordType}, by name.
     *
     * @return name to code, in declaration order.
     */
    static Map<String, Byte> recordTypeConstants()
    {
        final Map<String, Byte> types = new LinkedHashMap<>();
        for (final Field field : RecordType.class.getFields())
        {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == byte.class)
            {
                types.put(field.getName(), (Byte)read(field));
            }
        }
        return types;
    }

    /**
     * The codec classes: every {@code *Codec.java} in the codec package's main sources.
     *
     * @return the classes, sorted by name.
     */
    static List<Class<?>> codecClasses()
    {
        final Path directory = moduleDirectory().resolve("src/main/java/io/meridian/engine/codec");
        final List<Class<?>> codecs = new ArrayList<>();
        try (var files = Files.list(directory))
        {
            for (final Path file : (Iterable<Path>)files.sorted()::iterator)
            {
                final String fileName = file.getFileName().toString();
                if (fileName.endsWith("Codec.java"))
                {
                    final String className = fileName.substring(0, fileName.length() - ".java".length());
                    codecs.add(Class.forName(Header.class.getPackageName() + "." + className));
                }
            }
        }
        catch (final IOException | ClassNotFoundException e)
        {
            throw new IllegalStateException("cannot list the codecs in " + directory, e);
        }
        return codecs;
    }

    /**
     * The offset constant a field must have: {@code fooBar} gives {@code FOO_BAR_OFFSET}.
     *
     * @param fieldName a camel-case field name.
     * @return the constant's name.
     */
    static String offsetConstantName(final String fieldName)
    {
        return fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_OFFSET";
    }

    private static void checkLayout(
        final Class<?> owner,
        final LayoutTable table,
        final List<RecordLayout.Field> layoutFields,
        final int start,
        final int length,
        final boolean writers,
        final List<String> problems)
    {
        final String name = owner.getSimpleName();
        problems.addAll(table.problems());
        compareTableWithLayout(name, table, layoutFields, problems);
        checkTableTiling(table, start, problems);
        if (table.end() >= 0 && table.end() != length)
        {
            problems.add(table.where() + ":" + table.endLine() + ": the table ends at " + table.end()
                + " but the record length is " + length);
        }
        checkGeometry(name, layoutFields, start, length, problems);
        checkOffsetConstants(owner, layoutFields, problems);
        for (final RecordLayout.Field field : layoutFields)
        {
            checkAccessors(owner, field, writers, problems);
        }
    }

    private static void compareTableWithLayout(
        final String name, final LayoutTable table, final List<RecordLayout.Field> layoutFields,
        final List<String> problems)
    {
        final int before = problems.size();
        final Map<String, LayoutTable.Row> rows = new LinkedHashMap<>();
        for (final LayoutTable.Row row : table.fields())
        {
            if (rows.put(row.name(), row) != null)
            {
                problems.add(table.where() + ":" + row.line() + ": field " + row.name() + " appears twice");
            }
        }
        final Map<String, RecordLayout.Field> fields = new LinkedHashMap<>();
        for (final RecordLayout.Field field : layoutFields)
        {
            if (fields.put(field.name(), field) != null)
            {
                problems.add(name + ": LAYOUT has field " + field.name() + " twice");
            }
        }
        for (final LayoutTable.Row row : rows.values())
        {
            final RecordLayout.Field field = fields.get(row.name());
            final String at = table.where() + ":" + row.line() + ": " + row.name();
            if (field == null)
            {
                problems.add(at + " is in the javadoc table but not in " + name + "'s LAYOUT");
                continue;
            }
            if (field.offset() != row.offset())
            {
                problems.add(at + " is at " + row.offset() + " in the javadoc table but at " + field.offset()
                    + " in LAYOUT");
            }
            if (field.kind() != row.kind())
            {
                problems.add(at + " is " + lower(row.kind()) + " in the javadoc table but " + lower(field.kind())
                    + " in LAYOUT");
            }
        }
        for (final RecordLayout.Field field : layoutFields)
        {
            if (!rows.containsKey(field.name()))
            {
                problems.add(name + ": LAYOUT field " + field.name() + " is not in the javadoc table ("
                    + table.where() + ")");
            }
        }
        if (problems.size() == before && !new ArrayList<>(rows.keySet()).equals(new ArrayList<>(fields.keySet())))
        {
            problems.add(name + ": the javadoc table lists the fields in the order " + rows.keySet()
                + " but LAYOUT in the order " + fields.keySet());
        }
    }

    /** The table's rows must follow each other without a hole or overlap, from {@code start} to its end row. */
    private static void checkTableTiling(final LayoutTable table, final int start, final List<String> problems)
    {
        int position = start;
        for (final LayoutTable.Row row : table.rows())
        {
            if (row.offset() != position)
            {
                problems.add(table.where() + ":" + row.line() + ": row '"
                    + (row.isPadding() ? "(padding)" : row.name()) + "' starts at " + row.offset()
                    + " but the previous row ends at " + position);
            }
            position = row.offset() + row.size();
        }
        if (table.end() >= 0 && table.end() != position)
        {
            problems.add(table.where() + ":" + table.endLine() + ": the (end) row says " + table.end()
                + " but the previous row ends at " + position);
        }
        final List<LayoutTable.Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++)
        {
            final LayoutTable.Row row = rows.get(i);
            if (!row.isPadding())
            {
                continue;
            }
            final int nextAlignment = i + 1 < rows.size() && !rows.get(i + 1).isPadding()
                ? rows.get(i + 1).size() : RECORD_ALIGNMENT;
            if (row.size() <= 0 || align(row.offset(), nextAlignment) != row.offset() + row.size())
            {
                problems.add(table.where() + ":" + row.line() + ": " + row.size() + " bytes of padding at "
                    + row.offset() + " do not align what follows to " + nextAlignment
                    + " (padding only fills the gap alignment needs)");
            }
        }
    }

    /** Fields packed in offset order, each at the first offset after its predecessor that its width divides. */
    private static void checkGeometry(
        final String name, final List<RecordLayout.Field> layoutFields, final int start, final int length,
        final List<String> problems)
    {
        final List<RecordLayout.Field> byOffset = new ArrayList<>(layoutFields);
        byOffset.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        int position = start;
        String previous = start == 0 ? "the start of the record" : "the header";
        for (final RecordLayout.Field field : byOffset)
        {
            final int width = field.kind().width();
            final int expected = align(position, width);
            if (field.offset() < position)
            {
                problems.add(name + ": " + field.name() + " at " + field.offset() + " overlaps " + previous
                    + ", which ends at " + position);
            }
            else if (field.offset() % width != 0)
            {
                problems.add(name + ": " + field.name() + " at " + field.offset() + " is not aligned to its width "
                    + width + " (it belongs at " + expected + ")");
            }
            else if (field.offset() != expected)
            {
                problems.add(name + ": gap of " + (field.offset() - position) + " bytes before " + field.name()
                    + " at " + field.offset() + " (alignment puts it at " + expected + ")");
            }
            position = Math.max(position, field.offset() + width);
            previous = field.name();
        }
        final int expectedLength = align(position, RECORD_ALIGNMENT);
        if (length != expectedLength)
        {
            problems.add(name + ": record length is " + length + " but the fields end at " + position
                + ", which makes " + expectedLength + " bytes (rounded up to " + RECORD_ALIGNMENT + ")");
        }
    }

    private static void checkOffsetConstants(
        final Class<?> owner, final List<RecordLayout.Field> layoutFields, final List<String> problems)
    {
        final String name = owner.getSimpleName();
        final Map<String, RecordLayout.Field> byConstant = new LinkedHashMap<>();
        for (final RecordLayout.Field field : layoutFields)
        {
            byConstant.put(offsetConstantName(field.name()), field);
        }
        for (final Field constant : owner.getDeclaredFields())
        {
            final int modifiers = constant.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && constant.getName().endsWith("_OFFSET")
                && !byConstant.containsKey(constant.getName()))
            {
                problems.add(name + "." + constant.getName() + " names no field of the layout");
            }
        }
        for (final Map.Entry<String, RecordLayout.Field> entry : byConstant.entrySet())
        {
            final RecordLayout.Field field = entry.getValue();
            final Integer value = constant(owner, entry.getKey(), Integer.class, problems);
            if (value != null && value != field.offset())
            {
                problems.add(name + "." + entry.getKey() + " is " + value + " but " + field.name() + " is at "
                    + field.offset() + " in LAYOUT");
            }
        }
    }

    private static void checkAccessors(
        final Class<?> owner, final RecordLayout.Field field, final boolean writers, final List<String> problems)
    {
        final String name = owner.getSimpleName();
        final Class<?> javaType = javaType(field.kind());
        final Method reader = method(owner, field.name(), DirectBuffer.class, int.class);
        if (reader == null)
        {
            problems.add(name + ": no reader " + field.name() + "(DirectBuffer, int)");
        }
        else if (reader.getReturnType() != javaType)
        {
            problems.add(name + ": " + field.name() + "(DirectBuffer, int) returns " + reader.getReturnType()
                + " but " + field.name() + " is " + lower(field.kind()) + ", read as " + javaType);
        }
        if (writers && method(owner, field.name(), MutableDirectBuffer.class, int.class, javaType) == null)
        {
            problems.add(name + ": no writer " + field.name() + "(MutableDirectBuffer, int, " + javaType
                + ") for " + lower(field.kind()) + " field " + field.name());
        }
    }

    private static Method method(final Class<?> owner, final String name, final Class<?>... parameters)
    {
        try
        {
            final Method method = owner.getMethod(name, parameters);
            return Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers()) ? method : null;
        }
        catch (final NoSuchMethodException e)
        {
            return null;
        }
    }

    private static <T> T constant(
        final Class<?> owner, final String name, final Class<T> type, final List<String> problems)
    {
        try
        {
            final Field field = owner.getDeclaredField(name);
            final int modifiers = field.getModifiers();
            final Object value = Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) ? read(field) : null;
            if (type.isInstance(value))
            {
                return type.cast(value);
            }
            problems.add(owner.getSimpleName() + "." + name + " is not a static final " + type.getSimpleName());
        }
        catch (final NoSuchFieldException e)
        {
            problems.add(owner.getSimpleName() + " has no constant " + name);
        }
        return null;
    }

    private static Object read(final Field field)
    {
        try
        {
            field.setAccessible(true);
            return field.get(null);
        }
        catch (final IllegalAccessException e)
        {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static Class<?> javaType(final RecordLayout.Kind kind)
    {
        switch (kind)
        {
            case I8:
                return byte.class;
            case I16:
                return short.class;
            case U16:
            case I32:
                return int.class;
            case I64:
            case ASCII8:
                return long.class;
            case F64:
                return double.class;
            default:
                throw new IllegalArgumentException("no Java type for " + kind);
        }
    }

    private static String lower(final RecordLayout.Kind kind)
    {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static int align(final int position, final int alignment)
    {
        return (position + alignment - 1) / alignment * alignment;
    }
}
