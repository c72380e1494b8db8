package io.meridian.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.bench.latency.LatencyMain;
import org.junit.jupiter.api.Test;

/**
 * The bench module measures the product through its modules' public pieces: it depends on engine, journal, gateway
 * and config, never on ops (nothing depends on ops or bench: the module graph in the root README.md).
 */
class ArchitectureTest
{
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/")
        && !location.contains("-tests.jar");

    private static final JavaClasses BENCH = new ClassFileImporter()
        .withImportOption(MAIN_CLASSES_ONLY)
        .importPackages("io.meridian.bench");

    private static final ArchRule NO_OPS = noClasses()
        .that().resideInAPackage("io.meridian.bench..")
        .should().dependOnClassesThat().resideInAPackage("io.meridian.ops..")
        .because("bench depends on engine, journal, gateway and config only");

    @Test
    void shouldImportTheBenchClasses()
    {
        assertTrue(BENCH.contain(LatencyMain.class));
    }

    @Test
    void shouldNotDependOnOps()
    {
        NO_OPS.check(BENCH);
    }

    @Test
    void shouldCatchADependencyOnOps()
    {
        assertThrows(AssertionError.class,
            () -> NO_OPS.check(new ClassFileImporter().importClasses(UsesOps.class)));
    }

    /**
     * A deliberate offender.
     */
    static final class UsesOps
    {
        String name()
        {
            return io.meridian.ops.OpsStandIn.name();
        }
    }
}
