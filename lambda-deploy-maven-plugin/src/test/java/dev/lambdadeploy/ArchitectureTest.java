package dev.lambdadeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import dev.lambdadeploy.limits.LambdaLimits;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The package layering written down in {@code package-info.java} of {@code dev.lambdadeploy} and in CONTRIBUTING.md
 * ("Packages and layers"), checked on the main classes. A new package must be placed in a layer here.
 */
@AnalyzeClasses(locations = ArchitectureTest.PluginClasses.class)
class ArchitectureTest {
    private static final String ROOT = "dev.lambdadeploy.";

    /** The mojos, and the HelpMojo maven-plugin-plugin generates into a package named after the artifact. */
    private static final String[] MAVEN_ADAPTER = {ROOT + "maven..", ROOT + "lambda_deploy_maven_plugin.."};

    /** The packages that call AWS; the others get what they need from them as plain data. */
    private static final String[] CALLS_AWS = {
        ROOT + "aws..",
        ROOT + "iam..",
        ROOT + "lifecycle..",
        ROOT + "outputs..",
        ROOT + "publish..", // publish.image included: ECR's token and repositories
    };

    /**
     * The plugin's main classes only: not its tests, nor lambda-invoke-shim (also {@code dev.lambdadeploy}, but a
     * module of its own that runs in the function's JVM), nor the libraries (scanning them is slow).
     */
    static final class PluginClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(Path.of(LambdaLimits.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.lambdadeploy.(**)")
            .should()
            .beFreeOfCycles()
            .because("a package graph with cycles cannot be layered, tested or moved piece by piece");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Maven adapter")
            .definedBy(MAVEN_ADAPTER)
            .layer("Presentation")
            .definedBy(ROOT + "report..")
            .layer("Engines")
            .definedBy(
                    ROOT + "analyze..",
                    ROOT + "assemble..",
                    ROOT + "budget..",
                    ROOT + "fleet..",
                    ROOT + "iam..",
                    ROOT + "invoke..",
                    ROOT + "lifecycle..",
                    ROOT + "outputs..",
                    ROOT + "publish..")
            .layer("Foundations")
            .definedBy(
                    ROOT + "aws..",
                    ROOT + "config..",
                    ROOT + "json..",
                    ROOT + "limits..",
                    ROOT + "log..",
                    ROOT + "manifest..",
                    ROOT + "units..")
            .whereLayer("Maven adapter")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Presentation")
            .mayOnlyBeAccessedByLayers("Maven adapter")
            .whereLayer("Engines")
            .mayOnlyBeAccessedByLayers("Maven adapter", "Presentation")
            .ensureAllClassesAreContainedInArchitectureIgnoring(ROOT.substring(0, ROOT.length() - 1))
            .because("engines return data and know nothing of Maven or of how their results are shown");

    @ArchTest
    static final ArchRule mavenOnlyInTheAdapter = noClasses()
            .that()
            .resideOutsideOfPackages(MAVEN_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..")
            .because("the engine is plain Java behind request and result objects, testable without Maven");

    @ArchTest
    static final ArchRule awsSdkOnlyWhereAwsIsCalled = noClasses()
            .that()
            .resideOutsideOfPackages(CALLS_AWS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule jibOnlyInTheImageBuilder = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + "publish.image..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.cloud.tools.jib..");

    @ArchTest
    static final ArchRule unitsIsALeaf = leaf(ROOT + "units..");

    @ArchTest
    static final ArchRule limitsIsALeaf = leaf(ROOT + "limits..");

    /** Every layer uses it, so it uses nothing of ours (nor any library). */
    private static ArchRule leaf(String pkg) {
        return classes()
                .that()
                .resideInAPackage(pkg)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(pkg, "java..");
    }
}
