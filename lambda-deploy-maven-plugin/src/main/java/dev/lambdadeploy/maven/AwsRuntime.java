package dev.lambdadeploy.maven;

import dev.lambdadeploy.invoke.ShimClasspath;
import java.net.MalformedURLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Puts the AWS SDK, Jib and the invoke shim into the plugin's class realm, for every goal but {@code lambda:package}.
 * They are not dependencies of the plugin (they come with the POM {@code lambda-deploy-aws} of the same version),
 * because Maven resolves and loads every dependency of a plugin for any of its goals: about 100 jars that {@code
 * lambda:package} never uses cost a package-only build about half a second (BENCHMARKS.md). They are resolved like the
 * plugin itself (same repositories, mirrors, offline mode and local repository), so nothing else changes for the user.
 */
final class AwsRuntime {
    static final String ARTIFACT_ID = "lambda-deploy-aws";
    /**
     * All loadable means the realm already has what lambda-deploy-aws brings (added before, or a test class path): one
     * class of each of its dependencies, so an AWS SDK module a user adds to the plugin's {@code <dependencies>} (a
     * credential provider, say) does not pass for all of them.
     */
    static final List<String> PROBES = List.of(
            "com.google.cloud.tools.jib.api.Jib",
            "software.amazon.awssdk.services.lambda.LambdaClient",
            "software.amazon.awssdk.services.s3.S3Client",
            "software.amazon.awssdk.services.sts.StsClient",
            "software.amazon.awssdk.services.ecr.EcrClient",
            "software.amazon.awssdk.services.ssm.SsmClient",
            "software.amazon.awssdk.http.apache.ApacheHttpClient",
            "software.amazon.awssdk.arns.Arn",
            ShimClasspath.MAIN_CLASS);
    /** Goals of parallel modules (-T) share one realm: one adds, the others wait and find it there. */
    private static final Object LOCK = new Object();

    private AwsRuntime() {}

    static void ensureLoaded(
            String goal,
            PluginDescriptor plugin,
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            Log log)
            throws MojoExecutionException {
        synchronized (LOCK) {
            if (missing() == null) {
                return;
            }
            ClassRealm realm = plugin == null ? null : plugin.getClassRealm();
            if (realm == null || system == null || session == null) {
                throw new MojoExecutionException("lambda:" + goal + " needs the AWS SDK, which is not on the class path"
                        + " of lambda-deploy-maven-plugin, and Maven gave the plugin no class realm to add it to."
                        + " Run the goal through Maven (mvn lambda:" + goal + ").");
            }
            String coordinates = plugin.getGroupId() + ":" + ARTIFACT_ID + ":pom:" + plugin.getVersion();
            List<ArtifactResult> results;
            try {
                CollectRequest collect = new CollectRequest(
                        new Dependency(
                                new DefaultArtifact(plugin.getGroupId(), ARTIFACT_ID, "", "pom", plugin.getVersion()),
                                "runtime"),
                        repositories);
                results = system.resolveDependencies(session, new DependencyRequest(collect, null))
                        .getArtifactResults();
            } catch (DependencyResolutionException | RuntimeException e) {
                throw new MojoExecutionException(
                        "lambda:" + goal + " cannot resolve " + coordinates + " (the AWS SDK and Jib it needs, which"
                                + " come with the plugin's version): " + e.getMessage() + ". They are resolved from the"
                                + " same repositories as the plugin: check that your repositories or mirror"
                                + " (settings.xml) serve them, or run once without -o (offline) to download them.",
                        e);
            }
            // Jackson, Commons Compress and ASM are inside the plugin's jar, relocated (dev.lambdadeploy.shaded), so
            // the copies Jib brings are added beside them without a clash. Any artifact the plugin's POM still lists
            // is in the realm already and stays, in the version the plugin was built and tested with.
            Set<String> inRealm = new HashSet<>();
            plugin.getArtifacts().forEach(a -> inRealm.add(a.getGroupId() + ":" + a.getArtifactId()));
            int added = 0;
            for (ArtifactResult r : results) {
                Artifact a = r.getArtifact();
                if (a == null
                        || a.getFile() == null
                        || !"jar".equals(a.getExtension())
                        || !inRealm.add(a.getGroupId() + ":" + a.getArtifactId())) {
                    continue;
                }
                try {
                    realm.addURL(a.getFile().toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new MojoExecutionException("Cannot use " + a.getFile() + ": " + e.getMessage(), e);
                }
                added++;
            }
            log.debug("Added " + added + " jar(s) of " + coordinates + " to the plugin's class realm");
            String stillMissing = missing();
            if (stillMissing != null) {
                throw new MojoExecutionException("lambda:" + goal + " resolved " + coordinates + " but " + stillMissing
                        + " is still missing from the plugin's class realm. Delete that POM from your local Maven"
                        + " repository (or your mirror's copy) so it is downloaded again.");
            }
        }
    }

    /** The first probe the realm cannot load, or {@code null} when it has them all. */
    private static String missing() {
        for (String probe : PROBES) {
            try {
                Class.forName(probe, false, AwsRuntime.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return probe;
            }
        }
        return null;
    }
}
