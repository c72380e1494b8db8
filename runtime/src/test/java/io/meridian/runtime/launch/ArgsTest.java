package io.meridian.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one argument parser, as the commands (value options, flags, {@code --set}) and the harnesses (defaults,
 * bounds, choices, help) use it; every error names the command and the option.
 */
class ArgsTest
{
    @Test
    void shouldParseOptionsFlagsOverridesAndPositionals()
    {
        final Args args = Args.parse("demo", List.of("--events", "1_000", "--set", "a.b=1", "--no-progress",
            "--set=c=2", "--journal=dir", "extra"), Set.of("events", "journal"), Set.of("no-progress"));
        assertEquals(1_000, args.longOption("events", 5));
        assertEquals("dir", args.option("journal"));
        assertEquals(List.of("a.b=1", "c=2"), args.sets());
        assertTrue(args.flag("no-progress"));
        assertEquals(List.of("extra"), args.positional());
        final UsageException positional = assertThrows(UsageException.class, args::noPositional);
        assertEquals("demo: unexpected argument 'extra'", positional.getMessage());
    }

    @Test
    void shouldNameTheOptionInEveryError()
    {
        final UsageException unknown = assertThrows(UsageException.class,
            () -> Args.parse("run", List.of("--colour", "blue"), Set.of("events"), Set.of()));
        assertTrue(unknown.getMessage().startsWith("run: unknown option '--colour'; allowed: --events, --set"),
            unknown.getMessage());
        final UsageException missing = assertThrows(UsageException.class,
            () -> Args.parse("run", List.of("--events"), Set.of("events"), Set.of()));
        assertEquals("run: option '--events' needs a value", missing.getMessage());
        final Args bad = Args.parse("run", List.of("--events", "-3"), Set.of("events"), Set.of());
        final UsageException negative = assertThrows(UsageException.class, () -> bad.longOption("events", 1));
        assertEquals("run: --events needs a positive whole number, got '-3'", negative.getMessage());
    }

    @Test
    void shouldApplyDefaultsBoundsAndChoicesForHarnesses()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rate", "100000");
        defaults.put("mode", "inline");
        defaults.put("verify", "true");
        final Args args = Args.parse("bench latency", List.of("--mode", "staged", "--rate", "1,000"), defaults,
            Set.of(Args.HELP));
        assertEquals(1_000, args.longOption("rate", 1, 1_000_000));
        assertEquals("staged", args.choice("mode", "inline", "single", "staged"));
        assertTrue(args.bool("verify"));
        assertFalse(args.help());
        final UsageException bounds = assertThrows(UsageException.class, () -> args.longOption("rate", 5_000, 10_000));
        assertEquals("bench latency: --rate needs a whole number in [5000, 10000], got 1000", bounds.getMessage());
        final UsageException choice = assertThrows(UsageException.class, () -> args.choice("mode", "inline"));
        assertEquals("bench latency: --mode must be one of inline, got 'staged'", choice.getMessage());
        assertThrows(UsageException.class,
            () -> Args.parse("bench latency", List.of("--set", "a=1"), defaults, Set.of(Args.HELP)));
        assertTrue(Args.parse("bench latency", List.of("-h"), defaults, Set.of(Args.HELP)).help());
        assertThrows(UsageException.class, () -> Args.parse("demo", List.of("--help"), Set.of("events"), Set.of()));
    }
}
