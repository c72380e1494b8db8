package io.meridian.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The report module reads journals after the fact: journal, engine and config only, never the gateways, the runtime
 * (threads, venues), ops or Chronicle directly (it goes through the journal's reader).
 */
final class ArchitectureTest
{
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(MAIN_CLASSES_ONLY)
        .importPackages("io.meridian.report");

    private static final ArchRule LAYERS = noClasses()
        .that().resideInAPackage("io.meridian.report..")
        .should().dependOnClassesThat().resideInAnyPackage("io.meridian.gateway..", "io.meridian.runtime..",
            "io.meridian.ops..", "io.meridian.bench..", "net.openhft..")
        .because("report sits on journal, engine and config (root README module graph)");

    @Test
    void shouldImportTheModuleClasses()
    {
        assertTrue(CLASSES.contain(Report.class));
    }

    @Test
    void shouldDependOnlyOnJournalEngineAndConfig()
    {
        LAYERS.check(CLASSES);
    }

    @Test
    void shouldCatchADirectChronicleDependency()
    {
        assertThrows(AssertionError.class,
            () -> LAYERS.check(new ClassFileImporter().importClasses(ChronicleUser.class)));
    }

    @Test
    void shouldNotReadTheWallClock()
    {
        noClasses().that().resideInAPackage("io.meridian.report..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("every figure comes from the journal's event times")
            .check(CLASSES);
    }

    /** Deliberately uses Chronicle directly, to prove the rule can fail. */
    static final class ChronicleUser
    {
        Object rollCycle()
        {
            return net.openhft.chronicle.queue.RollCycles.FAST_DAILY;
        }
    }
}
