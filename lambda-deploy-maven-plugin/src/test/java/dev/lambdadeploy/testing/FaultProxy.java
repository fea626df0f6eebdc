package dev.lambdadeploy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 proxy that sits between the plugin's real SDK clients and a real server (moto_server) and
 * injects the faults AWS clients meet in the wild: error responses (500/503/429 or AWS's documented error shapes
 * that moto never produces), connections reset in the middle of an upload, and slow responses.
 *
 * <p>Each request gets its own upstream connection ({@code Connection: close}) so every request is judged on its own
 * and recorded in {@link #seen()}. The Host header is passed through unchanged: the SigV4 signature covers it.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy saw and did for one request. */
    public record Seen(String method, String target, long bodyBytes, String outcome) {}

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<RequestHead> heads = new CopyOnWriteArrayList<>();
    private final AtomicLong forwardedBodyBytes = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    private FaultProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream} (e.g. {@code http://127.0.0.1:5000}). */
    public static FaultProxy start(URI upstream) throws IOException {
        return new FaultProxy(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public FaultProxy add(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Removes every fault: the network is healthy again. */
    public FaultProxy clear() {
        faults.clear();
        return this;
    }

    /** What the proxy saw, after requests still being handled have finished (a client may have its answer first). */
    public List<Seen> seen() {
        awaitIdle();
        return List.copyOf(seen);
    }

    /** The request line and headers of every request, in arrival order (e.g. to check a header on each). */
    public List<RequestHead> requests() {
        awaitIdle();
        return List.copyOf(heads);
    }

    /** Request body bytes that actually reached the upstream server. */
    public long forwardedBodyBytes() {
        awaitIdle();
        return forwardedBodyBytes.get();
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            RequestHead head = RequestHead.read(in);
            if (head == null) {
                return;
            }
            inFlight.incrementAndGet();
            heads.add(head);
            try {
                judge(client, in, head);
            } finally {
                inFlight.decrementAndGet();
            }
        } catch (IOException e) {
            // the client went away; nothing to report to anyone
        }
    }

    private void judge(Socket client, InputStream in, RequestHead head) throws IOException {
        Fault fault = faults.stream().filter(f -> f.claim(head)).findFirst().orElse(null);
        if (fault != null && fault.kind == Fault.Kind.RESPOND) {
            long drained = head.expectsContinue() ? 0 : drainBody(head, in);
            seen.add(new Seen(head.method(), head.target(), drained, "injected " + fault.status));
            writeResponse(client.getOutputStream(), fault);
            return;
        }
        if (fault != null && fault.kind == Fault.Kind.BEFORE) {
            fault.action.run(); // the request waits here, e.g. while the test changes what it refers to
            seen.add(new Seen(head.method(), head.target(), 0, "held for an action"));
            fault = null;
        }
        forward(client, head, fault);
    }

    private void forward(Socket client, RequestHead head, Fault fault) throws IOException {
        try (Socket up = new Socket(upstream.getAddress(), upstream.getPort())) {
            OutputStream upOut = up.getOutputStream();
            upOut.write(head.forUpstream());
            upOut.flush();
            long limit = fault != null && fault.kind == Fault.Kind.RESET_AFTER_BODY_BYTES ? fault.resetAfterBytes : -1;
            BodyPump pump = new BodyPump(client.getInputStream(), upOut, limit);
            pool.execute(pump);
            if (limit >= 0) {
                pump.awaitLimit();
                seen.add(new Seen(head.method(), head.target(), pump.bytes.get(), "reset after " + pump.bytes.get()));
                forwardedBodyBytes.addAndGet(pump.bytes.get());
                client.setSoLinger(true, 0); // close() now sends RST: a connection reset mid-upload
                up.setSoLinger(true, 0);
                return;
            }
            InputStream upIn = up.getInputStream();
            if (fault != null && fault.kind == Fault.Kind.RESET_AFTER_RESPONSE) {
                upIn.readAllBytes(); // the server did the work and answered; the client never hears of it
                forwardedBodyBytes.addAndGet(pump.bytes.get());
                seen.add(new Seen(head.method(), head.target(), pump.bytes.get(), "reset after the response"));
                client.setSoLinger(true, 0);
                return;
            }
            OutputStream clientOut = client.getOutputStream();
            byte[] buf = new byte[64 * 1024];
            boolean first = true;
            int n;
            while ((n = upIn.read(buf)) >= 0) {
                if (first && fault != null && fault.kind == Fault.Kind.DELAY) {
                    sleep(fault.delay.toMillis());
                }
                first = false;
                clientOut.write(buf, 0, n);
                clientOut.flush();
            }
            forwardedBodyBytes.addAndGet(pump.bytes.get());
            seen.add(new Seen(
                    head.method(),
                    head.target(),
                    pump.bytes.get(),
                    fault == null ? "forwarded" : "forwarded after delay " + fault.delay.toMillis() + " ms"));
        }
    }

    private static long drainBody(RequestHead head, InputStream in) throws IOException {
        if (head.chunked()) {
            long total = 0;
            while (true) {
                String sizeLine = readLine(in);
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return total;
                }
                in.skipNBytes(size);
                total += size;
                readLine(in);
            }
        }
        long length = Math.max(0, head.contentLength());
        in.skipNBytes(length);
        return length;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void writeResponse(OutputStream out, Fault fault) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ")
                .append(fault.status)
                .append(' ')
                .append(reason(fault.status))
                .append("\r\n");
        for (Map.Entry<String, String> h : fault.headers.entrySet()) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        sb.append("Content-Length: ").append(fault.body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(fault.body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies the request body upstream, counting bytes, and stops at the reset limit when there is one. */
    private static final class BodyPump implements Runnable {
        final InputStream from;
        final OutputStream to;
        final long limit;
        final AtomicLong bytes = new AtomicLong();
        private final Object lock = new Object();
        private boolean done;

        BodyPump(InputStream from, OutputStream to, long limit) {
            this.from = from;
            this.to = to;
            this.limit = limit;
        }

        @Override
        public void run() {
            byte[] buf = new byte[16 * 1024];
            try {
                while (true) {
                    int want = buf.length;
                    if (limit >= 0) {
                        long left = limit - bytes.get();
                        if (left <= 0) {
                            break;
                        }
                        want = (int) Math.min(want, left);
                    }
                    int n = from.read(buf, 0, want);
                    if (n < 0) {
                        break;
                    }
                    bytes.addAndGet(n); // before the write: upstream may answer the moment it has the last byte
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (SocketException e) {
                // either side closed: the exchange is over
            } catch (IOException e) {
                // same
            } finally {
                synchronized (lock) {
                    done = true;
                    lock.notifyAll();
                }
            }
        }

        void awaitLimit() {
            long deadline = System.nanoTime() + 30_000_000_000L;
            synchronized (lock) {
                while (!done && System.nanoTime() < deadline) {
                    try {
                        lock.wait(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
