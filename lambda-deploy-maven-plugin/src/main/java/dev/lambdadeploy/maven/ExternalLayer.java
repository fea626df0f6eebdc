package dev.lambdadeploy.maven;

/**
 * POM form of a layer this build does not make but the function uses:
 * {@code <externalLayer><arn>arn:aws:lambda:...:layer:name:3</arn><unzippedSize>12MB</unzippedSize></externalLayer>}.
 */
public class ExternalLayer {
    /** Layer version ARN. */
    String arn;

    /** Its unzipped size; counts against Lambda's 262,144,000 bytes for function + layers. */
    String unzippedSize;
}
