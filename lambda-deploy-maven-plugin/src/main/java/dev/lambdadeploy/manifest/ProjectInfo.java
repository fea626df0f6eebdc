package dev.lambdadeploy.manifest;

/** The Maven project a package was built from. */
public record ProjectInfo(String groupId, String artifactId, String version) {}
