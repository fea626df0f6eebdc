package dev.lambdadeploy.publish.image;

import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import dev.lambdadeploy.log.BuildLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to Jib: its log goes to the build log at debug level (warnings as warnings), progress is reported every
 * 25 %, and the blobs Jib really uploaded (not skipped as present, not mounted from another repository) are
 * remembered for the push report.
 */
final class JibEvents implements Consumer<JibEvent> {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    /** Jib's timer lap after a blob's PATCH (its bytes) finished and before the PUT that commits it. */
    private static final String UPLOADED = "pushBlob PUT ";

    private static final String BASE_DIGEST = "Using base image with digest: ";

    private final BuildLog log;
    private final Set<String> uploadedBlobs = ConcurrentHashMap.newKeySet();
    private volatile String baseImageDigest;
    private double progress;
    private int reportedQuarter;

    JibEvents(BuildLog log) {
        this.log = log;
    }

    @Override
    public void accept(JibEvent event) {
        if (event instanceof LogEvent e) {
            onLog(e);
        } else if (event instanceof ProgressEvent p) {
            onProgress(p);
        } else if (event instanceof TimerEvent t && t.getDescription().startsWith(UPLOADED)) {
            Matcher m = DIGEST.matcher(t.getDescription());
            if (m.find()) {
                uploadedBlobs.add(m.group());
            }
        }
    }

    private void onLog(LogEvent e) {
        String message = e.getMessage();
        if (message.startsWith(BASE_DIGEST)) {
            baseImageDigest = message.substring(BASE_DIGEST.length()).trim();
        }
        if (e.getLevel() == LogEvent.Level.WARN) {
            log.warn("Jib: " + message);
        } else {
            log.debug("Jib: " + message);
        }
    }

    private synchronized void onProgress(ProgressEvent p) {
        long units = p.getAllocation().getAllocationUnits();
        if (units <= 0) {
            return;
        }
        progress += p.getAllocation().getFractionOfRoot() * p.getUnits() / units;
        int quarter = (int) Math.floor(Math.min(progress, 1.0) * 4);
        if (quarter > reportedQuarter && quarter < 4) {
            reportedQuarter = quarter;
            log.info("Image build and push: " + quarter * 25 + "%");
        }
    }

    Set<String> uploadedBlobs() {
        return Set.copyOf(uploadedBlobs);
    }

    String baseImageDigest() {
        return baseImageDigest;
    }
}
