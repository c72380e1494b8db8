package io.meridian.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.bench.latency.LatencyMain;
import io.meridian.runtime.ArchitectureRules;
import io.meridian.runtime.live.LiveTopology;
import org.junit.jupiter.api.Test;

/**
 * The bench module measures the product through its modules' public pieces: it depends on runtime (the live
 * topology, threads, argument parsing, JVM flags it shares with the command line), engine, journal, gateway and
 * config, never on ops; and, like every module, it creates no thread itself.
 */
class ArchitectureTest
{
    private static final JavaClasses ALL_MAIN = new ClassFileImporter()
        .withImportOption(ArchitectureRules.MAIN_CLASSES_ONLY)
        .importPackages("io.meridian");

    private static final ArchRule NO_OPS = noClasses()
        .that().resideInAPackage("io.meridian.bench..")
        .should().dependOnClassesThat().resideInAPackage("io.meridian.ops..")
        .because("bench shares launch code with ops through runtime, never through ops");

    @Test
    void shouldImportTheBenchAndRuntimeClasses()
    {
        assertTrue(ALL_MAIN.contain(LatencyMain.class));
        assertTrue(ALL_MAIN.contain(LiveTopology.class));
    }

    @Test
    void shouldNotDependOnOps()
    {
        NO_OPS.check(ALL_MAIN);
    }

    @Test
    void shouldCatchADependencyOnOps()
    {
        assertThrows(AssertionError.class,
            () -> NO_OPS.check(new ClassFileImporter().importClasses(UsesOps.class)));
    }

    @Test
    void shouldCreateThreadsOnlyInRuntimeLaunch()
    {
        ArchitectureRules.ONLY_RUNTIME_LAUNCH_CREATES_THREADS.check(ALL_MAIN);
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
