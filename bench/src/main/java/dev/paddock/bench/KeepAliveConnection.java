package dev.paddock.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One connection of a {@link KeepAliveClient}: a request written, its answer read to the end (Content-Length,
 * chunked, or up to the end of the connection; none for 1xx, 204 and 304), again, with blocking socket calls.
 */
final class KeepAliveConnection {

    private static final byte[] CRLF = {'\r', '\n'};

    /** What came back, and whether the server will close the connection after it. */
    record Answer(KeepAliveClient.Reply reply, boolean close) {
    }

    /** The connection was found closed before any byte of the answer: the request may be sent again. */
    static final class Stale extends Exception {
        Stale(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final StringBuilder line = new StringBuilder(64);

    KeepAliveConnection(String host, int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    Answer exchange(byte[] request, boolean keepBody) throws IOException, Stale {
        int first;
        try {
            out.write(request);
            out.flush();
            first = in.read();
        } catch (SocketTimeoutException slow) {
            throw slow;
        } catch (IOException e) {
            throw new Stale(e);
        }
        if (first == -1) {
            throw new Stale(new EOFException("Connection closed before the answer"));
        }
        line.setLength(0);
        line.append((char) first);
        String status = readLine();
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status, 9, 12, 10);
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        boolean keep = keepBody || code >= 300;
        byte[] body;
        if (code / 100 == 1 || code == 204 || code == 304) {
            body = new byte[0]; // no body, whatever the headers say (RFC 9112 6.3)
        } else if (chunked) {
            body = chunks(keep);
        } else if (length >= 0) {
            body = fixed(length, keep);
        } else {
            // no length: the body runs to the end of the connection
            body = fixed(Long.MAX_VALUE, keep);
            close = true;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String type = code >= 300 ? PaddockApi.problemType(text) : null;
        return new Answer(new KeepAliveClient.Reply(code, type, text), close);
    }

    /** A line of the head, without its CRLF; {@link #line} may already hold its first character. */
    private String readLine() throws IOException {
        for (int c = in.read(); ; c = in.read()) {
            if (c == -1) {
                throw new EOFException("Connection closed in the middle of an answer");
            }
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                String text = line.toString();
                line.setLength(0);
                return text;
            }
            line.append((char) c);
        }
    }

    /** {@code length} bytes (or up to the end of the stream), kept only when asked. */
    private byte[] fixed(long length, boolean keep) throws IOException {
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[4096];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read == -1) {
                if (length == Long.MAX_VALUE) {
                    break;
                }
                throw new EOFException("Connection closed in the middle of a body");
            }
            if (kept != null) {
                kept.write(buffer, 0, read);
            }
            left -= read;
        }
        return kept == null ? new byte[0] : kept.toByteArray();
    }

    private byte[] chunks(boolean keep) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return keep ? kept.toByteArray() : new byte[0];
            }
            byte[] chunk = fixed(length, keep);
            kept.write(chunk, 0, chunk.length);
            if (in.read() != CRLF[0] || in.read() != CRLF[1]) {
                throw new IOException("A chunk does not end with CRLF");
            }
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
