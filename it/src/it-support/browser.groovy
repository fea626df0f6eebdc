/*
 * Opens an HTML file in a real headless Chromium (installed by ensure-chromium.sh when missing) and returns what a
 * test can check: the rendered DOM (after scripts ran) and a PNG screenshot with pixel statistics.
 * Load it with   browser = evaluate(new File(new File(itSupport).parentFile, 'browser.groovy'))
 */
import javax.imageio.ImageIO
import java.awt.image.BufferedImage
import java.util.concurrent.TimeUnit

class Browser {
    final File supportDir

    Browser(File supportDir) {
        this.supportDir = supportDir
    }

    /** Path of a headless-capable Chromium; installs Debian's package when missing and allowed, else fails clearly. */
    String chromium() {
        Process p = new ProcessBuilder('bash', new File(supportDir, 'ensure-chromium.sh').path).start()
        p.outputStream.close()
        StringBuffer out = new StringBuffer(), err = new StringBuffer()
        boolean done = waitWithOutput(p, out, err, 600)
        assert done && p.exitValue() == 0: "A headless Chromium is needed to test the HTML report and could not be" +
                " provided (ensure-chromium.sh exit ${done ? p.exitValue() : 'timeout'}):\n${err}"
        out.toString().readLines().findAll { it.trim() }.last().trim()
    }

    /**
     * Waits for the process and for its output to be fully copied: consumeProcessOutput copies on background threads,
     * which may still be running when waitFor returns (then the output looks empty).
     */
    static boolean waitWithOutput(Process p, StringBuffer out, StringBuffer err, long seconds) {
        Thread o = p.consumeProcessOutputStream(out)
        Thread e = p.consumeProcessErrorStream(err)
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS)
        if (done) {
            o.join(10_000)
            e.join(10_000)
        }
        done
    }

    /** Runs Chromium headless on the file with a throw-away profile under workDir; returns stdout. */
    String run(File html, File workDir, List<String> args) {
        workDir.mkdirs()
        List<String> cmd = [chromium(), '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                            '--no-first-run', '--no-default-browser-check', '--hide-scrollbars',
                            "--user-data-dir=${new File(workDir, 'chromium-profile').path}".toString()] + args +
                [html.toURI().toString()]
        Process p = new ProcessBuilder(cmd).directory(workDir).start()
        p.outputStream.close()
        StringBuffer out = new StringBuffer(), err = new StringBuffer()
        boolean done = waitWithOutput(p, out, err, 120)
        if (!done) {
            p.destroyForcibly()
        }
        assert done && p.exitValue() == 0: "${cmd.join(' ')} failed:\n${err}"
        out.toString()
    }

    String dumpDom(File html, File workDir) {
        run(html, workDir, ['--virtual-time-budget=2000', '--dump-dom'])
    }

    BufferedImage screenshot(File html, File png, int width, int height) {
        png.delete()
        run(html, png.parentFile, ["--window-size=${width},${height}".toString(), "--screenshot=${png.path}".toString()])
        assert png.isFile() && png.length() > 0: "no screenshot written to ${png}"
        ImageIO.read(png)
    }

    /** For each name: pixels within tolerance of its #rrggbb color; one pass, statically compiled (2M pixels). */
    @groovy.transform.CompileStatic
    static Map<String, Integer> countColors(BufferedImage img, Map<String, String> hexByName, int tolerance = 10) {
        List<String> names = new ArrayList<>(hexByName.keySet())
        int[] want = new int[names.size()]
        int[] counts = new int[names.size()]
        for (int i = 0; i < names.size(); i++) {
            want[i] = Integer.parseInt(hexByName.get(names.get(i)).substring(1), 16)
        }
        int[] row = new int[img.width]
        for (int y = 0; y < img.height; y++) {
            img.getRGB(0, y, img.width, 1, row, 0, img.width)
            for (int x = 0; x < row.length; x++) {
                int c = row[x]
                for (int i = 0; i < want.length; i++) {
                    if (Math.abs(((c >> 16) & 0xff) - ((want[i] >> 16) & 0xff)) <= tolerance
                            && Math.abs(((c >> 8) & 0xff) - ((want[i] >> 8) & 0xff)) <= tolerance
                            && Math.abs((c & 0xff) - (want[i] & 0xff)) <= tolerance) {
                        counts[i]++
                    }
                }
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>()
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), counts[i])
        }
        out
    }

    @groovy.transform.CompileStatic
    static int distinctColors(BufferedImage img) {
        Set<Integer> colors = new HashSet<>()
        for (int y = 0; y < img.height; y += 2) {
            for (int x = 0; x < img.width; x += 2) {
                colors << (img.getRGB(x, y) & 0xffffff)
            }
        }
        colors.size()
    }
}

new Browser(new File(itSupport as String).parentFile)
