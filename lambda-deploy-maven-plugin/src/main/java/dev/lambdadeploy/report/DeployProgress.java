package dev.lambdadeploy.report;

import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.DeployListener;
import dev.lambdadeploy.publish.ImageDeployResult;

/** The console lines of a running {@code lambda:deploy}, each prefixed with its region as the engine's own lines are. */
public final class DeployProgress implements DeployListener {
    private final BuildLog log;

    public DeployProgress(BuildLog log) {
        this.log = log;
    }

    @Override
    public void imagePushed(String region, ImageDeployResult image) {
        ImageSummary.render(image).forEach(l -> log.info("[" + region + "] " + l));
    }
}
