package dev.lambdadeploy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The request line and headers of one HTTP/1.1 request, as read off the wire by {@link FaultProxy}. */
public record RequestHead(String method, String target, String version, List<String[]> headers) {

    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public long contentLength() {
        String v = header("Content-Length");
        return v == null ? -1 : Long.parseLong(v.trim());
    }

    public boolean chunked() {
        String v = header("Transfer-Encoding");
        return v != null && v.toLowerCase(Locale.ROOT).contains("chunked");
    }

    public boolean expectsContinue() {
        String v = header("Expect");
        return v != null && v.equalsIgnoreCase("100-continue");
    }

    /** The head as sent upstream: same request, but one request per connection so each one can be judged alone. */
    byte[] forUpstream() {
        StringBuilder sb = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(' ')
                .append(version)
                .append("\r\n");
        for (String[] h : headers) {
            if (!h[0].equalsIgnoreCase("Connection") && !h[0].equalsIgnoreCase("Proxy-Connection")) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads a head; returns null at a clean end of stream before any byte. */
    static RequestHead read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a request head");
            }
            if (b == '\n' && prev == '\r') {
                byte[] raw = line.toByteArray();
                String text = new String(raw, 0, raw.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
            prev = b;
        }
        String[] requestLine = lines.get(0).split(" ", 3);
        if (requestLine.length != 3) {
            throw new IOException("bad request line: " + lines.get(0));
        }
        List<String[]> headers = new ArrayList<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            headers.add(new String[] {
                h.substring(0, colon).trim(), h.substring(colon + 1).trim()
            });
        }
        return new RequestHead(requestLine[0], requestLine[1], requestLine[2], headers);
    }
}
