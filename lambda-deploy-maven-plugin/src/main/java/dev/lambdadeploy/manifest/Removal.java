package dev.lambdadeploy.manifest;

/** What stripping removed from one jar for one reason. */
public record Removal(String reason, int entries, long bytes) {}
