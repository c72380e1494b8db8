package io.meridian.config;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
        .importPackages("io.meridian.config");

    private static final ArchRule WALL_CLOCK_RULE = noClasses().that().resideInAPackage("io.meridian.config..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Instant.class, "now")
        .because("a config must be a pure function of its text and overrides");

    @Test
    void shouldImportTheModuleClasses()
    {
        assertTrue(CLASSES.contain(ConfigLoader.class));
        assertTrue(CLASSES.contain(EngineConfig.class));
        assertTrue(!CLASSES.contain(ClockReader.class));
    }

    @Test
    void shouldDependOnNoOtherMeridianModule()
    {
        final ArchRule rule = noClasses().that().resideInAPackage("io.meridian.config..")
            .should().dependOnClassesThat(resideInAPackage("io.meridian..")
                .and(resideOutsideOfPackage("io.meridian.config..")))
            .because("config is the bottom of the module graph (the module graph in the root README.md)");

        rule.check(CLASSES);
    }

    @Test
    void shouldNotReadTheWallClock()
    {
        WALL_CLOCK_RULE.check(CLASSES);
    }

    @Test
    void shouldCatchWallClockReadInThisPackage()
    {
        final JavaClasses offender = new ClassFileImporter().importClasses(ClockReader.class);

        assertThrows(AssertionError.class, () -> WALL_CLOCK_RULE.check(offender));
    }

    /** Deliberately breaks the rule, to prove the rule can fail. */
    static final class ClockReader
    {
        long now()
        {
            return System.nanoTime();
        }
    }
}
