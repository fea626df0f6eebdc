package dev.lambdadeploy.maven;

import dev.lambdadeploy.invoke.InvokeException;
import dev.lambdadeploy.invoke.InvokeReport;
import dev.lambdadeploy.invoke.InvokeRequest;
import dev.lambdadeploy.invoke.InvokeResult;
import dev.lambdadeploy.invoke.LambdaInvoker;
import dev.lambdadeploy.invoke.LambdaLayout;
import dev.lambdadeploy.manifest.PackageManifest;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the handler locally in a fresh JVM on the packaged layout ({@code target/lambda/invoke/}: layers in
 * {@code opt/}, function.zip in {@code task/}) with Lambda's JVM flags and environment, prints the response and the
 * start-up timings, and writes {@code target/lambda/invoke-result.json}. A handler exception fails the build with the
 * handler's stack trace. Run after {@code lambda:package}: {@code mvn package lambda:invoke -Dlambda.event=event.json}.
 */
@Mojo(name = "invoke", threadSafe = true)
public class InvokeMojo extends AbstractFunctionRunMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.invoke.skip", defaultValue = "false")
    private boolean skipInvoke;

    /**
     * The event: a JSON file, inline JSON (starting with {, [ or "), or {@code -} to read standard input. Without it
     * the event is {@code {}}.
     */
    @Parameter(property = "lambda.event")
    private String event;

    /** How many times the handler is invoked in the same JVM (the first is the cold one). */
    @Parameter(property = "lambda.invoke.invocations", defaultValue = "2")
    private int invocations;

    @Override
    protected String goal() {
        return "invoke";
    }

    @Override
    protected boolean skipGoal() {
        return skipInvoke;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        PackageManifest manifest = readManifest();
        InvokeRequest request =
                invokeRequest(Events.read(event, project.getBasedir().toPath(), System.in), invocations, "invoke");
        LambdaInvoker invoker = new LambdaInvoker(new MavenBuildLog(getLog()));
        try {
            LambdaLayout layout = LambdaLayout.prepare(
                    manifest, outputDirectory.toPath(), outputDirectory.toPath().resolve("invoke"));
            InvokeResult result = invoker.run(layout, request, true);
            InvokeReport.write(outputDirectory.toPath().resolve(InvokeReport.FILE_NAME), request.handler(), result);
            LambdaInvoker.requireSuccess(result, layout, request.handler());
            InvokeReport.summary(request.handler(), result).forEach(getLog()::info);
        } catch (InvokeException e) {
            if (e.handlerFault()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("lambda:invoke failed: " + e.getMessage(), e);
        }
    }
}
