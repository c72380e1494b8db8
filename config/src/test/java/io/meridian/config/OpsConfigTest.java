package io.meridian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ops} section: optional (a manifest written before it existed still loads, with the loopback default),
 * validated with errors naming key, value and what is allowed.
 */
class OpsConfigTest
{
    @Test
    void shouldDefaultToLoopbackAndAnyFreePortWhenTheSectionIsAbsent()
    {
        final String yaml = ConfigLoader.canonicalYaml(ConfigLoader.loadProfile("demo", List.of()));
        final String withoutOps = yaml.substring(0, yaml.indexOf("ops:\n"));

        final EngineConfig config = ConfigLoader.loadText("old manifest", withoutOps, List.of());

        assertEquals(OpsConfig.DEFAULT, config.ops());
        assertEquals(new OpsConfig("127.0.0.1", 0, 512), OpsConfig.DEFAULT);
    }

    @Test
    void shouldTakeOverrides()
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("ops.port=9464", "ops.bind=0.0.0.0"));

        assertEquals(new OpsConfig("0.0.0.0", 9464, 512), config.ops());
        assertEquals("::1", ConfigLoader.loadProfile("demo", List.of("ops.bind=::1")).ops().bind());
        assertEquals("localhost", ConfigLoader.loadProfile("demo", List.of("ops.bind=localhost")).ops().bind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "http"})
    void shouldRefuseAPortOutOfRange(final String port)
    {
        ConfigFixtures.assertError(
            () -> ConfigLoader.loadProfile("demo", List.of("ops.port=" + port)),
            "--set", "ops.port", port.equals("http") ? "\"http\"" : port,
            port.equals("http") ? "expected an integer" : "out of range",
            "allowed: a TCP port from 0 to 65535 (0: any free port)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "example.com", "127.0.0", "1.2.3.4.5"})
    void shouldRefuseABindAddressThatIsNotALiteral(final String bind)
    {
        ConfigFixtures.assertError(
            () -> ConfigLoader.loadProfile("demo", List.of("ops.bind=" + bind)),
            "--set", "ops.bind", "\"" + bind + "\"", "not a valid value", "allowed: an IPv4 address");
    }
}
