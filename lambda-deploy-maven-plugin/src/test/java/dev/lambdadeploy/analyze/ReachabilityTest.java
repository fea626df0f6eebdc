package dev.lambdadeploy.analyze;

import static dev.lambdadeploy.analyze.Bytecode.cls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachabilityTest {
    @TempDir
    Path dir;

    private final List<ClassIndex.Source> sources = new ArrayList<>();

    private void function(Bytecode.Jar classes) throws IOException {
        sources.add(
                new ClassIndex.Source("task/", ClassIndex.Kind.FUNCTION, classes.writeDir(dir.resolve("task")), null));
    }

    private void jar(String name, Bytecode.Jar jar) throws IOException {
        sources.add(new ClassIndex.Source(name, ClassIndex.Kind.JAR, jar.write(dir.resolve(name)), null));
    }

    private ClassIndex.Unit unit(ClassIndex index, String label) {
        return index.units().stream()
                .filter(u -> u.label.equals(label))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void followsReferencesAcrossJarsAndLeavesUnreferencedJarsUnreached() throws IOException {
        function(new Bytecode.Jar().add("app/Handler", cls("app/Handler", "lib/A")));
        jar(
                "a.jar",
                new Bytecode.Jar()
                        .add("lib/A", cls("lib/A", "lib/B", "java/util/List"))
                        .add("lib/Unused", cls("lib/Unused")));
        jar("b.jar", new Bytecode.Jar().add("lib/B", cls("lib/B")));
        jar("heavy.jar", new Bytecode.Jar().add("heavy/Big", cls("heavy/Big", "lib/A")));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Reachability.Result r = Reachability.analyze(index, List.of("app.Handler"), List.of());
            assertEquals(1, r.reachedIn(unit(index, "a.jar")), "lib/Unused in a.jar is not reached");
            assertEquals(1, r.reachedIn(unit(index, "b.jar")));
            assertEquals(0, r.reachedIn(unit(index, "heavy.jar")), "a reference *to* a reached jar does not count");
            assertEquals(List.of("app.Handler", "lib.A", "lib.B"), r.chain("lib/B", 6));
            assertTrue(r.external().contains("java/util/List"));
            assertTrue(r.missingRoots().isEmpty());
        }
    }

    @Test
    void serviceLoaderProvidersAreReachedOnceTheirServiceTypeIs() throws IOException {
        // like the AWS SDK: core asks ServiceLoader for SdkHttpService; the client jar registers an implementation
        function(new Bytecode.Jar().add("app/Handler", cls("app/Handler", "sdk/Core")));
        jar(
                "sdk-core.jar",
                new Bytecode.Jar()
                        .add("sdk/Core", cls("sdk/Core", "sdk/http/SdkHttpService"))
                        .add(
                                "sdk/http/SdkHttpService",
                                Bytecode.type(
                                        "sdk/http/SdkHttpService",
                                        "java/lang/Object",
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        true)));
        jar(
                "url-connection-client.jar",
                new Bytecode.Jar()
                        .add(
                                "sdk/http/urlconnection/UrlConnectionSdkHttpService",
                                Bytecode.type(
                                        "sdk/http/urlconnection/UrlConnectionSdkHttpService",
                                        "java/lang/Object",
                                        List.of("sdk/http/SdkHttpService"),
                                        List.of("sdk/http/urlconnection/Client"),
                                        List.of(),
                                        false))
                        .add("sdk/http/urlconnection/Client", cls("sdk/http/urlconnection/Client"))
                        .service("sdk.http.SdkHttpService", "sdk.http.urlconnection.UrlConnectionSdkHttpService"));
        jar(
                "other-plugin.jar",
                new Bytecode.Jar().add("other/Impl", cls("other/Impl")).service("other.UnusedService", "other.Impl"));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Reachability.Result r = Reachability.analyze(index, List.of("app.Handler"), List.of());
            ClassIndex.Unit client = unit(index, "url-connection-client.jar");
            assertEquals(2, r.reachedIn(client), "the HTTP client found via ServiceLoader must not look unused");
            assertEquals(
                    "ServiceLoader sdk.http.SdkHttpService",
                    r.reached()
                            .get("sdk/http/urlconnection/UrlConnectionSdkHttpService")
                            .reason());
            assertEquals(0, r.reachedIn(unit(index, "other-plugin.jar")), "a service nobody asks for is not a root");
            Reachability.Result direct = Reachability.analyze(index, List.of("app.Handler"), List.of(), false);
            assertEquals(0, direct.reachedIn(client), "without ServiceLoader edges the client is not referenced");
        }
    }

    @Test
    void jdkServicesFollowTheJdkClassThatLoadsThem() throws IOException {
        jar(
                "driver.jar",
                new Bytecode.Jar().add("db/Driver", cls("db/Driver")).service("java.sql.Driver", "db.Driver"));
        jar(
                "bc.jar",
                new Bytecode.Jar()
                        .add("bc/Provider", cls("bc/Provider"))
                        .service("java.security.Provider", "bc.Provider"));
        sources.add(
                0,
                new ClassIndex.Source(
                        "task/",
                        ClassIndex.Kind.FUNCTION,
                        new Bytecode.Jar()
                                .add("app/Db", cls("app/Db", "java/sql/DriverManager", "java/security/MessageDigest"))
                                .add("app/Plain", cls("app/Plain", "java/lang/String"))
                                .writeDir(dir.resolve("task")),
                        null));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Reachability.Result plain = Reachability.analyze(index, List.of("app.Plain"), List.of());
            assertEquals(0, plain.reachedIn(unit(index, "driver.jar")));
            Reachability.Result db = Reachability.analyze(index, List.of("app.Db"), List.of());
            assertEquals(1, db.reachedIn(unit(index, "driver.jar")), "DriverManager loads every java.sql.Driver");
            assertEquals(
                    0,
                    db.reachedIn(unit(index, "bc.jar")),
                    "security providers are installed from java.security, not found by ServiceLoader");
        }
    }

    @Test
    void stringConstantsNamingClassesAreReflectionEdges() throws IOException {
        function(new Bytecode.Jar()
                .add(
                        "app/Handler",
                        Bytecode.type(
                                "app/Handler",
                                "java/lang/Object",
                                List.of(),
                                List.of(),
                                List.of(
                                        "plugins.impl.Fast",
                                        "not a class",
                                        "plugins/impl/Slash",
                                        "com.example.Missing"),
                                false)));
        jar(
                "plugins.jar",
                new Bytecode.Jar()
                        .add("plugins/impl/Fast", cls("plugins/impl/Fast"))
                        .add("plugins/impl/Slash", cls("plugins/impl/Slash"))
                        .add("plugins/impl/Never", cls("plugins/impl/Never")));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Reachability.Result r = Reachability.analyze(index, List.of("app.Handler"), List.of());
            assertEquals("string constant", r.reached().get("plugins/impl/Fast").reason());
            assertTrue(r.reached().containsKey("plugins/impl/Slash"));
            assertFalse(r.reached().containsKey("plugins/impl/Never"));
            assertFalse(r.reached().containsKey("com/example/Missing"), "only names of classes on the class path");
        }
    }

    @Test
    void keepListAddsRootsByClassPackageOrArtifact() throws IOException {
        function(new Bytecode.Jar().add("app/Handler", cls("app/Handler")));
        jar(
                "kept.jar",
                new Bytecode.Jar()
                        .add("k/One", cls("k/One"))
                        .add("k/sub/Two", cls("k/sub/Two"))
                        .add("k/Three", cls("k/Three")));
        try (ClassIndex index = ClassIndex.build(sources)) {
            ClassIndex.Unit kept = unit(index, "kept.jar");
            assertEquals(
                    1,
                    Reachability.analyze(index, List.of("app.Handler"), List.of("k.One"))
                            .reachedIn(kept));
            assertEquals(
                    2,
                    Reachability.analyze(index, List.of("app.Handler"), List.of("k.*"))
                            .reachedIn(kept));
            assertEquals(
                    3,
                    Reachability.analyze(index, List.of("app.Handler"), List.of("k.**"))
                            .reachedIn(kept));
        }
    }

    @Test
    void missingRootIsReportedAndSnapStartHazardsAreFound() throws IOException {
        function(new Bytecode.Jar()
                .add("app/Handler", cls("app/Handler", "app/Ids"))
                .add(
                        "app/Ids",
                        Bytecode.withClinitCall("app/Ids", "java/util/UUID", "randomUUID", "()Ljava/util/UUID;")));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Reachability.Result r = Reachability.analyze(index, List.of("app.Handler", "app.Nope"), List.of());
            assertEquals(List.of("app.Nope"), r.missingRoots());
            assertEquals(
                    Set.of("java.util.UUID.randomUUID"), r.snapStartHazards().get("app.Ids"));
        }
    }

    @Test
    void duplicateClassesAndSplitPackages() throws IOException {
        jar(
                "a-1.0.jar",
                new Bytecode.Jar()
                        .add("x/Same", cls("x/Same"))
                        .add("x/Changed", cls("x/Changed"))
                        .add("p/OnlyA", cls("p/OnlyA")));
        jar(
                "a-2.0.jar",
                new Bytecode.Jar()
                        .add("x/Same", cls("x/Same"))
                        .add("x/Changed", cls("x/Changed", "x/Same"))
                        .add("p/OnlyB", cls("p/OnlyB")));
        try (ClassIndex index = ClassIndex.build(sources)) {
            Duplicates.Result d = Duplicates.find(index);
            assertEquals(1, d.overlaps().size());
            Duplicates.Overlap o = d.overlaps().get(0);
            assertEquals("a-1.0.jar", o.winner());
            assertEquals("a-2.0.jar", o.shadowed());
            assertEquals(1, o.identical());
            assertEquals(1, o.differing());
            assertEquals(
                    List.of("p"),
                    d.splitPackages().stream()
                            .map(Duplicates.SplitPackage::packageName)
                            .toList(),
                    "x only holds duplicates (an overlap); p has different classes in each jar");
            assertEquals("a-1.0.jar", index.definingUnit("x/Changed").label, "first on the class path wins");
        }
    }
}
