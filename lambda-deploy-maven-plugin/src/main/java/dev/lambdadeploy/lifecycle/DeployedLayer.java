package dev.lambdadeploy.lifecycle;

/**
 * One layer version on a function: {@code managed} when this plugin's deploy put it there (history tag), or the
 * local package has a layer of that name.
 */
public record DeployedLayer(String name, long version, String arn, long codeSize, String codeSha256, boolean managed) {}
