package eventshop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free local port in front of one server (PostgreSQL, say), for tests that take the network away:
 * {@link #cutAndBlackHole()} closes every open connection and from then on accepts new ones but never answers (no
 * connection to the server, no bytes back, no close) - what a client sees when a peer vanishes behind a firewall -
 * until {@link #heal()}. No library fits: toxiproxy needs its Go server, and no Java one is among the packages this build can use.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> swallowed = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean blackHole;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
        acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The local port clients connect to instead of the server's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection through the proxy and black-holes the new ones until {@link #heal()}. */
    public void cutAndBlackHole() {
        blackHole = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * New connections reach the server again. The black-holed ones are closed (as a peer that comes back answers a
     * stale connection with a reset), so their clients notice now rather than at their next time-out.
     */
    public void heal() {
        blackHole = false;
        swallowed.forEach(TcpProxy::closeQuietly);
        swallowed.clear();
    }

    /** Connections being forwarded now. */
    public int openConnections() {
        return open.size() / 2;
    }

    /** Connections accepted while black-holed and still held. */
    public int swallowedConnections() {
        return swallowed.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (blackHole) {
                swallow(client);
            } else {
                forward(client);
            }
        }
    }

    /** Held open and drained (so the client's writes never block on a full buffer), never answered. */
    private void swallow(Socket client) {
        swallowed.add(client);
        start("tcp-proxy-hole", () -> {
            try (InputStream in = client.getInputStream()) {
                byte[] buffer = new byte[8192];
                while (in.read(buffer) >= 0) {
                    // discarded: nobody is there
                }
            } catch (IOException e) {
                // closed by heal() or close()
            } finally {
                swallowed.remove(client);
                closeQuietly(client);
            }
        });
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 5000);
        } catch (IOException e) {
            closeQuietly(server);
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(server);
        start("tcp-proxy-up", () -> pump(client, server));
        start("tcp-proxy-down", () -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away (or was cut): the other goes too
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            // An abortive close (RST), as a cut cable seen by the far end's next write.
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to do
        }
        open.forEach(TcpProxy::closeQuietly);
        swallowed.forEach(TcpProxy::closeQuietly);
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
