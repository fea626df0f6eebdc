package dev.lambdadeploy.maven;

import dev.lambdadeploy.invoke.InvokeRequest;
import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** Parameters shared by the goals that run the packaged function locally (lambda:invoke, lambda:analyze). */
abstract class AbstractFunctionRunMojo extends AbstractLambdaMojo {
    /** The handler: {@code package.Class::method} or {@code package.Class} (RequestHandler / RequestStreamHandler). */
    @Parameter(property = "lambda.handler")
    protected String handler;

    /** Function memory in MB: sizes the heap as Lambda does (85 %) and is what Context reports. */
    @Parameter(property = "lambda.memorySize", defaultValue = "512")
    protected int memorySize;

    /** Function timeout in seconds for a local run. */
    @Parameter(property = "lambda.timeout", defaultValue = "300")
    protected int timeout;

    /** Function name reported by Context and AWS_LAMBDA_FUNCTION_NAME. */
    @Parameter(property = "lambda.functionName", defaultValue = "${project.artifactId}")
    protected String functionName;

    /** Region in AWS_REGION for local runs (only a dummy value: nothing is called). */
    @Parameter(property = "lambda.region", defaultValue = "us-east-1")
    protected String region;

    /** The function's JAVA_TOOL_OPTIONS, as configured on Lambda (e.g. {@code -XX:TieredStopAtLevel=1}). */
    @Parameter(property = "lambda.javaToolOptions")
    protected String javaToolOptions;

    /** The function's environment variables. */
    @Parameter
    protected Map<String, String> environment = new LinkedHashMap<>();

    /** Java executable for local runs; defaults to the JVM running Maven. */
    @Parameter(property = "lambda.invoke.java")
    protected File java;

    @Parameter(defaultValue = "${plugin.groupId}", readonly = true)
    private String pluginGroupId;

    @Parameter(defaultValue = "${plugin.artifactId}", readonly = true)
    private String pluginArtifactId;

    protected PackageManifest readManifest() throws MojoExecutionException {
        Path file = outputDirectory.toPath().resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException(PackageExecutions.missingManifest(
                    file.toString(),
                    goal(),
                    PackageExecutions.bindsPackage(project.getBuildPlugins(), pluginGroupId, pluginArtifactId)));
        }
        try {
            return ManifestIO.read(file);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot read " + file + " (" + e.getMessage() + "); rebuild it with 'mvn package'", e);
        }
    }

    protected InvokeRequest invokeRequest(byte[] event, int invocations, String runId) throws MojoExecutionException {
        if (handler == null || handler.isBlank()) {
            throw new MojoExecutionException("No handler: set <handler> in the plugin configuration or pass"
                    + " -Dlambda.handler=com.example.MyHandler::handleRequest");
        }
        if (memorySize < LambdaLimits.MIN_MEMORY_MB || memorySize > LambdaLimits.MAX_MEMORY_MB) {
            throw new MojoExecutionException("<memorySize> (lambda.memorySize) must be " + LambdaLimits.MIN_MEMORY_MB
                    + ".." + LambdaLimits.MAX_MEMORY_MB + " MB, was " + memorySize);
        }
        Map<String, String> env = new LinkedHashMap<>(environment == null ? Map.of() : environment);
        if (javaToolOptions != null && !javaToolOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Path javaExe = java == null ? InvokeRequest.currentJava() : java.toPath();
        return new InvokeRequest(
                handler.trim(),
                event,
                javaExe,
                memorySize,
                functionName,
                region,
                Duration.ofSeconds(timeout),
                env,
                invocations,
                List.of(),
                runId);
    }
}
