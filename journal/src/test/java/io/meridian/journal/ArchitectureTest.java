package io.meridian.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.journal.chronicle.ChronicleJournalWriter;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest
{
    /**
     * Main classes only. ArchUnit's DO_NOT_INCLUDE_TESTS only knows {@code target/test-classes}; builds here use
     * other output folders ({@code -Dbuild.dirname=...}), so match any {@code test-classes} folder.
     */
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(MAIN_CLASSES_ONLY)
        .importPackages("io.meridian.journal");

    private static final ArchRule CHRONICLE_RULE = noClasses()
        .that().resideInAPackage("io.meridian.journal..")
        .and().resideOutsideOfPackage("io.meridian.journal.chronicle..")
        .should().dependOnClassesThat().resideInAPackage("net.openhft..")
        .because("only io.meridian.journal.chronicle may use Chronicle (one package holds the storage technology)");

    @Test
    void shouldImportTheModuleClasses()
    {
        assertTrue(CLASSES.contain(JournalWriter.class));
        assertTrue(CLASSES.contain(ChronicleJournalWriter.class));
        assertFalse(CLASSES.contain(ChronicleUser.class));
    }

    @Test
    void shouldUseChronicleOnlyInTheChroniclePackage()
    {
        CHRONICLE_RULE.check(CLASSES);
    }

    @Test
    void shouldCatchChronicleUseOutsideTheChroniclePackage()
    {
        final JavaClasses offender = new ClassFileImporter().importClasses(ChronicleUser.class);

        assertThrows(AssertionError.class, () -> CHRONICLE_RULE.check(offender));
    }

    @Test
    void shouldNotDependOnGatewayOrOps()
    {
        noClasses().that().resideInAPackage("io.meridian.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("io.meridian.gateway..", "io.meridian.ops..")
            .because("journal sits below gateway and ops in the module graph (the module graph in the root README.md)")
            .check(CLASSES);
    }

    /** Deliberately breaks the Chronicle rule, to prove the rule can fail. */
    static final class ChronicleUser
    {
        Object rollCycle()
        {
            return RollCycles.FAST_DAILY;
        }
    }
}
