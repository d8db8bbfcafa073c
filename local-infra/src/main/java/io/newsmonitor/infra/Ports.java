package io.newsmonitor.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free and open TCP ports on the loopback interface. */
public final class Ports {

  private Ports() {
  }

  /** A port nothing listens on right now; another process may take it before the caller binds it, which is rare enough here. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
    }
  }

  /** Whether another socket holds the port, so that a server could not bind {@code 127.0.0.1:port}. */
  public static boolean isTaken(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Whether something accepts TCP connections on {@code 127.0.0.1:port}. */
  public static boolean isOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
