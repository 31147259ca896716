package dev.paddock.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 answer from whatever bytes arrive, in pieces of any size, without copying what it does not
 * keep: the status line and headers a line at a time, then the body by its Content-Length, chunked, or up to the
 * end of the connection (none for 1xx, 204 and 304, whatever the headers say: RFC 9112 6.3). Only the headers
 * the client needs are looked at (Content-Length, Transfer-Encoding, Connection); the body is kept when asked or
 * when the answer is not a 2xx (for its problem type), else skipped.
 */
final class AnswerReader {

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);
    private static final int LONGEST_LINE = 64 * 1024;

    private enum Stage { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK, CHUNK_END, TRAILERS, TO_CLOSE, DONE }

    private Stage stage = Stage.DONE;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] body = new byte[1024];
    private int bodyLength;
    private boolean keepBody;
    private boolean started;
    private int status;
    private long length;
    private boolean chunked;
    private boolean close;
    private long left;

    /** Ready for the next answer; its body kept whatever its status if {@code keepBody}. */
    void start(boolean keepBody) {
        this.keepBody = keepBody;
        stage = Stage.STATUS;
        started = false;
        lineLength = 0;
        bodyLength = 0;
        status = 0;
        length = -1;
        chunked = false;
        close = false;
    }

    /** Whether any byte of the answer came: until then a closed connection may be retried. */
    boolean started() {
        return started;
    }

    /**
     * Takes the bytes of {@code in} that belong to the answer; true once the answer is whole (bytes after it are
     * left in {@code in}).
     */
    boolean read(ByteBuffer in) throws IOException {
        if (in.hasRemaining()) {
            started = true;
        }
        while (in.hasRemaining() && stage != Stage.DONE) {
            switch (stage) {
                case BODY, CHUNK, TO_CLOSE -> body(in);
                default -> {
                    if (line(in)) {
                        endOfLine();
                    }
                }
            }
        }
        return stage == Stage.DONE;
    }

    /** The connection ended: true if that ends the answer (a body without length), else the answer is cut short. */
    boolean end() throws EOFException {
        if (stage == Stage.TO_CLOSE) {
            stage = Stage.DONE;
            return true;
        }
        throw new EOFException(started ? "Connection closed in the middle of an answer"
                : "Connection closed before the answer");
    }

    KeepAliveClient.Reply reply() {
        if (!keeps()) {
            return KeepAliveClient.Reply.skipped(status);
        }
        String text = new String(body, 0, bodyLength, StandardCharsets.UTF_8);
        return new KeepAliveClient.Reply(status, status >= 300 ? PaddockApi.problemType(text) : null, text);
    }

    /** Whether the server closes the connection after this answer. */
    boolean close() {
        return close;
    }

    private boolean keeps() {
        return keepBody || status >= 300;
    }

    /** Adds to the current line up to its LF; true when the line is whole (kept without its CR LF). */
    private boolean line(ByteBuffer in) throws IOException {
        int position = in.position();
        int limit = in.limit();
        for (int i = position; i < limit; i++) {
            byte b = in.get(i);
            if (b == '\n') {
                in.position(i + 1);
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                if (line.length >= LONGEST_LINE) {
                    throw new IOException("A line of the answer's head is longer than " + LONGEST_LINE + " bytes");
                }
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
        in.position(limit);
        return false;
    }

    private void endOfLine() throws IOException {
        int length = lineLength;
        lineLength = 0;
        switch (stage) {
            case STATUS -> statusLine(length);
            case HEADERS -> {
                if (length == 0) {
                    afterHead();
                } else {
                    header(length);
                }
            }
            case CHUNK_SIZE -> {
                left = chunkSize(length);
                stage = left == 0 ? Stage.TRAILERS : Stage.CHUNK;
            }
            case CHUNK_END -> {
                if (length != 0) {
                    throw new IOException("A chunk does not end with CRLF");
                }
                stage = Stage.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (length == 0) {
                    stage = Stage.DONE;
                }
            }
            default -> throw new IllegalStateException("No line is read in " + stage);
        }
    }

    private void statusLine(int length) throws IOException {
        if (length < 12 || !startsWith("HTTP/1.") || !digit(9) || !digit(10) || !digit(11)) {
            throw new IOException("Not an HTTP answer: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        close = line[7] == '0';
        stage = Stage.HEADERS;
    }

    private void header(int length) throws IOException {
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            colon++;
        }
        if (colon == length) {
            return;
        }
        int from = colon + 1;
        int to = length;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        if (named(CONTENT_LENGTH, colon)) {
            this.length = decimal(from, to);
        } else if (named(TRANSFER_ENCODING, colon)) {
            chunked = new String(line, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)
                    .contains("chunked");
        } else if (named(CONNECTION, colon)) {
            close = to - from == 5 && new String(line, from, 5, StandardCharsets.ISO_8859_1).equalsIgnoreCase("close");
        }
    }

    private void afterHead() {
        if (status / 100 == 1 || status == 204 || status == 304) {
            stage = Stage.DONE;
        } else if (chunked) {
            stage = Stage.CHUNK_SIZE;
        } else if (length >= 0) {
            left = length;
            stage = length == 0 ? Stage.DONE : Stage.BODY;
        } else {
            close = true;
            left = Long.MAX_VALUE;
            stage = Stage.TO_CLOSE;
        }
    }

    /** Takes body bytes up to what is left of the body or chunk, keeping them if asked. */
    private void body(ByteBuffer in) {
        int take = (int) Math.min(in.remaining(), left);
        if (keeps()) {
            if (bodyLength + take > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + take));
            }
            in.get(body, bodyLength, take);
            bodyLength += take;
        } else {
            in.position(in.position() + take);
        }
        if (stage == Stage.TO_CLOSE) {
            return;
        }
        left -= take;
        if (left == 0) {
            stage = stage == Stage.CHUNK ? Stage.CHUNK_END : Stage.DONE;
        }
    }

    private long chunkSize(int length) throws IOException {
        int end = 0;
        while (end < length && line[end] != ';' && line[end] != ' ' && line[end] != '\t') {
            end++;
        }
        if (end == 0 || end > 15) {
            throw new IOException("Not a chunk size: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        long size = 0;
        for (int i = 0; i < end; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                throw new IOException("Not a chunk size: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
            }
            size = size * 16 + digit;
        }
        return size;
    }

    private long decimal(int from, int to) throws IOException {
        if (from == to || to - from > 18) {
            throw new IOException("Not a Content-Length: " + new String(line, from, to - from, StandardCharsets.ISO_8859_1));
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!digit(i)) {
                throw new IOException("Not a Content-Length: " + new String(line, from, to - from, StandardCharsets.ISO_8859_1));
            }
            value = value * 10 + line[i] - '0';
        }
        return value;
    }

    private boolean named(byte[] name, int length) {
        if (length != name.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((line[i] | 0x20) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean digit(int index) {
        return line[index] >= '0' && line[index] <= '9';
    }
}
