package eventshop.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The proxy in front of a real echo server: forwards, cuts, black-holes, heals. */
class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerAndProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread copy = new Thread(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                    copy.setDaemon(true);
                    copy.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = new TcpProxy("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(roundTrip(socket, "again")).isEqualTo("again");
            assertThat(proxy.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aCutEndsOpenConnectionsAndNewOnesAreAcceptedButNeverAnswered() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "up")).isEqualTo("up");

            proxy.cutAndBlackHole();

            assertThatThrownBy(() -> {
                // the reset may only show at the second write, or as end of stream
                write(before, "lost");
                write(before, "lost");
                if (before.getInputStream().read() < 0) {
                    throw new IOException("end of stream");
                }
            }).isInstanceOf(IOException.class);
            try (Socket during = connect()) {
                during.setSoTimeout(500);
                write(during, "anyone?");
                assertThatThrownBy(() -> during.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThat(proxy.swallowedConnections()).isEqualTo(1);
                assertThat(proxy.openConnections()).isZero();
            }
        }
    }

    @Test
    void healingLetsNewConnectionsThroughAndEndsTheSwallowedOnes() throws IOException {
        proxy.cutAndBlackHole();
        try (Socket swallowed = connect()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.swallowedConnections() == 1);

            proxy.heal();

            swallowed.setSoTimeout(5000);
            assertThatThrownBy(() -> {
                if (swallowed.getInputStream().read() < 0) {
                    throw new IOException("end of stream");
                }
            }).isInstanceOf(IOException.class);
            try (Socket after = connect()) {
                assertThat(roundTrip(after, "back")).isEqualTo("back");
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        write(socket, text);
        byte[] answer = new byte[text.length()];
        new DataInputStream(socket.getInputStream()).readFully(answer);
        return new String(answer, StandardCharsets.UTF_8);
    }
}
