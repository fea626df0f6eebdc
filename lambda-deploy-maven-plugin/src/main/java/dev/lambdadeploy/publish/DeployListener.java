package dev.lambdadeploy.publish;

/**
 * What a running deploy reports for the caller to show. The engine logs its own steps but does not render its
 * results: the Maven goal passes a listener from {@code dev.lambdadeploy.report}, tests pass {@link #NONE} or their own.
 */
public interface DeployListener {
    /** Shows nothing. */
    DeployListener NONE = new DeployListener() {};

    /**
     * The image of {@code region} was pushed (or reused from another module of the build), before any function is
     * pointed at it and before its size is checked.
     */
    default void imagePushed(String region, ImageDeployResult image) {}
}
