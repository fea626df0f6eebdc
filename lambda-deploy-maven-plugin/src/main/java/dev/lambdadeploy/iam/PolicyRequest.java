package dev.lambdadeploy.iam;

import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.S3Settings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the policy is for: the same settings lambda:deploy, status, rollback and prune use, plus the account (from
 * STS, or given). {@code layerNames} are the AWS names (prefix included) of the package's layers and of any layers
 * prune should still clean up.
 */
public final class PolicyRequest {
    final Set<PolicyGoal> goals;
    final List<String> regions;
    final String account;
    final List<String> functionNames;
    final List<String> roles;
    final List<String> layerNames;
    final boolean shareLayers;
    final boolean publishVersions;
    final String alias;
    final DeployMode mode;
    final S3Settings s3;
    final String imageRepository;
    final boolean imageLifecyclePolicy;
    final boolean s3ExpireRule;
    final String ssmPrefix;
    final boolean layersOnly;

    private PolicyRequest(Builder b) {
        goals = b.goals.isEmpty() ? EnumSet.allOf(PolicyGoal.class) : EnumSet.copyOf(b.goals);
        regions = List.copyOf(new LinkedHashSet<>(b.regions));
        account = b.account;
        functionNames = List.copyOf(new LinkedHashSet<>(b.functionNames));
        roles = List.copyOf(new LinkedHashSet<>(b.roles));
        layerNames = List.copyOf(new LinkedHashSet<>(b.layerNames));
        shareLayers = b.shareLayers;
        publishVersions = b.publishVersions;
        alias = b.alias;
        mode = b.mode;
        s3 = b.s3;
        imageRepository = b.imageRepository;
        imageLifecyclePolicy = b.imageLifecyclePolicy;
        s3ExpireRule = b.s3ExpireRule;
        ssmPrefix = b.ssmPrefix;
        layersOnly = b.layersOnly;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<PolicyGoal> goals() {
        return goals;
    }

    public List<String> regions() {
        return regions;
    }

    public String account() {
        return account;
    }

    /** Image mode: deploy builds an image (mode image, or auto with a repository for what is too big for zips). */
    boolean image() {
        return imageRepository != null && (mode == DeployMode.IMAGE || mode == DeployMode.AUTO);
    }

    /** Zips: layers and function code (every mode but image). */
    boolean zips() {
        return mode != DeployMode.IMAGE;
    }

    /** S3 transport: mode s3, or auto (which switches to S3 for zips over the 50 MB direct-upload limit). */
    boolean s3Transport() {
        return mode == DeployMode.S3 || mode == DeployMode.AUTO;
    }

    public static final class Builder {
        private final Set<PolicyGoal> goals = EnumSet.noneOf(PolicyGoal.class);
        private final List<String> regions = new ArrayList<>();
        private String account;
        private final List<String> functionNames = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private final List<String> layerNames = new ArrayList<>();
        private boolean shareLayers;
        private boolean publishVersions;
        private String alias;
        private DeployMode mode = DeployMode.AUTO;
        private S3Settings s3 = S3Settings.defaults();
        private String imageRepository;
        private boolean imageLifecyclePolicy;
        private boolean s3ExpireRule;
        private String ssmPrefix;
        private boolean layersOnly;

        public Builder goals(Set<PolicyGoal> v) {
            goals.addAll(v);
            return this;
        }

        public Builder regions(List<String> v) {
            regions.addAll(v);
            return this;
        }
        /** 12-digit account id, or null when unknown (then the builder fails with how to give it). */
        public Builder account(String v) {
            account = v;
            return this;
        }

        public Builder functionNames(List<String> v) {
            functionNames.addAll(v);
            return this;
        }
        /** Execution role ARNs deploy passes to Lambda (CreateFunction, role changes): iam:PassRole on them. */
        public Builder roles(List<String> v) {
            v.stream().filter(r -> r != null && !r.isBlank()).forEach(roles::add);
            return this;
        }

        public Builder layerNames(List<String> v) {
            layerNames.addAll(v);
            return this;
        }
        /** Layer versions are shared with accounts or an organization (AddLayerVersionPermission). */
        public Builder shareLayers(boolean v) {
            shareLayers = v;
            return this;
        }
        /** Deploy publishes function versions (publishVersion or SnapStart). */
        public Builder publishVersions(boolean v) {
            publishVersions = v;
            return this;
        }

        public Builder alias(String v) {
            alias = v;
            return this;
        }

        public Builder mode(DeployMode v) {
            mode = v == null ? DeployMode.AUTO : v;
            return this;
        }

        public Builder s3(S3Settings v) {
            s3 = v == null ? S3Settings.defaults() : v;
            return this;
        }

        public Builder imageRepository(String v) {
            imageRepository = v == null || v.isBlank() ? null : v.trim();
            return this;
        }
        /** Deploy puts an ECR lifecycle policy (keepNewestImages). */
        public Builder imageLifecyclePolicy(boolean v) {
            imageLifecyclePolicy = v;
            return this;
        }
        /** Prune installs the bucket's expiry rule (s3ExpireDays). */
        public Builder s3ExpireRule(boolean v) {
            s3ExpireRule = v;
            return this;
        }
        /** SSM Parameter Store prefix deploy publishes layer ARNs under, or null. */
        public Builder ssmPrefix(String v) {
            ssmPrefix = v == null || v.isBlank() ? null : v.trim();
            return this;
        }
        /** Deploy publishes layers only and touches no function. */
        public Builder layersOnly(boolean v) {
            layersOnly = v;
            return this;
        }

        public PolicyRequest build() {
            return new PolicyRequest(this);
        }
    }
}
